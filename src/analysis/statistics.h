// Statistical notation written for researchers: "95% CI", "P < 0.05",
// "I² = 62%". A patient cannot read these, so the analyzer reports each as
// jargon and counts it in the jargon density.
#ifndef PLAINLANG_ANALYSIS_STATISTICS_H_
#define PLAINLANG_ANALYSIS_STATISTICS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace plainlang {

struct Span {
  size_t start = 0, end = 0;  // bytes
};

// Where `text` (valid UTF-8) holds statistical notation, in order and not
// overlapping. Offsets count from the start of `text`.
std::vector<Span> FindStatistics(std::string_view text);

// The first position from `from` on where statistical notation could begin
// to show (a '%', '=', '<', '>' or the first byte of '≤'), or text.size().
// A sentence without one holds none, so the analyzer scans a message once
// with this rather than each sentence with FindStatistics.
size_t NextStatisticsTrigger(std::string_view text, size_t from);

}  // namespace plainlang

#endif  // PLAINLANG_ANALYSIS_STATISTICS_H_
