#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

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

}  // namespace

std::string ToText(const Report& report, std::string_view input, std::string_view source,
                   bool explain) {
  const Verdict& verdict = report.verdict;
  std::string out;
  if (!source.empty()) out += std::string(source) + ": ";
  out += "health grade " + GradeText(report.readability.health_grade) + " (target " +
         Format("%g", verdict.target_grade) + "; formulas " +
         Format("%.1f", report.readability.consensus_grade) + "), jargon " +
         Format("%.1f%%", report.jargon.density * 100) + " (max " +
         Format("%g%%", verdict.max_jargon * 100) + "), " + std::to_string(report.counts.words) +
         " words in " + std::to_string(report.counts.sentences) +
         " sentences: " + std::string(VerdictText(verdict)) + "\n";
  out += ChecklistLine(report.communication);

  // line:column of each finding, columns in characters, counted in one pass;
  // a line ends at LF, CR LF or a lone CR (old Mac text).
  size_t line = 1, column = 1, at = 0;
  for (const Finding& f : report.findings) {
    for (; at < f.start && at < input.size(); ++at) {
      const bool cr_alone = input[at] == '\r' && (at + 1 == input.size() || input[at + 1] != '\n');
      if (input[at] == '\n' || cr_alone) {
        ++line;
        column = 1;
      } else if (input[at] == '\r') {
        continue;  // the CR of a CR LF
      } else if ((static_cast<unsigned char>(input[at]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    char where[48];
    std::snprintf(where, sizeof where, "  %-8s",
                  (std::to_string(line) + ":" + std::to_string(column)).c_str());
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
    if (explain) out += "          why: " + Evidence(f) + "\n";
  }
  for (const std::string& warning : report.warnings) out += "  warning: " + warning + "\n";
  return out;
}

}  // namespace plainlang
