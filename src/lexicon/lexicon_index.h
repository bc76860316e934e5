// The lexicon's tables as the analyser looks them up. Private to the library.
#ifndef PLAINLANG_LEXICON_LEXICON_INDEX_H_
#define PLAINLANG_LEXICON_LEXICON_INDEX_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/word_table.h"
#include "plainlang/lexicon.h"

namespace plainlang {

// A term of the terms table, or a medicine name (category "medicine").
struct Term {
  std::string_view term;                // as written in the table
  std::string_view category;            // condition, symptom, ..., medicine
  float familiarity = 0;                // 0..1
  std::vector<std::string_view> plain;  // plain alternatives, best first
  std::string_view definition;
  std::string_view source;
  std::vector<std::string> tokens;  // folded tokens, as the segmenter makes them
};

struct Abbreviation {
  std::string_view written;  // canonical spelling, e.g. "HbA1c", "b.i.d."
  std::vector<std::string_view> expansions;
  std::vector<std::string_view> plain;  // plain wordings, best first
  bool exact_case = false;              // only the written capitals match ("BID", not "bid")
  float familiarity = 0.2f;
  std::string_view source;
};

struct Affix {
  std::string affix;  // without the hyphen, folded: "itis", "brady"
  // What a finding built on it says, made once at load from the table's
  // meaning: "a medical word built on '-ectomy' (surgical removal)" and
  // "affix:ectomy".
  std::string description;
  std::string source;
};

struct Lexicon::Index {
  // Table bytes that the string_views above point into.
  std::deque<std::string> blobs;

  std::vector<Term> terms;
  size_t longest_term_tokens = 0;
  size_t medicines = 0;
  std::vector<Abbreviation> abbreviations;
  // Every word form: words.tsv, first tokens of terms, abbreviation keys
  // (folded, dots removed), allowed words.
  WordTable words;
  std::vector<Affix> prefixes, suffixes;  // longest first
  // The same by their last byte (suffixes) and first byte (prefixes), in
  // the order above: a word is checked against the few that could fit it
  // rather than all five hundred.
  std::array<std::vector<const Affix*>, 256> suffixes_by_last, prefixes_by_first;
  size_t allowed = 0;

  const WordEntry* FindWord(std::string_view folded) const { return words.Find(folded); }
  const Abbreviation* FindAbbreviation(std::string_view key) const {
    const WordEntry* entry = words.Find(key);
    return entry == nullptr || entry->abbreviation < 0 ? nullptr
                                                       : &abbreviations[entry->abbreviation];
  }
};

// The key an abbreviation is filed under: case-folded, dots removed.
std::string AbbreviationKey(std::string_view text);

// Terms of two or more words are filed under their first two tokens
// joined by this ("blood pressure").
inline constexpr char kPairSeparator = ' ';

// Room for a pair key without an allocation; a longer one (none in the
// default lexicon) goes to the string.
struct PairKeyBuffer {
  std::array<char, 96> room;
  std::string longer;
};

// The key terms of two or more words are filed under, made in *buffer and
// valid until its next use. Inline: the matcher makes one for most pairs of
// words it reads.
inline std::string_view TermPairKey(std::string_view first, std::string_view second,
                                    PairKeyBuffer* buffer) {
  const size_t size = first.size() + 1 + second.size();
  char* out = buffer->room.data();
  if (size > buffer->room.size()) {
    buffer->longer.resize(size);
    out = buffer->longer.data();
  }
  std::memcpy(out, first.data(), first.size());
  out[first.size()] = kPairSeparator;
  std::memcpy(out + first.size() + 1, second.data(), second.size());
  return std::string_view(out, size);
}

// Splits a folded lexicon term into the tokens the segmenter would make.
std::vector<std::string> TermTokens(std::string_view folded_term);

}  // namespace plainlang

#endif  // PLAINLANG_LEXICON_LEXICON_INDEX_H_
