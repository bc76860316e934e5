// The counter: what the readability formulas count for each word (words,
// syllables, letters, Gunning's complex words, ...), and the word-level
// facts counting needs.
#ifndef PLAINLANG_ANALYSIS_COUNTER_H_
#define PLAINLANG_ANALYSIS_COUNTER_H_

#include <algorithm>
#include <cstddef>
#include <span>
#include <string_view>

#include "lexicon/lexicon_index.h"
#include "plainlang/readability.h"
#include "text/segmenter.h"
#include "text/syllable_cache.h"

namespace plainlang {

// A possessive's base word ("patient's" -> "patient"). Two byte tests, which
// inline, rather than a substr that may throw: this runs for every word.
inline std::string_view StripPossessive(std::string_view folded) {
  const size_t n = folded.size();
  if (n > 2 && folded[n - 2] == '\'' && folded[n - 1] == 's') folded.remove_suffix(2);
  return folded;
}

// The word's entry (`entry`, as looked up), or for a possessive its base
// word's. Inline, as WordSyllables: both run for every word.
inline const WordEntry* FindWordOrBase(const Lexicon::Index& index, const Token& token,
                                       const WordEntry* entry) {
  if (entry != nullptr || token.kind != TokenKind::kWord) return entry;
  std::string_view base = StripPossessive(token.folded);
  return base.size() == token.folded.size() ? nullptr : index.FindWord(base);
}

// The syllables of a token; `word` is the entry FindWordOrBase gives it.
inline int WordSyllables(const Token& token, const WordEntry* word) {
  if (token.kind == TokenKind::kNumber) return 1;
  if (word != nullptr && word->syllables >= 0) return std::max<int>(1, word->syllables);
  return std::max(1, CachedEstimateSyllables(StripPossessive(token.folded)));
}

// Whether a word of three or more syllables is "complex" in Gunning's sense.
// Out of line: CountWord runs for every word, this for few.
[[gnu::noinline]] bool IsComplexWord(const Lexicon::Index& index, const Token& token, int syllables,
                                     bool sentence_start);

// Adds one word to `counts`. Inline, and its counts without branches: it
// runs for every word.
[[gnu::always_inline]] inline void CountWord(const Lexicon::Index& index, const Token& token,
                                             int syllables, bool sentence_start, Counts& counts) {
  ++counts.words;
  counts.numbers += token.letters == 0;
  counts.syllables += syllables;
  counts.letters += token.letters;
  counts.characters += token.letters + token.digits;
  counts.long_words += token.letters > 6;
  counts.monosyllabic_words += syllables == 1;
  if (syllables >= 3) {
    ++counts.polysyllabic_words;
    if (IsComplexWord(index, token, syllables, sentence_start)) ++counts.complex_words;
  }
}

// Word tokens in tokens[first, end); with `lexical` only those holding a
// letter, which is what the jargon density counts ("type 4" is one).
inline size_t CountWords(std::span<const Token> tokens, size_t first, size_t end,
                         bool lexical = false) {
  size_t words = 0;
  for (size_t k = first; k < end; ++k) {
    words += tokens[k].is_word() && (!lexical || tokens[k].letters > 0);
  }
  return words;
}

// The end of the run of tokens glued to tokens[k], before `end`: a reader's
// one word of an abbreviation ("f/u" is one run, "alk phos" two).
inline size_t GluedRunEnd(std::span<const Token> tokens, size_t k, size_t end) {
  do ++k;
  while (k < end && !tokens[k].space_before);
  return k;
}

}  // namespace plainlang

#endif  // PLAINLANG_ANALYSIS_COUNTER_H_
