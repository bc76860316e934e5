// Reading tab-separated tables: rows, fields, numbers, and errors that name
// the file, the line and the field.
#include "lexicon/tsv_table.h"

#include <gtest/gtest.h>

#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include "plainlang/lexicon.h"

namespace plainlang {
namespace {

const std::vector<TsvColumn> kColumns = {{"term", true}, {"plain", false}, {"familiarity", false}};

// Each data row's (line, term, plain, familiarity field).
struct Row {
  int line;
  std::string term, plain, familiarity;
  bool operator==(const Row&) const = default;
};

std::vector<Row> ReadRows(std::string_view contents,
                          const std::vector<TsvColumn>& columns = kColumns) {
  std::vector<Row> rows;
  ForEachTsvRow(contents, "terms.tsv", columns, [&](const TsvRow& row) {
    rows.push_back({row.line(), std::string(row.field(0)), std::string(row.field(1)),
                    std::string(row.field(2))});
  });
  return rows;
}

// The error that reading `contents` throws; fails the test if none.
LexiconError ReadError(std::string_view contents) {
  try {
    ReadRows(contents);
  } catch (const LexiconError& error) {
    return error;
  }
  ADD_FAILURE() << "no LexiconError for: " << contents;
  return LexiconError("", 0, "");
}

TEST(TsvTableTest, ReadsRowsByColumnName) {
  const auto rows = ReadRows(
      "term\tplain\tfamiliarity\n"
      "dyspnea\tshortness of breath\t0.2\n"
      "edema\tswelling\t0.35\n");
  EXPECT_EQ(rows, (std::vector<Row>{{2, "dyspnea", "shortness of breath", "0.2"},
                                    {3, "edema", "swelling", "0.35"}}));
}

TEST(TsvTableTest, ColumnsMayComeInAnyOrderAndExtraOnesAreIgnored) {
  const auto rows = ReadRows(
      "source\tfamiliarity\tterm\tplain\n"
      "cdc\t0.4\tsyncope\tfainting\n");
  EXPECT_EQ(rows, (std::vector<Row>{{2, "syncope", "fainting", "0.4"}}));
}

TEST(TsvTableTest, AnOptionalColumnTheFileLacksReadsEmpty) {
  const auto rows = ReadRows("term\nhypertension\n");
  EXPECT_EQ(rows, (std::vector<Row>{{2, "hypertension", "", ""}}));
}

TEST(TsvTableTest, CommentsAndBlankLinesAreSkippedButCounted) {
  const auto rows = ReadRows(
      "# Terms for the tests\n"
      "\n"
      "term\tplain\tfamiliarity\n"
      "   \n"
      "# a comment between rows\n"
      "apnea\tpauses in breathing\t0.3\n");
  EXPECT_EQ(rows, (std::vector<Row>{{6, "apnea", "pauses in breathing", "0.3"}}));
}

TEST(TsvTableTest, CrlfByteOrderMarkAndSpacesAroundFieldsAreDropped) {
  const auto rows = ReadRows(
      "\xEF\xBB\xBFterm\tplain\tfamiliarity\r\n"
      " renal \t kidney \t0.6\r\n"
      "hepatic\tliver\t0.5");  // no newline at the end
  EXPECT_EQ(rows,
            (std::vector<Row>{{2, "renal", "kidney", "0.6"}, {3, "hepatic", "liver", "0.5"}}));
}

TEST(TsvTableTest, ReadsRowsLongerThanOneDelimiterBlock) {
  // Cells and lines that cross the 32-byte blocks the delimiters are found in.
  const std::string long_plain(100, 'x');
  std::string contents = "term\tplain\tfamiliarity\n";
  for (int i = 0; i < 50; ++i) {
    contents +=
        "t" + std::to_string(i) + "\t" + long_plain + "\t0." + std::to_string(i % 10) + "\n";
  }
  const auto rows = ReadRows(contents);
  ASSERT_EQ(rows.size(), 50u);
  EXPECT_EQ(rows[37], (Row{39, "t37", long_plain, "0.7"}));
}

TEST(TsvTableTest, AHeaderWithoutARequiredColumnNamesIt) {
  const LexiconError error = ReadError("plain\tfamiliarity\nkidney\t0.5\n");
  EXPECT_EQ(error.file(), "terms.tsv");
  EXPECT_EQ(error.line(), 1);
  EXPECT_EQ(error.reason(), "header lacks the column 'term' (columns are separated by tabs)");
  EXPECT_STREQ(error.what(),
               "terms.tsv:1: header lacks the column 'term' (columns are separated by tabs)");
}

TEST(TsvTableTest, ARowWithTheWrongNumberOfFieldsNamesItsLine) {
  const LexiconError error = ReadError(
      "term\tplain\tfamiliarity\n"
      "renal\tkidney\t0.6\n"
      "# comment\n"
      "hepatic\tliver\n");
  EXPECT_EQ(error.line(), 4);
  EXPECT_EQ(error.reason(), "expected 3 tab-separated fields, found 2");
}

TEST(TsvTableTest, ATableWithNoHeaderIsAnErrorAboutNoLine) {
  const LexiconError error = ReadError("# only a comment\n\n");
  EXPECT_EQ(error.file(), "terms.tsv");
  EXPECT_EQ(error.line(), 0);
  EXPECT_EQ(error.reason(), "no header row");
  EXPECT_STREQ(error.what(), "terms.tsv: no header row");
}

TEST(TsvTableTest, ANulByteIsAnError) {
  const LexiconError error = ReadError(std::string_view("term\nok\nbad\0word\n", 17));
  EXPECT_EQ(error.line(), 3);
  EXPECT_EQ(error.reason(), "line holds a NUL byte");
}

TEST(TsvTableTest, AnEmptyTableHasNoHeader) { EXPECT_EQ(ReadError("").reason(), "no header row"); }

// number() of the familiarity field (column 2) of a one-row table.
double Familiarity(std::string_view field, double fallback = -1) {
  const std::string contents = "term\tplain\tfamiliarity\nx\ty\t" + std::string(field) + "\n";
  double value = 0;
  ForEachTsvRow(contents, "terms.tsv", kColumns,
                [&](const TsvRow& row) { value = row.number(2, 0, 1, fallback); });
  return value;
}

TEST(TsvTableTest, NumberReadsPlainAndOtherDecimalForms) {
  EXPECT_EQ(Familiarity("0.35"), 0.35);
  EXPECT_EQ(Familiarity("1"), 1.0);
  EXPECT_EQ(Familiarity("0"), 0.0);
  EXPECT_EQ(Familiarity("2.5e-1"), 0.25);  // not the plain form: from_chars reads it
  EXPECT_EQ(Familiarity(".5"), 0.5);
}

TEST(TsvTableTest, NumberOfAnEmptyFieldIsTheFallback) {
  EXPECT_EQ(Familiarity("", 0.75), 0.75);
  EXPECT_EQ(Familiarity("  ", 0.75), 0.75);
}

// The reason number() gives for `field`; fails the test when it reads it.
std::string NumberError(std::string_view field) {
  try {
    Familiarity(field);
  } catch (const LexiconError& error) {
    EXPECT_EQ(error.line(), 2);
    return error.reason();
  }
  ADD_FAILURE() << "no error for " << field;
  return "";
}

TEST(TsvTableTest, NumberOutOfRangeOrNotANumberNamesTheFieldAndValue) {
  EXPECT_EQ(NumberError("1.5"), "field 'familiarity' must be a number from 0 to 1, got '1.5'");
  EXPECT_EQ(NumberError("-0.1"), "field 'familiarity' must be a number from 0 to 1, got '-0.1'");
  EXPECT_EQ(NumberError("high"), "field 'familiarity' must be a number from 0 to 1, got 'high'");
  EXPECT_EQ(NumberError("0.5x"), "field 'familiarity' must be a number from 0 to 1, got '0.5x'");
  EXPECT_EQ(NumberError("nan"), "field 'familiarity' must be a number from 0 to 1, got 'nan'");
}

TEST(TsvTableTest, NumberErrorQuotesAtMostFortyBytesOfTheValue) {
  const std::string reason = NumberError(std::string(100, '9'));
  EXPECT_EQ(reason,
            "field 'familiarity' must be a number from 0 to 1, got '" + std::string(40, '9') + "'");
}

TEST(TsvTableTest, FailNamesFileAndLine) {
  try {
    ForEachTsvRow("term\nfirst\nsecond\n", "abbreviations.tsv", kColumns, [](const TsvRow& row) {
      if (row.field(0) == "second") row.Fail("duplicate key");
    });
    FAIL() << "no error";
  } catch (const LexiconError& error) {
    EXPECT_STREQ(error.what(), "abbreviations.tsv:3: duplicate key");
    EXPECT_EQ(error.file(), "abbreviations.tsv");
    EXPECT_EQ(error.line(), 3);
    EXPECT_EQ(error.reason(), "duplicate key");
  }
}

TEST(TsvTableTest, ParsePlainDecimalGivesWhatFromCharsGives) {
  for (std::string_view text : {"0", "3", "3.49", "0.20", "17.125", "123456789012345",
                                "0.00000000000001", "9.99999999999999"}) {
    double fast = -1, slow = -2;
    ASSERT_TRUE(TsvRow::ParsePlainDecimal(text, &fast)) << text;
    std::from_chars(text.data(), text.data() + text.size(), slow);
    EXPECT_EQ(fast, slow) << text;
  }
}

TEST(TsvTableTest, ParsePlainDecimalRefusesOtherForms) {
  double value = 42;
  for (std::string_view text : {"", ".5", "3.", "-1", "+1", "1e3", "1,5", " 1", "1 ",
                                "1234567890123456", "1.234567890123456", "0x10"}) {
    EXPECT_FALSE(TsvRow::ParsePlainDecimal(text, &value)) << text;
  }
  EXPECT_EQ(value, 42);  // untouched when refused
}

TEST(TsvTableTest, TrimDropsSpacesAndCarriageReturnsOnly) {
  EXPECT_EQ(TsvRow::Trim("  word \r"), "word");
  EXPECT_EQ(TsvRow::Trim("\r\r"), "");
  EXPECT_EQ(TsvRow::Trim("\tword\t"), "\tword\t");
  EXPECT_EQ(TsvRow::Trim("two words"), "two words");
}

TEST(TsvTableTest, DelimitersComeInOrderAcrossBlocks) {
  std::string text(100, 'a');
  const std::vector<size_t> expected = {0, 5, 31, 32, 33, 63, 64, 99};
  for (size_t at : expected) text[at] = at % 2 ? '\t' : '\n';
  TsvDelimiters delimiters(text, 0);
  std::vector<size_t> found;
  for (size_t at; (at = delimiters.Next()) != text.size();) found.push_back(at);
  EXPECT_EQ(found, expected);
  EXPECT_EQ(delimiters.Next(), text.size());  // and stays at the end
}

TEST(TsvTableTest, DelimitersStartWhereTold) {
  const std::string text = "a\tb\tc\nd";
  TsvDelimiters delimiters(text, 2);
  EXPECT_EQ(delimiters.Next(), 3u);
  EXPECT_EQ(delimiters.Next(), 5u);
  EXPECT_EQ(delimiters.Next(), text.size());
  TsvDelimiters at_end(text, text.size());
  EXPECT_EQ(at_end.Next(), text.size());
}

TEST(TsvTableTest, MaxTsvRowsIsTheLineCount) {
  EXPECT_EQ(MaxTsvRows(""), 1u);
  EXPECT_EQ(MaxTsvRows("header"), 1u);
  EXPECT_EQ(MaxTsvRows("header\nrow\n"), 3u);
  // Past the 255 vector rounds after which the byte counts are summed.
  std::string big;
  for (int i = 0; i < 10000; ++i) big += i % 3 ? "word\t0.5\n" : "\n";
  EXPECT_EQ(MaxTsvRows(big), 10001u);
}

TEST(TsvTableTest, MaxTsvRowsIsAtLeastTheRowsRead) {
  const std::string contents = "term\n# note\na\nb\n\nc\n";
  EXPECT_GE(MaxTsvRows(contents), ReadRows(contents).size());
}

TEST(TsvTableTest, SplitBarsTrimsAndDropsEmptyParts) {
  EXPECT_EQ(SplitBars("heart attack | myocardial infarction||MI |"),
            (std::vector<std::string_view>{"heart attack", "myocardial infarction", "MI"}));
  EXPECT_EQ(SplitBars("one"), (std::vector<std::string_view>{"one"}));
  EXPECT_TRUE(SplitBars("").empty());
  EXPECT_TRUE(SplitBars(" | |").empty());
}

}  // namespace
}  // namespace plainlang
