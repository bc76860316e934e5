// The result of analysing one message: scores, sentences, findings, warnings.
//
// Offsets: `start`/`end` are byte offsets into the caller's input exactly as
// given (before UTF-8 repair and NFC), so input.substr(start, end - start) is
// the flagged text. `start_utf16`/`end_utf16` index the same span in UTF-16
// code units of the input as a browser decodes it (each invalid UTF-8
// sequence counts as one U+FFFD), for highlighting in a web page.
#ifndef PLAINLANG_REPORT_H_
#define PLAINLANG_REPORT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "plainlang/readability.h"

namespace plainlang {

enum class FindingKind {
  kJargon,        // a medical term a patient will likely not know
  kAbbreviation,  // a clinical abbreviation not defined in the text
  kComplexWord,   // a rare general word (not medical) with 3+ syllables
  kLongSentence,  // a sentence longer than AnalyzerOptions::long_sentence_words
};

// "jargon", "abbreviation", "complex_word", "long_sentence".
std::string_view FindingKindName(FindingKind kind);

// A finding's words are views: into the lexicon (a term's suggestion and
// definition), into a copy of the message (its text) or into words made for
// it. `storage` keeps all three alive, so a Finding stays valid when copied
// out of its Report and the Report is gone. Copy a view into a std::string
// to keep it past the Finding. Findings of one report share one storage:
// analysing a message allocates no string per finding, which would be a
// large share of the analyser's time on jargon-dense text.
struct Finding {
  FindingKind kind = FindingKind::kJargon;
  std::string_view text;                  // the input bytes of the span
  size_t start = 0, end = 0;              // bytes into the input
  size_t start_utf16 = 0, end_utf16 = 0;  // UTF-16 code units into the input
  std::string_view term;                  // the lexicon headword matched ("myocardial infarction")
  std::string_view suggestion;            // plain wording to write instead; may be empty
  std::span<const std::string_view> alternatives;  // every plain alternative, best first
  std::string_view definition;                     // a short lay definition; may be empty
  std::span<const std::string_view> expansions;    // abbreviations: every known sense
  double familiarity = 0;                          // 0 (nobody knows it) .. 1 (everybody does)
  double severity = 0;                             // 0..1, higher = fix first
  std::string_view source;  // where the evidence came from ("cdc_thesaurus", "affix:itis", ...)
  std::shared_ptr<const void> storage;  // what the views above point into
};

struct Sentence {
  size_t start = 0, end = 0;  // bytes into the input
  size_t start_utf16 = 0, end_utf16 = 0;
  int64_t words = 0;
  // The health grade of the sentence, by the model that grades the message
  // (grade_model.h). A fragment beside a sentence (a greeting, a signature,
  // a heading of a few words) has no grade of its own: NaN, null in JSON;
  // its words count with the sentence's.
  double grade = 0;
  int64_t jargon_words = 0;   // words inside jargon or abbreviation findings
  double jargon_density = 0;  // as JargonMeasures::density, over this sentence
  Counts counts;              // what the formulas count in this sentence
};

struct JargonMeasures {
  // Share of words inside jargon and unexplained-abbreviation findings, each
  // word weighted by (1 - familiarity): 0..1, not percent. Only words holding
  // a letter are counted: numbers carry no vocabulary.
  double density = 0;
  int64_t distinct_terms = 0;  // distinct lexicon terms flagged
  int64_t jargon_words = 0;    // words inside those findings, unweighted
};

struct Verdict {
  double target_grade = 8;
  double max_jargon = 0.05;  // highest acceptable density, 0..1
  // False when there is nothing to judge: the input was not analysed
  // (Report::error) or holds no words. Then meets_target is false too, and
  // the JSON, CSV and Python give it as null.
  bool judged = true;
  bool meets_target = true;  // judged, health grade <= target and density <= max
};

// The communication checklist: whether the message tells the patient what
// to do, what to watch for and how to reach the team, in plain and
// respectful words. Each item's definition and sources: docs/report.md.
enum class CommunicationItem : uint8_t {
  kMainMessageFirst,        // the result, decision or action in the first two sentences
  kCallToAction,            // at least one instruction to the patient
  kActionSpecific,          // the actions say when, how often or how
  kSafetyNet,               // warning signs and what to do then
  kContactInfo,             // how to reach the care team, or who will call
  kDirectAddress,           // instructions to "you", not "the patient should"
  kActiveVoice,             // instructions and findings in the active voice
  kNumbersExplained,        // each lab value or risk with a plain meaning nearby
  kUnambiguousResults,      // results as plain good or bad news
  kNoStigmatizingLanguage,  // no stigmatizing, blaming or doubting words
  kAcknowledgesPatient,     // thanks, a feeling named, an apology, praise, their name
};
inline constexpr size_t kCommunicationItemCount = 11;

// "main_message_first", "call_to_action", ...
std::string_view CommunicationItemName(CommunicationItem item);

// Words behind an item's verdict: a passive clause, an unexplained number,
// a misleading result word or a stigmatizing word (each failing its item).
// Offsets as Finding's.
struct CommunicationSpan {
  size_t start = 0, end = 0;
  size_t start_utf16 = 0, end_utf16 = 0;
  std::string suggestion;  // what to write instead, where there is a rewrite
};

struct CommunicationItemResult {
  bool applies = false;  // false: the item cannot apply to this message
  bool meets = false;
  std::vector<CommunicationSpan> evidence;
};

struct Communication {
  // The share of the items that apply which the message meets, 0..100; NaN
  // when none applies (no words, or an error).
  double score = 0;
  std::array<CommunicationItemResult, kCommunicationItemCount> items;
};

struct Report {
  ReadabilityScores readability;
  JargonMeasures jargon;
  Counts counts;
  Verdict verdict;
  std::vector<Finding> findings;    // ordered by start offset
  std::vector<Sentence> sentences;  // in text order
  std::vector<std::string> warnings;
  Communication communication;
  // Why the input was not analysed (ErrorReport); empty for an analysis.
  std::string error;
};

// The report's scalar fields (readability, jargon, counts, verdict), each
// described once. The JSON and CSV writers, the feature matrix and the
// Python binding are made from this table; openapi.yaml and the Python
// types are checked against it by tests.
enum class FieldType { kNumber, kInteger, kBool };

struct ReportField {
  std::string_view group;   // the JSON object holding it ("counts")
  std::string_view name;    // its key there ("words")
  std::string_view column;  // its CSV column and feature name, unique ("jargon_density")
  FieldType type;
  double low, high;                // the values it takes in an analysis (NaN in an error report)
  int decimals;                    // JSON and CSV round to this many; -1: as it is
  bool feature;                    // a column of the feature matrix (batch.h)
  std::string_view doc;            // one line
  double (*value)(const Report&);  // integers and bools as exact doubles
  // False for the checklist's items, which the JSON gives in full (applies,
  // meets, evidence) under "communication": "items" instead.
  bool in_json = true;
};

// Every scalar field in the order the JSON, the CSV and the feature matrix
// give them.
std::span<const ReportField> ReportFields();

}  // namespace plainlang

#endif  // PLAINLANG_REPORT_H_
