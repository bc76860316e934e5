// Writing reports: JSON (the contract other tools rely on), CSV rows, a
// plain-text summary for a person, and an HTML review page.
#ifndef PLAINLANG_OUTPUT_H_
#define PLAINLANG_OUTPUT_H_

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "plainlang/analyzer.h"
#include "plainlang/report.h"

namespace plainlang {

// One JSON object on one line. `source`, when not empty, is added as a
// "source" field (the file name in a batch).
std::string ToJson(const Report& report, std::string_view source = {});

// The same bytes as ToJson, handed to `write` in pieces of about 64 KiB as
// they are made, so that a report with millions of findings is never held
// twice (once as findings, once as text).
void WriteJson(const Report& report, std::string_view source,
               const std::function<void(std::string_view)>& write);

// CSV: the header line and one row per report (scores, counts, verdict).
std::string CsvHeader();
std::string ToCsvRow(const Report& report, std::string_view source);

// For a person: the grade, the verdict, and each finding with its suggestion;
// for a report that is an error, "source: error: reason".
// With `explain`, each finding is followed by the evidence for it: where the
// term is listed, its familiarity, or the rule that judged an unlisted word.
std::string ToText(const Report& report, std::string_view input, std::string_view source,
                   bool explain = false);

// For an input whose report would not fit in memory (a report keeps about
// 200 bytes per finding and 150 per sentence): the same bytes as the
// writers above give for analyzer.Analyze(input), made from analyses that
// hand findings and sentences out instead of keeping them. Each returns the
// report without its findings and sentences. Each pass takes as long as
// Analyze: JSON four (the report, its findings, and two for its sentences,
// the first for their passages' grades), text two, CSV one.
Report AnalyzeToJson(const Analyzer& analyzer, std::string_view input, std::string_view source,
                     const std::function<void(std::string_view)>& write);
Report AnalyzeToText(const Analyzer& analyzer, std::string_view input, std::string_view source,
                     bool explain, const std::function<void(std::string_view)>& write);
Report AnalyzeToCsvRow(const Analyzer& analyzer, std::string_view input, std::string_view source,
                       std::string* row);

// One message on a review page. Views: the caller keeps the strings and the
// report alive while ToHtml runs.
struct HtmlDocument {
  std::string_view source;  // the section title, e.g. the file name
  std::string_view input;   // the bytes that were analysed, exactly as given
  const Report& report;     // the analysis of `input`; its offsets index it
};

// One self-contained HTML page (inline CSS and script, no network, valid
// UTF-8 whatever the input bytes) for a person reviewing drafts: each
// message with its findings highlighted, a tooltip for each, the scores
// against the targets, what to fix first and a grade bar per sentence.
// Several documents get a table of contents.
std::string ToHtml(std::span<const HtmlDocument> documents);

}  // namespace plainlang

#endif  // PLAINLANG_OUTPUT_H_
