// The lexicon's tables as the analyser looks them up. Private to the library.
#ifndef PLAINLANG_LEXICON_LEXICON_INDEX_H_
#define PLAINLANG_LEXICON_LEXICON_INDEX_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "plainlang/lexicon.h"

namespace plainlang {

// Hash maps keyed by std::string that can be probed with a string_view.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// A term of the terms table, or a medicine name (category "medicine").
struct Term {
  std::string_view term;      // as written in the table
  std::string_view category;  // condition, symptom, ..., medicine
  float familiarity = 0;      // 0..1
  std::vector<std::string_view> plain;  // plain alternatives, best first
  std::string_view definition;
  std::string_view source;
  std::vector<std::string> tokens;  // folded tokens, as the segmenter makes them
};

struct Abbreviation {
  std::string_view written;  // canonical spelling, e.g. "HbA1c", "b.i.d."
  std::vector<std::string_view> expansions;
  std::string_view plain;
  bool exact_case = false;   // only the written capitals match ("BID", not "bid")
  float familiarity = 0.2f;
  std::string_view source;
};

struct WordFacts {
  float zipf = 0;         // everyday frequency, Zipf scale (0 = unseen, 7 = "the")
  int8_t syllables = -1;  // from the pronouncing dictionary; -1 when unknown
};

struct Affix {
  std::string affix;  // without the hyphen, folded: "itis", "brady"
  std::string_view meaning;
};

struct Lexicon::Index {
  // Table bytes that the string_views above point into.
  std::deque<std::string> blobs;

  std::vector<Term> terms;
  StringMap<uint32_t> term_by_key;                   // tokens joined by ' '
  StringMap<std::vector<uint32_t>> terms_by_first;   // first token -> term ids
  size_t longest_term_tokens = 0;

  std::vector<Abbreviation> abbreviations;
  StringMap<uint32_t> abbreviation_by_key;  // folded, dots removed

  StringMap<WordFacts> words;
  std::vector<Affix> prefixes, suffixes;
  StringSet allowed;
  size_t medicines = 0;

  const WordFacts* FindWord(std::string_view folded) const {
    auto it = words.find(folded);
    return it == words.end() ? nullptr : &it->second;
  }
};

// The key an abbreviation is filed under: case-folded, dots removed.
std::string AbbreviationKey(std::string_view text);

// Splits a folded lexicon term into the tokens the segmenter would make.
std::vector<std::string> TermTokens(std::string_view folded_term);

}  // namespace plainlang

#endif  // PLAINLANG_LEXICON_LEXICON_INDEX_H_
