// Analyzer: reads a message and reports how hard it is to read, which words a
// patient will likely not know, and what to write instead.
//
//   plainlang::Analyzer analyzer;
//   plainlang::Report report = analyzer.Analyze("Your BP is elevated.");
//   std::cout << plainlang::ToJson(report) << "\n";
#ifndef PLAINLANG_ANALYZER_H_
#define PLAINLANG_ANALYZER_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

#include "plainlang/grade_model.h"
#include "plainlang/lexicon.h"
#include "plainlang/report.h"

namespace plainlang {

// Every default in one place. The ranges (the k...Range constants below)
// are what the command line, the HTTP API and the Python package accept,
// each for the options it takes.
//
//   option               default  range       meaning
//   target_grade         8        0..20       the verdict's highest acceptable health grade
//   max_jargon           0.05     0..1        the verdict's highest acceptable jargon density
//   long_sentence_words  20       1..1000     sentences with more words are findings
//   jargon_familiarity   0.5      0..1        lexicon terms below this familiarity are jargon
//   complex_word_zipf    3.0      0..8        unknown words rarer than this Zipf frequency
//                                             with 3+ syllables are complex words
//   grade_model          null                 the health grade's model; null is
//                                             GradeModel::Default()
//   max_input_bytes      256 MiB  1..1 GiB    a longer message gets ErrorReport instead
//                                             of an analysis (never more than
//                                             kMaxInputBytes, which ICU's 32-bit
//                                             offsets set)
//   checklist_items      all on               communication items to judge; one turned
//                                             off never applies
//   min_communication    0        0..100      the verdict's lowest acceptable
//                                             communication score; 0 is off
struct AnalyzerOptions {
  double target_grade = 8;
  double max_jargon = 0.05;
  int long_sentence_words = 20;
  double jargon_familiarity = 0.5;
  double complex_word_zipf = 3.0;
  std::shared_ptr<const GradeModel> grade_model;
  size_t max_input_bytes = size_t{256} << 20;
  std::array<bool, kCommunicationItemCount> checklist_items = AllItems();
  double min_communication = 0;

 private:
  static constexpr std::array<bool, kCommunicationItemCount> AllItems() {
    std::array<bool, kCommunicationItemCount> all{};
    for (bool& on : all) on = true;
    return all;
  }
};

// The longest message any Analyzer reads, whatever max_input_bytes says.
inline constexpr size_t kMaxInputBytes = size_t{1} << 30;

// The values each option may take, both ends included; one place, so that
// the command line, the HTTP API and the Python package, each for the
// options it takes, cannot drift apart.
template <typename T>
struct OptionRange {
  T low, high;
};
inline constexpr OptionRange<double> kTargetGradeRange{0, 20};
inline constexpr OptionRange<double> kMaxJargonRange{0, 1};
inline constexpr OptionRange<int> kLongSentenceRange{1, 1000};
inline constexpr OptionRange<double> kJargonFamiliarityRange{0, 1};
inline constexpr OptionRange<double> kComplexWordZipfRange{0, 8};
inline constexpr OptionRange<size_t> kMaxInputBytesRange{1, kMaxInputBytes};
inline constexpr OptionRange<double> kMinCommunicationRange{0, 100};

// The longest message an Analyzer with `options` reads.
inline size_t InputLimit(const AnalyzerOptions& options) {
  return std::min(options.max_input_bytes, kMaxInputBytes);
}

// The report of an input that was not analysed: Report::error is `reason`,
// every readability score and the jargon density NaN, counts 0,
// unjudged (meets_target false, null in JSON), the verdict's targets from
// `options`.
Report ErrorReport(const AnalyzerOptions& options, std::string_view reason);

// Where Analyze(text, sink) hands a message's findings and sentences, with
// the caller's offsets, instead of keeping them in the report. Either may be
// empty.
struct ReportSink {
  std::function<void(const Finding&)> finding = nullptr;
  std::function<void(const Sentence&)> sentence = nullptr;
};

// Immutable after construction; Analyze() is safe for concurrent use by
// multiple threads on one Analyzer.
class Analyzer {
 public:
  // Uses the embedded default lexicon.
  explicit Analyzer(AnalyzerOptions options = {});
  Analyzer(std::shared_ptr<const Lexicon> lexicon, AnalyzerOptions options);

  // Never fails: any bytes give a report. Invalid UTF-8 is replaced with
  // U+FFFD and reported in Report::warnings. A message over
  // max_input_bytes, or one that exhausts memory, gets an ErrorReport.
  Report Analyze(std::string_view text) const;
  // As Analyze, but each finding and sentence goes to `sink` as its sentence
  // ends, in the order the report would hold them, and the report comes back
  // without them. With a sentence sink the text is analysed twice: a
  // sentence's grade is its passage's, known only when the passage ends, so
  // a first pass records the passages' grades. Memory then no longer grows with the findings: a report
  // keeps about 200 bytes per finding and 150 per sentence, which for a
  // message dense in jargon is over ten times its size. A finding's text
  // views `text`, and its other views last while the finding's storage does.
  Report Analyze(std::string_view text, const ReportSink& sink) const;

  const AnalyzerOptions& options() const { return options_; }
  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  Report Analyze(std::string_view text, const ReportSink* sink) const;

  std::shared_ptr<const Lexicon> lexicon_;
  AnalyzerOptions options_;
};

}  // namespace plainlang

#endif  // PLAINLANG_ANALYZER_H_
