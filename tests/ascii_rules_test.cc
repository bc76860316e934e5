// ICU's sentence and word rules transcribed for ASCII text: which text they
// apply to, and the boundaries and tokens they give.
#include "text/ascii_rules.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/segmenter.h"

namespace plainlang {
namespace {

using Offsets = std::vector<size_t>;

TEST(FastRulesApplyTest, AsciiAndTheListedSymbolsOnly) {
  EXPECT_TRUE(FastRulesApply(""));
  EXPECT_TRUE(FastRulesApply("Take 2 tablets b.i.d. with food.\n"));
  EXPECT_TRUE(
      FastRulesApply("Fever of 38.5 \xC2\xB0"
                     "C"));                                                // °
  EXPECT_TRUE(FastRulesApply("eGFR \xE2\x89\xA4 30 \xE2\x86\x92 refer"));  // ≤ →
  EXPECT_TRUE(FastRulesApply("\xE2\x80\xA2 one\n\xE2\x80\xA2 two"));       // • bullets
  EXPECT_TRUE(FastRulesApply(std::string(1, '\0') + "\x7F"));              // ASCII controls
}

TEST(FastRulesApplyTest, OtherTextGoesToIcu) {
  EXPECT_FALSE(FastRulesApply("caf\xC3\xA9"));                     // é
  EXPECT_FALSE(FastRulesApply("\xE2\x80\x9Cquoted\xE2\x80\x9D"));  // curly quotes join words
  EXPECT_FALSE(
      FastRulesApply("well\xE2\x80\x94"
                     "done"));                       // em dash
  EXPECT_FALSE(FastRulesApply("\xF0\x9F\x98\x80"));  // emoji
}

TEST(FastRulesApplyTest, InvalidUtf8IsNotForTheTranscription) {
  EXPECT_FALSE(FastRulesApply("ok \xFF"));
  EXPECT_FALSE(FastRulesApply("cut \xC2"));    // a lead byte at the end
  EXPECT_FALSE(FastRulesApply("\xB0 alone"));  // a continuation byte alone
  EXPECT_FALSE(FastRulesApply("\xC0\xB0"));    // an overlong encoding of '0'
}

TEST(AsciiSentenceBreaksTest, EndsWithTheTextLength) {
  EXPECT_EQ(AsciiSentenceBreaks(""), (Offsets{0}));
  EXPECT_EQ(AsciiSentenceBreaks("no terminator"), (Offsets{13}));
}

TEST(AsciiSentenceBreaksTest, BreaksAfterTerminatorsAndTheSpacesAfterThem) {
  EXPECT_EQ(AsciiSentenceBreaks("One. Two!  Three? Four"), (Offsets{5, 11, 18, 22}));
}

TEST(AsciiSentenceBreaksTest, NoBreakInsideDecimalsOrBetweenLetters) {
  EXPECT_EQ(AsciiSentenceBreaks("Take 2.5 mg daily."), (Offsets{18}));  // SB6
  EXPECT_EQ(AsciiSentenceBreaks("Stop.Go now."), (Offsets{12}));        // SB7: letter . Upper
}

TEST(AsciiSentenceBreaksTest, NoBreakBeforeALowerCaseContinuation) {
  EXPECT_EQ(AsciiSentenceBreaks("Call the dr. tomorrow."), (Offsets{22}));  // SB8
  EXPECT_EQ(AsciiSentenceBreaks("See Dr. Lee."), (Offsets{8, 12}));         // ICU breaks here
}

TEST(AsciiSentenceBreaksTest, ClosingPunctuationAndCommasStayWithTheSentence) {
  EXPECT_EQ(AsciiSentenceBreaks("He said (no.) Next."), (Offsets{14, 19}));  // SB9
  EXPECT_EQ(AsciiSentenceBreaks("Rest (e.g., sleep)."), (Offsets{19}));      // SB8a
}

TEST(AsciiSentenceBreaksTest, LineBreaksEndSentences) {
  EXPECT_EQ(AsciiSentenceBreaks("Line one\nLine two"), (Offsets{9, 17}));
  EXPECT_EQ(AsciiSentenceBreaks("Line one\r\nLine two"), (Offsets{10, 18}));  // CRLF is one
  EXPECT_EQ(AsciiSentenceBreaks("Done.  \nNext"), (Offsets{8, 12}));  // SB11 takes the LF along
  EXPECT_EQ(AsciiSentenceBreaks("Done.\n"), (Offsets{6}));            // no empty last sentence
}

// The tokens of the whole of `text`, as the text they cover.
std::vector<std::string> TokenTexts(std::string_view text) {
  std::vector<Token> tokens;
  std::string folded;
  TokenizeAscii(text, SentenceSpan{0, text.size()}, &tokens, &folded);
  std::vector<std::string> out;
  for (const Token& token : tokens) {
    out.emplace_back(text.substr(token.start, token.end - token.start));
  }
  return out;
}

using Strings = std::vector<std::string>;

std::vector<Token> Tokens(std::string_view text, std::string* folded) {
  std::vector<Token> tokens;
  TokenizeAscii(text, SentenceSpan{0, text.size()}, &tokens, folded);
  return tokens;
}

TEST(TokenizeAsciiTest, WordsNumbersAndPunctuation) {
  const std::string_view text = "Take 2.5 mg b.i.d., then 1,000 IU.";
  EXPECT_EQ(TokenTexts(text),
            (Strings{"Take", "2.5", "mg", "b.i.d", ".", ",", "then", "1,000", "IU", "."}));
  std::string folded;
  const std::vector<Token> tokens = Tokens(text, &folded);
  ASSERT_EQ(tokens.size(), 10u);
  const TokenKind expected[] = {TokenKind::kWord, TokenKind::kNumber, TokenKind::kWord,
                                TokenKind::kWord, TokenKind::kPunct,  TokenKind::kPunct,
                                TokenKind::kWord, TokenKind::kNumber, TokenKind::kWord,
                                TokenKind::kPunct};
  for (size_t i = 0; i < tokens.size(); ++i) EXPECT_EQ(tokens[i].kind, expected[i]) << i;
  EXPECT_TRUE(tokens[1].has_dot);  // 2.5
  EXPECT_EQ(tokens[1].digits, 2u);
  EXPECT_TRUE(tokens[3].has_dot);  // b.i.d
  EXPECT_EQ(tokens[3].letters, 3u);
  EXPECT_TRUE(tokens[4].has_dot);   // .
  EXPECT_FALSE(tokens[7].has_dot);  // 1,000
  EXPECT_EQ(tokens[7].digits, 4u);
}

TEST(TokenizeAsciiTest, ApostrophesJoinLettersAndUnderscoresJoinWords) {
  EXPECT_EQ(TokenTexts("O'Neil's a_b x@y 3TC"), (Strings{"O'Neil's", "a_b", "x@y", "3TC"}));
  EXPECT_EQ(TokenTexts("end. 'quote'"), (Strings{"end", ".", "'", "quote", "'"}));
}

TEST(TokenizeAsciiTest, CaseAndCounts) {
  std::string folded;
  const std::vector<Token> tokens = Tokens("COPD Take iPhone 3TC x@y", &folded);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_TRUE(tokens[0].all_caps);
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_EQ(tokens[0].letters, 4u);
  EXPECT_FALSE(tokens[1].all_caps);
  EXPECT_TRUE(tokens[1].capitalized);
  EXPECT_FALSE(tokens[2].capitalized);  // its first letter is lower-case
  EXPECT_FALSE(tokens[2].all_caps);
  EXPECT_TRUE(tokens[3].capitalized);  // the first letter, after the digit
  EXPECT_TRUE(tokens[3].all_caps);
  EXPECT_EQ(tokens[3].letters, 2u);
  EXPECT_EQ(tokens[3].digits, 1u);
  EXPECT_EQ(tokens[3].kind, TokenKind::kWord);  // a letter came last
  EXPECT_EQ(tokens[4].letters, 2u);             // '@' joins, but is no letter
}

TEST(TokenizeAsciiTest, LoneSymbolsAndPunctuation) {
  std::string folded;
  const std::vector<Token> tokens = Tokens("$5 + @ _ ( ~", &folded);
  std::vector<TokenKind> kinds;
  for (const Token& token : tokens) kinds.push_back(token.kind);
  EXPECT_EQ(kinds,
            (std::vector<TokenKind>{TokenKind::kSymbol, TokenKind::kNumber, TokenKind::kSymbol,
                                    TokenKind::kSymbol, TokenKind::kPunct, TokenKind::kPunct,
                                    TokenKind::kSymbol}));
}

TEST(TokenizeAsciiTest, ListedNonAsciiSymbolsAreTokensOfTheirOwn) {
  const std::string text =
      "38.5 \xC2\xB0"
      "C \xE2\x80\xA2 ok";
  EXPECT_EQ(TokenTexts(text), (Strings{"38.5", "\xC2\xB0", "C", "\xE2\x80\xA2", "ok"}));
  std::string folded;
  const std::vector<Token> tokens = Tokens(text, &folded);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kSymbol);  // ° is S*
  EXPECT_EQ(tokens[1].folded, "\xC2\xB0");
  EXPECT_FALSE(tokens[2].space_before);
  EXPECT_EQ(tokens[3].kind, TokenKind::kPunct);  // • is P*
}

TEST(TokenizeAsciiTest, SpaceBeforeCountsTabsLineBreaksAndControls) {
  std::string folded;
  const std::vector<Token> tokens = Tokens(
      "a  b(c)\td\r\ne\x01"
      "f",
      &folded);
  ASSERT_EQ(tokens.size(), 8u);
  const bool expected[] = {true, true, false, false, false, true, true, true};
  for (size_t i = 0; i < tokens.size(); ++i) EXPECT_EQ(tokens[i].space_before, expected[i]) << i;
}

TEST(TokenizeAsciiTest, OffsetsAreIntoTheTextAndFoldedFormsViewTheBuffer) {
  const std::string_view text = "Skip. Take IT.";
  std::vector<Token> tokens;
  std::string folded = "left over";
  TokenizeAscii(text, SentenceSpan{6, 14}, &tokens, &folded);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].start, 6u);
  EXPECT_EQ(tokens[0].end, 10u);
  EXPECT_EQ(tokens[1].start, 11u);
  EXPECT_EQ(tokens[2].end, 14u);
  EXPECT_EQ(folded, "take it.");
  EXPECT_EQ(tokens[0].folded, "take");
  EXPECT_EQ(tokens[1].folded, "it");
  EXPECT_EQ(tokens[1].folded.data(), folded.data() + 5);
}

TEST(TokenizeAsciiTest, AnEmptySpanHasNoTokens) {
  std::vector<Token> tokens(3);
  std::string folded = "x";
  TokenizeAscii("abc", SentenceSpan{1, 1}, &tokens, &folded);
  EXPECT_TRUE(tokens.empty());
  EXPECT_TRUE(folded.empty());
}

TEST(TokenizeAsciiTest, CountsStayExactInAVeryLongWord) {
  // Past the 2^21 characters that the packed counts hold.
  std::string word(2'100'000, 'A');
  std::string folded;
  std::vector<Token> tokens = Tokens(word, &folded);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].letters, 2'100'000u);
  EXPECT_TRUE(tokens[0].all_caps);
  word += "b7";
  tokens = Tokens(word, &folded);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].letters, 2'100'001u);
  EXPECT_EQ(tokens[0].digits, 1u);
  EXPECT_FALSE(tokens[0].all_caps);
  EXPECT_EQ(tokens[0].kind, TokenKind::kNumber);  // a digit came last
}

}  // namespace
}  // namespace plainlang
