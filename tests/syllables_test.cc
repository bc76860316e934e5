#include "text/syllables.h"

#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace plainlang {
namespace {

struct Expected {
  std::string_view word;
  int syllables;
};

void ExpectAll(std::initializer_list<Expected> cases) {
  for (const Expected& c : cases) {
    EXPECT_EQ(EstimateSyllables(c.word), c.syllables) << c.word;
  }
}

TEST(EstimateSyllablesTest, PlainWords) {
  ExpectAll({{"cat", 1},
             {"the", 1},
             {"table", 2},
             {"tables", 2},
             {"makes", 1},
             {"places", 2},
             {"jumped", 1},
             {"wanted", 2},
             {"created", 3},
             {"being", 2},
             {"studying", 3},
             {"quiet", 2},
             {"science", 2},
             {"continuous", 4},
             {"rhythm", 2},
             {"autism", 3}});
}

TEST(EstimateSyllablesTest, SuffixesAndCompoundsKeepTheStemsSilentE) {
  ExpectAll({{"carefully", 3},
             {"hopelessness", 3},
             {"lifestyle", 2},
             {"caregiver", 3},
             {"allegedly", 4}});
}

TEST(EstimateSyllablesTest, MedicalWords) {
  ExpectAll(
      {{"hypertension", 4},   {"bilateral", 4},   {"idiopathic", 5},      {"pancreatitis", 5},
       {"anemia", 4},         {"leukemia", 4},    {"pediatric", 4},       {"psychiatric", 4},
       {"osteoarthritis", 6}, {"autoimmune", 4},  {"myocardial", 5},      {"fluid", 2},
       {"tachycardia", 5},    {"arrhythmia", 4},  {"gastroenteritis", 6}, {"cardiomyopathy", 7},
       {"reinfection", 4},    {"coagulation", 5}, {"esophageal", 5},      {"hemoglobin", 4}});
}

TEST(EstimateSyllablesTest, DrugNames) {
  ExpectAll({{"lisinopril", 4},
             {"metformin", 3},
             {"ibuprofen", 4},
             {"acetaminophen", 6},
             {"amoxicillin", 5},
             {"atorvastatin", 5},
             {"omeprazole", 4},
             {"gabapentin", 4},
             {"prednisone", 3},
             {"levothyroxine", 5},
             {"hydrochlorothiazide", 7},
             {"metoprolol", 4},
             {"warfarin", 3}});
}

TEST(EstimateSyllablesTest, AccentedVowelsAreSaid) {
  // Without the accent the final e of "cafe" would be silent.
  ExpectAll({{"café", 2},
             {"naïve", 2},
             {"résumé", 3},
             {"noël", 2},
             {"crème", 1},
             {"façade", 2},
             {"niño", 2}});
}

TEST(EstimateSyllablesTest, AbbreviationsAreSpelledOut) {
  ExpectAll({{"bp", 2}, {"ct", 2}, {"ptsd", 4}, {"www", 9}});
}

TEST(EstimateSyllablesTest, ApostrophesJoinAndOtherMarksSplit) {
  ExpectAll({{"they're", 1},
             {"patient's", 2},
             {"patient\u2019s", 2},
             {"follow-up", 3},
             {"x-ray", 2},
             {"covid-19", 2},
             {"b12", 1}});
}

TEST(EstimateSyllablesTest, NoLetterMeansNoSyllable) {
  ExpectAll({{"", 0}, {"123", 0}, {"--", 0}, {"\xff\xfe", 0}});
}

TEST(EstimateSyllablesTest, AnyLetterGivesAtLeastOne) {
  // Letters outside the Latin script give no clue to the sound; count once.
  ExpectAll({{"\u03b7\u03bb\u03b9\u03bf\u03c2", 1}, {"s", 1}});
}

TEST(EstimateSyllablesTest, LongRunsAreCountedWithoutLimit) {
  // 100 letters, more than the 64-letter buffer: 50 syllables of "ba".
  std::string word;
  for (int i = 0; i < 50; ++i) word += "ba";
  EXPECT_EQ(EstimateSyllables(word), 50);
}

// The rules were written looking only at dictionary entries other than every
// 10th; this measures them on every 10th row of the project's word table
// that has a dictionary syllable count (its first pronunciation). Measured
// with data/tools/syllable_fallback_accuracy.py --source words: 94.31%
// exact, 99.89% within one; the floors leave a point of slack.
TEST(EstimateSyllablesTest, HeldOutAccuracyOnWordTable) {
  const std::string path = std::string(PLAINLANG_SOURCE_DIR) + "/data/words.tsv";
  std::ifstream table(path);
  ASSERT_TRUE(table.is_open()) << path;
  std::string line;
  ASSERT_TRUE(std::getline(table, line));  // header
  ASSERT_EQ(line, "word\tzipf\tsyllables");
  int with_syllables = 0;
  int tested = 0;
  int exact = 0;
  int within_one = 0;
  while (std::getline(table, line)) {
    const size_t first_tab = line.find('\t');
    const size_t second_tab = line.find('\t', first_tab + 1);
    ASSERT_NE(second_tab, std::string::npos) << line;
    const std::string syllables = line.substr(second_tab + 1);
    if (syllables.empty()) continue;
    if (with_syllables++ % 10 != 0) continue;
    const int truth = std::atoi(syllables.c_str());
    const int estimate = EstimateSyllables(line.substr(0, first_tab));
    ++tested;
    exact += estimate == truth;
    within_one += std::abs(estimate - truth) <= 1;
  }
  ASSERT_GT(tested, 10000);
  EXPECT_GE(static_cast<double>(exact) / tested, 0.93);
  EXPECT_GE(static_cast<double>(within_one) / tested, 0.98);
}

}  // namespace
}  // namespace plainlang
