// Batch analysis: many messages on every core, reports in input order, and
// their scores as one feature matrix (one row per message).
//
//   plainlang::Analyzer analyzer;
//   std::vector<std::string_view> texts = ...;
//   std::vector<plainlang::Report> reports = plainlang::AnalyzeMany(analyzer, texts);
//
// A batch never loses, adds or reorders a row: every input gets exactly one
// report, at its own index, even an input that is not text.
#ifndef PLAINLANG_BATCH_H_
#define PLAINLANG_BATCH_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "plainlang/analyzer.h"
#include "plainlang/report.h"

namespace plainlang {

// One message of a batch. An input the caller could not turn into text (a
// missing value in a table, an object that is not a string) carries the
// reason instead, and gets ErrorReport(reason).
struct BatchInput {
  std::string_view text;  // the bytes to analyse; must outlive the batch
  std::string error;      // empty: analyse `text`; else why there is no text
};

// Every default in one place.
//
//   option        default  meaning
//   threads       0        worker threads; 0 = one per core this process may run on
//   progress      empty    called on the calling thread with the number of inputs
//                          finished, about every 100 ms and once at the end;
//                          returning false cancels the batch
//   keep_reports  true     BatchResult::reports holds every report
//   features      true     BatchResult::features holds the feature matrix
struct BatchOptions {
  int threads = 0;
  std::function<bool(size_t done)> progress;
  bool keep_reports = true;
  bool features = true;
};

// The names of the feature matrix's columns, in order: the columns of the
// report fields marked as features (ReportFields() in report.h): the
// readability scores, the jargon measures, the counts and meets_target (1,
// 0, or NaN when there is nothing to judge). Values are unrounded, unlike
// the JSON's.
std::span<const std::string_view> FeatureNames();

// Numeric scores of many reports: one row per report, FeatureNames() columns,
// row-major doubles. An ErrorReport's row is NaN in the score columns and
// meets_target, and 0 in the counts. Immutable once returned; safe for concurrent
// reads. Held in an Eigen matrix that stays private to the library.
class FeatureMatrix {
 public:
  FeatureMatrix();  // 0 rows
  ~FeatureMatrix();
  FeatureMatrix(FeatureMatrix&&) noexcept;
  FeatureMatrix& operator=(FeatureMatrix&&) noexcept;
  // A matrix may hold hundreds of megabytes; copies must be explicit (data()).
  FeatureMatrix(const FeatureMatrix&) = delete;
  FeatureMatrix& operator=(const FeatureMatrix&) = delete;

  size_t rows() const;
  size_t cols() const;  // FeatureNames().size()
  // Element (row, col) is data()[row * cols() + col]; nullptr when rows() is 0.
  const double* data() const;
  double operator()(size_t row, size_t col) const { return data()[row * cols() + col]; }

 private:
  friend class FeatureMatrixWriter;
  struct Storage;
  std::unique_ptr<Storage> storage_;
};

struct BatchResult {
  std::vector<Report> reports;      // input order; empty unless keep_reports
  FeatureMatrix features;           // one row per input; 0 rows unless features
  std::vector<std::string> errors;  // one per input: Report::error of its report
};

// Analyses every input in parallel (Analyzer::Analyze is const and
// thread-safe). Never throws on account of an input: an input with an error,
// or one whose analysis threw, gets an ErrorReport at its index. If
// `progress` cancels, inputs not yet started get
// ErrorReport("cancelled before analysis"). Throws only what `progress`
// throws, or std::bad_alloc when not even an error report fits in memory,
// and then only after every worker has stopped.
BatchResult AnalyzeBatch(const Analyzer& analyzer, std::span<const BatchInput> inputs,
                         const BatchOptions& options = {});

// The common case: reports for `texts`, in order, on `threads` threads
// (0 = every core).
std::vector<Report> AnalyzeMany(const Analyzer& analyzer, std::span<const std::string_view> texts,
                                int threads = 0);

// One FeatureNames() row per report.
FeatureMatrix ToFeatureMatrix(std::span<const Report> reports);

// The worker count `threads` stands for: itself when positive, else the
// number of cores this process may run on (at least 1).
int BatchThreads(int threads);

}  // namespace plainlang

#endif  // PLAINLANG_BATCH_H_
