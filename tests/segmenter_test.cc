#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace plainlang {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (SentenceSpan span : SplitSentences(text)) {
    out.emplace_back(text.substr(span.start, span.end - span.start));
  }
  return out;
}

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, SentenceSpan{0, text.size()}, &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(text.substr(t.start, t.end - t.start));
  return out;
}

using Strings = std::vector<std::string>;

TEST(SplitSentencesTest, PlainSentences) {
  EXPECT_EQ(Sentences("Your test is normal. Call us! Any questions?"),
            (Strings{"Your test is normal.", "Call us!", "Any questions?"}));
}

TEST(SplitSentencesTest, NoBreakAfterTitlesAndLatin) {
  EXPECT_EQ(Sentences("Dr. Lee will call. Bring snacks, e.g. Fruit or nuts."),
            (Strings{"Dr. Lee will call.", "Bring snacks, e.g. Fruit or nuts."}));
  EXPECT_EQ(Sentences("Rest vs. Exercise is your choice, i.e. Up to you."),
            (Strings{"Rest vs. Exercise is your choice, i.e. Up to you."}));
}

TEST(SplitSentencesTest, DosingAndTimeAbbreviations) {
  EXPECT_EQ(Sentences("Take it b.i.d. with food. Come at 8 a.m. on Monday."),
            (Strings{"Take it b.i.d. with food.", "Come at 8 a.m. on Monday."}));
  // A capital after the abbreviation starts a new sentence.
  EXPECT_EQ(Sentences("Take it b.i.d. Call if dizzy."),
            (Strings{"Take it b.i.d.", "Call if dizzy."}));
}

TEST(SplitSentencesTest, DecimalsPercentsAndTimes) {
  EXPECT_EQ(Sentences("Take 2.5 mg daily. Your A1c was 7.2% at 8:30 today."),
            (Strings{"Take 2.5 mg daily.", "Your A1c was 7.2% at 8:30 today."}));
}

TEST(SplitSentencesTest, BulletsAndBlankLinesEndSentences) {
  EXPECT_EQ(Sentences("Please bring\n- your pills\n- your card\n\nSee you soon"),
            (Strings{"Please bring", "- your pills", "- your card", "See you soon"}));
  EXPECT_EQ(Sentences("1. Rest\n2. Drink water"), (Strings{"1. Rest", "2. Drink water"}));
  EXPECT_EQ(Sentences("First part\n\nsecond part"), (Strings{"First part", "second part"}));
}

TEST(SplitSentencesTest, HardWrappedLineContinuesInLowerCase) {
  EXPECT_EQ(Sentences("Your kidney test came back\nnormal and we will recheck it.\nCall us."),
            (Strings{"Your kidney test came back\nnormal and we will recheck it.", "Call us."}));
}

TEST(SplitSentencesTest, WhitespaceOnlyGivesNothing) {
  EXPECT_TRUE(SplitSentences("  \n\n\t ").empty());
  EXPECT_TRUE(SplitSentences("").empty());
}

TEST(TokenizeTest, WordsNumbersAndPunctuation) {
  EXPECT_EQ(Tokens("Take 2.5 mg of HbA1c-lowering pills, f/u."),
            (Strings{"Take", "2.5", "mg", "of", "HbA1c", "-", "lowering", "pills", ",", "f", "/",
                     "u", "."}));
}

TEST(TokenizeTest, KindsFlagsAndFolding) {
  std::string text = "The patient’s BP 140";
  std::vector<Token> tokens;
  Tokenize(text, SentenceSpan{0, text.size()}, &tokens);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_FALSE(tokens[0].all_caps);
  EXPECT_EQ(tokens[1].folded, "patient's");  // curly apostrophe folded to '
  EXPECT_EQ(tokens[1].letters, 8u);
  EXPECT_TRUE(tokens[2].all_caps);
  EXPECT_TRUE(tokens[2].space_before);
  EXPECT_EQ(tokens[3].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[3].digits, 3u);
}

TEST(TokenizeTest, SpaceBeforeTracksGluedTokens) {
  std::string text = "s/p surgery";
  std::vector<Token> tokens;
  Tokenize(text, SentenceSpan{0, text.size()}, &tokens);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_FALSE(tokens[1].space_before);
  EXPECT_FALSE(tokens[2].space_before);
  EXPECT_TRUE(tokens[3].space_before);
}

TEST(TokenizeTest, EmojiAndZeroWidthCharacters) {
  // A ZWJ family emoji is one symbol; a zero-width space separates words.
  std::string text = "ok \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 fine\xE2\x80\x8Bnow";
  std::vector<Token> tokens;
  Tokenize(text, SentenceSpan{0, text.size()}, &tokens);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kSymbol);
  EXPECT_EQ(tokens[2].folded, "fine");
  EXPECT_EQ(tokens[3].folded, "now");
}

TEST(FoldCaseTest, FoldsUnicode) {
  EXPECT_EQ(FoldCase("HbA1c"), "hba1c");
  EXPECT_EQ(FoldCase("\xC3\x89" "DEME"), "\xC3\xA9" "deme");  // ÉDEME
  EXPECT_EQ(FoldCase("STRASSE"), "strasse");
}

}  // namespace
}  // namespace plainlang
