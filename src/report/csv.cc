#include <cmath>
#include <string>

#include "plainlang/output.h"
#include "report/evidence.h"

namespace plainlang {
namespace {

// RFC 4180: quote a field holding a comma, quote or line break.
std::string CsvField(std::string_view value) {
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

std::string ToCsvRow(const Report& report, std::string_view source) {
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
  row += ',' + std::to_string(report.findings.size());
  row += ',' + CsvField(warnings);
  row += ',' + CsvField(report.error);
  return row;
}

}  // namespace plainlang
