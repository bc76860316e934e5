#include <cmath>
#include <string>

#include "plainlang/analyzer.h"
#include "plainlang/output.h"
#include "report/evidence.h"

namespace plainlang {
namespace {

// RFC 4180: quote a field holding a comma, quote or line break. A field
// that opens like a formula (= + - @, a tab or CR) gets a leading
// apostrophe, so a spreadsheet shows it as text instead of running it
// (OWASP's advice on CSV injection): file names and warnings are text.
std::string CsvField(std::string_view value) {
  std::string neutral;
  if (!value.empty() &&
      std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) {
    neutral = "'" + std::string(value);
    value = neutral;
  }
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::string CsvHeader() {
  std::string header = "source";
  for (const ReportField& field : ReportFields()) {
    header += ',';
    header += field.column;
  }
  return header + ",findings,warnings,error";
}

namespace {

std::string CsvRow(const Report& report, std::string_view source, size_t findings) {
  std::string row = CsvField(source);
  for (const ReportField& field : ReportFields()) {
    row += ',';
    const double value = field.value(report);
    switch (field.type) {
      case FieldType::kNumber: {
        const std::string format =
            field.decimals < 0 ? "%g" : "%." + std::to_string(field.decimals) + "f";
        row += Format(format.c_str(), value);
        break;
      }
      case FieldType::kInteger: row += std::to_string(static_cast<int64_t>(value)); break;
      case FieldType::kBool:  // empty when unknown
        row += std::isnan(value) ? "" : value != 0 ? "true" : "false";
        break;
    }
  }
  std::string warnings;
  for (const std::string& warning : report.warnings) {
    if (!warnings.empty()) warnings += "; ";
    warnings += warning;
  }
  row += ',' + std::to_string(findings);
  row += ',' + CsvField(warnings);
  row += ',' + CsvField(report.error);
  return row;
}

}  // namespace

std::string ToCsvRow(const Report& report, std::string_view source) {
  return CsvRow(report, source, report.findings.size());
}

Report AnalyzeToCsvRow(const Analyzer& analyzer, std::string_view input, std::string_view source,
                       std::string* row) {
  size_t findings = 0;
  Report report =
      analyzer.Analyze(input, ReportSink{.finding = [&](const Finding&) { ++findings; }});
  // A pass that ran out of memory may have handed some findings out first.
  *row = CsvRow(report, source, report.error.empty() ? findings : 0);
  return report;
}

}  // namespace plainlang
