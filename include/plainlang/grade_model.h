// The health-readability grade: the school grade of an ordinary text as hard
// to read as this one. The classic formulas see sentence and word length;
// readers also stumble on jargon, abbreviations and numbers, which the
// formulas miss.
//
// One model grades every passage: a sentence, with any fragment beside it
// (a greeting, a signature, a heading of fewer than kFragmentWords words,
// which gets no grade of its own). For a passage,
//
//   raw   = consensus_grade + sum over the other features of weight * feature,
//           the vocabulary part (jargon, abbreviations, complex words)
//           saturating toward vocabulary_ceiling grade levels
//   grade = raw up to `knee`, then bending toward `highest` (20) without
//           reaching it: 0..20, printed "20+" from 19.95 on
//
// and a message's grade is the mean of its passages' grades weighted by their
// words, so it lies between its easiest and hardest graded sentence. Each difficulty
// raises the grade, never lowers it. The default weights come from 2,580
// rated sentences (the MedReadMe `train` split; docs/report.md and
// benchmarks/README.md), fitted by FitGradeModel itself. A team with its own
// patients' ratings can fit its own model and pass it in
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

// The features of a passage, in order. Apart from the grade each is a share
// of its words, estimated as if the passage began with kPriorWords plain
// words (a Beta prior toward "no hard words"): over a few words a share is
// shrunk toward none, over many it is the share itself, so one abbreviation
// in a four-word note weighs as a share, not as a quarter of the note.
//   consensus_grade         the seven formulas' median over the passage
//   jargon_density          as JargonMeasures::density
//   abbreviation_share      abbreviation findings / lexical words
//   complex_finding_share   complex-word findings / lexical words
//   number_share            numbers / words
//   words_over_10           max(0, words in the passage - 10): raters feel
//                           sentence length beyond what the formulas charge
//
// Features were chosen by 5-fold cross-validation on MedReadMe train, never
// on dev (benchmarks/fit_health_grade.py).
std::span<const std::string_view> GradeFeatureNames();

// The prior's strength, chosen by cross-validation on MedReadMe train from
// 5, 10, 20, 40 and 80 words (benchmarks/README.md).
inline constexpr double kPriorWords = 80;
inline constexpr int64_t kFragmentWords = 4;

// What the health grade means, said the same way wherever it is shown.
inline constexpr std::string_view kHealthGradeMeaning =
    "the school grade of an ordinary text as hard to read as this one";

// The features of a report: the mean of its passages' features weighted by
// their words, all zero when it has no words. FitGradeModel fits on these.
std::array<double, kGradeFeatureCount> GradeFeatures(const Report& report);

struct GradeModel {
  double intercept = 0;
  std::array<double, kGradeFeatureCount> weights{};  // GradeFeatureNames() order
  double lowest = 0, highest = 20;                   // the scale; grades never leave it
  // The vocabulary features' cost c becomes V * (1 - exp(-c / V)): about c
  // while small, never more than V grade levels.
  double vocabulary_ceiling = std::numeric_limits<double>::infinity();
  // Above this grade the scale bends: highest - (highest - knee) *
  // exp(-(raw - knee) / (highest - knee)). At `highest` or above: no bend.
  double knee = 20;

  // The message's grade: its passages' grades, weighted by their words.
  double Predict(const Report& report) const;
  // The same, also setting each sentence's grade to its passage's.
  double Grade(Report* report) const;

  // The model fitted to MedReadMe train, on the grade scale.
  static const GradeModel& Default();
};

struct GradeFitOptions {
  // L2 penalty on the standardised weights (ridge regression); 0 is ordinary
  // least squares.
  double ridge = 1.0;
  // Express the model in grade levels: the fit predicts
  //   rating = a + b * consensus_grade + sum c_k * feature_k,
  // and the grade-scale model is consensus_grade + sum (c_k / b) * feature_k
  // on the 0..20 scale, with the ceiling and knee below: what each feature
  // costs in grade levels. Otherwise the model predicts the ratings
  // themselves, clamped to the lowest and highest rating seen.
  bool grade_scale = true;
  // The grade-scale model's vocabulary_ceiling and knee (GradeModel).
  double vocabulary_ceiling = std::numeric_limits<double>::infinity();
  double knee = 20;
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
