// Sentence and word segmentation: ICU's Unicode rules plus clinical rules.
#ifndef PLAINLANG_TEXT_SEGMENTER_H_
#define PLAINLANG_TEXT_SEGMENTER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plainlang {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };

struct Token {
  size_t start = 0, end = 0;  // bytes into the segmented text
  TokenKind kind = TokenKind::kWord;
  bool space_before = false;  // whitespace separates it from the previous token
  bool capitalized = false;   // first letter is upper-case
  bool all_caps = false;      // has letters, none lower-case
  bool has_dot = false;       // its folded form holds a '.' ("e.g", "2.5"): the
                              // matcher's test for dotted abbreviations, known
                              // here without a search of every word
  uint32_t letters = 0;       // letter code points
  uint32_t digits = 0;        // decimal digit code points
  std::string_view folded;    // case-folded, curly apostrophe as '; views the
                              // buffer Tokenize was given
  bool is_word() const { return kind == TokenKind::kWord || kind == TokenKind::kNumber; }
};

struct SentenceSpan {
  size_t start = 0, end = 0;  // bytes, trimmed of surrounding whitespace
};

// How sentence and word boundaries are found.
enum class BreakRules {
  kFast,       // ICU's rules; ASCII text (with a few symbols such as "°") uses a
               // transcription of them that gives the same boundaries (tested
               // against ICU) several times faster
  kIcu,        // always ICU's break iterators
  kFastKnown,  // kFast for text already found to suit the transcription, as
               // SplitSentences reports it: not scanned again to find out
};

// Sentences of `text` (valid UTF-8). ICU's sentence rules, then:
//  - no break after titles and Latin abbreviations ("Dr.", "e.g.", "i.e.",
//    "vs."), nor after dosing and time abbreviations ("b.i.d.", "a.m.")
//    unless a capital letter follows;
//  - decimals ("2.5 mg", "7.2%") and times ("8:30") never break (ICU);
//  - a line break ends a sentence (ICU) unless the next line continues it in
//    lower case; a blank line or a bullet line always ends one.
// Spans holding only whitespace are dropped. With `word_rules`, sets it to
// the rules Tokenize should take for spans of `text`. Thread-safe.
std::vector<SentenceSpan> SplitSentences(std::string_view text,
                                         BreakRules rules = BreakRules::kFast,
                                         BreakRules* word_rules = nullptr);

// Replaces *tokens with the tokens of text[span.start, span.end), with
// offsets into `text`. Whitespace is not a token. Their folded forms view
// *folded, which this call replaces too: one buffer for a sentence's words
// rather than a string in each token. Thread-safe.
void Tokenize(std::string_view text, SentenceSpan span, std::vector<Token>* tokens,
              std::string* folded, BreakRules rules = BreakRules::kFast);

// Case-folds a UTF-8 word the way tokens are folded (lexicon keys use it).
std::string FoldCase(std::string_view word);
// The same, appended to *out.
void AppendFoldCase(std::string_view word, std::string* out);

// Whether a sentence is written in capitals: 12 letters or more, 80% of
// them in words with no lower case. Its case tells nothing then.
bool IsShouted(const std::vector<Token>& tokens);

}  // namespace plainlang

#endif  // PLAINLANG_TEXT_SEGMENTER_H_
