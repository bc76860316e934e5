#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>
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
  std::string folded;
  Tokenize(text, SentenceSpan{0, text.size()}, &tokens, &folded);
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

TEST(SplitSentencesTest, NoOrdinalsAndCaEndSentencesBeforeACapital) {
  EXPECT_EQ(Sentences("The answer is no. You can eat. Take it on the 1st. Call us."),
            (Strings{"The answer is no.", "You can eat.", "Take it on the 1st.", "Call us."}));
  EXPECT_EQ(Sentences("See St. Mary's. Ask for no. 5 at ca. 9 a.m. today."),
            (Strings{"See St. Mary's.", "Ask for no. 5 at ca. 9 a.m. today."}));
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
  std::string folded;
  Tokenize(text, SentenceSpan{0, text.size()}, &tokens, &folded);
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

  // A plural's apostrophe stands alone, folded as in a word.
  text = "Graves’ disease";
  Tokenize(text, SentenceSpan{0, text.size()}, &tokens, &folded);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kPunct);
  EXPECT_EQ(tokens[1].folded, "'");
  EXPECT_EQ(tokens[1].end - tokens[1].start, 3u);  // offsets keep the text's bytes
  EXPECT_FALSE(tokens[1].space_before);
}

TEST(TokenizeTest, SpaceBeforeTracksGluedTokens) {
  std::string text = "s/p surgery";
  std::vector<Token> tokens;
  std::string folded;
  Tokenize(text, SentenceSpan{0, text.size()}, &tokens, &folded);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_FALSE(tokens[1].space_before);
  EXPECT_FALSE(tokens[2].space_before);
  EXPECT_TRUE(tokens[3].space_before);
}

TEST(TokenizeTest, EmojiAndZeroWidthCharacters) {
  // A ZWJ family emoji is one symbol; a zero-width space separates words.
  std::string text = "ok \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 fine\xE2\x80\x8Bnow";
  std::vector<Token> tokens;
  std::string folded;
  Tokenize(text, SentenceSpan{0, text.size()}, &tokens, &folded);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kSymbol);
  EXPECT_EQ(tokens[2].folded, "fine");
  EXPECT_EQ(tokens[3].folded, "now");
}

TEST(FoldCaseTest, FoldsUnicode) {
  EXPECT_EQ(FoldCase("HbA1c"), "hba1c");
  EXPECT_EQ(FoldCase("\xC3\x89"
                     "DEME"),
            "\xC3\xA9"
            "deme");  // ÉDEME
  EXPECT_EQ(FoldCase("STRASSE"), "strasse");
}

std::string Escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else
      out += c;
  }
  return out;
}

// The ASCII fast path must give exactly ICU's tokens. Random strings over an
// alphabet rich in the characters the word rules treat specially.
// Pieces random test texts are made of: characters the rules treat
// specially, every ASCII character, and the non-ASCII symbols the fast path
// handles ("°", "≤", ...; src/text/ascii_rules.cc).
std::vector<std::string> Pieces(std::string_view special) {
  std::vector<std::string> pieces;
  for (char c : special) pieces.emplace_back(1, c);
  for (char c = 0; c < 0x7F; ++c) pieces.emplace_back(1, c);
  for (const char* symbol :
       {"\u00A9", "\u00AE", "\u00B0", "\u00B1", "\u00D7", "\u00F7", "\u2022", "\u2122", "\u2190",
        "\u2191", "\u2192", "\u2193", "\u2264", "\u2265"}) {
    for (int copies = 0; copies < 3; ++copies) pieces.emplace_back(symbol);
  }
  return pieces;
}

// Whether the ASCII fast path gives exactly ICU's tokens for `text`, every
// field of every token; the first difference otherwise.
::testing::AssertionResult SameTokensAsIcu(const std::string& text) {
  std::vector<Token> fast, icu;
  std::string fast_folded, icu_folded;
  Tokenize(text, SentenceSpan{0, text.size()}, &fast, &fast_folded, BreakRules::kFast);
  Tokenize(text, SentenceSpan{0, text.size()}, &icu, &icu_folded, BreakRules::kIcu);
  const std::string where = "text: \"" + Escaped(text) + "\"";
  if (fast.size() != icu.size()) {
    return ::testing::AssertionFailure()
           << where << ": " << fast.size() << " tokens, ICU " << icu.size();
  }
  for (size_t k = 0; k < fast.size(); ++k) {
    const Token& a = fast[k];
    const Token& b = icu[k];
    if (a.start != b.start || a.end != b.end || a.kind != b.kind || a.folded != b.folded ||
        a.space_before != b.space_before || a.letters != b.letters || a.digits != b.digits ||
        a.capitalized != b.capitalized || a.all_caps != b.all_caps || a.has_dot != b.has_dot) {
      return ::testing::AssertionFailure()
             << where << " token " << k << " (\"" << Escaped(std::string(a.folded)) << "\"): fast ["
             << a.start << ", " << a.end << ") kind " << int(a.kind) << " letters " << a.letters
             << " digits " << a.digits << " capitalized " << a.capitalized << " all_caps "
             << a.all_caps << " has_dot " << a.has_dot << " space_before " << a.space_before
             << "; ICU [" << b.start << ", " << b.end << ") kind " << int(b.kind) << " letters "
             << b.letters << " digits " << b.digits << " capitalized " << b.capitalized
             << " all_caps " << b.all_caps << " has_dot " << b.has_dot << " space_before "
             << b.space_before << " folded \"" << Escaped(std::string(b.folded)) << "\"";
    }
  }
  return ::testing::AssertionSuccess();
}

TEST(TokenizeTest, AsciiFastPathMatchesIcu) {
  const std::vector<std::string> pieces = Pieces("aZb09_.,;:'\" \t\n\r-/()%$+#@!?&*xyQ1");
  std::mt19937 random(20261125);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const size_t length = 1 + random() % 24;
    for (size_t k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
    ASSERT_TRUE(SameTokensAsIcu(text));
  }
}

// Letter runs are read eight bytes at a time: words of every length up to
// 40, of either case or mixed, with '@', digits and joiners inside, and
// sentence ends anywhere in a block, give ICU's tokens too.
TEST(TokenizeTest, AsciiFastPathMatchesIcuOnLongWords) {
  std::mt19937 random(20261204);
  const std::string inside = "@@1_.'',;";
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const size_t words = 1 + random() % 6;
    for (size_t w = 0; w < words; ++w) {
      const size_t length = 1 + random() % 40;
      const int style = static_cast<int>(random() % 4);  // lower, upper, capitalised, mixed
      for (size_t k = 0; k < length; ++k) {
        if (random() % 12 == 0) {
          text += inside[random() % inside.size()];
          continue;
        }
        const bool upper = style == 1 || (style == 2 && k == 0) || (style == 3 && random() % 2);
        text += static_cast<char>((upper ? 'A' : 'a') + random() % 26);
      }
      text += " .,\n-"[random() % 5];
    }
    // Sometimes the text ends inside a word, at any offset of a block.
    if (random() % 2 == 0) text.resize(1 + random() % text.size());
    ASSERT_TRUE(SameTokensAsIcu(text));
  }
}

// A lower-case letter after the first eight bytes still tells a word from
// one in capitals; a dot is marked inside a word and alone, not elsewhere.
TEST(TokenizeTest, CaseAndDotsAcrossBlocks) {
  std::vector<Token> tokens;
  std::string folded;
  const std::string text = "ABCDEFGHIJKL ABCDEFGHIJKl abcdefgh e.g. U.S 2.5 end.";
  Tokenize(text, SentenceSpan{0, text.size()}, &tokens, &folded);
  ASSERT_EQ(Tokens(text), (Strings{"ABCDEFGHIJKL", "ABCDEFGHIJKl", "abcdefgh", "e.g", ".", "U.S",
                                   "2.5", "end", "."}));
  EXPECT_TRUE(tokens[0].all_caps);
  EXPECT_EQ(tokens[0].letters, 12u);
  EXPECT_FALSE(tokens[1].all_caps);
  EXPECT_TRUE(tokens[1].capitalized);
  EXPECT_FALSE(tokens[2].all_caps);
  EXPECT_EQ(tokens[2].letters, 8u);
  EXPECT_FALSE(tokens[2].has_dot);
  EXPECT_TRUE(tokens[3].has_dot);   // e.g
  EXPECT_TRUE(tokens[4].has_dot);   // the '.' after it, a token of its own
  EXPECT_TRUE(tokens[5].has_dot);   // U.S
  EXPECT_TRUE(tokens[6].has_dot);   // 2.5
  EXPECT_FALSE(tokens[7].has_dot);  // end
}

// And for sentences: the ASCII transcription of ICU's sentence rules gives
// the same sentences as ICU's iterator.
TEST(SplitSentencesTest, AsciiFastPathMatchesIcu) {
  const std::vector<std::string> pieces = Pieces("aaaZZb1. . .!?\"')(]  \n\n\r,-:;\tx");
  std::mt19937 random(11252026);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const size_t length = 1 + random() % 40;
    for (size_t k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
    std::vector<SentenceSpan> fast = SplitSentences(text, BreakRules::kFast);
    std::vector<SentenceSpan> icu = SplitSentences(text, BreakRules::kIcu);
    ASSERT_EQ(fast.size(), icu.size()) << "text: \"" << Escaped(text) << "\"";
    for (size_t k = 0; k < fast.size(); ++k) {
      ASSERT_EQ(fast[k].start, icu[k].start) << "text: \"" << Escaped(text) << "\"";
      ASSERT_EQ(fast[k].end, icu[k].end) << "text: \"" << Escaped(text) << "\"";
    }
  }
}

// The same on real text: every example message, token for token.
TEST(TokenizeTest, AsciiFastPathMatchesIcuOnExamples) {
  for (const char* name : {"portal_message.txt", "plain_message.txt", "discharge_letter.txt"}) {
    std::ifstream in(std::string(PLAINLANG_SOURCE_DIR) + "/examples/" + name);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(text.empty()) << name;
    std::vector<Token> fast, icu;
    std::string fast_folded, icu_folded;
    Tokenize(text, SentenceSpan{0, text.size()}, &fast, &fast_folded, BreakRules::kFast);
    Tokenize(text, SentenceSpan{0, text.size()}, &icu, &icu_folded, BreakRules::kIcu);
    ASSERT_EQ(fast.size(), icu.size()) << name;
    for (size_t k = 0; k < fast.size(); ++k) {
      EXPECT_EQ(fast[k].end, icu[k].end) << name << " token " << k;
      EXPECT_EQ(fast[k].kind, icu[k].kind) << name << " token " << k;
    }
    std::vector<SentenceSpan> fast_sentences = SplitSentences(text, BreakRules::kFast);
    std::vector<SentenceSpan> icu_sentences = SplitSentences(text, BreakRules::kIcu);
    ASSERT_EQ(fast_sentences.size(), icu_sentences.size()) << name;
    for (size_t k = 0; k < fast_sentences.size(); ++k) {
      EXPECT_EQ(fast_sentences[k].end, icu_sentences[k].end) << name << " sentence " << k;
    }
  }
}

// A word's letters, lower-case letters and digits are counted in one sum of
// 21-bit fields; a word of more than two million characters is counted again
// one by one, and comes out the same as ICU's.
TEST(TokenizeTest, CountsLettersOfAWordOverTwoMillionCharacters) {
  std::string word;
  for (int k = 0; k < 800000; ++k) word += "aB1";  // 2,400,000 characters
  std::vector<Token> fast, icu;
  std::string fast_folded, icu_folded;
  Tokenize(word, SentenceSpan{0, word.size()}, &fast, &fast_folded, BreakRules::kFast);
  Tokenize(word, SentenceSpan{0, word.size()}, &icu, &icu_folded, BreakRules::kIcu);
  ASSERT_EQ(fast.size(), 1u);
  EXPECT_EQ(fast[0].letters, 1600000u);
  EXPECT_EQ(fast[0].digits, 800000u);
  EXPECT_FALSE(fast[0].all_caps);
  EXPECT_FALSE(fast[0].capitalized);
  ASSERT_EQ(icu.size(), 1u);
  EXPECT_EQ(fast[0].letters, icu[0].letters);
  EXPECT_EQ(fast[0].digits, icu[0].digits);
  EXPECT_EQ(fast[0].kind, icu[0].kind);
}

}  // namespace
}  // namespace plainlang
