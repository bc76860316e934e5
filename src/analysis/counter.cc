#include "analysis/counter.h"

#include <algorithm>

#include "lexicon/matcher.h"
#include "text/syllable_cache.h"

namespace plainlang {

const WordEntry* FindWordOrBase(const Lexicon::Index& index, const Token& token,
                                const WordEntry* entry) {
  if (entry != nullptr || token.kind != TokenKind::kWord) return entry;
  std::string_view base = StripPossessive(token.folded);
  return base.size() == token.folded.size() ? nullptr : index.FindWord(base);
}

int WordSyllables(const Token& token, const WordEntry* word) {
  if (token.kind == TokenKind::kNumber) return 1;
  if (word != nullptr && word->syllables >= 0) return std::max<int>(1, word->syllables);
  return std::max(1, CachedEstimateSyllables(StripPossessive(token.folded)));
}

// Gunning leaves out names and words made long only by an -ed, -es or -ing
// ending; the first stem the dictionary knows decides.
bool IsComplexWord(const Lexicon::Index& index, const Token& token, int syllables,
                   bool sentence_start) {
  if (token.capitalized && !token.all_caps && !sentence_start) return false;  // a name
  const std::string_view word = token.folded;
  const bool inflected = (word.size() > 4 && (word.ends_with("ed") || word.ends_with("es"))) ||
                         (word.size() > 5 && word.ends_with("ing"));
  if (inflected) {
    InflectionStems stems(word);
    for (size_t k = 1; k < stems.size(); ++k) {  // stems[0] is the word itself
      const WordEntry* stem = index.FindWord(stems[k]);
      if (stem != nullptr && stem->syllables > 0) return stem->syllables >= 3;
    }
  }
  return syllables >= 3;
}

}  // namespace plainlang
