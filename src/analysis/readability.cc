#include "plainlang/readability.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace plainlang {

Counts& Counts::operator+=(const Counts& other) {
  words += other.words;
  sentences += other.sentences;
  syllables += other.syllables;
  polysyllabic_words += other.polysyllabic_words;
  complex_words += other.complex_words;
  monosyllabic_words += other.monosyllabic_words;
  letters += other.letters;
  characters += other.characters;
  long_words += other.long_words;
  numbers += other.numbers;
  return *this;
}

namespace {

constexpr double kMaxGrade = 20;
constexpr double kMaxReadingEase = 100;
constexpr double kMaxLix = 100;

// A value on the scale [0, high]: below 0 is 0; above the top, or not a
// number (from counts no analysis makes, such as negative ones), is the top.
double OnScale(double value, double high) {
  if (value >= 0 && value <= high) return value;
  return value < 0 ? 0 : high;
}

// Clamps scores to their scale and collects, for one warning, the names of
// those that ran off the hard end. Running off the easy end (a grade below
// 0, reading ease above 100) is normal for short plain sentences and is
// clamped silently.
class Clamper {
 public:
  enum class HardEnd { kHigh, kLow };

  double operator()(double value, double high, std::string_view name,
                    HardEnd hard = HardEnd::kHigh) {
    const bool too_hard = hard == HardEnd::kHigh ? value > high : value < 0;
    if (too_hard) {
      if (!clamped_.empty()) clamped_ += ", ";
      clamped_ += name;
    }
    return OnScale(value, high);
  }

  const std::string& clamped() const { return clamped_; }

 private:
  std::string clamped_;
};

double FleschKincaidGrade(double words_per_sentence, double syllables_per_word) {
  return 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59;
}

// The seven grade-level formulas and the reading-ease and LIX figures, not
// yet clamped, of counts with words.
struct RawScores {
  double reading_ease, lix;
  std::array<double, 7> grades;  // Flesch-Kincaid, SMOG, Fog, Coleman-Liau, ARI, FORCAST, Linsear
};

RawScores Raw(const Counts& counts) {
  // Text with words but no sentence end is still one sentence.
  const double sentences = static_cast<double>(std::max<int64_t>(counts.sentences, 1));
  const double words = static_cast<double>(counts.words);
  const double words_per_sentence = words / sentences;
  const double syllables_per_word = counts.syllables / words;
  const double polysyllabic = static_cast<double>(counts.polysyllabic_words);
  const double letters_per_100_words = 100.0 * counts.letters / words;
  const double sentences_per_100_words = 100.0 * sentences / words;
  const double monosyllabic_per_150_words = 150.0 * counts.monosyllabic_words / words;
  const double easy_words = words - polysyllabic;
  const double linsear_raw = (easy_words + 3 * polysyllabic) / sentences;
  RawScores raw;
  raw.reading_ease = 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word;
  raw.lix = words_per_sentence + 100.0 * counts.long_words / words;
  raw.grades = {FleschKincaidGrade(words_per_sentence, syllables_per_word),
                1.0430 * std::sqrt(polysyllabic * 30 / sentences) + 3.1291,
                0.4 * (words_per_sentence + 100.0 * counts.complex_words / words),
                0.0588 * letters_per_100_words - 0.296 * sentences_per_100_words - 15.8,
                4.71 * counts.characters / words + 0.5 * words_per_sentence - 21.43,
                20 - monosyllabic_per_150_words / 10,
                linsear_raw > 20 ? linsear_raw / 2 : (linsear_raw - 2) / 2};
  return raw;
}

// Seven values, so the median is the fourth after sorting.
double Median(std::array<double, 7> grades) {
  std::nth_element(grades.begin(), grades.begin() + 3, grades.end());
  return grades[3];
}

}  // namespace

ReadabilityScores ScoreReadability(const Counts& counts, std::vector<std::string>* warnings) {
  ReadabilityScores scores;
  if (counts.words <= 0) {
    // The defaults of ReadabilityScores are exactly the empty-text values.
    if (warnings != nullptr) warnings->push_back("no words to score");
    return scores;
  }
  const RawScores raw = Raw(counts);
  Clamper clamp;
  scores.flesch_reading_ease =
      clamp(raw.reading_ease, kMaxReadingEase, "flesch_reading_ease", Clamper::HardEnd::kLow);
  double* const grades[] = {&scores.flesch_kincaid_grade, &scores.smog, &scores.gunning_fog,
                            &scores.coleman_liau,         &scores.ari,  &scores.forcast,
                            &scores.linsear_write};
  static constexpr std::string_view kGradeNames[] = {"flesch_kincaid_grade", "smog", "gunning_fog",
                                                     "coleman_liau",         "ari",  "forcast",
                                                     "linsear_write"};
  std::array<double, 7> on_scale{};
  for (size_t k = 0; k < raw.grades.size(); ++k) {
    on_scale[k] = *grades[k] = clamp(raw.grades[k], kMaxGrade, kGradeNames[k]);
  }
  scores.lix = clamp(raw.lix, kMaxLix, "lix");
  scores.consensus_grade = Median(on_scale);
  if (warnings != nullptr && !clamp.clamped().empty()) {
    warnings->push_back("clamped to the range of the scale: " + clamp.clamped());
  }
  return scores;
}

double ConsensusGrade(const Counts& counts) {
  if (counts.words <= 0) return 0;
  std::array<double, 7> grades = Raw(counts).grades;
  for (double& grade : grades) grade = OnScale(grade, kMaxGrade);
  return Median(grades);
}

double SentenceGrade(const Counts& sentence_counts) {
  if (sentence_counts.words <= 0) return 0;
  const double words = static_cast<double>(sentence_counts.words);
  const double sentences = static_cast<double>(std::max<int64_t>(sentence_counts.sentences, 1));
  const double grade = FleschKincaidGrade(words / sentences, sentence_counts.syllables / words);
  return std::clamp(grade, 0.0, kMaxGrade);
}

}  // namespace plainlang
