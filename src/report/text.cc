#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <span>
#include <string>

#include "plainlang/analyzer.h"
#include "plainlang/grade_model.h"
#include "plainlang/output.h"
#include "report/evidence.h"

namespace plainlang {
namespace {

// A span's text on one line, shortened for the margin.
std::string Shown(std::string_view text, size_t limit) {
  std::string shown;
  for (char c : text) shown += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (shown.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
    shown = shown.substr(0, cut) + "...";
  }
  return shown;
}

// "  communication 64/100; missing: safety net, contact info", or nothing
// when no item applies.
std::string ChecklistLine(const Communication& communication) {
  if (std::isnan(communication.score)) return "";
  std::string missing;
  for (size_t k = 0; k < kCommunicationItemCount; ++k) {
    const CommunicationItemResult& item = communication.items[k];
    if (!item.applies || item.meets) continue;
    std::string name(CommunicationItemName(static_cast<CommunicationItem>(k)));
    std::replace(name.begin(), name.end(), '_', ' ');
    missing += (missing.empty() ? "; missing: " : ", ") + name;
  }
  return "  communication " + Format("%.0f", communication.score) + "/100" + missing + "\n";
}

// Writes a report for a person a finding at a time: the line:column of
// each finding is counted in one pass over the input, in characters; a line
// ends at LF, CR LF or a lone CR (old Mac text).
class TextWriter {
 public:
  TextWriter(std::string_view input, bool explain) : input_(input), explain_(explain) {}

  void Head(const Report& report, std::string_view source, std::string& out) const {
    const Verdict& verdict = report.verdict;
    if (!source.empty()) out += std::string(source) + ": ";
    if (!report.error.empty()) {
      out += "error: " + report.error + "\n";
      return;
    }
    out += "health grade " + GradeText(report.readability.health_grade) + " (target " +
           Format("%g", verdict.target_grade) + "; formulas " +
           Format("%.1f", report.readability.consensus_grade) + "), jargon " +
           Format("%.1f%%", report.jargon.density * 100) + " (max " +
           Format("%g%%", verdict.max_jargon * 100) + "), " + std::to_string(report.counts.words) +
           " words in " + std::to_string(report.counts.sentences) +
           " sentences: " + std::string(VerdictText(verdict)) + "\n";
    out += ChecklistLine(report.communication);
  }

  void Line(const Finding& f, std::string& out) {
    for (; at_ < f.start && at_ < input_.size(); ++at_) {
      const char c = input_[at_];
      const bool cr_alone = c == '\r' && (at_ + 1 == input_.size() || input_[at_ + 1] != '\n');
      if (c == '\n' || cr_alone) {
        ++line_;
        column_ = 1;
      } else if (c == '\r') {
        continue;  // the CR of a CR LF
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++column_;
      }
    }
    char where[48];
    std::snprintf(where, sizeof where, "  %-8s",
                  (std::to_string(line_) + ":" + std::to_string(column_)).c_str());
    out += where;
    std::string kind(FindingKindName(f.kind));
    if (f.kind == FindingKind::kLongSentence) {
      out.append("long sentence (").append(f.term).append(")");
    } else {
      std::string shown = Shown(f.text, 30);
      out += shown;
      out.append(shown.size() < 22 ? 22 - shown.size() : 1, ' ');
      out += kind;
    }
    if (!f.suggestion.empty()) out.append(" -> ").append(f.suggestion);
    if (f.suggestion.empty() && f.expansions.size() > 1) {
      out += " -> ambiguous: ";
      for (size_t k = 0; k < f.expansions.size() && k < 4; ++k) {
        out.append(k ? " | " : "").append(f.expansions[k]);
      }
    }
    if (!f.definition.empty()) out += "  (" + Shown(f.definition, 100) + ")";
    out += "\n";
    if (explain_) out += "          why: " + Evidence(f) + "\n";
  }

  static void Warnings(std::span<const std::string> warnings, std::string& out) {
    for (const std::string& warning : warnings) out += "  warning: " + warning + "\n";
  }

 private:
  const std::string_view input_;
  const bool explain_;
  size_t line_ = 1, column_ = 1, at_ = 0;
};

}  // namespace

std::string ToText(const Report& report, std::string_view input, std::string_view source,
                   bool explain) {
  TextWriter writer(input, explain);
  std::string out;
  writer.Head(report, source, out);
  if (!report.error.empty()) return out;
  for (const Finding& f : report.findings) writer.Line(f, out);
  TextWriter::Warnings(report.warnings, out);
  return out;
}

Report AnalyzeToText(const Analyzer& analyzer, std::string_view input, std::string_view source,
                     bool explain, const std::function<void(std::string_view)>& write) {
  TextWriter writer(input, explain);
  std::string out;
  Report report = analyzer.Analyze(input, ReportSink{});
  writer.Head(report, source, out);
  if (report.error.empty()) {
    // A line at a time, handed over in pieces of about 64 KiB.
    const std::string error = analyzer
                                  .Analyze(input, ReportSink{.finding =
                                                                 [&](const Finding& f) {
                                                                   writer.Line(f, out);
                                                                   if (out.size() >= 64 * 1024) {
                                                                     write(out);
                                                                     out.clear();
                                                                   }
                                                                 }})
                                  .error;
    if (!error.empty()) report.warnings.push_back("the findings are incomplete: " + error);
  }
  if (report.error.empty()) TextWriter::Warnings(report.warnings, out);
  write(out);
  return report;
}

}  // namespace plainlang
