// The health-readability grade: its features, the default model and fitting.
#include "plainlang/grade_model.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "plainlang/analyzer.h"
#include "plainlang/readability.h"

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

TEST(GradeModelTest, FeaturesAreTheGradeAndSharesOfAPassage) {
  ASSERT_EQ(GradeFeatureNames().size(), kGradeFeatureCount);
  // "Take 2 pills." is a fragment (3 words): it joins the sentence before
  // it, and the passage reads as one sentence of 7 words, 2 of them numbers.
  Report report = DefaultAnalyzer().Analyze("Your BP was 140. Take 2 pills.");
  ASSERT_EQ(report.counts.words, 7);
  ASSERT_EQ(report.counts.numbers, 2);
  const auto x = GradeFeatures(report);
  Counts passage = report.counts;
  passage.sentences = 1;
  EXPECT_DOUBLE_EQ(x[Feature("consensus_grade")],
                   ScoreReadability(passage, nullptr).consensus_grade);
  // Shares as if the passage began with kPriorWords plain words.
  EXPECT_NEAR(x[Feature("jargon_density")], report.jargon.density * 5 / (5 + kPriorWords), 1e-12);
  EXPECT_DOUBLE_EQ(x[Feature("abbreviation_share")], 1.0 / (5 + kPriorWords));
  EXPECT_DOUBLE_EQ(x[Feature("complex_finding_share")], 0);
  EXPECT_DOUBLE_EQ(x[Feature("number_share")], 2.0 / (7 + kPriorWords));
  EXPECT_DOUBLE_EQ(x[Feature("words_over_10")], 0);

  // 26 words in one sentence, 24 of them lexical, one abbreviation.
  Report longer = DefaultAnalyzer().Analyze(
      "Your BP was 140 at the visit today and we would like you to come back in "
      "about 2 weeks so we can check it again.");
  ASSERT_EQ(longer.counts.words, 26);
  ASSERT_EQ(longer.counts.numbers, 2);
  const auto y = GradeFeatures(longer);
  EXPECT_DOUBLE_EQ(y[Feature("abbreviation_share")], 1.0 / (24 + kPriorWords));
  EXPECT_DOUBLE_EQ(y[Feature("number_share")], 2.0 / (26 + kPriorWords));
  EXPECT_NEAR(y[Feature("jargon_density")], longer.jargon.density * 24 / (24 + kPriorWords), 1e-12);
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
  EXPECT_EQ(graded->highest, 20);
  AnalyzerOptions options;
  options.grade_model = graded;
  Analyzer analyzer(options);
  const double hard_grade = analyzer.Analyze(texts[0]).readability.health_grade;
  const double easy_grade = analyzer.Analyze(texts[1]).readability.health_grade;
  EXPECT_GT(hard_grade, easy_grade + 1);
  EXPECT_DOUBLE_EQ(hard_grade, graded->Predict(hard));
}

// The examples: a short plain message is not failed for one word.
TEST(GradeModelTest, ShortPlainMessagesStayAtOrBelowEight) {
  for (const char* text :
       {"Your BP is fine.", "Your labs look good. See you in May.", "Thanks! Dr. Lee"}) {
    const Report report = DefaultAnalyzer().Analyze(text);
    EXPECT_LE(report.readability.health_grade, 8) << text;
    EXPECT_GE(report.readability.health_grade, 0) << text;
  }
}

TEST(GradeModelTest, GradesStayOnTheScaleWhateverTheText) {
  std::mt19937 random(16);
  std::vector<std::string> texts = {std::string(200000 * 5, ' '), "", "\xff\xfe",
                                    std::string(50000, 'a')};
  std::string words;
  for (int k = 0; k < 200000; ++k) words += "word ";
  texts.push_back(words);
  std::string jargon;
  for (int k = 0; k < 3000; ++k) jargon += "HbA1c eGFR bilateral nephrolithiasis PRN q6h ";
  texts.push_back(jargon);
  const std::string pieces[] = {"Take ", "PO ", "BID ",  "idiopathic ",
                                ". ",    "\n",  "7.2% ", "supercalifragilistic ",
                                "a ",    ", ",  "Dr. ",  "\xc3\xa9 "};
  for (int t = 0; t < 300; ++t) {
    std::string text;
    const int n = static_cast<int>(random() % 200);
    for (int k = 0; k < n; ++k) text += pieces[random() % std::size(pieces)];
    texts.push_back(text);
  }
  for (const std::string& text : texts) {
    const Report report = DefaultAnalyzer().Analyze(text);
    const double grade = report.readability.health_grade;
    ASSERT_GE(grade, 0) << text.substr(0, 80);
    ASSERT_LE(grade, 20) << text.substr(0, 80);
    double lowest = 20, highest = 0;
    for (const Sentence& sentence : report.sentences) {
      if (std::isnan(sentence.grade)) continue;
      ASSERT_GE(sentence.grade, 0);
      ASSERT_LE(sentence.grade, 20);
      lowest = std::min(lowest, sentence.grade);
      highest = std::max(highest, sentence.grade);
    }
    // A message's grade lies between its easiest and hardest sentence.
    if (!report.sentences.empty()) {
      EXPECT_GE(grade, lowest - 1e-9) << text.substr(0, 80);
      EXPECT_LE(grade, highest + 1e-9) << text.substr(0, 80);
    }
  }
}

TEST(GradeModelTest, EachDifficultyRaisesTheGradeAndTheTopIsApproachedNotPassed) {
  const GradeModel& model = GradeModel::Default();
  for (double w : model.weights) EXPECT_GE(w, 0);
  EXPECT_EQ(model.highest, 20);
  EXPECT_LT(model.knee, model.highest);
  EXPECT_GT(model.vocabulary_ceiling, 0);
  // More of the same jargon never lowers the grade, and never passes 20.
  double previous = -1;
  std::string text = "Please rest today.";
  for (int k = 0; k < 12; ++k) {
    text.insert(text.size() - 1, " with bilateral idiopathic nephrolithiasis");
    const double grade = DefaultAnalyzer().Analyze(text).readability.health_grade;
    EXPECT_GE(grade, previous) << text;
    EXPECT_LT(grade, 20) << text;
    previous = grade;
  }
}

// On the example portal message the bars explain the headline: the sentence
// with HbA1c and eGFR is above the target because of those terms, and the
// signature has no grade of its own.
TEST(GradeModelTest, SentenceGradesComeFromTheSameModel) {
  std::ifstream file(std::string(PLAINLANG_SOURCE_DIR) + "/examples/portal_message.txt");
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(text.empty());
  const Report report = DefaultAnalyzer().Analyze(text);
  auto sentence_holding = [&](std::string_view words) -> const Sentence* {
    for (const Sentence& s : report.sentences) {
      if (text.substr(s.start, s.end - s.start).find(words) != std::string::npos) return &s;
    }
    return nullptr;
  };
  const Sentence* labs = sentence_holding("HbA1c");
  const Sentence* signature = sentence_holding("Dr. Okafor");
  ASSERT_NE(labs, nullptr);
  ASSERT_NE(signature, nullptr);
  EXPECT_GT(labs->grade, report.verdict.target_grade);
  EXPECT_TRUE(std::isnan(signature->grade));
  // The same sentence without its abbreviations is graded lower.
  const Report plain = DefaultAnalyzer().Analyze(
      "Your blood sugar test is 8.1%, which is above goal, and your "
      "kidney test is the same as before.");
  EXPECT_LT(plain.sentences.front().grade, labs->grade);
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
