#include "plainlang/grade_model.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "plainlang/analyzer.h"
#include "plainlang/batch.h"

namespace plainlang {
namespace {

constexpr std::array<std::string_view, kGradeFeatureCount> kNames = {
    "consensus_grade",       "jargon_density", "abbreviation_share",
    "complex_finding_share", "number_share",   "words_over_10"};

constexpr double kShortest = 10;

GradeModel MakeDefault() {
  GradeModel model;
  // Written by `python3 benchmarks/fit_health_grade.py --write`, which calls
  // FitGradeModel on the 2,580 MedReadMe train sentences (grade scale).
  // Refit whenever the lexicon or the analysis changes.
#include "analysis/default_grade_model.inc"
  return model;
}

}  // namespace

std::span<const std::string_view> GradeFeatureNames() { return kNames; }

std::array<double, kGradeFeatureCount> GradeFeatures(const Report& report) {
  std::array<double, kGradeFeatureCount> x{};
  const Counts& c = report.counts;
  if (c.words == 0) return x;
  int64_t abbreviations = 0, complex_findings = 0;
  for (const Finding& f : report.findings) {
    abbreviations += f.kind == FindingKind::kAbbreviation;
    complex_findings += f.kind == FindingKind::kComplexWord;
  }
  const double words = static_cast<double>(c.words);
  const double lexical = static_cast<double>(c.lexical_words());
  // Shares of a very short message are judged as if it had kShortest words:
  // one abbreviation in a four-word note is not a quarter of a letter.
  const double shares_of = std::max(lexical, kShortest);
  x[0] = report.readability.consensus_grade;
  x[1] = report.jargon.density * lexical / shares_of;
  x[2] = static_cast<double>(abbreviations) / shares_of;
  x[3] = static_cast<double>(complex_findings) / shares_of;
  x[4] = static_cast<double>(c.numbers) / std::max(words, kShortest);
  x[5] = std::max(0.0, words / static_cast<double>(std::max<int64_t>(1, c.sentences)) - 10);
  return x;
}

double GradeModel::Predict(const Report& report) const {
  if (report.counts.words == 0) return lowest;
  const auto x = GradeFeatures(report);
  double y = intercept;
  for (size_t k = 0; k < kGradeFeatureCount; ++k) y += weights[k] * x[k];
  return std::clamp(y, lowest, highest);
}

const GradeModel& GradeModel::Default() {
  static const GradeModel model = MakeDefault();
  return model;
}

GradeModel FitGradeModel(const Analyzer& analyzer, std::span<const std::string> texts,
                         std::span<const double> ratings, GradeFitOptions options) {
  const size_t n = texts.size();
  constexpr size_t k = kGradeFeatureCount;
  if (ratings.size() != n) {
    throw std::invalid_argument("FitGradeModel: " + std::to_string(n) + " texts but " +
                                std::to_string(ratings.size()) + " ratings");
  }
  if (n < 4 * k) {
    throw std::invalid_argument("FitGradeModel: needs at least " + std::to_string(4 * k) +
                                " rated texts, got " + std::to_string(n));
  }
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(ratings[i])) {
      throw std::invalid_argument("FitGradeModel: rating " + std::to_string(i) +
                                  " is not a finite number");
    }
  }
  if (!(options.ridge >= 0)) throw std::invalid_argument("FitGradeModel: ridge must be >= 0");

  std::vector<std::string_view> views(texts.begin(), texts.end());
  const std::vector<Report> reports = AnalyzeMany(analyzer, views);
  Eigen::MatrixXd x(n, k);
  const Eigen::VectorXd y =
      Eigen::Map<const Eigen::VectorXd>(ratings.data(), static_cast<Eigen::Index>(n));
  for (size_t i = 0; i < n; ++i) {
    const auto row = GradeFeatures(reports[i]);
    for (size_t j = 0; j < k; ++j) x(i, j) = row[j];
  }
  const double y_spread = std::sqrt((y.array() - y.mean()).square().mean());
  if (y_spread == 0) throw std::invalid_argument("FitGradeModel: every rating is the same");

  // Standardise so one ridge penalty treats every feature alike; a feature
  // that never varies gets no weight.
  const Eigen::RowVectorXd mean = x.colwise().mean();
  const Eigen::RowVectorXd spread = ((x.rowwise() - mean).array().square().colwise().mean()).sqrt();
  Eigen::MatrixXd z = x.rowwise() - mean;
  for (size_t j = 0; j < k; ++j) {
    if (spread(j) > 0)
      z.col(j) /= spread(j);
    else
      z.col(j).setZero();
  }
  const Eigen::VectorXd centred = y.array() - y.mean();
  Eigen::MatrixXd gram = z.transpose() * z;
  gram.diagonal().array() += options.ridge;
  const Eigen::VectorXd beta = gram.ldlt().solve(z.transpose() * centred);

  // Back to raw features: y = mean(y) + sum beta_j (x_j - mean_j) / spread_j.
  GradeModel model;
  model.intercept = y.mean();
  for (size_t j = 0; j < k; ++j) {
    const double w = spread(j) > 0 ? beta(j) / spread(j) : 0;
    model.weights[j] = w;
    model.intercept -= w * mean(j);
  }
  model.lowest = y.minCoeff();
  model.highest = y.maxCoeff();
  if (options.grade_scale) {
    // Divide by the consensus grade's weight: each feature's cost in grade
    // levels, and a text without jargon keeps its formulas' grade.
    const double per_grade = model.weights[0];
    if (!(per_grade > 1e-9 * y_spread)) {
      throw std::invalid_argument(
          "FitGradeModel: the ratings do not rise with the consensus grade, so they have no "
          "grade scale; fit with grade_scale off");
    }
    for (double& w : model.weights) w /= per_grade;
    model.weights[0] = 1;
    model.intercept = 0;
    // Not capped at 20 like the formulas: the jargon cost comes on top of a
    // consensus grade that is, so dense jargon still ranks above long words.
    model.lowest = 0;
    model.highest = std::numeric_limits<double>::max();
  }
  return model;
}

}  // namespace plainlang
