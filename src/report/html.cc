// The review page: one self-contained HTML file, so a trainer can open it
// from a mail attachment or a shared drive with no server, and it can never
// leak a draft by fetching something (a Content-Security-Policy forbids it).
//
// Each kind of finding has its own underline style as well as its own
// colour, so the page reads in greyscale, on paper and for colour-blind
// readers. Long sentences are a tinted band with a bar at their start; the
// word findings nest inside them.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <string>
#include <tuple>
#include <vector>

#include "plainlang/grade_model.h"
#include "plainlang/output.h"
#include "report/checklist_html.h"
#include "report/evidence.h"
#include "report/html_text.h"
#include "text/byte_scan.h"

// The page's style sheet and script, review_report.css and review_report.js
// beside this file, linked in by report_assets.S (see CMakeLists.txt). The
// script shows a finding's tooltip on hover and on keyboard focus, from the
// hidden text its aria-describedby names; Escape dismisses it. Links in the
// fix-first list move the focus to the highlight they name.
extern "C" {
extern const char plainlang_asset_review_report_css[], plainlang_asset_review_report_css_end[];
extern const char plainlang_asset_review_report_js[], plainlang_asset_review_report_js_end[];
}

namespace plainlang {
namespace {

// Findings that show a plain alternative in the fix-first list before the
// rest fold away; enough for one sitting with a draft.
constexpr size_t kFixFirstShown = 10;
// Sentence excerpts beside the grade bars, in characters.
constexpr size_t kExcerptLength = 90;

std::string_view Asset(const char* begin, const char* end) {
  return {begin, static_cast<size_t>(end - begin)};
}

std::string Percent(double share) { return Format("%.1f%%", share * 100); }

// The position of `value` on a scale from 0 to `top`, as a CSS percentage.
std::string ScaleWidth(double value, double top) {
  return Format("%.1f%%", std::clamp(value / top, 0.0, 1.0) * 100);
}

// What a reader calls each kind, in the legend and the tooltips.
std::string_view KindLabel(FindingKind kind) {
  switch (kind) {
    case FindingKind::kJargon: return "Medical jargon";
    case FindingKind::kAbbreviation: return "Abbreviation";
    case FindingKind::kComplexWord: return "Complex word";
    case FindingKind::kLongSentence: return "Long sentence";
  }
  return "Finding";
}

// How the legend names each mark, so the key works without colour.
std::string_view KindMark(FindingKind kind) {
  switch (kind) {
    case FindingKind::kJargon: return "solid underline";
    case FindingKind::kAbbreviation: return "double underline";
    case FindingKind::kComplexWord: return "dotted underline";
    case FindingKind::kLongSentence: return "shaded, bar at the start";
  }
  return "";
}

constexpr FindingKind kKinds[] = {FindingKind::kJargon, FindingKind::kAbbreviation,
                                  FindingKind::kComplexWord, FindingKind::kLongSentence};

std::string KindClass(FindingKind kind) { return "hl-" + std::string(FindingKindName(kind)); }

// Ids are unique on the page: "m2" is the second message, "m2-f5" its
// sixth finding's highlight and "m2-t5" that finding's tooltip text.
std::string DocumentId(size_t doc) { return "m" + std::to_string(doc + 1); }
std::string HighlightId(size_t doc, size_t finding) {
  return DocumentId(doc) + "-f" + std::to_string(finding);
}
std::string TooltipId(size_t doc, size_t finding) {
  return DocumentId(doc) + "-t" + std::to_string(finding);
}

std::string SourceTitle(const HtmlDocument& document, size_t doc) {
  return document.source.empty() ? "Message " + std::to_string(doc + 1)
                                 : std::string(document.source);
}

// The sentence a long-sentence finding covers, counted from 1 (0 if none).
// Sentences ascend, so a binary search finds it.
size_t SentenceNumber(const Report& report, const Finding& finding) {
  const auto it = std::lower_bound(
      report.sentences.begin(), report.sentences.end(), finding.start,
      [](const Sentence& sentence, size_t start) { return sentence.start < start; });
  return it != report.sentences.end() && it->start == finding.start
             ? static_cast<size_t>(it - report.sentences.begin()) + 1
             : 0;
}

// What the print copy shows after a highlight: the plain wording, so a
// printout carries the advice without tooltips.
std::string PrintedAdvice(const Finding& f) {
  if (f.kind == FindingKind::kLongSentence) return std::string(f.term) + ": split it";
  if (!f.suggestion.empty()) return std::string(f.suggestion);
  if (f.expansions.size() > 1) return "ambiguous: spell it out";
  if (f.expansions.size() == 1) return std::string(f.expansions.front());
  return "";
}

void AppendTooltipText(std::string& out, const Finding& f, size_t doc, size_t index) {
  out += "<div id=\"" + TooltipId(doc, index) + "\">";
  out += "<p class=\"kind\">";
  AppendEscaped(out, KindLabel(f.kind));
  if (f.kind == FindingKind::kLongSentence) out += " (" + Text(f.term) + ")";
  out += "</p>";
  if (!f.suggestion.empty()) {
    out += "<p>Write instead: <span class=\"say\">" + Text(f.suggestion) + "</span></p>";
  } else if (f.kind == FindingKind::kAbbreviation && f.expansions.size() > 1) {
    out += "<p>Spell it out: it has several meanings.</p>";
  } else {
    out += "<p>No plain alternative is listed: say it in everyday words.</p>";
  }
  if (f.alternatives.size() > 1) {
    out += "<p>Or: ";
    for (size_t k = 1; k < f.alternatives.size() && k < 5; ++k) {
      out += (k > 1 ? "; " : "") + Text(f.alternatives[k]);
    }
    out += "</p>";
  }
  bool definition_is_expansion = false;
  if (!f.expansions.empty()) {
    out += f.expansions.size() > 1 ? "<p>Could stand for: " : "<p>Stands for: ";
    for (size_t k = 0; k < f.expansions.size() && k < 5; ++k) {
      out += (k ? "; " : "") + Text(f.expansions[k]);
      definition_is_expansion |= f.expansions[k] == f.definition;
    }
    out += "</p>";
  }
  if (!f.definition.empty() && !definition_is_expansion) {
    out += "<p>Means: " + Text(f.definition) + "</p>";
  }
  out += "<p class=\"why\">Why: " + Text(Evidence(f)) + "</p></div>";
}

// The message with each finding as a <mark>. Findings come ordered by start
// and never overlap, except that a long sentence contains the others, so a
// stack of open marks is enough; a span crossing its container's end (never
// made by the engine) is cut there rather than breaking the nesting.
void AppendMessage(std::string& out, const HtmlDocument& document, size_t doc) {
  const std::string_view input = document.input;
  const std::vector<Finding>& findings = document.report.findings;
  std::vector<size_t> order(findings.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tuple(findings[a].start, findings[b].end) <
           std::tuple(findings[b].start, findings[a].end);
  });
  std::vector<size_t> open_ends;
  size_t at = 0;
  auto write_to = [&](size_t position) {
    if (position > at) AppendText(out, input.substr(at, position - at));
    at = std::max(at, position);
  };
  auto close_through = [&](size_t position) {
    while (!open_ends.empty() && open_ends.back() <= position) {
      write_to(open_ends.back());
      out += "</mark>";
      open_ends.pop_back();
    }
  };
  out += "<div class=\"message\" lang=\"en\">";
  for (size_t index : order) {
    const Finding& f = findings[index];
    size_t start = std::min(f.start, input.size());
    close_through(start);
    start = std::max(start, at);
    size_t end = std::clamp(f.end, start, open_ends.empty() ? input.size() : open_ends.back());
    write_to(start);
    out += "<mark class=\"hl " + KindClass(f.kind) + "\" id=\"" + HighlightId(doc, index) +
           "\" tabindex=\"0\" aria-describedby=\"" + TooltipId(doc, index) + "\"";
    if (std::string advice = PrintedAdvice(f); !advice.empty()) {
      out += " data-say=\"" + Text(advice) + "\"";
    }
    out += ">";
    open_ends.push_back(end);
  }
  close_through(input.size());
  write_to(input.size());
  out += "</div>";
}

void AppendLegend(std::string& out, const Report& report) {
  out += "<ul class=\"legend\" aria-label=\"Key to the highlights\">";
  for (FindingKind kind : kKinds) {
    size_t count = std::count_if(report.findings.begin(), report.findings.end(),
                                 [&](const Finding& f) { return f.kind == kind; });
    std::string label(KindLabel(kind));
    out += "<li><span class=\"sample " + KindClass(kind) + "\">" + label + "</span>" +
           std::string(KindMark(kind)) + " (" + std::to_string(count) + ")</li>";
  }
  out += "</ul>";
}

// One score: its figure, how it stands against its limit, a bar with the
// limit marked, and a note saying what the score is.
struct Gauge {
  const char* title;
  std::string figure;        // the score as shown
  std::string limit;         // "target 8 or lower", "max 5.0%"
  std::string off_by;        // how far past the limit, shown when over
  double value, bound, top;  // the score, its limit, the bar's end
  std::string note;
};

void AppendGauge(std::string& out, const Gauge& gauge) {
  const bool over = gauge.value > gauge.bound;
  const std::string state = over ? "over" : "within";
  out += "<section class=\"score\" aria-label=\"" + std::string(gauge.title) + "\"><h4>" +
         gauge.title + "</h4>";
  out += "<p class=\"figure " + state + "\">" + gauge.figure + "</p>";
  out += "<p>" + gauge.limit + " &middot; " + (over ? gauge.off_by : state) + "</p>";
  out += "<div class=\"scale\" aria-hidden=\"true\"><span class=\"fill" +
         std::string(over ? " over" : "") +
         "\" style=\"width:" + ScaleWidth(gauge.value, gauge.top) +
         "\"></span><span class=\"target\" style=\"left:" + ScaleWidth(gauge.bound, gauge.top) +
         "\"></span></div>";
  out += "<p class=\"note\">" + gauge.note + "</p></section>";
}

void AppendScores(std::string& out, const Report& report) {
  const Verdict& verdict = report.verdict;
  const double grade = report.readability.health_grade;
  AppendGauge(out, {"Health grade", GradeText(grade),
                    "target " + Format("%g", verdict.target_grade) + " or lower",
                    Format("%.1f", grade - verdict.target_grade) + " above", grade,
                    verdict.target_grade, 20,
                    "The health grade is " + std::string(kHealthGradeMeaning) +
                        ", counting the cost of jargon, abbreviations and rare words (0 to 20). "
                        "Readability formulas alone (consensus): " +
                        Format("%.1f", report.readability.consensus_grade) + ", for reference."});
  const double density = report.jargon.density;
  AppendGauge(
      out, {"Jargon", Percent(density), "max " + Percent(verdict.max_jargon),
            Percent(density - verdict.max_jargon) + " over", density, verdict.max_jargon,
            std::max({0.2, verdict.max_jargon * 2, density}),
            "Share of words that are medical jargon or unexplained abbreviations, weighted by how "
            "unfamiliar each is; " +
                std::to_string(report.jargon.distinct_terms) + " distinct terms in " +
                std::to_string(report.counts.words) + " words and " +
                std::to_string(report.counts.sentences) + " sentences."});
}

// Repeats of one term are one entry with a count, at their highest severity,
// linking to the first; long sentences are entries of their own.
void AppendFixFirst(std::string& out, const Report& report, size_t doc) {
  struct Entry {
    size_t first = 0;
    size_t count = 0;
    double severity = 0;
  };
  std::vector<Entry> entries;
  std::map<std::string, size_t> by_term;
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    std::string key = std::string(FindingKindName(f.kind)) + '\n';
    if (f.kind == FindingKind::kLongSentence) {
      key += std::to_string(i);
    } else {
      key += LowerAscii(f.term.empty() ? f.text : f.term);
    }
    auto [slot, added] = by_term.emplace(key, entries.size());
    if (added) entries.push_back({i, 0, 0});
    Entry& entry = entries[slot->second];
    ++entry.count;
    entry.severity = std::max(entry.severity, f.severity);
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.severity > b.severity; });

  out += "<section class=\"score\" aria-labelledby=\"" + DocumentId(doc) + "-fix\"><h4 id=\"" +
         DocumentId(doc) + "-fix\">Fix these first</h4>";
  if (entries.empty()) {
    out +=
        "<p>Nothing to fix: no jargon, abbreviations, complex words or long sentences.</p>"
        "</section>";
    return;
  }
  out += "<ol class=\"fixes\">";
  for (size_t e = 0; e < entries.size(); ++e) {
    if (e == kFixFirstShown) {
      out += "</ol><details><summary>" + std::to_string(entries.size() - e) +
             " more</summary><ol class=\"fixes\" start=\"" + std::to_string(e + 1) + "\">";
    }
    const Entry& entry = entries[e];
    const Finding& f = report.findings[entry.first];
    out += "<li><a class=\"jump\" href=\"#" + HighlightId(doc, entry.first) +
           "\"><span class=\"sample " + KindClass(f.kind) + "\">";
    if (f.kind == FindingKind::kLongSentence) {
      size_t number = SentenceNumber(report, f);
      out += "Sentence " + (number ? std::to_string(number) + " " : std::string()) + "(" +
             Text(f.term) + ")";
    } else {
      AppendText(out, f.text);
    }
    out += "</span></a>";
    if (entry.count > 1)
      out += " <span class=\"count\">&times;" + std::to_string(entry.count) + "</span>";
    std::string advice =
        f.kind == FindingKind::kLongSentence ? std::string(f.suggestion) : PrintedAdvice(f);
    if (!advice.empty()) out += " &rarr; <span class=\"say\">" + Text(advice) + "</span>";
    out += "<span class=\"meta\">";
    AppendEscaped(out, KindLabel(f.kind));
    out += " &middot; severity " + Format("%.2f", entry.severity) + "</span></li>";
  }
  out += "</ol>";
  if (entries.size() > kFixFirstShown) out += "</details>";
  out += "</section>";
}

// A sentence on one line, cut to a length that fits beside its bar.
std::string Excerpt(std::string_view bytes) {
  std::string text = Repaired(bytes), line;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
    if (space) {
      if (!line.empty() && line.back() != ' ') line += ' ';
    } else {
      line += c;
    }
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  size_t characters = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (++characters > kExcerptLength) {
      line = line.substr(0, i) + "\xE2\x80\xA6";  // U+2026
      break;
    }
  }
  return line;
}

// Why a sentence's grade is what it is, for its bar's tooltip: the words
// in it that cost grade levels, or its length when none do.
std::string GradeReasons(const Report& report, const Sentence& sentence) {
  std::string terms;
  size_t shown = 0;
  for (const Finding& f : report.findings) {
    if (f.start < sentence.start || f.end > sentence.end) continue;
    if (f.kind == FindingKind::kLongSentence || shown == 4) continue;
    terms += (shown++ == 0 ? "" : ", ") + Repaired(f.text);
  }
  if (terms.empty()) {
    return std::to_string(sentence.words) + " words, and how long they are";
  }
  return "because of " + terms;
}

void AppendSentenceBars(std::string& out, const HtmlDocument& document, size_t doc) {
  const Report& report = document.report;
  const double target = report.verdict.target_grade;
  out += "<h3 id=\"" + DocumentId(doc) + "-bars\">Grade of each sentence</h3>";
  out +=
      "<p class=\"note\">The health grade of each sentence (0 to 20), by the model that "
      "grades the message, which is their mean weighted by words; greetings and signatures "
      "count with their neighbour. The line on each bar is the target grade, " +
      Format("%g", target) + ". Hatched bars are above it.</p>";
  out += "<ol class=\"bars\" aria-labelledby=\"" + DocumentId(doc) + "-bars\">";
  for (size_t s = 0; s < report.sentences.size(); ++s) {
    const Sentence& sentence = report.sentences[s];
    if (sentence.words == 0 || std::isnan(sentence.grade)) continue;  // no grade of its own
    bool over = sentence.grade > target;
    std::string_view span =
        document.input.substr(std::min(sentence.start, document.input.size()),
                              sentence.end > sentence.start ? sentence.end - sentence.start : 0);
    std::string excerpt = Excerpt(span);
    out += "<li class=\"bar-row" + std::string(over ? " over" : "") + "\"><span class=\"n\">" +
           std::to_string(s + 1) + "</span><span class=\"excerpt\" title=\"";
    AppendEscaped(out, excerpt);
    out += "\">";
    AppendEscaped(out, excerpt);
    out +=
        "</span><span class=\"bar-track\" aria-hidden=\"true\"><span class=\"bar-fill\" "
        "style=\"width:" +
        ScaleWidth(sentence.grade, 20) +
        "\"></span><span class=\"target\" "
        "style=\"left:" +
        ScaleWidth(target, 20) + "\"></span></span><span class=\"value\" title=\"";
    AppendEscaped(out, "grade " + GradeText(sentence.grade) + " " + GradeReasons(report, sentence));
    out += "\">grade " + GradeText(sentence.grade) + (over ? " (above)" : "") + "</span></li>";
  }
  out += "</ol>";
}

void AppendDocument(std::string& out, const HtmlDocument& document, size_t doc) {
  const Report& report = document.report;
  const std::string id = DocumentId(doc);
  out += "<section class=\"doc\" id=\"" + id + "\" aria-labelledby=\"" + id + "-title\">";
  out += "<div class=\"doc-head\"><h2 id=\"" + id + "-title\">" + Text(SourceTitle(document, doc)) +
         "</h2>";
  // An input that was not analysed keeps its place on the page, so a
  // reviewer sees what is missing and why.
  if (!report.error.empty()) {
    out += "<span class=\"verdict needs-work\">Not analysed</span></div>";
    out += "<p class=\"doc-error\">Not analysed: " + Text(report.error) + "</p></section>";
    return;
  }
  out += !report.verdict.judged ? "<span class=\"verdict needs-work\">No text to judge</span>"
         : report.verdict.meets_target
             ? "<span class=\"verdict meets\"><span aria-hidden=\"true\">&#10003; </span>Meets the "
               "targets</span>"
             : "<span class=\"verdict needs-work\"><span aria-hidden=\"true\">&#10007; "
               "</span>Needs work</span>";
  out += "</div><div class=\"layout\"><div>";
  out += "<h3>The message</h3>";
  AppendLegend(out, report);
  AppendMessage(out, document, doc);
  out += "<p class=\"note print-only\">In brackets after a highlight: what to write instead.</p>";
  out += "</div><aside class=\"panel\" aria-label=\"Scores and what to fix\">";
  AppendScores(out, report);
  AppendChecklist(out, report, document.input);
  AppendFixFirst(out, report, doc);
  out += "</aside></div>";
  AppendSentenceBars(out, document, doc);
  if (!report.warnings.empty()) {
    out += "<h3>Notes on the scores</h3><ul class=\"warnings\">";
    for (const std::string& warning : report.warnings) out += "<li>" + Text(warning) + "</li>";
    out += "</ul>";
  }
  out += "<div class=\"tips\" hidden>";
  for (size_t i = 0; i < report.findings.size(); ++i) {
    AppendTooltipText(out, report.findings[i], doc, i);
  }
  out += "</div></section>";
}

void AppendContents(std::string& out, std::span<const HtmlDocument> documents) {
  out += "<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">Contents</h2><ol>";
  for (size_t doc = 0; doc < documents.size(); ++doc) {
    const Report& report = documents[doc].report;
    if (!report.error.empty()) {
      out += "<li><a href=\"#" + DocumentId(doc) + "\">" + Text(SourceTitle(documents[doc], doc)) +
             "</a> &middot; not analysed: " + Text(report.error) + "</li>";
      continue;
    }
    out += "<li><a href=\"#" + DocumentId(doc) + "\">" + Text(SourceTitle(documents[doc], doc)) +
           "</a> &middot; health grade " + GradeText(report.readability.health_grade) +
           ", jargon " + Percent(report.jargon.density) + " &middot; " +
           std::string(VerdictText(report.verdict)) + "</li>";
  }
  out += "</ol></nav>";
}

}  // namespace

std::string ToHtml(std::span<const HtmlDocument> documents) {
  std::string out;
  out.reserve(32768);
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      // Nothing may load: a draft must not leave the machine it is read on.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; "
      "form-action 'none'\">"
      "<meta name=\"generator\" content=\"plainlang\"><title>";
  if (documents.size() == 1) {
    out += "Review: " + Text(SourceTitle(documents.front(), 0));
  } else {
    out += "Review: " + std::to_string(documents.size()) + " messages";
  }
  out += "</title><style>\n";
  out += Asset(plainlang_asset_review_report_css, plainlang_asset_review_report_css_end);
  out +=
      "</style></head><body><div class=\"page\"><header class=\"top\"><h1>Plain-language "
      "review</h1><p>";
  out += documents.size() == 1 ? std::string("1 message")
                               : std::to_string(documents.size()) + " messages";
  out +=
      " checked by plainlang. Hover over or tab to a highlighted word to see what to write "
      "instead.</p></header>";
  if (documents.size() > 1) AppendContents(out, documents);
  out += "<main>";
  for (size_t doc = 0; doc < documents.size(); ++doc) AppendDocument(out, documents[doc], doc);
  out +=
      "</main><footer><dl>"
      "<dt>Health grade</dt><dd>" +
      Capitalized(kHealthGradeMeaning) +
      ": the readability formulas' grade plus the cost of jargon, abbreviations and rare "
      "words, from 0 to 20 (shown as 20+ at the top).</dd>"
      "<dt>Jargon</dt><dd>The share of words that are medical jargon or abbreviations not "
      "explained in the text, each weighted by how few patients know it (0 to 100%).</dd>"
      "<dt>Severity</dt><dd>0 to 1; higher means fix it first.</dd></dl></footer></div>"
      "<div id=\"tip\" class=\"tip\" role=\"tooltip\" hidden></div><script>\n";
  out += Asset(plainlang_asset_review_report_js, plainlang_asset_review_report_js_end);
  out += "</script></body></html>\n";
  return out;
}

}  // namespace plainlang
