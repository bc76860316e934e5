// Finding lexicon entries in a sentence's tokens: longest match of multi-word
// terms (case-folded, simple inflections) and abbreviations (their own case
// rules), left to right, never overlapping.
#ifndef PLAINLANG_LEXICON_MATCHER_H_
#define PLAINLANG_LEXICON_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon_index.h"
#include "text/segmenter.h"

namespace plainlang {

struct LexiconMatch {
  enum class Type : uint8_t { kTerm, kAbbreviation };
  Type type = Type::kTerm;
  size_t first = 0, end = 0;  // token indices [first, end)
  uint32_t id = 0;            // into Index::terms or Index::abbreviations
};

// Forms a folded word may be an inflection of, most likely first: the word
// without a possessive, then singular and -ed/-ing stems ("biopsies" ->
// "biopsy", "stented" -> "stent", "dosing" -> "dose"). Always holds the
// word itself first. Stems shorter than three letters are not produced.
std::vector<std::string> InflectionStems(std::string_view folded);

// `text` is what the tokens' offsets index; `entries[i]` is
// index.FindWord(tokens[i].folded), looked up once by the caller.
// `all_caps_sentence` disables case-exact abbreviations, which in shouted
// text are ordinary words.
std::vector<LexiconMatch> MatchLexicon(const Lexicon::Index& index, std::string_view text,
                                       const std::vector<Token>& tokens,
                                       const std::vector<const WordEntry*>& entries,
                                       bool all_caps_sentence);

}  // namespace plainlang

#endif  // PLAINLANG_LEXICON_MATCHER_H_
