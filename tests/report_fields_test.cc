// The field registry (ReportFields) and the writers made from it: every
// scalar field appears once, with the same value, in the JSON, the CSV and
// the feature matrix.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plainlang/analyzer.h"
#include "plainlang/batch.h"
#include "plainlang/output.h"
#include "plainlang/report.h"

namespace plainlang {
namespace {

const Analyzer& SharedAnalyzer() {
  static const Analyzer analyzer;
  return analyzer;
}

Report Sample() {
  return SharedAnalyzer().Analyze(
      "Your BP is elevated and the CT was unremarkable.\nPlease f/u with your PCP in 2 wks.");
}

// A field's value as the JSON gives it: the checklist's items in full under
// "communication": "items" (null when the item does not apply).
nlohmann::json JsonValue(const nlohmann::json& json, const ReportField& field) {
  if (field.in_json) return json[std::string(field.group)][std::string(field.name)];
  const nlohmann::json& item = json["communication"]["items"][std::string(field.name)];
  return item["applies"].get<bool>() ? item["meets"] : nlohmann::json();
}

// Splits one CSV line, honouring quotes.
std::vector<std::string> CsvCells(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') {
      if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == ',' && !quoted) {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  return cells;
}

TEST(ReportFieldsTest, ColumnsAreUniqueAndEveryFieldIsDocumented) {
  std::set<std::string_view> columns;
  for (const ReportField& field : ReportFields()) {
    EXPECT_TRUE(columns.insert(field.column).second) << field.column;
    EXPECT_FALSE(field.doc.empty()) << field.column;
    EXPECT_LE(field.low, field.high) << field.column;
  }
  // 27 scores, counts and verdict; the communication score and its 11 items.
  EXPECT_EQ(ReportFields().size(), 39u);
}

TEST(ReportFieldsTest, JsonGroupsHoldExactlyTheRegistrysFields) {
  const nlohmann::json json = nlohmann::json::parse(ToJson(Sample()));
  std::set<std::string> groups;
  for (const ReportField& field : ReportFields()) {
    if (field.in_json) groups.insert(std::string(field.group));
  }
  EXPECT_EQ(groups,
            (std::set<std::string>{"readability", "jargon", "counts", "verdict", "communication"}));
  for (const std::string& group : groups) {
    size_t fields = group == "communication" ? 1 : 0;  // and "items"
    for (const ReportField& field : ReportFields()) {
      if (field.group != group || !field.in_json) continue;
      ++fields;
      const nlohmann::json& value = json[group][std::string(field.name)];
      switch (field.type) {
        case FieldType::kNumber: EXPECT_TRUE(value.is_number_float()) << field.name; break;
        case FieldType::kInteger: EXPECT_TRUE(value.is_number_integer()) << field.name; break;
        case FieldType::kBool: EXPECT_TRUE(value.is_boolean()) << field.name; break;
      }
    }
    EXPECT_EQ(json[group].size(), fields) << group;
  }
  // Every item of the checklist, in full.
  size_t items = 0;
  for (const ReportField& field : ReportFields()) {
    if (field.in_json) continue;
    ++items;
    const nlohmann::json& item = json["communication"]["items"][std::string(field.name)];
    EXPECT_TRUE(item["applies"].is_boolean() && item["meets"].is_boolean()) << field.name;
    EXPECT_TRUE(item["evidence"].is_array()) << field.name;
  }
  EXPECT_EQ(items, kCommunicationItemCount);
  EXPECT_EQ(json["communication"]["items"].size(), kCommunicationItemCount);
  EXPECT_TRUE(json["error"].is_null());
}

TEST(ReportFieldsTest, CsvAndJsonCarryTheSameValues) {
  const Report report = Sample();
  const nlohmann::json json = nlohmann::json::parse(ToJson(report));
  const std::vector<std::string> header = CsvCells(CsvHeader());
  const std::vector<std::string> row = CsvCells(ToCsvRow(report, "a.txt"));
  ASSERT_EQ(header.size(), row.size());
  ASSERT_EQ(header.size(), ReportFields().size() + 4);
  EXPECT_EQ(row[0], "a.txt");
  for (size_t k = 0; k < ReportFields().size(); ++k) {
    const ReportField& field = ReportFields()[k];
    EXPECT_EQ(header[k + 1], field.column);
    const nlohmann::json value = JsonValue(json, field);
    if (field.type == FieldType::kBool) {
      EXPECT_EQ(row[k + 1], value.is_null()     ? ""
                            : value.get<bool>() ? "true"
                                                : "false")
          << field.column;
    } else {
      EXPECT_NEAR(std::stod(row[k + 1]), value.get<double>(), 1e-9) << field.column;
    }
  }
  EXPECT_EQ(row[row.size() - 3], std::to_string(report.findings.size()));
  EXPECT_EQ(row.back(), "");  // no error
  EXPECT_GT(report.counts.monosyllabic_words, 0);
  EXPECT_EQ(json["counts"]["monosyllabic_words"], report.counts.monosyllabic_words);
}

TEST(ReportFieldsTest, ErrorIsAFieldOfItsOwnInEveryFormat) {
  const Report report = ErrorReport(AnalyzerOptions(), "cannot open 'x.txt'");
  EXPECT_EQ(report.error, "cannot open 'x.txt'");
  EXPECT_TRUE(report.warnings.empty());
  const nlohmann::json json = nlohmann::json::parse(ToJson(report));
  EXPECT_EQ(json["error"], "cannot open 'x.txt'");
  EXPECT_TRUE(json["readability"]["health_grade"].is_null());
  EXPECT_EQ(json["counts"]["words"], 0);
  const std::vector<std::string> row = CsvCells(ToCsvRow(report, "x.txt"));
  EXPECT_EQ(row.back(), "cannot open 'x.txt'");
}

TEST(ReportFieldsTest, FeatureMatrixHasTheFeatureFieldsInOrder) {
  std::vector<std::string_view> expected;
  for (const ReportField& field : ReportFields()) {
    if (field.feature) expected.push_back(field.column);
  }
  const auto names = FeatureNames();
  EXPECT_EQ(std::vector<std::string_view>(names.begin(), names.end()), expected);
  const Report report = Sample();
  const FeatureMatrix matrix = ToFeatureMatrix(std::span<const Report>(&report, 1));
  ASSERT_EQ(matrix.cols(), expected.size());
  size_t col = 0;
  for (const ReportField& field : ReportFields()) {
    if (!field.feature) continue;
    const double value = field.value(report);
    if (std::isnan(value)) {
      EXPECT_TRUE(std::isnan(matrix(0, col))) << field.column;
    } else {
      EXPECT_EQ(matrix(0, col), value) << field.column;
    }
    ++col;
  }
  EXPECT_EQ(matrix(0, 14), static_cast<double>(report.counts.words));  // "words"
}

}  // namespace
}  // namespace plainlang
