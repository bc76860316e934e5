#include "text/utf8_text.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

namespace plainlang {
namespace {

TEST(Utf8TextTest, AsciiIsUsedInPlace) {
  std::string input = "Take one tablet.";
  Utf8Text text(input);
  EXPECT_EQ(text.text().data(), input.data());  // no copy
  EXPECT_EQ(text.invalid_sequences(), 0u);
  EXPECT_EQ(text.ToInputOffset(5), 5u);
}

TEST(Utf8TextTest, ValidNfcNonAsciiIsUsedInPlace) {
  std::string input = "Caf\xC3\xA9 \xE2\x80\x9Cnow\xE2\x80\x9D";  // Café “now”
  Utf8Text text(input);
  EXPECT_EQ(text.text().data(), input.data());
  EXPECT_FALSE(text.changed_by_nfc());
}

TEST(Utf8TextTest, InvalidBytesBecomeReplacementCharacters) {
  std::string input =
      "ab\xFF"
      "cd\xC3";  // a stray byte, and a truncated sequence at the end
  Utf8Text text(input);
  EXPECT_EQ(text.invalid_sequences(), 2u);
  EXPECT_EQ(text.text(),
            "ab\xEF\xBF\xBD"
            "cd\xEF\xBF\xBD");
  // "cd" starts at byte 5 of the repaired text and byte 3 of the input.
  EXPECT_EQ(text.ToInputOffset(5), 3u);
  EXPECT_EQ(text.ToInputOffset(2), 2u);  // the replacement starts where 0xFF was
  EXPECT_EQ(text.ToInputOffset(text.text().size()), input.size());
}

TEST(Utf8TextTest, OverlongEncodingIsInvalid) {
  std::string input = "x\xC0\xAFy";  // overlong '/'
  Utf8Text text(input);
  EXPECT_GE(text.invalid_sequences(), 1u);
  EXPECT_EQ(text.text().front(), 'x');
  EXPECT_EQ(text.text().back(), 'y');
}

TEST(Utf8TextTest, NfcComposesAndOffsetsLeadBack) {
  // "e" + COMBINING ACUTE (3 bytes) composes to "é" (2 bytes).
  std::string input = "cafe\xCC\x81 ok";
  Utf8Text text(input);
  EXPECT_TRUE(text.changed_by_nfc());
  EXPECT_EQ(text.text(), "caf\xC3\xA9 ok");
  EXPECT_EQ(text.ToInputOffset(3), 3u);  // start of "é" -> start of "e"
  EXPECT_EQ(text.ToInputOffset(5), 6u);  // the space after it
  EXPECT_EQ(text.ToInputOffset(6), 7u);  // "ok"
  EXPECT_EQ(text.ToInputOffset(8), 9u);  // end
}

// Text whose non-ASCII characters are all NFC-inert is taken as NFC without
// ICU's check; with any other character, ICU decides. Either way the text
// is what ICU's NFC makes of it: random strings of ASCII, inert symbols
// ("°", "±", "•"), and characters that compose or are composed ("é" + U+0301,
// "ê", Hangul jamo, the Angstrom sign, a combining cedilla).
TEST(Utf8TextTest, InertCharactersSkipTheCheckAndNfcStillHolds) {
  const std::vector<std::string> pieces = {"a",      "e",      "E",      " ",      ".",
                                           "1",      "\u00B0", "\u00B1", "\u2022", "\u2264",
                                           "\u00D7", "\u00E9", "\u00EA", "\u0301", "\u0327",
                                           "\u1100", "\u1161", "\u212B", "\u2019"};
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  std::mt19937 random(4122026);
  for (int round = 0; round < 5000; ++round) {
    std::string input;
    const size_t length = 1 + random() % 12;
    for (size_t k = 0; k < length; ++k) input += pieces[random() % pieces.size()];
    std::string expected;
    icu::UnicodeString normalized = nfc->normalize(icu::UnicodeString::fromUTF8(input), status);
    normalized.toUTF8String(expected);
    Utf8Text text(input);
    ASSERT_EQ(text.text(), expected) << "input: " << input;
    EXPECT_EQ(text.changed_by_nfc(), expected != input) << "input: " << input;
  }
  // Inert symbols only: the input is used in place.
  const std::string symbols = "37.5\u00B0C \u00B1 0.2 \u2022 \u2264 5";
  Utf8Text text(symbols);
  EXPECT_EQ(text.text().data(), symbols.data());
  EXPECT_FALSE(text.changed_by_nfc());
}

TEST(Utf8TextTest, EmptyInput) {
  Utf8Text text("");
  EXPECT_TRUE(text.text().empty());
  EXPECT_EQ(text.ToInputOffset(0), 0u);
}

TEST(Utf16OffsetsTest, CountsCodeUnitsLikeABrowser) {
  // "é" is 2 bytes / 1 unit; "😀" is 4 bytes / 2 units; 0xFF is 1 byte / 1 unit.
  std::string input = "\xC3\xA9\xF0\x9F\x98\x80\xFFz";
  Utf16Offsets to_utf16(input);
  EXPECT_EQ(to_utf16(0), 0u);
  EXPECT_EQ(to_utf16(2), 1u);
  EXPECT_EQ(to_utf16(6), 3u);
  EXPECT_EQ(to_utf16(7), 4u);
  EXPECT_EQ(to_utf16(8), 5u);
  EXPECT_EQ(to_utf16(2), 1u);  // going back restarts correctly
}

// RepairUtf8's calls, one a character.
struct Character {
  std::string utf8;
  UChar32 code_point;
  size_t offset;
  bool operator==(const Character&) const = default;
};

std::vector<Character> Characters(std::string_view bytes) {
  std::vector<Character> out;
  RepairUtf8(bytes, [&](std::string_view utf8, UChar32 c, size_t offset) {
    out.push_back({std::string(utf8), c, offset});
  });
  return out;
}

const std::string kFffd(kReplacementCharacter);

TEST(RepairUtf8Test, WellFormedCharactersComeWithTheirCodePointsAndOffsets) {
  EXPECT_EQ(Characters("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"),
            (std::vector<Character>{{"a", 'a', 0},
                                    {"\xC3\xA9", 0xE9, 1},
                                    {"\xE2\x82\xAC", 0x20AC, 3},
                                    {"\xF0\x9F\x98\x80", 0x1F600, 6}}));
  EXPECT_TRUE(Characters("").empty());
  EXPECT_EQ(Characters(std::string_view("\0", 1)),
            (std::vector<Character>{{std::string(1, '\0'), 0, 0}}));
}

TEST(RepairUtf8Test, EachMaximalInvalidSubsequenceIsOneReplacement) {
  // A truncated sequence is one; bytes that can start no sequence with what
  // follows (a surrogate, an overlong form, past U+10FFFF) are one each.
  EXPECT_EQ(Characters("\xF0\x9F\x98x"), (std::vector<Character>{{kFffd, -1, 0}, {"x", 'x', 3}}));
  EXPECT_EQ(Characters("\xE2\x82"), (std::vector<Character>{{kFffd, -1, 0}}));
  EXPECT_EQ(Characters("\xED\xA0\x80"),
            (std::vector<Character>{{kFffd, -1, 0}, {kFffd, -1, 1}, {kFffd, -1, 2}}));
  EXPECT_EQ(Characters("\xC0\xAF"), (std::vector<Character>{{kFffd, -1, 0}, {kFffd, -1, 1}}));
  EXPECT_EQ(Characters("\xF4\x90\x80\x80").size(), 4u);
  EXPECT_EQ(Characters("\xFF\xFE"), (std::vector<Character>{{kFffd, -1, 0}, {kFffd, -1, 1}}));
}

TEST(RepairUtf8Test, CoversTheInputAndAgreesWithUtf8Text) {
  std::mt19937 random(7);
  const unsigned char bytes[] = {'a',  ' ',  0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xC3,
                                 0xE0, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF};
  for (int round = 0; round < 2000; ++round) {
    std::string input;
    for (int i = random() % 16; i > 0; --i) {
      input += static_cast<char>(bytes[random() % sizeof bytes]);
    }
    size_t replaced = 0;
    std::string repaired;
    std::vector<std::pair<size_t, size_t>> spans;  // offset, and bytes when well-formed
    RepairUtf8(input, [&](std::string_view utf8, UChar32 c, size_t offset) {
      if (c < 0) {
        ++replaced;
        EXPECT_EQ(utf8, kReplacementCharacter);
        spans.emplace_back(offset, 0);
      } else {
        EXPECT_EQ(utf8, input.substr(offset, utf8.size()));
        spans.emplace_back(offset, utf8.size());
      }
      repaired += utf8;
    });
    // Each character starts where the last ended; a replacement stands for
    // one to three bytes.
    spans.emplace_back(input.size(), 0);
    EXPECT_EQ(spans.front().first, 0u);
    for (size_t k = 0; k + 1 < spans.size(); ++k) {
      const size_t length = spans[k + 1].first - spans[k].first;
      if (spans[k].second > 0) {
        EXPECT_EQ(length, spans[k].second) << round;
      } else {
        EXPECT_GE(length, 1u) << round;
        EXPECT_LE(length, 3u) << round;
      }
    }
    Utf8Text text(input);
    EXPECT_EQ(replaced, text.invalid_sequences()) << round;
    if (!text.changed_by_nfc()) {
      EXPECT_EQ(repaired, text.text()) << round;
    }
  }
}

}  // namespace
}  // namespace plainlang
