#include "analysis/statistics.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "text/byte_scan.h"

namespace plainlang {
namespace {

// One alternation, so one pass of RE2's automaton finds them all. Each
// alternative needs a number, so prose such as "the odds are" never matches;
// effect names followed by a number ("RR 0.85") are left to the abbreviation
// table, because "HR 72" in a patient message is a heart rate.
constexpr char kPattern[] =
    // 95% CI, 90 % CrI, 95% confidence interval
    R"(\b\d{2}(?:\.\d+)?\s?%\s?(?:CIs?|CrI|confidence intervals?|credible intervals?)\b)"
    // P < 0.05, p=.03, P ≤ 0.001, p-value = 0.2
    R"(|\b[Pp](?:[- ]values?)?\s?(?:<=|>=|<|>|=|≤|≥)\s?0?\.\d+)"
    // I² = 45%, I2 = 0%, I^2 = 12 %
    R"(|\bI\s?(?:²|2|\^2)\s?(?:=|<|>)\s?\d+(?:\.\d+)?\s?%?)"
    // Chi² = 3.21, df = 2, Z = 1.96, Tau² = 0.04
    R"(|(?:\b[Cc]hi\s?(?:²|2|\^2)|χ\s?²|\b[Tt]au\s?(?:²|2|\^2)|\bdf|\bZ)\s?=\s?[-−]?\d+(?:\.\d+)?)"
    // n = 120, N=1,204
    R"(|\b[Nn]\s?=\s?\d[\d,]*)";

const RE2& Pattern() {
  static const RE2* pattern = new RE2(kPattern);  // never destroyed: used at exit
  return *pattern;
}

}  // namespace

std::vector<Span> FindStatistics(std::string_view text) {
  std::vector<Span> spans;
  // Every alternative holds a '%', a comparison or '=' (≤ and ≥ start with
  // byte 0xE2): most sentences, doses and dates included, skip RE2.
  if (FindAnyByte<'%', '=', '<', '>', 0xE2>(text, 0) == text.size()) return spans;
  const RE2& pattern = Pattern();
  re2::StringPiece input(text.data(), text.size()), match;  // older RE2: no string_view
  size_t from = 0;
  while (from < text.size() &&
         pattern.Match(input, from, text.size(), RE2::UNANCHORED, &match, 1)) {
    const size_t start = static_cast<size_t>(match.data() - text.data());
    spans.push_back({start, start + match.size()});
    from = start + std::max<size_t>(1, match.size());
  }
  return spans;
}

}  // namespace plainlang
