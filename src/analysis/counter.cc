#include "analysis/counter.h"

#include <algorithm>

#include "lexicon/matcher.h"

namespace plainlang {

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
