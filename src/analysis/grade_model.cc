#include "plainlang/grade_model.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>
#include <vector>

#include "analysis/passage_grader.h"
#include "plainlang/analyzer.h"
#include "plainlang/batch.h"

namespace plainlang {
namespace {

constexpr std::array<std::string_view, kGradeFeatureCount> kNames = {
    "consensus_grade",       "jargon_density", "abbreviation_share",
    "complex_finding_share", "number_share",   "words_over_10"};

GradeModel MakeDefault() {
  GradeModel model;
  // Written by `python3 benchmarks/fit_health_grade.py --write`, which calls
  // FitGradeModel on the 2,580 MedReadMe train sentences (grade scale).
  // Refit whenever the lexicon or the analysis changes.
#include "analysis/default_grade_model.inc"
  return model;
}

// Features 1-3: jargon, abbreviations, complex words.
constexpr size_t kFirstVocabulary = 1, kEndVocabulary = 4;

// Each sentence of a passage gets the passage's grade, except a fragment
// beside a sentence, which has none of its own; a run of fragments alone
// ("Thanks! Dr. Lee") has the run's grade.
double SentenceGrade(const Sentence& s, bool passage_fragments_only, double passage_grade) {
  return passage_fragments_only || s.words >= kFragmentWords
             ? passage_grade
             : std::numeric_limits<double>::quiet_NaN();
}

std::array<double, kGradeFeatureCount> FeaturesOf(const Passage& p) {
  std::array<double, kGradeFeatureCount> x{};
  const double words = static_cast<double>(p.counts.words);
  const double lexical = static_cast<double>(p.counts.lexical_words());
  x[0] = ConsensusGrade(p.counts);
  x[1] = p.weighted_jargon / (lexical + kPriorWords);
  x[2] = static_cast<double>(p.abbreviations) / (lexical + kPriorWords);
  x[3] = static_cast<double>(p.complex_findings) / (lexical + kPriorWords);
  x[4] = static_cast<double>(p.counts.numbers) / (words + kPriorWords);
  x[5] = std::max(0.0, words - 10);
  return x;
}

// Calls visit(first, passage) for each passage of `report`, its sentences
// [first, first + passage.sentences).
template <typename Visit>
void ForEachPassage(const Report& report, Visit visit) {
  PassageBuilder builder;
  Passage ended;
  size_t first = 0, finding = 0;
  auto done = [&] {
    visit(first, ended);
    first += ended.sentences;
  };
  for (const Sentence& sentence : report.sentences) {
    while (finding < report.findings.size() && report.findings[finding].start < sentence.end) {
      builder.AddFinding(report.findings[finding++].kind);
    }
    if (builder.Add(sentence, &ended)) done();
  }
  if (builder.Finish(&ended)) done();
}

// A passage's grade from its features.
double PassageGrade(const GradeModel& model, const std::array<double, kGradeFeatureCount>& x) {
  double base = model.intercept, vocabulary = 0;
  for (size_t k = 0; k < kGradeFeatureCount; ++k) {
    (k >= kFirstVocabulary && k < kEndVocabulary ? vocabulary : base) += model.weights[k] * x[k];
  }
  const double ceiling = model.vocabulary_ceiling;
  if (std::isfinite(ceiling) && ceiling > 0) {
    vocabulary = ceiling * (1 - std::exp(-vocabulary / ceiling));
  }
  double grade = base + vocabulary;
  const double room = model.highest - model.knee;
  if (grade > model.knee && room > 0) {
    grade = model.highest - room * std::exp(-(grade - model.knee) / room);
  }
  return std::clamp(grade, model.lowest, model.highest);
}

// The mean of the passages' grades weighted by their words; with
// `sentences` (the report's own), each sentence also gets its passage's
// grade (SentenceGrade).
double MeanGrade(const GradeModel& model, const Report& report, std::vector<Sentence>* sentences) {
  double sum = 0, words = 0;
  ForEachPassage(report, [&](size_t first, const Passage& passage) {
    const double grade = PassageGrade(model, FeaturesOf(passage));
    const auto w = static_cast<double>(passage.counts.words);
    sum += w * grade;
    words += w;
    if (sentences == nullptr) return;
    for (size_t k = first; k < first + passage.sentences; ++k) {
      Sentence& s = (*sentences)[k];
      s.grade = SentenceGrade(s, passage.fragments_only, grade);
    }
  });
  return words > 0 ? sum / words : model.lowest;
}

}  // namespace

bool PassageBuilder::Add(const Sentence& sentence, Passage* ended) {
  const bool ends = open_.sentences > 0 && whole_ && sentence.words >= kFragmentWords;
  if (ends) Close(ended);
  open_.counts += sentence.counts;
  open_.weighted_jargon +=
      sentence.jargon_density * static_cast<double>(sentence.counts.lexical_words());
  open_.abbreviations += std::exchange(waiting_abbreviations_, 0);
  open_.complex_findings += std::exchange(waiting_complex_, 0);
  ++open_.sentences;
  whole_ |= sentence.words >= kFragmentWords;
  return ends;
}

bool PassageBuilder::Finish(Passage* ended) {
  if (open_.sentences == 0) return false;
  Close(ended);
  return true;
}

void PassageBuilder::Close(Passage* ended) {
  *ended = std::exchange(open_, Passage());
  ended->counts.sentences = 1;
  ended->fragments_only = !whole_;
  whole_ = false;
}

void PassageGrader::Add(const Sentence& sentence) {
  Passage ended;
  if (passages_.Add(sentence, &ended)) Grade(ended);
}

void PassageGrader::Finish() {
  Passage ended;
  if (passages_.Finish(&ended)) Grade(ended);
}

void PassageGrader::Grade(const Passage& passage) {
  const double grade = PassageGrade(model_, FeaturesOf(passage));
  const auto words = static_cast<double>(passage.counts.words);
  sum_ += words * grade;
  words_ += words;
  if (record_ != nullptr) record_->push_back({passage.sentences, passage.fragments_only, grade});
}

void PassageGrades::Give(Sentence& sentence) {
  if (passages_ == nullptr) return;
  while (passage_ < passages_->size() && given_ == (*passages_)[passage_].sentences) {
    ++passage_;
    given_ = 0;
  }
  if (passage_ == passages_->size()) return;  // not the message that was recorded
  const GradedPassage& p = (*passages_)[passage_];
  ++given_;
  sentence.grade = SentenceGrade(sentence, p.fragments_only, p.grade);
}

std::span<const std::string_view> GradeFeatureNames() { return kNames; }

std::array<double, kGradeFeatureCount> GradeFeatures(const Report& report) {
  std::array<double, kGradeFeatureCount> mean{};
  double words = 0;
  ForEachPassage(report, [&](size_t, const Passage& passage) {
    const std::array<double, kGradeFeatureCount> x = FeaturesOf(passage);
    const auto w = static_cast<double>(passage.counts.words);
    for (size_t k = 0; k < kGradeFeatureCount; ++k) mean[k] += w * x[k];
    words += w;
  });
  if (words > 0) {
    for (double& value : mean) value /= words;
  }
  return mean;
}

double GradeModel::Predict(const Report& report) const { return MeanGrade(*this, report, nullptr); }

double GradeModel::Grade(Report* report) const {
  return MeanGrade(*this, *report, &report->sentences);
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
  model.knee = model.highest;
  if (options.grade_scale) {
    // Divide by the consensus grade's weight: each feature's cost in grade
    // levels, and a text without jargon keeps its formulas' grade.
    const double per_grade = model.weights[0];
    if (!(per_grade > 1e-9 * y_spread)) {
      throw std::invalid_argument(
          "FitGradeModel: the ratings do not rise with the consensus grade, so they have no "
          "grade scale; fit with grade_scale off");
    }
    // A difficulty never lowers the grade: a weight the fit made negative
    // (a feature the others stand in for) counts for nothing.
    for (double& w : model.weights) w = std::max(0.0, w / per_grade);
    model.weights[0] = 1;
    model.intercept = 0;
    model.lowest = 0;
    model.highest = 20;
    model.vocabulary_ceiling = options.vocabulary_ceiling;
    model.knee = options.knee;
  }
  return model;
}

}  // namespace plainlang
