// Batch analysis: order, error rows, the feature matrix, progress and cancelling.
#include "plainlang/batch.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <string>
#include <vector>

#include "plainlang/output.h"

namespace plainlang {
namespace {

const Analyzer& SharedAnalyzer() {
  static const Analyzer analyzer;
  return analyzer;
}

// Messages that differ in length and content, so a reordering would show.
std::vector<std::string> Messages(size_t count) {
  const std::vector<std::string> parts = {"Your BP is fine. ", "Take metformin BID. ",
                                          "The echo showed bilateral edema. ", "Rest well. ",
                                          "Call us if you have dyspnea. "};
  std::vector<std::string> messages;
  for (size_t i = 0; i < count; ++i) {
    std::string message;
    for (size_t k = 0; k <= i % 7; ++k) message += parts[(i + k * 3) % parts.size()];
    messages.push_back(message + std::to_string(i));
  }
  return messages;
}

TEST(BatchTest, ReportsAreInInputOrderOnAnyThreadCount) {
  const std::vector<std::string> messages = Messages(300);
  std::vector<std::string_view> texts(messages.begin(), messages.end());
  std::vector<std::string> expected;
  for (std::string_view text : texts) expected.push_back(ToJson(SharedAnalyzer().Analyze(text)));
  for (int threads : {0, 1, 2, 5}) {
    std::vector<Report> reports = AnalyzeMany(SharedAnalyzer(), texts, threads);
    ASSERT_EQ(reports.size(), texts.size());
    for (size_t i = 0; i < reports.size(); ++i) {
      EXPECT_EQ(ToJson(reports[i]), expected[i]) << "threads " << threads << ", input " << i;
    }
  }
}

TEST(BatchTest, InputsWithAnErrorGetAnErrorReportInPlace) {
  std::vector<BatchInput> inputs(3);
  inputs[0].text = "Rest well.";
  inputs[1].error = "expected str or bytes, got None";
  inputs[2].text = "Drink water.";
  BatchResult result = AnalyzeBatch(SharedAnalyzer(), inputs);
  ASSERT_EQ(result.reports.size(), 3u);
  EXPECT_EQ(result.reports[0].counts.words, 2);
  EXPECT_EQ(result.reports[2].counts.words, 2);
  const Report& error = result.reports[1];
  EXPECT_EQ(error.error, "expected str or bytes, got None");
  EXPECT_TRUE(error.warnings.empty());
  EXPECT_EQ(result.errors, (std::vector<std::string>{"", "expected str or bytes, got None", ""}));
  EXPECT_TRUE(std::isnan(error.readability.consensus_grade));
  EXPECT_TRUE(std::isnan(error.jargon.density));
  EXPECT_EQ(error.counts.words, 0);
  EXPECT_FALSE(error.verdict.meets_target);
  EXPECT_EQ(error.verdict.target_grade, 8);
}

TEST(BatchTest, FeatureMatrixHoldsTheUnroundedScores) {
  std::vector<BatchInput> inputs(2);
  inputs[0].text = "Your CBC was unremarkable.";
  inputs[1].error = "missing";
  BatchResult result = AnalyzeBatch(SharedAnalyzer(), inputs);
  const FeatureMatrix& features = result.features;
  ASSERT_EQ(features.rows(), 2u);
  ASSERT_EQ(features.cols(), FeatureNames().size());
  ASSERT_EQ(features.cols(), 37u);  // 25 scores and counts, communication and its 11 items
  auto column = [](std::string_view name) {
    for (size_t c = 0; c < FeatureNames().size(); ++c) {
      if (FeatureNames()[c] == name) return c;
    }
    ADD_FAILURE() << "no column " << name;
    return size_t{0};
  };
  const Report& report = result.reports[0];
  EXPECT_EQ(features(0, column("smog")), report.readability.smog);
  EXPECT_EQ(features(0, column("jargon_density")), report.jargon.density);
  EXPECT_EQ(features(0, column("health_grade")), report.readability.health_grade);
  EXPECT_EQ(features(0, column("words")), 4.0);
  EXPECT_EQ(features(0, column("monosyllabic_words")), report.counts.monosyllabic_words);
  EXPECT_EQ(features(0, column("meets_target")), 0.0);
  EXPECT_EQ(features.data()[features.cols() + column("words")], 0.0);
  EXPECT_TRUE(std::isnan(features(1, column("flesch_reading_ease"))));

  EXPECT_EQ(features(0, column("communication_score")), report.communication.score);
  EXPECT_TRUE(std::isnan(features(1, column("communication_score"))));

  FeatureMatrix again = ToFeatureMatrix(result.reports);
  for (size_t c = 0; c < features.cols(); ++c) {
    if (std::isnan(features(0, c))) {
      EXPECT_TRUE(std::isnan(again(0, c))) << FeatureNames()[c];
    } else {
      EXPECT_EQ(again(0, c), features(0, c)) << FeatureNames()[c];
    }
  }
}

TEST(BatchTest, OptionsCanDropReportsOrFeatures) {
  std::vector<BatchInput> inputs(4);
  for (BatchInput& input : inputs) input.text = "Rest.";
  BatchOptions options;
  options.keep_reports = false;
  BatchResult scores = AnalyzeBatch(SharedAnalyzer(), inputs, options);
  EXPECT_TRUE(scores.reports.empty());
  EXPECT_EQ(scores.features.rows(), 4u);
  options.keep_reports = true;
  options.features = false;
  BatchResult reports = AnalyzeBatch(SharedAnalyzer(), inputs, options);
  EXPECT_EQ(reports.reports.size(), 4u);
  EXPECT_EQ(reports.features.rows(), 0u);
  EXPECT_EQ(reports.features.data(), nullptr);
}

TEST(BatchTest, ProgressCountsUpToTheEnd) {
  const std::vector<std::string> messages = Messages(200);
  std::vector<BatchInput> inputs(messages.size());
  for (size_t i = 0; i < messages.size(); ++i) inputs[i].text = messages[i];
  std::vector<size_t> seen;
  BatchOptions options;
  options.progress = [&](size_t done) {
    seen.push_back(done);
    return true;
  };
  BatchResult result = AnalyzeBatch(SharedAnalyzer(), inputs, options);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back(), messages.size());
  for (size_t i = 1; i < seen.size(); ++i) EXPECT_LE(seen[i - 1], seen[i]);
  for (const Report& report : result.reports) EXPECT_GT(report.counts.words, 0);
}

TEST(BatchTest, CancellingLeavesNoRowOut) {
  // Long enough that the first progress call (after 100 ms) comes mid-batch:
  // 350 MB of one sentence repeated, which runs faster than varied text
  // (35 MB took 0.25-0.29 s on two cores from Python, conversion included:
  // too close to 100 ms).
  std::string long_text;
  for (int i = 0; i < 2000; ++i) long_text += "Take metformin twice a day with your meals. ";
  std::vector<BatchInput> inputs(4000);
  for (BatchInput& input : inputs) input.text = long_text;
  BatchOptions options;
  options.threads = 2;
  options.progress = [](size_t) { return false; };
  BatchResult result = AnalyzeBatch(SharedAnalyzer(), inputs, options);
  ASSERT_EQ(result.reports.size(), inputs.size());
  size_t analysed = 0, cancelled = 0;
  for (const Report& report : result.reports) {
    if (report.error == "cancelled before analysis") {
      ++cancelled;
    } else {
      EXPECT_GT(report.counts.words, 0);
      EXPECT_EQ(cancelled, 0u) << "analysed reports come first";
      ++analysed;
    }
  }
  EXPECT_GT(cancelled, 0u);
  EXPECT_EQ(analysed + cancelled, inputs.size());
}

TEST(BatchTest, ThrowingProgressStopsEveryWorkerFirst) {
  std::vector<BatchInput> inputs(50);
  for (BatchInput& input : inputs) input.text = "Rest.";
  BatchOptions options;
  options.progress = [](size_t) -> bool { throw std::runtime_error("stop"); };
  EXPECT_THROW(AnalyzeBatch(SharedAnalyzer(), inputs, options), std::runtime_error);
}

TEST(BatchTest, EmptyBatch) {
  BatchResult result = AnalyzeBatch(SharedAnalyzer(), {});
  EXPECT_TRUE(result.reports.empty());
  EXPECT_EQ(result.features.rows(), 0u);
}

TEST(BatchTest, ThreadsZeroMeansEveryAllowedCore) {
  EXPECT_GE(BatchThreads(0), 1);
  EXPECT_EQ(BatchThreads(3), 3);
}

}  // namespace
}  // namespace plainlang
