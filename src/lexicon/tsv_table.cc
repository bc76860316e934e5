#include "lexicon/tsv_table.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "plainlang/lexicon.h"

namespace plainlang {
namespace {

// Where the first line starts: after a byte-order mark, if there is one.
size_t FirstLine(std::string_view contents) {
  return contents.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

}  // namespace

LexiconError::LexiconError(std::string file, int line, std::string reason)
    : std::runtime_error(file + (line > 0 ? ":" + std::to_string(line) : "") + ": " + reason),
      file_(std::move(file)),
      line_(line),
      reason_(std::move(reason)) {}

double TsvRow::SlowNumber(size_t column, double min, double max) const {
  std::string_view text = field(column);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
      value < min || value > max) {
    char range[64];
    std::snprintf(range, sizeof range, "%g to %g", min, max);
    Fail("field '" + std::string((*columns_)[column].name) + "' must be a number from " + range +
         ", got '" + std::string(text.substr(0, 40)) + "'");
  }
  return value;
}

void TsvRow::Fail(const std::string& reason) const {
  throw LexiconError(std::string(file_), line_, reason);
}

TsvReader::TsvReader(std::string_view contents, std::string_view file_name,
                     const std::vector<TsvColumn>& columns)
    : contents_(contents), next_line_(FirstLine(contents)), delimiters_(contents, next_line_) {
  row_.file_ = file_name;
  row_.columns_ = &columns;
  has_nul_ = contents_.find('\0') != std::string_view::npos;
}

bool TsvReader::Next() {
  const char* const data = contents_.data();
  const size_t size = contents_.size();
  // The scan state is kept in locals, which the compiler can hold in
  // registers while cells are stored.
  TsvDelimiters delimiters = delimiters_;
  std::vector<std::string_view>& cells = row_.cells_;
  size_t line_start = next_line_;
  while (line_start < size) {
    // Cut the line into cells in the same pass that finds its end.
    cells.clear();
    size_t cell = line_start;
    size_t stop = delimiters.Next();
    for (; stop != size && data[stop] == '\t'; stop = delimiters.Next()) {
      cells.emplace_back(data + cell, stop - cell);
      cell = stop + 1;
    }
    cells.emplace_back(data + cell, stop - cell);
    std::string_view line(data + line_start, stop - line_start);
    line_start = stop + 1;
    ++row_.line_;
    if (TsvRow::Trim(line).empty() || line.front() == '#') continue;
    if (has_nul_ && line.find('\0') != std::string_view::npos) row_.Fail("line holds a NUL byte");
    if (!have_header_) {
      ReadHeader();
      continue;
    }
    if (cells.size() != header_fields_) {
      row_.Fail("expected " + std::to_string(header_fields_) + " tab-separated fields, found " +
                std::to_string(cells.size()));
    }
    next_line_ = line_start;
    delimiters_ = delimiters;
    return true;
  }
  next_line_ = line_start;
  if (!have_header_) throw LexiconError(std::string(row_.file_), 0, "no header row");
  return false;
}

void TsvReader::ReadHeader() {
  const std::vector<TsvColumn>& columns = *row_.columns_;
  const std::vector<std::string_view>& cells = row_.cells_;
  have_header_ = true;
  header_fields_ = cells.size();
  row_.file_column_.assign(columns.size(), -1);
  for (size_t c = 0; c < columns.size(); ++c) {
    for (size_t f = 0; f < cells.size(); ++f) {
      if (TsvRow::Trim(cells[f]) == columns[c].name) row_.file_column_[c] = static_cast<int>(f);
    }
    if (columns[c].required && row_.file_column_[c] < 0) {
      row_.Fail("header lacks the column '" + std::string(columns[c].name) +
                "' (columns are separated by tabs)");
    }
  }
}

size_t MaxTsvRows(std::string_view contents) {
  size_t lines = 1;
  size_t i = 0;
#if defined(__SSE2__)
  // Each compare adds one to the byte counts at newlines; 255 rounds at
  // most, so that no count overflows, then the counts are summed.
  const __m128i newline = _mm_set1_epi8('\n');
  while (contents.size() - i >= 16) {
    const size_t rounds = std::min<size_t>((contents.size() - i) / 16, 255);
    __m128i counts = _mm_setzero_si128();
    for (size_t round = 0; round < rounds; ++round, i += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(contents.data() + i));
      counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(bytes, newline));
    }
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    lines += static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  for (; i < contents.size(); ++i) lines += contents[i] == '\n';
  return lines;
}

std::vector<std::string_view> SplitBars(std::string_view field) {
  std::vector<std::string_view> parts;
  size_t begin = 0;
  while (begin <= field.size()) {
    size_t bar = field.find('|', begin);
    if (bar == std::string_view::npos) bar = field.size();
    std::string_view part = TsvRow::Trim(field.substr(begin, bar - begin));
    if (!part.empty()) parts.push_back(part);
    begin = bar + 1;
  }
  return parts;
}

}  // namespace plainlang
