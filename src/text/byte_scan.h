// Scanning text for a few byte values, sixteen bytes a step where the CPU
// has SSE2 (every x86-64 does), for the end of a run of ASCII or of ASCII
// letters, and lower-casing ASCII. The analyser scans every message for
// sentence ends and for the marks of statistical notation, folds every
// sentence and reads every word's letters; byte by byte, those passes cost
// more than segmenting the words between them.
#ifndef PLAINLANG_TEXT_BYTE_SCAN_H_
#define PLAINLANG_TEXT_BYTE_SCAN_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace plainlang {

// The first position from `from` on where `text` holds one of `Bytes`, or
// text.size().
template <unsigned char... Bytes>
size_t FindAnyByte(std::string_view text, size_t from) {
  size_t i = from;
#if defined(__SSE2__)
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    __m128i hits = _mm_setzero_si128();
    ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(Bytes))))),
     ...);
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (((c == Bytes) || ...)) return i;
  }
  return text.size();
}

// The end of the run of ASCII bytes that starts at `from` (or `from` when
// text[from] is not ASCII); eight bytes a step, messages being mostly ASCII.
inline size_t AsciiRunEnd(std::string_view text, size_t from) {
  size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t chunk;
    __builtin_memcpy(&chunk, text.data() + i, 8);
    if (chunk & 0x8080808080808080ULL) break;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

// The end of the run of ASCII letters (A-Z, a-z) that starts at `from`;
// sets *any_lower when one of them is lower-case. Eight bytes a step, with
// no branch per letter: byte by byte, the end of every word was a
// mispredicted branch.
inline size_t AsciiLetterRunEnd(std::string_view text, size_t from, bool* any_lower) {
  size_t i = from;
  if constexpr (std::endian::native == std::endian::little) {
    constexpr uint64_t kHigh = 0x8080808080808080ULL, kLow7 = 0x7F7F7F7F7F7F7F7FULL;
    for (; i + 8 <= text.size(); i += 8) {
      uint64_t x;
      __builtin_memcpy(&x, text.data() + i, 8);
      // Each byte's low seven bits, case bit set: letters are then 'a'-'z',
      // and adding below 0x80 carries into no other byte.
      const uint64_t folded = (x | 0x2020202020202020ULL) & kLow7;
      const uint64_t from_a = folded + (0x80 - 'a') * 0x0101010101010101ULL;  // bit 7: >= 'a'
      const uint64_t past_z = folded + (0x7F - 'z') * 0x0101010101010101ULL;  // bit 7: > 'z'
      const uint64_t letters = from_a & ~past_z & ~x & kHigh;  // ~x: ASCII bytes only
      const uint64_t lower = letters & (x << 2);               // the case bit (5) moved to bit 7
      const uint64_t others = ~letters & kHigh;
      if (others != 0) {
        const int stop = std::countr_zero(others);  // 8 * (first non-letter) + 7
        *any_lower |= (lower & ((uint64_t{1} << stop) - 1)) != 0;
        return i + static_cast<size_t>(stop) / 8;
      }
      *any_lower |= lower != 0;
    }
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    const bool lower = c >= 'a' && c <= 'z';
    if (!lower && !(c >= 'A' && c <= 'Z')) break;
    *any_lower |= lower;
  }
  return i;
}

// Locale-free classes of ASCII bytes: the rules are about ASCII digits and
// letters, and a byte of a UTF-8 sequence is neither.
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c); }

// Calls `each` with every run of ASCII letters and digits in `text`.
template <typename Each>
void ForEachWord(std::string_view text, Each each) {
  for (size_t at = 0; at < text.size();) {
    while (at < text.size() && !IsAsciiAlnum(text[at])) ++at;
    size_t end = at;
    while (end < text.size() && IsAsciiAlnum(text[end])) ++end;
    if (end > at) each(text.substr(at, end - at));
    at = end;
  }
}

// Where the '\n' ends the line after the '\n' at text[at], if that line
// holds nothing but spaces, tabs or a carriage return ("\r\n \r\n"); npos
// when it is no blank line. A blank line ends a paragraph.
inline size_t EndOfBlankLineAfter(std::string_view text, size_t at) {
  size_t k = at + 1;
  while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
  return k < text.size() && text[k] == '\n' ? k : std::string_view::npos;
}

// Where the first blank line of `text` starts (the '\n' before it), or
// npos.
inline size_t FirstBlankLine(std::string_view text) {
  for (size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) {
    if (EndOfBlankLineAfter(text, at) != std::string_view::npos) return at;
  }
  return std::string_view::npos;
}

// Where the text after the last blank line of `text` starts, or 0.
inline size_t AfterLastBlankLine(std::string_view text) {
  size_t after = 0;
  for (size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) {
    const size_t end = EndOfBlankLineAfter(text, at);
    if (end != std::string_view::npos) after = end + 1;
  }
  return after;
}

// `c` lower-cased if it is an ASCII letter.
inline char LowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

// Whether `text` is `lower` (lower-case ASCII) with any of its ASCII
// letters in either case: "Pleased" and "PLEASED" are "pleased".
inline bool EqualsLowerAscii(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t k = 0; k < text.size(); ++k) {
    if (LowerAscii(text[k]) != lower[k]) return false;
  }
  return true;
}

// dst[k] = src[k] lower-cased for ASCII letters, other bytes as they are;
// sixteen bytes a step. dst may be src.data().
inline void LowerAscii(std::string_view src, char* dst) {
  size_t k = 0;
#if defined(__SSE2__)
  const __m128i before_a = _mm_set1_epi8('A' - 1), after_z = _mm_set1_epi8('Z' + 1);
  const __m128i case_bit = _mm_set1_epi8(0x20);
  for (; k + 16 <= src.size(); k += 16) {
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src.data() + k));
    // Signed compares: bytes of 0x80 and up are negative, so never A-Z.
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(c, before_a), _mm_cmplt_epi8(c, after_z));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + k),
                     _mm_or_si128(c, _mm_and_si128(upper, case_bit)));
  }
#endif
  for (; k < src.size(); ++k) dst[k] = LowerAscii(src[k]);
}

// `src` lower-cased for ASCII letters, as a new string.
inline std::string LowerAscii(std::string_view src) {
  std::string out(src.size(), '\0');
  LowerAscii(src, out.data());
  return out;
}

}  // namespace plainlang

#endif  // PLAINLANG_TEXT_BYTE_SCAN_H_
