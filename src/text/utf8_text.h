// The message as the analyser reads it: valid UTF-8 in NFC, with a map from
// every position back to the caller's original bytes; and the repair of
// invalid UTF-8 that it and the report writers share.
#ifndef PLAINLANG_TEXT_UTF8_TEXT_H_
#define PLAINLANG_TEXT_UTF8_TEXT_H_

#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plainlang {

// U+FFFD REPLACEMENT CHARACTER, in UTF-8.
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// Reads any bytes as UTF-8 the way browsers and the WHATWG decoder do:
// calls `character(std::string_view utf8, UChar32 code_point, size_t offset)`
// for each character in order, `offset` being where it starts in `bytes`.
// A well-formed character comes as its bytes and its code point; each
// maximal invalid subsequence (ICU's U8_NEXT follows the same rule) comes as
// kReplacementCharacter with a negative code point. The engine and the JSON
// and HTML writers all repair text through it, so each shows the same
// characters. A template, so that the per-character call is inlined: the
// JSON writer passes every string of every report through it.
template <typename OnCharacter>
void RepairUtf8(std::string_view bytes, OnCharacter&& character) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t n = bytes.size();
  for (size_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      character(std::string_view(bytes.data() + i, 1), static_cast<UChar32>(s[i]), i);
      ++i;
      continue;
    }
    // From a window of the four bytes a character can take, so that ICU's
    // 32-bit offsets stay small whatever the length of `bytes`.
    int32_t length = 0;
    UChar32 c;
    U8_NEXT(s + i, length, static_cast<int32_t>(std::min<size_t>(n - i, 4)), c);
    // Two calls, so that each is inlined with what it appends known.
    if (c >= 0) {
      character(std::string_view(bytes.data() + i, static_cast<size_t>(length)), c, i);
    } else {
      character(kReplacementCharacter, c, i);
    }
    i += static_cast<size_t>(length);
  }
}

// Not thread-safe to build; immutable afterwards. Holds a view of `input`,
// which must outlive it.
class Utf8Text {
 public:
  // Never fails: each maximal invalid UTF-8 subsequence becomes U+FFFD.
  explicit Utf8Text(std::string_view input);

  std::string_view input() const { return input_; }
  // Valid UTF-8 in NFC. Equal to input() (no copy) for valid NFC input,
  // which is nearly every message.
  std::string_view text() const { return owned_.empty() && to_input_.empty() ? input_ : owned_; }
  size_t invalid_sequences() const { return invalid_sequences_; }
  bool is_ascii() const { return ascii_; }
  bool changed_by_nfc() const { return changed_by_nfc_; }

  // Byte offset in text() -> byte offset in input(). `offset` must be a
  // character boundary of text() or its end.
  size_t ToInputOffset(size_t offset) const {
    return to_input_.empty() ? offset : to_input_[offset];
  }

 private:
  std::string_view input_;
  std::string owned_;
  std::vector<uint32_t> to_input_;  // size owned_.size() + 1, or empty
  size_t invalid_sequences_ = 0;
  bool changed_by_nfc_ = false;
  bool ascii_ = false;
};

// Converts byte offsets of `input` into UTF-16 code unit offsets of the same
// text as a WHATWG decoder reads it (an invalid sequence is one U+FFFD).
// Offsets may come in any order; each must be a character boundary.
class Utf16Offsets {
 public:
  explicit Utf16Offsets(std::string_view input) : input_(input) {}
  // Amortised linear when called with increasing offsets.
  size_t operator()(size_t byte_offset);

 private:
  std::string_view input_;
  size_t byte_ = 0;
  size_t utf16_ = 0;
};

// Maps offsets of a Utf8Text's text() to its input(): bytes, and UTF-16 code
// units as Utf16Offsets counts them. `text` must outlive it.
class InputOffsets {
 public:
  struct Position {
    size_t byte = 0, utf16 = 0;
  };
  explicit InputOffsets(const Utf8Text& text) : text_(text), utf16_(text.input()) {}
  // `offset` is a character boundary of text(); amortised linear when called
  // with increasing offsets.
  Position operator()(size_t offset) {
    const size_t byte = text_.ToInputOffset(offset);
    return {byte, text_.is_ascii() ? byte : utf16_(byte)};  // ASCII: units are bytes
  }

 private:
  const Utf8Text& text_;
  Utf16Offsets utf16_;
};

}  // namespace plainlang

#endif  // PLAINLANG_TEXT_UTF8_TEXT_H_
