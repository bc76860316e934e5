// Rule-based syllable counts for words the pronouncing dictionary lacks
// (drug names, misspellings, medical coinages).
#ifndef PLAINLANG_TEXT_SYLLABLES_H_
#define PLAINLANG_TEXT_SYLLABLES_H_

#include <string_view>

namespace plainlang {

// Estimates the syllables of a word the dictionary does not hold, from its
// spelling. `word` is lower-case UTF-8; non-ASCII letters count as vowels when
// they are accented vowels (é, ï, ...). Returns at least 1 for any word
// holding a letter, 0 otherwise. Apostrophes are ignored ("they're" is one
// syllable); other non-letters split the word ("follow-up" is 2 + 1).
// A pure function, safe for concurrent use; it never allocates.
int EstimateSyllables(std::string_view word);

}  // namespace plainlang

#endif  // PLAINLANG_TEXT_SYLLABLES_H_
