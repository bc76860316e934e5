// Reading the lexicon's tab-separated tables, with errors that name the
// file, the line and the field.
#ifndef PLAINLANG_LEXICON_TSV_TABLE_H_
#define PLAINLANG_LEXICON_TSV_TABLE_H_

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace plainlang {

struct TsvColumn {
  std::string_view name;
  bool required;
};

// One data row. Fields are addressed by the index of their column in the
// list given to ForEachTsvRow; a column the file lacks reads as "".
class TsvRow {
 public:
  std::string_view field(size_t column) const {
    int index = file_column_[column];
    return index < 0 ? std::string_view() : Trim(cells_[index]);
  }
  // The field parsed as a number in [min, max]; throws LexiconError
  // naming the field when it is not one. An empty field gives `fallback`.
  double number(size_t column, double min, double max, double fallback) const {
    std::string_view text = field(column);
    if (text.empty()) return fallback;
    double value;
    if (ParsePlainDecimal(text, &value) && value >= min && value <= max) return value;
    return SlowNumber(column, min, max);
  }
  int line() const { return line_; }
  [[noreturn]] void Fail(const std::string& reason) const;

  // Reads the form the table generator writes ("3.49", "0.20", "3"):
  // digits, optionally a point and more digits, 15 digits at most. Such a
  // value is m / 10^k with m and 10^k exact doubles, so one correctly
  // rounded division gives the double std::from_chars gives (Clinger's fast
  // path). False for any other form, which from_chars then decides.
  static bool ParsePlainDecimal(std::string_view text, double* value) {
    static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                              1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    constexpr size_t kMaxDigits = 15;  // 10^15 < 2^53: every such mantissa is exact
    const char* p = text.data();
    const char* const end = p + text.size();
    uint64_t mantissa = 0;
    auto read_digits = [&p, end, &mantissa] {
      const char* const first = p;
      for (unsigned digit; p != end && (digit = static_cast<unsigned char>(*p) - '0') < 10; ++p) {
        mantissa = mantissa * 10 + digit;
      }
      return static_cast<size_t>(p - first);
    };
    const size_t whole_digits = read_digits();
    size_t fraction_digits = 0;
    if (p != end && *p == '.') {
      ++p;
      fraction_digits = read_digits();
      if (fraction_digits == 0) return false;
    }
    if (whole_digits == 0 || p != end || whole_digits + fraction_digits > kMaxDigits) return false;
    *value = static_cast<double>(mantissa) / kPowersOfTen[fraction_digits];
    return true;
  }

  // Drops spaces and carriage returns at both ends.
  static std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
  }

 private:
  friend class TsvReader;
  // number() for any form but the plain one, and for errors.
  double SlowNumber(size_t column, double min, double max) const;

  std::string_view file_;
  const std::vector<TsvColumn>* columns_ = nullptr;
  std::vector<int> file_column_;         // file column of each wanted column, or -1
  std::vector<std::string_view> cells_;  // cells of the current line
  int line_ = 0;
};

// Finds the tabs and newlines of a text in order, a block of 32 bytes at a
// time, with vector compares where SSE2 is there (every x86-64): most cells
// are a few bytes long, too short for memchr to pay off.
class TsvDelimiters {
 public:
  static constexpr size_t kBlock = 32;

  // Starts at byte `from` <= text.size() of `text`.
  TsvDelimiters(std::string_view text, size_t from)
      : text_(text), block_(from), bits_(from < text.size() ? Bits(from) : 0) {}

  // The offset of the next tab or newline, or text.size() when none is left.
  size_t Next() {
    while (bits_ == 0) {
      if (text_.size() - block_ <= kBlock) return text_.size();  // no more blocks
      block_ += kBlock;
      bits_ = Bits(block_);
    }
    const size_t at = block_ + static_cast<size_t>(std::countr_zero(bits_));
    bits_ &= bits_ - 1;
    return at;
  }

 private:
  // The tabs and newlines of the block at `at`, one bit a byte, the first
  // byte lowest.
  uint32_t Bits(size_t at) const {
    const char* p = text_.data() + at;
    const size_t n = std::min(kBlock, text_.size() - at);
#if defined(__SSE2__)
    if (n == kBlock) {
      auto half = [](const char* q) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
        const __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t')),
                                          _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')));
        return static_cast<uint32_t>(_mm_movemask_epi8(hits)) & 0xFFFF;
      };
      return half(p) | half(p + 16) << 16;
    }
#endif
    uint32_t bits = 0;
    for (size_t i = 0; i < n; ++i) {
      if (p[i] == '\t' || p[i] == '\n') bits |= uint32_t{1} << i;
    }
    return bits;
  }

  std::string_view text_;
  size_t block_;   // offset of the block being read
  uint32_t bits_;  // its delimiters not yet returned
};

// Steps through the data rows of one table; use it through ForEachTsvRow.
class TsvReader {
 public:
  TsvReader(std::string_view contents, std::string_view file_name,
            const std::vector<TsvColumn>& columns);
  // A row points into its reader.
  TsvReader(const TsvReader&) = delete;
  TsvReader& operator=(const TsvReader&) = delete;

  // Moves to the next data row; false after the last. Throws LexiconError.
  bool Next();
  const TsvRow& row() const { return row_; }

 private:
  void ReadHeader();

  std::string_view contents_;
  size_t next_line_ = 0;  // byte offset of the line after the current one
  TsvDelimiters delimiters_;
  bool has_nul_ = false;  // tables almost never hold one; then no line is searched
  bool have_header_ = false;
  size_t header_fields_ = 0;
  TsvRow row_;
};

// Calls `row_fn(const TsvRow&)` for each data row of `contents`. The first
// line that is not blank or a '#' comment is the header; it must name every
// required column. Each row must have as many fields as the header. CRLF line
// ends are fine. Throws LexiconError("<file>:<line>: <reason>").
// A template so that the per-row call of a 200,000-row table is inlined.
template <typename RowFn>
void ForEachTsvRow(std::string_view contents, std::string_view file_name,
                   const std::vector<TsvColumn>& columns, RowFn&& row_fn) {
  TsvReader reader(contents, file_name, columns);
  while (reader.Next()) row_fn(reader.row());
}

// At least the number of data rows in `contents` (its line count), for
// reserving room before reading them.
size_t MaxTsvRows(std::string_view contents);

// Splits a multi-valued field on '|', trimming spaces and dropping empties.
std::vector<std::string_view> SplitBars(std::string_view field);

}  // namespace plainlang

#endif  // PLAINLANG_LEXICON_TSV_TABLE_H_
