#include "lexicon/tsv_table.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "plainlang/lexicon.h"

namespace plainlang {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void SplitTabs(std::string_view line, std::vector<std::string_view>* cells) {
  cells->clear();
  size_t begin = 0;
  for (size_t tab; (tab = line.find('\t', begin)) != std::string_view::npos; begin = tab + 1) {
    cells->push_back(line.substr(begin, tab - begin));
  }
  cells->push_back(line.substr(begin));
}

}  // namespace

LexiconError::LexiconError(std::string file, int line, std::string reason)
    : std::runtime_error(file + (line > 0 ? ":" + std::to_string(line) : "") + ": " + reason),
      file_(std::move(file)),
      line_(line),
      reason_(std::move(reason)) {}

std::string_view TsvRow::field(size_t column) const {
  int index = file_column_[column];
  return index < 0 ? std::string_view() : Trim(cells_[index]);
}

double TsvRow::number(size_t column, double min, double max, double fallback) const {
  std::string_view text = field(column);
  if (text.empty()) return fallback;
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

void ForEachTsvRow(std::string_view contents, std::string_view file_name,
                   const std::vector<TsvColumn>& columns,
                   const std::function<void(const TsvRow&)>& row_fn) {
  TsvRow row;
  row.file_ = file_name;
  row.columns_ = &columns;
  bool have_header = false;
  size_t header_fields = 0;
  int line_number = 0;
  size_t begin = 0;
  if (contents.substr(0, 3) == "\xEF\xBB\xBF") begin = 3;  // a byte-order mark
  while (begin < contents.size()) {
    size_t newline = contents.find('\n', begin);
    if (newline == std::string_view::npos) newline = contents.size();
    std::string_view line = contents.substr(begin, newline - begin);
    begin = newline + 1;
    ++line_number;
    row.line_ = line_number;
    if (Trim(line).empty() || line.front() == '#') continue;
    if (line.find('\0') != std::string_view::npos) row.Fail("line holds a NUL byte");
    SplitTabs(line, &row.cells_);
    if (!have_header) {
      have_header = true;
      header_fields = row.cells_.size();
      row.file_column_.assign(columns.size(), -1);
      for (size_t c = 0; c < columns.size(); ++c) {
        for (size_t f = 0; f < row.cells_.size(); ++f) {
          if (Trim(row.cells_[f]) == columns[c].name) row.file_column_[c] = static_cast<int>(f);
        }
        if (columns[c].required && row.file_column_[c] < 0) {
          row.Fail("header lacks the column '" + std::string(columns[c].name) +
                   "' (columns are separated by tabs)");
        }
      }
      continue;
    }
    if (row.cells_.size() != header_fields) {
      row.Fail("expected " + std::to_string(header_fields) + " tab-separated fields, found " +
               std::to_string(row.cells_.size()));
    }
    row_fn(row);
  }
  if (!have_header) throw LexiconError(std::string(file_name), 0, "no header row");
}

std::vector<std::string_view> SplitBars(std::string_view field) {
  std::vector<std::string_view> parts;
  size_t begin = 0;
  while (begin <= field.size()) {
    size_t bar = field.find('|', begin);
    if (bar == std::string_view::npos) bar = field.size();
    std::string_view part = Trim(field.substr(begin, bar - begin));
    if (!part.empty()) parts.push_back(part);
    begin = bar + 1;
  }
  return parts;
}

}  // namespace plainlang
