#include "text/utf8_text.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "text/byte_scan.h"

namespace plainlang {

namespace {

// Replaces each maximal invalid subsequence of `input` with U+FFFD into
// *repaired, with the map from each of its bytes (and its end) back to the
// input; returns how many it replaced.
size_t Repair(std::string_view input, std::string* repaired, std::vector<uint32_t>* to_input) {
  size_t replaced = 0;
  repaired->reserve(input.size() + 16);
  to_input->reserve(input.size() + 16);
  RepairUtf8(input, [&](std::string_view utf8, UChar32 c, size_t offset) {
    if (c < 0) ++replaced;
    // Each byte of a replacement leads back to the start of what it replaced.
    for (size_t k = 0; k < utf8.size(); ++k) {
      to_input->push_back(static_cast<uint32_t>(c < 0 ? offset : offset + k));
    }
    repaired->append(utf8);
  });
  to_input->push_back(static_cast<uint32_t>(input.size()));
  return replaced;
}

// NFC of valid UTF-8 `valid` whose first `head` bytes are NFC already, and
// the map from each byte of it (and its end) back to the input, composed
// with `valid_to_input` (empty when `valid` is the input). False when NFC
// leaves the text as it is, or fails: then the text is used as it is.
bool Normalize(const icu::Normalizer2& nfc, std::string_view valid, size_t head,
               const std::vector<uint32_t>& valid_to_input, std::string* normalized,
               std::vector<uint32_t>* to_input) {
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(valid.data() + head, static_cast<int32_t>(valid.size() - head));
  if (nfc.isNormalizedUTF8(piece, status) || U_FAILURE(status)) return false;
  status = U_ZERO_ERROR;
  normalized->assign(valid.substr(0, head));
  icu::Edits edits;
  icu::StringByteSink<std::string> sink(normalized, static_cast<int32_t>(valid.size()));
  nfc.normalizeUTF8(0, piece, sink, &edits, status);
  if (U_FAILURE(status)) return false;
  auto input_offset = [&](size_t offset) -> uint32_t {
    return valid_to_input.empty() ? static_cast<uint32_t>(offset) : valid_to_input[offset];
  };
  to_input->resize(normalized->size() + 1);
  for (size_t k = 0; k < head; ++k) (*to_input)[k] = input_offset(k);
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    const size_t dest = head + it.destinationIndex();
    const size_t src = head + it.sourceIndex();
    for (int32_t k = 0; k < it.newLength(); ++k) {
      (*to_input)[dest + k] = input_offset(it.hasChange() ? src : src + k);
    }
  }
  (*to_input)[normalized->size()] = input_offset(valid.size());
  return true;
}

}  // namespace

Utf8Text::Utf8Text(std::string_view input) : input_(input) {
  // Messages are mostly ASCII, and ASCII is always valid NFC.
  size_t ascii = AsciiRunEnd(input, 0);
  ascii_ = ascii == input.size();
  if (ascii_) return;

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) nfc = nullptr;  // keep the text unnormalised rather than fail
  // Valid text whose every other character is NFC-inert ("°", "±", "•": it
  // neither changes nor interacts with its neighbours) is NFC already, as
  // ASCII is: the same answer as isNormalizedUTF8, which costs some 10,000
  // instructions on a 1 KB message with one "°". Without NFC, valid text
  // is used as it is.
  const auto* bytes = reinterpret_cast<const uint8_t*>(input.data());
  const int32_t length = static_cast<int32_t>(input.size());
  bool valid_utf8 = true, inert = true;
  for (int32_t i = static_cast<int32_t>(ascii); i < length && valid_utf8;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    valid_utf8 = c >= 0;
    if (inert && c >= 0x80 && nfc != nullptr) inert = nfc->isInert(c);
  }
  if (valid_utf8 && inert) return;
  if (!valid_utf8) invalid_sequences_ = Repair(input, &owned_, &to_input_);
  if (nfc == nullptr) return;  // repaired, but not normalised
  // A combining mark right after the ASCII prefix composes with its last
  // byte, so normalisation starts one byte earlier.
  std::string normalized;
  std::vector<uint32_t> normalized_to_input;
  if (Normalize(*nfc, text(), ascii > 0 ? ascii - 1 : 0, to_input_, &normalized,
                &normalized_to_input)) {
    changed_by_nfc_ = true;
    owned_ = std::move(normalized);
    to_input_ = std::move(normalized_to_input);
  }
}

size_t Utf16Offsets::operator()(size_t byte_offset) {
  if (byte_offset < byte_) {  // callers go forward; restart if they do not
    byte_ = 0;
    utf16_ = 0;
  }
  const auto* bytes = reinterpret_cast<const uint8_t*>(input_.data());
  const int32_t length = static_cast<int32_t>(input_.size());
  int32_t i = static_cast<int32_t>(byte_);
  const int32_t target = static_cast<int32_t>(std::min(byte_offset, input_.size()));
  while (i < target) {
    // An ASCII byte is one UTF-16 unit.
    const auto ascii_end = static_cast<int32_t>(
        AsciiRunEnd(input_.substr(0, static_cast<size_t>(target)), static_cast<size_t>(i)));
    utf16_ += static_cast<size_t>(ascii_end - i);
    i = ascii_end;
    if (i >= target) break;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    utf16_ += (c > 0xFFFF) ? 2 : 1;  // invalid (c < 0) is one U+FFFD
  }
  byte_ = static_cast<size_t>(i);
  return utf16_;
}

}  // namespace plainlang
