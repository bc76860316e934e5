// ICU's word and sentence rules transcribed for ASCII text with a few
// common symbols ("°", "≤", "•"): the same boundaries as ICU's iterators
// (tests/segmenter_test.cc compares them on random strings and real
// messages) without their per-character cost. Other text goes through ICU.
#ifndef PLAINLANG_TEXT_ASCII_RULES_H_
#define PLAINLANG_TEXT_ASCII_RULES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/segmenter.h"

namespace plainlang {

// Whether the transcriptions below give ICU's boundaries for `text`: it is
// ASCII but for a few symbols ICU's rules treat as Other ("°", "≤", "•").
bool FastRulesApply(std::string_view text);

// Sentence boundaries (byte offsets, the last one text.size()) of `text`,
// for which FastRulesApply holds, as ICU's English sentence iterator gives them.
std::vector<size_t> AsciiSentenceBreaks(std::string_view text);

// The tokens of text[span] (FastRulesApply holds for it) in *tokens, as
// Tokenize makes them with ICU's word iterator; *folded is the span
// lower-cased, which they view.
void TokenizeAscii(std::string_view text, SentenceSpan span, std::vector<Token>* tokens,
                   std::string* folded);

}  // namespace plainlang

#endif  // PLAINLANG_TEXT_ASCII_RULES_H_
