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

}  // namespace plainlang

#endif  // PLAINLANG_ANALYSIS_STATISTICS_H_
