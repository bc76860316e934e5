// Readability formulas: pure functions of word, sentence and syllable counts.
//
// Every formula uses its published constants. W = words, S = sentences,
// Y = syllables, P = polysyllabic words (3+ syllables).
//
//   flesch_reading_ease   206.835 - 1.015 W/S - 84.6 Y/W          Flesch (1948)
//   flesch_kincaid_grade  0.39 W/S + 11.8 Y/W - 15.59              Kincaid et al. (1975)
//   smog                  1.0430 sqrt(P * 30/S) + 3.1291           McLaughlin (1969)
//   gunning_fog           0.4 (W/S + 100 C/W), C = complex words   Gunning (1952)
//   coleman_liau          0.0588 L - 0.296 T - 15.8,               Coleman & Liau (1975)
//                         L = letters per 100 words, T = sentences per 100 words
//   ari                   4.71 K/W + 0.5 W/S - 21.43,              Senter & Smith (1967)
//                         K = letters and digits
//   forcast               20 - M/10, M = one-syllable words per    Caylor et al. (1973)
//                         150 words (scaled from the whole text)
//   linsear_write         r = (E + 3 H)/S, E = words of 1-2 syllables,  O'Hayre (1966)
//                         H = 3+ syllables; r > 20 ? r/2 : (r - 2)/2
//   lix                   W/S + 100 G/W, G = words of more than 6 letters  Björnsson (1968)
//   consensus_grade       median of the seven grade-level formulas above
//                         (FK, SMOG, Fog, Coleman-Liau, ARI, FORCAST, Linsear)
//
// Bounds: grades are clamped to [0, 20], reading ease to [0, 100] and LIX to
// [0, 100]; clamping adds a warning, so a run-on list without punctuation
// reads "grade 20 (clamped)" instead of a reading ease of -4995. With no
// words at all every grade is 0 and reading ease 100, with a warning.
#ifndef PLAINLANG_READABILITY_H_
#define PLAINLANG_READABILITY_H_

#include <cstdint>
#include <string>
#include <vector>

namespace plainlang {

// What the formulas count. All figures are counts over word tokens
// (letters or numbers); punctuation and symbols are not words.
struct Counts {
  int64_t words = 0;               // word and number tokens
  int64_t sentences = 0;           // sentences holding at least one word
  int64_t syllables = 0;           // sum over words
  int64_t polysyllabic_words = 0;  // 3+ syllables (SMOG, Linsear Write)
  int64_t complex_words = 0;       // Gunning Fog's "complex": 3+ syllables not
                                   // counting an -ed/-es/-ing ending, and not
                                   // a capitalised name inside a sentence
  int64_t monosyllabic_words = 0;  // exactly 1 syllable (FORCAST)
  int64_t letters = 0;             // Unicode letters in words (Coleman-Liau)
  int64_t characters = 0;          // letters and digits in words (ARI)
  int64_t long_words = 0;          // more than 6 letters (LIX)
  int64_t numbers = 0;             // words without a letter ("12", "0.5")

  // Words holding a letter: what the jargon measures count over.
  int64_t lexical_words() const { return words - numbers; }

  Counts& operator+=(const Counts& other);
};

struct ReadabilityScores {
  double flesch_reading_ease = 100;  // 0 (hard) .. 100 (easy)
  double flesch_kincaid_grade = 0;   // US school grade, 0..20 here and below
  double smog = 0;
  double gunning_fog = 0;
  double coleman_liau = 0;
  double ari = 0;
  double forcast = 0;
  double linsear_write = 0;
  double lix = 0;  // 0..100, > 60 is very hard
  double consensus_grade = 0;
  // The health-readability grade (grade_model.h): filled in by the Analyzer,
  // which also counts the jargon; ScoreReadability leaves it 0.
  double health_grade = 0;
};

// Scores a text from its counts. Appends to *warnings (may be nullptr) a
// sentence for each degenerate condition met (no words, a value clamped).
// SMOG was calibrated on samples of 30 sentences; on fewer, as in nearly
// every message, its value is extrapolated (docs/report.md), which is said
// here once rather than in every report.
ReadabilityScores ScoreReadability(const Counts& counts, std::vector<std::string>* warnings);

// ScoreReadability(counts, nullptr).consensus_grade alone: what the health
// grade reads for every passage of a message.
double ConsensusGrade(const Counts& counts);

// Flesch-Kincaid grade of one sentence, clamped to [0, 20]. Needs no
// warnings.
double SentenceGrade(const Counts& sentence_counts);

}  // namespace plainlang

#endif  // PLAINLANG_READABILITY_H_
