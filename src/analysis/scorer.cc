#include "analysis/scorer.h"

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "plainlang/grade_model.h"

namespace plainlang {
namespace {

// How many different values `values` holds; sorts it.
template <typename T>
size_t DistinctCount(std::vector<T>& values) {
  std::sort(values.begin(), values.end());
  return static_cast<size_t>(std::unique(values.begin(), values.end()) - values.begin());
}

}  // namespace

void ScoreMessage(const AnalyzerOptions& options, JargonTally& tally,
                  std::optional<double> health_grade, Report* report) {
  report->readability = ScoreReadability(report->counts, &report->warnings);
  // Numbers are words to the formulas but carry no vocabulary, so a table
  // of results does not dilute the jargon in the words around it.
  const int64_t lexical_words = report->counts.lexical_words();
  report->jargon.density =
      lexical_words > 0 ? tally.weighted_words / static_cast<double>(lexical_words) : 0;
  report->jargon.jargon_words = tally.words;
  report->jargon.distinct_terms =
      static_cast<int64_t>(DistinctCount(tally.terms) + DistinctCount(tally.abbreviations) +
                           DistinctCount(tally.rule_words));
  const GradeModel& model = options.grade_model ? *options.grade_model : GradeModel::Default();
  report->readability.health_grade = health_grade ? *health_grade : model.Grade(report);
  report->verdict.target_grade = options.target_grade;
  report->verdict.max_jargon = options.max_jargon;
  // No words, nothing to judge: an empty message is not a pass.
  report->verdict.judged = report->counts.words > 0;
  // A communication minimum, when set, fails a score below it; a message
  // no item applies to is not failed for it.
  const bool communicates =
      options.min_communication <= 0 || !(report->communication.score < options.min_communication);
  report->verdict.meets_target =
      report->verdict.judged && report->readability.health_grade <= options.target_grade + 1e-9 &&
      report->jargon.density <= options.max_jargon + 1e-12 && communicates;
}

Sentence ScoreSentence(size_t start, size_t end, const Counts& counts, int64_t jargon_words,
                       double weighted_jargon) {
  Sentence sentence;
  sentence.start = start;
  sentence.end = end;
  sentence.words = counts.words;
  sentence.counts = counts;
  sentence.jargon_words = jargon_words;
  const int64_t lexical = counts.lexical_words();
  sentence.jargon_density = lexical > 0 ? weighted_jargon / static_cast<double>(lexical) : 0;
  return sentence;
}

Report ErrorReport(const AnalyzerOptions& options, std::string_view reason) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  Report report;
  ReadabilityScores& r = report.readability;
  r.flesch_reading_ease = r.flesch_kincaid_grade = r.smog = r.gunning_fog = r.coleman_liau = r.ari =
      r.forcast = r.linsear_write = r.lix = r.consensus_grade = r.health_grade = kNaN;
  report.jargon.density = kNaN;
  report.verdict.target_grade = options.target_grade;
  report.verdict.max_jargon = options.max_jargon;
  report.verdict.judged = false;
  report.communication.score = kNaN;
  report.verdict.meets_target = false;
  report.error = reason;
  return report;
}

}  // namespace plainlang
