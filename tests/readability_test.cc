#include "plainlang/readability.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace plainlang {
namespace {

constexpr double kTolerance = 1e-9;

// A discharge note of middling difficulty: W/S = 100/5 = 20,
// Y/W = 150/100 = 1.5.
Counts DischargeNote() {
  Counts counts;
  counts.words = 100;
  counts.sentences = 5;
  counts.syllables = 150;
  counts.polysyllabic_words = 10;
  counts.complex_words = 8;
  counts.monosyllabic_words = 60;
  counts.letters = 470;
  counts.characters = 480;
  counts.long_words = 25;
  return counts;
}

// Plain text of 30 sentences: W/S = 240/30 = 8, Y/W = 300/240 = 1.25.
Counts PlainLeaflet() {
  Counts counts;
  counts.words = 240;
  counts.sentences = 30;
  counts.syllables = 300;
  counts.polysyllabic_words = 6;
  counts.complex_words = 6;
  counts.monosyllabic_words = 190;
  counts.letters = 960;
  counts.characters = 960;
  counts.long_words = 12;
  return counts;
}

// A 300-word list with no sentence end: W/S = 300, Y/W = 1.5.
Counts RunOnBlob() {
  Counts counts;
  counts.words = 300;
  counts.sentences = 1;
  counts.syllables = 450;
  counts.polysyllabic_words = 30;
  counts.complex_words = 30;
  counts.monosyllabic_words = 180;
  counts.letters = 1500;
  counts.characters = 1500;
  counts.long_words = 90;
  return counts;
}

TEST(ScoreReadabilityTest, DischargeNoteMatchesHandArithmetic) {
  std::vector<std::string> warnings;
  const ReadabilityScores scores = ScoreReadability(DischargeNote(), &warnings);
  // 206.835 - 1.015 * 20 - 84.6 * 1.5 = 206.835 - 20.3 - 126.9
  EXPECT_NEAR(scores.flesch_reading_ease, 59.635, kTolerance);
  // 0.39 * 20 + 11.8 * 1.5 - 15.59 = 7.8 + 17.7 - 15.59
  EXPECT_NEAR(scores.flesch_kincaid_grade, 9.91, kTolerance);
  // 1.0430 * sqrt(10 * 30 / 5) + 3.1291 = 1.043 * 7.745966692 + 3.1291
  EXPECT_NEAR(scores.smog, 11.20814326018867, kTolerance);
  // 0.4 * (20 + 100 * 8 / 100)
  EXPECT_NEAR(scores.gunning_fog, 11.2, kTolerance);
  // L = 470, T = 5: 0.0588 * 470 - 0.296 * 5 - 15.8 = 27.636 - 1.48 - 15.8
  EXPECT_NEAR(scores.coleman_liau, 10.356, kTolerance);
  // 4.71 * 480 / 100 + 0.5 * 20 - 21.43 = 22.608 + 10 - 21.43
  EXPECT_NEAR(scores.ari, 11.178, kTolerance);
  // M = 60 * 150 / 100 = 90; 20 - 90 / 10
  EXPECT_NEAR(scores.forcast, 11.0, kTolerance);
  // r = (90 + 3 * 10) / 5 = 24 > 20, so 24 / 2
  EXPECT_NEAR(scores.linsear_write, 12.0, kTolerance);
  // 20 + 100 * 25 / 100
  EXPECT_NEAR(scores.lix, 45.0, kTolerance);
  // Sorted grades: 9.91, 10.356, 11, [11.178], 11.2, 11.208, 12.
  EXPECT_NEAR(scores.consensus_grade, 11.178, kTolerance);
  // SMOG's sample size (30 sentences) is documented once, not warned of
  // in every report.
  EXPECT_TRUE(warnings.empty());
}

TEST(ScoreReadabilityTest, PlainLeafletMatchesHandArithmetic) {
  std::vector<std::string> warnings;
  const ReadabilityScores scores = ScoreReadability(PlainLeaflet(), &warnings);
  // 206.835 - 1.015 * 8 - 84.6 * 1.25 = 206.835 - 8.12 - 105.75
  EXPECT_NEAR(scores.flesch_reading_ease, 92.965, kTolerance);
  // 0.39 * 8 + 11.8 * 1.25 - 15.59 = 3.12 + 14.75 - 15.59
  EXPECT_NEAR(scores.flesch_kincaid_grade, 2.28, kTolerance);
  // 1.0430 * sqrt(6 * 30 / 30) + 3.1291 = 1.043 * 2.449489743 + 3.1291
  EXPECT_NEAR(scores.smog, 5.683917801722854, kTolerance);
  // 0.4 * (8 + 100 * 6 / 240) = 0.4 * 10.5
  EXPECT_NEAR(scores.gunning_fog, 4.2, kTolerance);
  // L = 400, T = 12.5: 23.52 - 3.7 - 15.8
  EXPECT_NEAR(scores.coleman_liau, 4.02, kTolerance);
  // 4.71 * 4 + 0.5 * 8 - 21.43 = 18.84 + 4 - 21.43
  EXPECT_NEAR(scores.ari, 1.41, kTolerance);
  // M = 190 * 150 / 240 = 118.75; 20 - 11.875
  EXPECT_NEAR(scores.forcast, 8.125, kTolerance);
  // r = (234 + 3 * 6) / 30 = 8.4 <= 20, so (8.4 - 2) / 2
  EXPECT_NEAR(scores.linsear_write, 3.2, kTolerance);
  // 8 + 100 * 12 / 240
  EXPECT_NEAR(scores.lix, 13.0, kTolerance);
  // Sorted grades: 1.41, 2.28, 3.2, [4.02], 4.2, 5.684, 8.125.
  EXPECT_NEAR(scores.consensus_grade, 4.02, kTolerance);
  // 30 sentences is SMOG's own sample size and nothing is clamped.
  EXPECT_TRUE(warnings.empty());
}

TEST(ScoreReadabilityTest, RunOnBlobClampsToTheTopOfEachScale) {
  std::vector<std::string> warnings;
  const ReadabilityScores scores = ScoreReadability(RunOnBlob(), &warnings);
  // 206.835 - 1.015 * 300 - 84.6 * 1.5 = -224.565
  EXPECT_EQ(scores.flesch_reading_ease, 0.0);
  // 0.39 * 300 + 17.7 - 15.59 = 119.11
  EXPECT_EQ(scores.flesch_kincaid_grade, 20.0);
  // 1.043 * sqrt(900) + 3.1291 = 34.4191
  EXPECT_EQ(scores.smog, 20.0);
  // 0.4 * (300 + 10) = 124
  EXPECT_EQ(scores.gunning_fog, 20.0);
  // L = 500, T = 1/3: 29.4 - 0.0986667 - 15.8, within the scale.
  EXPECT_NEAR(scores.coleman_liau, 13.501333333333333, kTolerance);
  // 4.71 * 5 + 150 - 21.43 = 152.12
  EXPECT_EQ(scores.ari, 20.0);
  // M = 180 * 150 / 300 = 90; 20 - 9
  EXPECT_NEAR(scores.forcast, 11.0, kTolerance);
  // r = (270 + 90) / 1 = 360, so 180
  EXPECT_EQ(scores.linsear_write, 20.0);
  // 300 + 100 * 90 / 300 = 330
  EXPECT_EQ(scores.lix, 100.0);
  // Sorted grades: 11, 13.5, [20], ...
  EXPECT_EQ(scores.consensus_grade, 20.0);
  EXPECT_EQ(warnings, (std::vector<std::string>{"clamped to the range of the scale: "
                                                "flesch_reading_ease, flesch_kincaid_grade, smog, "
                                                "gunning_fog, ari, linsear_write, lix"}));
}

TEST(ScoreReadabilityTest, OneWordSentencesClampToTheEasyEndSilently) {
  Counts counts;
  counts.words = 10;
  counts.sentences = 10;
  counts.syllables = 10;
  counts.monosyllabic_words = 10;
  counts.letters = 30;
  counts.characters = 30;
  std::vector<std::string> warnings;
  const ReadabilityScores scores = ScoreReadability(counts, &warnings);
  // 206.835 - 1.015 - 84.6 = 121.22
  EXPECT_EQ(scores.flesch_reading_ease, 100.0);
  // 0.39 + 11.8 - 15.59 = -3.4
  EXPECT_EQ(scores.flesch_kincaid_grade, 0.0);
  // 1.043 * sqrt(0) + 3.1291
  EXPECT_NEAR(scores.smog, 3.1291, kTolerance);
  // 0.4 * (1 + 0)
  EXPECT_NEAR(scores.gunning_fog, 0.4, kTolerance);
  // 0.0588 * 300 - 0.296 * 100 - 15.8 = -27.76
  EXPECT_EQ(scores.coleman_liau, 0.0);
  // 4.71 * 3 + 0.5 - 21.43 = -6.8
  EXPECT_EQ(scores.ari, 0.0);
  // M = 150; 20 - 15
  EXPECT_NEAR(scores.forcast, 5.0, kTolerance);
  // r = 10 / 10 = 1, so (1 - 2) / 2 = -0.5
  EXPECT_EQ(scores.linsear_write, 0.0);
  EXPECT_NEAR(scores.lix, 1.0, kTolerance);
  // Sorted grades: 0, 0, 0, [0], 0.4, 3.1291, 5.
  EXPECT_EQ(scores.consensus_grade, 0.0);
  // Running off the easy end is normal for short plain sentences: no
  // warning.
  EXPECT_TRUE(warnings.empty());
}

// The health grade reads the consensus of every passage through
// ConsensusGrade: the median of the seven grades ScoreReadability reports,
// whether they are clamped or not, and for counts no analysis makes.
TEST(ScoreReadabilityTest, ConsensusGradeIsTheMedianOfTheSevenScores) {
  Counts easy;  // every grade below 0 or small
  easy.words = easy.sentences = easy.syllables = easy.monosyllabic_words = 10;
  easy.letters = easy.characters = 30;
  Counts hard;  // most grades above 20
  hard.words = 300;
  hard.sentences = 1;
  hard.syllables = 900;
  hard.polysyllabic_words = hard.complex_words = 90;
  hard.letters = 1500;
  hard.characters = 1500;
  hard.long_words = 90;
  Counts middle = hard;  // within the scale
  middle.sentences = 20;
  middle.syllables = 450;
  Counts negative = middle;  // SMOG is the root of a negative number: not a number
  negative.polysyllabic_words = -2;
  for (const Counts& counts : {easy, hard, middle, negative}) {
    const ReadabilityScores s = ScoreReadability(counts, nullptr);
    std::array<double, 7> grades = {s.flesch_kincaid_grade, s.smog, s.gunning_fog,
                                    s.coleman_liau,         s.ari,  s.forcast,
                                    s.linsear_write};
    std::sort(grades.begin(), grades.end());
    EXPECT_EQ(ConsensusGrade(counts), grades[3]);
    EXPECT_EQ(s.consensus_grade, grades[3]);
  }
  EXPECT_EQ(ScoreReadability(negative, nullptr).smog, 20.0);
  EXPECT_EQ(ConsensusGrade(easy), 0.0);
  EXPECT_EQ(ConsensusGrade(hard), 20.0);
  EXPECT_GT(ConsensusGrade(middle), 0.0);
  EXPECT_LT(ConsensusGrade(middle), 20.0);
  EXPECT_EQ(ConsensusGrade(Counts{}), 0.0);
}

TEST(ScoreReadabilityTest, NoWordsGivesTheEasiestScoresAndOneWarning) {
  std::vector<std::string> warnings;
  const ReadabilityScores scores = ScoreReadability(Counts{}, &warnings);
  EXPECT_EQ(scores.flesch_reading_ease, 100.0);
  EXPECT_EQ(scores.flesch_kincaid_grade, 0.0);
  EXPECT_EQ(scores.smog, 0.0);
  EXPECT_EQ(scores.gunning_fog, 0.0);
  EXPECT_EQ(scores.coleman_liau, 0.0);
  EXPECT_EQ(scores.ari, 0.0);
  EXPECT_EQ(scores.forcast, 0.0);
  EXPECT_EQ(scores.linsear_write, 0.0);
  EXPECT_EQ(scores.lix, 0.0);
  EXPECT_EQ(scores.consensus_grade, 0.0);
  EXPECT_EQ(warnings, std::vector<std::string>{"no words to score"});
}

TEST(ScoreReadabilityTest, NoSentenceEndCountsAsOneSentence) {
  Counts no_end = RunOnBlob();
  no_end.sentences = 0;
  std::vector<std::string> warnings;
  const ReadabilityScores scores = ScoreReadability(no_end, &warnings);
  // T = 100 * 1 / 300, exactly as with one sentence.
  EXPECT_NEAR(scores.coleman_liau, 13.501333333333333, kTolerance);
  EXPECT_EQ(scores.flesch_kincaid_grade, 20.0);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].rfind("clamped to the range of the scale", 0), 0u);
}

TEST(ScoreReadabilityTest, WarningsMayBeNull) {
  const ReadabilityScores scores = ScoreReadability(RunOnBlob(), nullptr);
  EXPECT_EQ(scores.flesch_reading_ease, 0.0);
  EXPECT_EQ(ScoreReadability(Counts{}, nullptr).flesch_reading_ease, 100.0);
}

TEST(ScoreReadabilityTest, WarningsAreAppendedNotReplaced) {
  std::vector<std::string> warnings = {"earlier warning"};
  ScoreReadability(RunOnBlob(), &warnings);  // adds one: values clamped
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0], "earlier warning");
}

TEST(ScoreReadabilityTest, ConsensusIsTheMedianOfTheSevenGrades) {
  // Linsear r = (1 + 3 * 2) / 1 = 7 gives 2.5; every other grade differs, so
  // a mean or a different middle would not match.
  Counts counts;
  counts.words = 3;
  counts.sentences = 1;
  counts.syllables = 7;
  counts.polysyllabic_words = 2;
  counts.complex_words = 1;
  counts.monosyllabic_words = 1;
  counts.letters = 21;
  counts.characters = 21;
  counts.long_words = 2;
  const ReadabilityScores scores = ScoreReadability(counts, nullptr);
  // FK: 0.39 * 3 + 11.8 * 7 / 3 - 15.59 = 1.17 + 27.5333 - 15.59 = 13.1133
  EXPECT_NEAR(scores.flesch_kincaid_grade, 13.113333333333333, kTolerance);
  // SMOG: 1.043 * sqrt(60) + 3.1291 = 11.2081
  EXPECT_NEAR(scores.smog, 11.20814326018867, kTolerance);
  // Fog: 0.4 * (3 + 100 / 3) = 14.5333
  EXPECT_NEAR(scores.gunning_fog, 14.533333333333333, kTolerance);
  // CL: 0.0588 * 700 - 0.296 * 33.333 - 15.8 = 41.16 - 9.8667 - 15.8 = 15.4933
  EXPECT_NEAR(scores.coleman_liau, 15.493333333333333, kTolerance);
  // ARI: 4.71 * 7 + 1.5 - 21.43 = 13.04
  EXPECT_NEAR(scores.ari, 13.04, kTolerance);
  // FORCAST: M = 1 * 150 / 3 = 50; 20 - 5
  EXPECT_NEAR(scores.forcast, 15.0, kTolerance);
  EXPECT_NEAR(scores.linsear_write, 2.5, kTolerance);
  // Sorted: 2.5, 11.2081, 13.04, [13.1133], 14.5333, 15, 15.4933.
  EXPECT_NEAR(scores.consensus_grade, 13.113333333333333, kTolerance);
}

TEST(SentenceGradeTest, IsFleschKincaidOfTheSentence) {
  Counts sentence;
  sentence.words = 12;
  sentence.sentences = 1;
  sentence.syllables = 18;
  // 0.39 * 12 + 11.8 * 1.5 - 15.59 = 4.68 + 17.7 - 15.59
  EXPECT_NEAR(SentenceGrade(sentence), 6.79, kTolerance);
  // The segmenter may hand over a sentence without a count of its own.
  sentence.sentences = 0;
  EXPECT_NEAR(SentenceGrade(sentence), 6.79, kTolerance);
}

TEST(SentenceGradeTest, ClampsToZeroAndTwenty) {
  Counts short_sentence;
  short_sentence.words = 3;
  short_sentence.sentences = 1;
  short_sentence.syllables = 3;
  // 1.17 + 11.8 - 15.59 = -2.62
  EXPECT_EQ(SentenceGrade(short_sentence), 0.0);

  Counts long_sentence;
  long_sentence.words = 60;
  long_sentence.sentences = 1;
  long_sentence.syllables = 120;
  // 23.4 + 23.6 - 15.59 = 31.41
  EXPECT_EQ(SentenceGrade(long_sentence), 20.0);

  EXPECT_EQ(SentenceGrade(Counts{}), 0.0);
}

TEST(CountsTest, PlusEqualsAddsEveryField) {
  Counts total = DischargeNote();
  Counts& result = (total += PlainLeaflet());
  EXPECT_EQ(&result, &total);
  EXPECT_EQ(total.words, 340);
  EXPECT_EQ(total.sentences, 35);
  EXPECT_EQ(total.syllables, 450);
  EXPECT_EQ(total.polysyllabic_words, 16);
  EXPECT_EQ(total.complex_words, 14);
  EXPECT_EQ(total.monosyllabic_words, 250);
  EXPECT_EQ(total.letters, 1430);
  EXPECT_EQ(total.characters, 1440);
  EXPECT_EQ(total.long_words, 37);
}

}  // namespace
}  // namespace plainlang
