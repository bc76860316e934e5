// The message as the analyser reads it: valid UTF-8 in NFC, with a map from
// every position back to the caller's original bytes.
#ifndef PLAINLANG_TEXT_UTF8_TEXT_H_
#define PLAINLANG_TEXT_UTF8_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plainlang {

// Not thread-safe to build; immutable afterwards. Holds a view of `input`,
// which must outlive it.
class Utf8Text {
 public:
  // Never fails: each maximal invalid UTF-8 subsequence becomes U+FFFD.
  explicit Utf8Text(std::string_view input);

  std::string_view input() const { return input_; }
  // Valid UTF-8 in NFC. Equal to input() (no copy) for valid NFC input,
  // which is nearly every message.
  std::string_view text() const {
    return owned_.empty() && to_input_.empty() ? input_ : owned_;
  }
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

}  // namespace plainlang

#endif  // PLAINLANG_TEXT_UTF8_TEXT_H_
