#include "text/utf8_text.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>

#include <random>
#include <string>

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
  std::string input = "ab\xFF" "cd\xC3";  // a stray byte, and a truncated sequence at the end
  Utf8Text text(input);
  EXPECT_EQ(text.invalid_sequences(), 2u);
  EXPECT_EQ(text.text(), "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD");
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
  EXPECT_EQ(text.ToInputOffset(3), 3u);   // start of "é" -> start of "e"
  EXPECT_EQ(text.ToInputOffset(5), 6u);   // the space after it
  EXPECT_EQ(text.ToInputOffset(6), 7u);   // "ok"
  EXPECT_EQ(text.ToInputOffset(8), 9u);   // end
}

// Text whose non-ASCII characters are all NFC-inert is taken as NFC without
// ICU's check; with any other character, ICU decides. Either way the text
// is what ICU's NFC makes of it: random strings of ASCII, inert symbols
// ("°", "±", "•"), and characters that compose or are composed ("é" + U+0301,
// "ê", Hangul jamo, the Angstrom sign, a combining cedilla).
TEST(Utf8TextTest, InertCharactersSkipTheCheckAndNfcStillHolds) {
  const std::vector<std::string> pieces = {
      "a", "e", "E", " ", ".", "1", "\u00B0", "\u00B1", "\u2022", "\u2264", "\u00D7",
      "\u00E9", "\u00EA", "\u0301", "\u0327", "\u1100", "\u1161", "\u212B", "\u2019"};
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

}  // namespace
}  // namespace plainlang
