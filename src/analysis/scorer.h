// The scorer: a message's scores and verdict from its counts and the
// classifier's jargon tally.
#ifndef PLAINLANG_ANALYSIS_SCORER_H_
#define PLAINLANG_ANALYSIS_SCORER_H_

#include <optional>

#include "analysis/classifier.h"
#include "plainlang/analyzer.h"
#include "plainlang/report.h"

namespace plainlang {

// Fills report->readability, ->jargon and ->verdict from report->counts and
// `tally` (whose vectors it sorts), appending warnings. The health grade is
// `health_grade` when given (an analysis that handed its sentences out
// graded them as they went, PassageGrader), else the grade model's of
// report->sentences, which get their grades.
void ScoreMessage(const AnalyzerOptions& options, JargonTally& tally,
                  std::optional<double> health_grade, Report* report);

// One sentence's record: its span (bytes of the analysed text), counts and
// jargon; ScoreMessage gives it its grade.
Sentence ScoreSentence(size_t start, size_t end, const Counts& counts, int64_t jargon_words,
                       double weighted_jargon);

}  // namespace plainlang

#endif  // PLAINLANG_ANALYSIS_SCORER_H_
