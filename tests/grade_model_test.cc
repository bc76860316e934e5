// The health-readability grade: its features, the default model and fitting.
#include "plainlang/grade_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "plainlang/analyzer.h"

namespace plainlang {
namespace {

const Analyzer& DefaultAnalyzer() {
  static const Analyzer analyzer;
  return analyzer;
}

size_t Feature(std::string_view name) {
  for (size_t k = 0; k < GradeFeatureNames().size(); ++k) {
    if (GradeFeatureNames()[k] == name) return k;
  }
  ADD_FAILURE() << "no feature " << name;
  return 0;
}

TEST(GradeModelTest, FeaturesAreTheGradeAndSharesOfLexicalWords) {
  ASSERT_EQ(GradeFeatureNames().size(), kGradeFeatureCount);
  // 7 words, 2 of them numbers; "BP" is an abbreviation.
  Report report = DefaultAnalyzer().Analyze("Your BP was 140. Take 2 pills.");
  ASSERT_EQ(report.counts.words, 7);
  ASSERT_EQ(report.counts.numbers, 2);
  const auto x = GradeFeatures(report);
  EXPECT_DOUBLE_EQ(x[Feature("consensus_grade")], report.readability.consensus_grade);
  // Under ten words, shares are taken over ten: 5 lexical words, 7 words.
  EXPECT_DOUBLE_EQ(x[Feature("jargon_density")], report.jargon.density * 5 / 10);
  EXPECT_DOUBLE_EQ(x[Feature("abbreviation_share")], 1.0 / 10);
  EXPECT_DOUBLE_EQ(x[Feature("complex_finding_share")], 0);
  EXPECT_DOUBLE_EQ(x[Feature("number_share")], 2.0 / 10);
  EXPECT_DOUBLE_EQ(x[Feature("words_over_10")], 0);  // 3.5 words per sentence

  // 24 words in one sentence, 22 of them lexical, one abbreviation.
  Report longer = DefaultAnalyzer().Analyze(
      "Your BP was 140 at the visit today and we would like you to come back in "
      "about 2 weeks so we can check it again.");
  ASSERT_EQ(longer.counts.words, 26);
  ASSERT_EQ(longer.counts.numbers, 2);
  const auto y = GradeFeatures(longer);
  EXPECT_DOUBLE_EQ(y[Feature("abbreviation_share")], 1.0 / 24);
  EXPECT_DOUBLE_EQ(y[Feature("number_share")], 2.0 / 26);
  EXPECT_DOUBLE_EQ(y[Feature("jargon_density")], longer.jargon.density);
  EXPECT_DOUBLE_EQ(y[Feature("words_over_10")], 16);
  for (double value : GradeFeatures(DefaultAnalyzer().Analyze(""))) EXPECT_EQ(value, 0);
}

TEST(GradeModelTest, DefaultModelGivesTheReportedHealthGrade) {
  const GradeModel& model = GradeModel::Default();
  bool any_weight = false;
  for (double w : model.weights) any_weight |= w != 0;
  ASSERT_TRUE(any_weight) << "default_grade_model.inc holds no fitted weights";
  // On the grade scale: the consensus grade plus what each feature costs.
  EXPECT_EQ(model.intercept, 0);
  EXPECT_EQ(model.weights[Feature("consensus_grade")], 1);
  EXPECT_GT(model.weights[Feature("jargon_density")], 0);
  EXPECT_GT(model.weights[Feature("abbreviation_share")], 0);
  Report report = DefaultAnalyzer().Analyze(
      "Your HbA1c was 7.2%. Continue metformin 500 mg PO BID and f/u in 3 months.");
  EXPECT_DOUBLE_EQ(report.readability.health_grade, model.Predict(report));
  EXPECT_GT(report.readability.health_grade, report.readability.consensus_grade);
  // Without jargon, abbreviations, rare words or numbers: the formulas' grade.
  Report plain = DefaultAnalyzer().Analyze("We will call you soon about your visit.");
  EXPECT_DOUBLE_EQ(plain.readability.health_grade, plain.readability.consensus_grade);
  EXPECT_EQ(DefaultAnalyzer().Analyze("").readability.health_grade, 0);
}

TEST(GradeModelTest, JargonRaisesTheGradeAtTheSameSentenceLength) {
  // Same number of sentences and words; only the vocabulary differs.
  Report jargon = DefaultAnalyzer().Analyze(
      "Bilateral pedal edema persists. Idiopathic thrombocytopenia is likely. Start PO diuretics.");
  Report plain = DefaultAnalyzer().Analyze(
      "Both your feet are still puffy. Your blood count is low. Start a water pill today.");
  EXPECT_GT(jargon.readability.health_grade, plain.readability.health_grade + 3);
  EXPECT_LE(plain.readability.health_grade, 8);
  EXPECT_TRUE(plain.verdict.meets_target);
  EXPECT_FALSE(jargon.verdict.meets_target);
}

std::vector<std::string> Texts() {
  std::vector<std::string> texts;
  for (int n = 0; n < 40; ++n) {
    texts.push_back(n % 2 ? "Take " + std::to_string(n) + " pills with food."
                          : "Administer " + std::to_string(n) +
                                " tablets subcutaneously postprandially for dyspepsia.");
  }
  return texts;
}

TEST(GradeModelTest, FitLearnsWhichTextsPeopleFoundHard) {
  const std::vector<std::string> texts = Texts();
  std::vector<double> ratings;
  for (size_t n = 0; n < texts.size(); ++n) ratings.push_back(n % 2 ? 1.0 : 5.0);

  GradeFitOptions raw;
  raw.grade_scale = false;
  GradeModel model = FitGradeModel(DefaultAnalyzer(), texts, ratings, raw);
  EXPECT_EQ(model.lowest, 1.0);
  EXPECT_EQ(model.highest, 5.0);
  Report hard = DefaultAnalyzer().Analyze(texts[0]);
  Report easy = DefaultAnalyzer().Analyze(texts[1]);
  EXPECT_NEAR(model.Predict(hard), 5.0, 0.5);
  EXPECT_NEAR(model.Predict(easy), 1.0, 0.5);

  // On the grade scale the fitted texts keep their order, within 0..20, and
  // an Analyzer given the model reports its prediction.
  auto graded =
      std::make_shared<const GradeModel>(FitGradeModel(DefaultAnalyzer(), texts, ratings));
  EXPECT_EQ(graded->weights[0], 1);
  EXPECT_EQ(graded->lowest, 0);
  EXPECT_GT(graded->highest, 1e300);
  AnalyzerOptions options;
  options.grade_model = graded;
  Analyzer analyzer(options);
  const double hard_grade = analyzer.Analyze(texts[0]).readability.health_grade;
  const double easy_grade = analyzer.Analyze(texts[1]).readability.health_grade;
  EXPECT_GT(hard_grade, easy_grade + 1);
  EXPECT_DOUBLE_EQ(hard_grade, graded->Predict(hard));
}

TEST(GradeModelTest, FitRejectsBadInputWithTheReason) {
  const std::vector<std::string> texts = Texts();
  std::vector<double> ratings(texts.size(), 3.0);
  try {
    FitGradeModel(DefaultAnalyzer(), texts, ratings);
    FAIL() << "equal ratings accepted";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("every rating is the same"), std::string::npos);
  }
  ratings[3] = std::nan("");
  EXPECT_THROW(FitGradeModel(DefaultAnalyzer(), texts, ratings), std::invalid_argument);
  ratings.pop_back();
  EXPECT_THROW(FitGradeModel(DefaultAnalyzer(), texts, ratings), std::invalid_argument);
  std::vector<std::string> few(texts.begin(), texts.begin() + 5);
  std::vector<double> few_ratings = {1, 2, 3, 4, 5};
  EXPECT_THROW(FitGradeModel(DefaultAnalyzer(), few, few_ratings), std::invalid_argument);
  // Ratings that fall as the formulas' grade rises have no grade scale.
  std::vector<double> reversed;
  for (size_t n = 0; n < texts.size(); ++n) reversed.push_back(n % 2 ? 5.0 : 1.0);
  EXPECT_THROW(FitGradeModel(DefaultAnalyzer(), texts, reversed), std::invalid_argument);
  GradeFitOptions raw;
  raw.grade_scale = false;
  EXPECT_NO_THROW(FitGradeModel(DefaultAnalyzer(), texts, reversed, raw));
}

}  // namespace
}  // namespace plainlang
