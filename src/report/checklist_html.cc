#include "report/checklist_html.h"

#include <cmath>

#include "report/evidence.h"
#include "report/html_text.h"

namespace plainlang {
namespace {

// What a reader calls each item.
constexpr std::string_view kItemLabels[kCommunicationItemCount] = {
    "Main message first",
    "Tells the patient what to do",
    "Says when, how often or how",
    "Warning signs and what to do then",
    "How to reach the care team",
    "Speaks to the patient (\"you\")",
    "Active voice",
    "Numbers explained",
    "Results said plainly",
    "Respectful words",
    "Acknowledges the patient",
};

// Spans shown under a missed item; the rest are counted.
constexpr size_t kSpansShown = 3;

}  // namespace

void AppendChecklist(std::string& out, const Report& report, std::string_view input) {
  const Communication& communication = report.communication;
  if (std::isnan(communication.score)) return;
  out += "<section class=\"gauge\"><h3>Communication</h3><p class=\"figure\">" +
         Format("%.0f", communication.score) +
         "<span class=\"limit\"> / 100</span></p><ul class=\"checklist\">";
  for (size_t k = 0; k < kCommunicationItemCount; ++k) {
    const CommunicationItemResult& item = communication.items[k];
    const char* state = !item.applies ? "na" : item.meets ? "met" : "missed";
    const char* mark = !item.applies ? "&ndash;" : item.meets ? "&#10003;" : "&#10007;";
    out += "<li class=\"" + std::string(state) + "\"><span aria-hidden=\"true\">" + mark +
           " </span>" + Text(kItemLabels[k]) +
           (!item.applies ? " <span class=\"meta\">(does not apply)</span>"
            : item.meets  ? ""
                          : " <span class=\"meta\">(missing)</span>");
    if (!item.evidence.empty()) {
      out += "<ul>";
      for (size_t e = 0; e < item.evidence.size() && e < kSpansShown; ++e) {
        const CommunicationSpan& span = item.evidence[e];
        const size_t start = std::min(span.start, input.size());
        const size_t end = std::min(std::max(span.end, start), input.size());
        out += "<li>&ldquo;" + Text(input.substr(start, end - start)) + "&rdquo;";
        if (!span.suggestion.empty()) out += " &rarr; " + Text(span.suggestion);
        out += "</li>";
      }
      if (item.evidence.size() > kSpansShown) {
        out += "<li>and " + std::to_string(item.evidence.size() - kSpansShown) + " more</li>";
      }
      out += "</ul>";
    }
    out += "</li>";
  }
  out += "</ul></section>";
}

}  // namespace plainlang
