// Reading the lexicon's tab-separated tables, with errors that name the
// file, the line and the field.
#ifndef PLAINLANG_LEXICON_TSV_TABLE_H_
#define PLAINLANG_LEXICON_TSV_TABLE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace plainlang {

struct TsvColumn {
  std::string_view name;
  bool required;
};

// One data row. Fields are addressed by the index of their column in the
// list given to ForEachTsvRow; a column the file lacks reads as "".
class TsvRow {
 public:
  std::string_view field(size_t column) const;
  // The field parsed as a number in [min, max]; throws LexiconError
  // naming the field when it is not one. An empty field gives `fallback`.
  double number(size_t column, double min, double max, double fallback) const;
  int line() const { return line_; }
  [[noreturn]] void Fail(const std::string& reason) const;

 private:
  friend void ForEachTsvRow(std::string_view, std::string_view,
                            const std::vector<TsvColumn>&,
                            const std::function<void(const TsvRow&)>&);
  std::string_view file_;
  const std::vector<TsvColumn>* columns_ = nullptr;
  std::vector<int> file_column_;       // file column of each wanted column, or -1
  std::vector<std::string_view> cells_;  // cells of the current line
  int line_ = 0;
};

// Calls `row_fn` for each data row of `contents`. The first line that is not
// blank or a '#' comment is the header; it must name every required column.
// Each row must have as many fields as the header. CRLF line ends are fine.
// Throws LexiconError("<file>:<line>: <reason>").
void ForEachTsvRow(std::string_view contents, std::string_view file_name,
                   const std::vector<TsvColumn>& columns,
                   const std::function<void(const TsvRow&)>& row_fn);

// Splits a multi-valued field on '|', trimming spaces and dropping empties.
std::vector<std::string_view> SplitBars(std::string_view field);

}  // namespace plainlang

#endif  // PLAINLANG_LEXICON_TSV_TABLE_H_
