// The health-readability grade: how hard a message is for a patient, in US
// school grades. The classic formulas see sentence and word length; readers
// also stumble on jargon, abbreviations and numbers, which the formulas miss.
//
//   health_grade = consensus_grade + sum over the other features of
//                  weight * feature
//
// so a message without jargon keeps its formulas' grade, and each kind of
// hard word adds grade levels at a rate fitted to people's difficulty ratings:
// the default weights come from 2,580 rated sentences (the MedReadMe `train`
// split; docs/report.md and benchmarks/README.md), fitted by FitGradeModel itself.
// A team with its own patients' ratings can fit its own model and pass it in
// AnalyzerOptions::grade_model.
//
//   auto model = std::make_shared<plainlang::GradeModel>(
//       plainlang::FitGradeModel(analyzer, texts, ratings));
//   plainlang::AnalyzerOptions options;
//   options.grade_model = model;
#ifndef PLAINLANG_GRADE_MODEL_H_
#define PLAINLANG_GRADE_MODEL_H_

#include <array>
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <string_view>

#include "plainlang/report.h"

namespace plainlang {

class Analyzer;

inline constexpr size_t kGradeFeatureCount = 6;

// The features, in order. Apart from the grade each is a share, so a
// sentence and a letter compare; "lexical words" are words holding a letter.
// A message of fewer than 10 (lexical) words is counted as if it had 10, so
// one abbreviation in a four-word note does not weigh as a quarter of it.
//   consensus_grade         ReadabilityScores::consensus_grade
//   jargon_density          JargonMeasures::density (same shortness rule)
//   abbreviation_share      abbreviation findings / lexical words
//   complex_finding_share   complex-word findings / lexical words
//   number_share            numbers / words
//   words_over_10           max(0, words per sentence - 10): raters feel
//                           sentence length beyond what the formulas charge;
//                           short-sentence text is not charged at all
//
// Features were chosen by 5-fold cross-validation on MedReadMe train, never
// on dev: adding words_over_10 raised the cross-validated r from 0.654 to
// 0.662; more word-shape features (syllables, letters, long words) added
// 0.01 but traded large opposite weights.
std::span<const std::string_view> GradeFeatureNames();

// One report's features; all zero when it has no words.
std::array<double, kGradeFeatureCount> GradeFeatures(const Report& report);

struct GradeModel {
  double intercept = 0;
  std::array<double, kGradeFeatureCount> weights{};  // GradeFeatureNames() order
  // Predictions are clamped to this range; the default has no upper bound.
  double lowest = 0, highest = std::numeric_limits<double>::max();

  // intercept + weights . GradeFeatures(report), clamped.
  double Predict(const Report& report) const;

  // The model fitted to MedReadMe train, on the grade scale.
  static const GradeModel& Default();
};

struct GradeFitOptions {
  // L2 penalty on the standardised weights (ridge regression); 0 is ordinary
  // least squares.
  double ridge = 1.0;
  // Express the model in grade levels: the fit predicts
  //   rating = a + b * consensus_grade + sum c_k * feature_k,
  // and the grade-scale model is consensus_grade + sum (c_k / b) * feature_k,
  // at least 0: what each feature costs in grade levels. It is not capped at
  // 20: the consensus grade is, and the cost of jargon comes on top. Otherwise the
  // model predicts the ratings themselves, clamped to the lowest and highest
  // rating seen.
  bool grade_scale = true;
};

// Fits a GradeModel to people's ratings of texts (any scale, higher = harder)
// by ridge regression, analysing the texts with `analyzer` on all cores.
// Throws std::invalid_argument when the spans differ in length, there are
// fewer than 4 * kGradeFeatureCount texts, a rating is not finite, the
// ratings are all equal, or (grade_scale) the ratings do not rise with the
// consensus grade, so no grade scale exists.
GradeModel FitGradeModel(const Analyzer& analyzer, std::span<const std::string> texts,
                         std::span<const double> ratings, GradeFitOptions options = {});

}  // namespace plainlang

#endif  // PLAINLANG_GRADE_MODEL_H_
