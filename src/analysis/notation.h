// Jargon that is a pattern rather than a word: clinical notation (q6h,
// "x 7 days", mg/kg/day, 36+5 weeks, stage IIIA, "PHQ-9 of 14"), statistical
// notation ("95% CI", "P < 0.05"), drug-class constructions ("ACE
// inhibitor", "lipid-lowering therapy"), named instruments ("Wells score",
// "Murphy's sign") and survival and outcome measures of research
// ("disease-specific survival"). One RE2 alternation finds them all in one
// pass over the message; no word list could, since the numbers and names
// vary without end. What each pattern catches and misses: data/README.md.
#ifndef PLAINLANG_ANALYSIS_NOTATION_H_
#define PLAINLANG_ANALYSIS_NOTATION_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon_index.h"
#include "lexicon/matcher.h"
#include "text/byte_scan.h"
#include "text/segmenter.h"

namespace plainlang {

enum class NotationKind : uint8_t {
  kStatistics,  // 95% CI, P = 0.004, I² = 12%, n = 120
  kDosing,      // q6h, q4-6h, qAM, qHS, q.o.d.
  kDuration,    // x 7 days, x3, × 10 d
  kRate,        // mg/kg/day, mL/kg/hr, per 24 h
  kGestation,   // 36+5 weeks, 34 2/7 weeks, G2P1
  kGradeStage,  // grade 2/6 murmur, stage IIIA, T2N0M0, class III, 2+ edema
  kScore,       // PHQ-9 of 14, MoCA 22/30
  kDrugClass,   // ACE inhibitor, beta blocker, loop diuretic, lipid-lowering therapy
  kNamed,       // Wells score, Glasgow Coma Scale, Rome IV criteria, Murphy's sign
  kResearch,    // disease-specific survival, biochemical outcome, relative effectiveness
  kCode,        // I-131, Tc-99m; c.2932T>C, p.Lys618del; 16p11.2
};

struct NotationMatch {
  size_t start = 0, end = 0;  // bytes into the text searched
  NotationKind kind = NotationKind::kStatistics;
};

// Whether `word` is one of `words`; the rules' word lists are short.
inline bool IsListed(std::span<const std::string_view> words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Whether `word` ends with one of `endings`.
inline bool EndsWithAny(std::string_view word, std::span<const std::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(),
                     [word](std::string_view ending) { return word.ends_with(ending); });
}

// The last words of a place of care's name ("Colorectal Surgery Clinic",
// "the Acute Pain Service", "the Lipid Office"): the capitalised words
// before one are the place's name, not jargon or an instrument.
inline constexpr std::string_view kPlacesOfCare[] = {
    "clinic", "clinics",    "center",    "centre",   "service",    "services", "team",  "program",
    "unit",   "department", "institute", "hospital", "foundation", "lab",      "office"};

// The head nouns of named instruments ("Wells score", "Murphy's sign"),
// which count only after a capitalised word, not in "your test".
inline constexpr std::string_view kNamedHeads[] = {
    "score",        "scores",         "scale",         "scales",    "criteria",  "guideline",
    "guidelines",   "classification", "protocol",      "test",      "sign",      "maneuver",
    "manoeuvre",    "index",          "questionnaire", "inventory", "staging",   "rule",
    "assessment",   "exam",           "grading",       "procedure", "operation", "reflex",
    "surgery",      "monitor",        "catheter",      "balloon",   "exercise",  "exercises",
    "contractions", "method",         "rules",         "list"};

// The words of a scale, which count only before its value ("stage IIIA").
inline constexpr std::string_view kScaleWords[] = {"stage", "grade", "class",
                                                   "level", "phase", "category"};

// Titles before a person's name, lower case: after one, a name is a
// person's ("Dr. Carter II", "Ms. Osei-Bonsu"), not an eponym's.
inline constexpr std::string_view kPersonalTitles[] = {"dr", "mr",   "mrs", "ms", "miss",
                                                       "mx", "prof", "sr",  "jr"};

// Whether `word`, in any case, is one of kPersonalTitles.
inline bool IsPersonalTitle(std::string_view word) {
  return std::any_of(std::begin(kPersonalTitles), std::end(kPersonalTitles),
                     [word](std::string_view title) { return EqualsLowerAscii(word, title); });
}

// A name rarer than this may stand before a bare Roman I ("Scadding I");
// people's names are commoner (Maria 4.5, Ahmed 3.6).
inline constexpr float kUncommonNameZipf = 3.0f;

// First in a sentence, a word of the pronouncing dictionary at least this
// common is taken for the everyday word its capital starts ("Needle" 3.9,
// "Breathing" 4.3), not a name.
inline constexpr float kCommonOpeningWordZipf = 3.5f;

// What a finding of each kind says.
struct NotationInfo {
  std::string_view term;        // "dosing shorthand"
  std::string_view suggestion;  // general advice; PlainNotation may do better
  std::string_view definition;
  std::string_view source;  // "pattern:dosing"
  double severity = 0.7;
};
const NotationInfo& InfoOf(NotationKind kind);

struct Span {
  size_t start = 0, end = 0;  // bytes
  // Notation can only start at `start` ("q6h", "x 7 days"): one anchored
  // match, without the backward pass an unanchored search needs.
  bool anchored = false;
};

// Where in a sentence notation may be, from its tokens: windows around the
// marks notation is written with (+ % = < > × ≤ ≥ χ ², a slash before kg,
// m2, 24, 6 or 7), tokens such as "q6h", "x3", "T2N0M0" or "36w5d", a lone
// x, a q-word, a number after a hyphen ("PHQ-9"), and head words
// ("inhibitor", "survival", "stage", or "score" after a capitalised word).
// Most sentences have none, and a pattern pass over all of every sentence
// would cost a seventh of the analysis. `lookups` are the tokens' (LookUpTokens).
// Replaces *windows; byte offsets as the tokens'.
void NotationWindows(const std::vector<Token>& tokens, const TokenLookups& lookups,
                     std::vector<Span>* windows);

// Appends to *matches the notation that starts inside `window` of `text`
// (valid UTF-8; the rest of it is context for word boundaries), in order,
// not overlapping one another or what *matches holds. `index` tells a name
// from an everyday word for the named-instrument rule.
void FindNotation(std::string_view text, Span window, const Lexicon::Index& index,
                  std::vector<NotationMatch>* matches);

// The notation of the sentence text[start, end): NotationWindows, then
// FindNotation in each window, into *matches (cleared first). The sentence
// is the context: a pattern neither starts before it nor runs past it.
void FindSentenceNotation(std::string_view text, size_t start, size_t end,
                          const std::vector<Token>& tokens, const TokenLookups& lookups,
                          const Lexicon::Index& index, std::vector<Span>* windows,
                          std::vector<NotationMatch>* matches);

// Whether the text around a grade or a stage at text[start, end) (bytes)
// says what it means, as its finding advises: the scale right after it
// ("grade 2 out of 3"); for one that says grade, stage, category or class,
// the label read out after it ("The stage tells how far ...", "the
// second-mildest of 4 grades") or its scale before it ("The grade is from
// 1 to 3", "a scale from 0 to 6"). Reads 200 bytes after it and 120
// before, within the paragraph.
bool ScaleExplainedAround(std::string_view text, size_t start, size_t end);

// The plain wording of one dosing or duration match ("q6h" -> "every 6
// hours", "x 7 days" -> "for 7 days"); empty when there is none to make.
std::string PlainNotation(NotationKind kind, std::string_view matched);

}  // namespace plainlang

#endif  // PLAINLANG_ANALYSIS_NOTATION_H_
