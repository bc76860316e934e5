// The health-readability grade: how hard a message is for a patient, in US
// school grades, from how long its sentences and words are and how much
// jargon it holds. The classic formulas see only the first two; readers
// stumble on the third.
//
// It is a linear model over GradeFeatures(). The default weights were fitted
// to people's difficulty ratings of 2,580 sentences (the MedReadMe `train`
// split; see README "How well does it work?") by FitGradeModel itself, then
// put on the grade scale. A team with its own patients' ratings can fit its
// own model and pass it in AnalyzerOptions::grade_model.
//
//   auto model = std::make_shared<plainlang::GradeModel>(
//       plainlang::FitGradeModel(analyzer, texts, ratings));
//   plainlang::AnalyzerOptions options;
//   options.grade_model = model;
#ifndef PLAINLANG_GRADE_MODEL_H_
#define PLAINLANG_GRADE_MODEL_H_

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "plainlang/report.h"

namespace plainlang {

class Analyzer;

inline constexpr size_t kGradeFeatureCount = 10;

// The features, in order (each a ratio, so a sentence and a letter compare):
//   words_per_sentence      words / sentences
//   syllables_per_word      syllables / words
//   letters_per_word        letters / words
//   polysyllabic_share      words of 3+ syllables / words
//   complex_share           Gunning's complex words / words
//   long_word_share         words of 7+ letters / words
//   jargon_density          JargonMeasures::density
//   jargon_word_share       JargonMeasures::jargon_words / words
//   abbreviation_share      abbreviation findings / words
//   complex_finding_share   complex-word findings / words
std::span<const std::string_view> GradeFeatureNames();

// One report's features; all zero when it has no words.
std::array<double, kGradeFeatureCount> GradeFeatures(const Report& report);

struct GradeModel {
  double intercept = 0;
  std::array<double, kGradeFeatureCount> weights{};  // GradeFeatureNames() order
  double lowest = 0, highest = 20;  // predictions are clamped to this range

  // intercept + weights . GradeFeatures(report), clamped.
  double Predict(const Report& report) const;

  // The model fitted to MedReadMe train, on the US grade scale.
  static const GradeModel& Default();
};

struct GradeFitOptions {
  // L2 penalty on the standardised weights (ridge regression): keeps
  // correlated features (syllables and letters per word) from trading huge
  // opposite weights.
  double ridge = 1.0;
  // Put predictions on the grade scale: rescale them so that over the fitted
  // texts they have the mean and spread of the consensus grade, and clamp to
  // 0..20. Otherwise they stay on the ratings' own scale, clamped to the
  // lowest and highest rating seen.
  bool grade_scale = true;
};

// Fits a GradeModel to people's ratings of texts (any scale, higher = harder)
// by ridge regression, analysing the texts with `analyzer` on all cores.
// Throws std::invalid_argument when the spans differ in length, there are
// fewer than 2 * kGradeFeatureCount texts, a rating is not finite, or the
// ratings are all equal.
GradeModel FitGradeModel(const Analyzer& analyzer, std::span<const std::string> texts,
                         std::span<const double> ratings, GradeFitOptions options = {});

}  // namespace plainlang

#endif  // PLAINLANG_GRADE_MODEL_H_
