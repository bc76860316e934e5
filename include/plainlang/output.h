// Writing reports: JSON (the contract other tools rely on), CSV rows, and
// a plain-text summary for a person.
#ifndef PLAINLANG_OUTPUT_H_
#define PLAINLANG_OUTPUT_H_

#include <string>
#include <string_view>

#include "plainlang/report.h"

namespace plainlang {

// One JSON object on one line. `source`, when not empty, is added as a
// "source" field (the file name in a batch).
std::string ToJson(const Report& report, std::string_view source = {});

// CSV: the header line and one row per report (scores, counts, verdict).
std::string CsvHeader();
std::string ToCsvRow(const Report& report, std::string_view source);

// For a person: the grade, the verdict, and each finding with its suggestion.
// With `explain`, each finding is followed by the evidence for it: where the
// term is listed, its familiarity, or the rule that judged an unlisted word.
std::string ToText(const Report& report, std::string_view input,
                   std::string_view source, bool explain = false);

}  // namespace plainlang

#endif  // PLAINLANG_OUTPUT_H_
