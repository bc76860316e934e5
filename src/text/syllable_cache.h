// Syllable estimates remembered per thread.
#ifndef PLAINLANG_TEXT_SYLLABLE_CACHE_H_
#define PLAINLANG_TEXT_SYLLABLE_CACHE_H_

#include <string_view>

namespace plainlang {

// EstimateSyllables (syllables.h) with a memory: its rules cost some 1,700
// instructions a word, and the words the dictionary lacks (drug names,
// abbreviations, coinages) recur within a message and across the next
// ones. Each thread keeps the last word seen in each of 2,048 slots,
// compared in full. Safe for concurrent use.
int CachedEstimateSyllables(std::string_view word);

}  // namespace plainlang

#endif  // PLAINLANG_TEXT_SYLLABLE_CACHE_H_
