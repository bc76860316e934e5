#include "plainlang/batch.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include <Eigen/Core>

#if defined(__linux__)
#include <sched.h>
#endif

namespace plainlang {

namespace {

// The feature matrix's columns: the report fields marked as features.
struct FeatureColumns {
  std::vector<std::string_view> names;
  std::vector<double (*)(const Report&)> values;
};

const FeatureColumns& Columns() {
  static const FeatureColumns columns = [] {
    FeatureColumns made;
    for (const ReportField& field : ReportFields()) {
      if (!field.feature) continue;
      made.names.push_back(field.column);
      made.values.push_back(field.value);
    }
    return made;
  }();
  return columns;
}

using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Often enough for a progress bar to move smoothly and Ctrl-C to feel
// immediate, rarely enough to cost nothing.
constexpr std::chrono::milliseconds kProgressInterval(100);

}  // namespace

struct FeatureMatrix::Storage {
  RowMajorMatrix matrix;
};

// The one place that writes a FeatureMatrix; rows are written from many
// threads, each row by one thread only.
class FeatureMatrixWriter {
 public:
  static FeatureMatrix Make(size_t rows) {
    FeatureMatrix result;
    result.storage_->matrix.resize(static_cast<Eigen::Index>(rows),
                                   static_cast<Eigen::Index>(Columns().names.size()));
    return result;
  }

  static void SetRow(FeatureMatrix& features, size_t row, const Report& report) {
    const auto& values = Columns().values;
    auto out = features.storage_->matrix.row(static_cast<Eigen::Index>(row));
    for (size_t j = 0; j < values.size(); ++j)
      out(static_cast<Eigen::Index>(j)) = values[j](report);
  }
};

FeatureMatrix::FeatureMatrix() : storage_(std::make_unique<Storage>()) {}
FeatureMatrix::~FeatureMatrix() = default;
FeatureMatrix::FeatureMatrix(FeatureMatrix&&) noexcept = default;
FeatureMatrix& FeatureMatrix::operator=(FeatureMatrix&&) noexcept = default;

size_t FeatureMatrix::rows() const {
  return storage_ ? static_cast<size_t>(storage_->matrix.rows()) : 0;
}
size_t FeatureMatrix::cols() const { return Columns().names.size(); }
const double* FeatureMatrix::data() const { return rows() > 0 ? storage_->matrix.data() : nullptr; }

std::span<const std::string_view> FeatureNames() { return Columns().names; }

int BatchThreads(int threads) {
  if (threads > 0) return threads;
#if defined(__linux__)
  // A container or `taskset` may allow fewer cores than the machine has.
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof(allowed), &allowed) == 0) {
    return std::max(1, CPU_COUNT(&allowed));
  }
#endif
  return std::max(1u, std::thread::hardware_concurrency());
}

namespace {

// Runs analyse(i) for every i in [0, count) on `threads` workers taking the
// next index from one atomic counter, so a long message holds up one worker
// only. Returns how many indices were started (all of them unless cancelled);
// every one of those is finished when it returns. Nothing thrown escapes a
// worker: the first exception stops the batch and is rethrown here once
// every worker has stopped.
template <typename Analyse>
size_t RunParallel(size_t count, int threads, const std::function<bool(size_t)>& progress,
                   Analyse analyse) {
  std::atomic<size_t> next{0}, done{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable finished;
  size_t running = 0;                // guarded by mutex
  std::exception_ptr first_failure;  // guarded by mutex
  auto work = [&] {
    while (!stop.load(std::memory_order_relaxed)) {
      const size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= count) break;
      try {
        analyse(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!first_failure) first_failure = std::current_exception();
        stop = true;
      }
      done.fetch_add(1, std::memory_order_relaxed);
    }
  };
  auto finish = [&] {
    if (first_failure) std::rethrow_exception(first_failure);
    return std::min(next.load(), count);
  };

  const size_t wanted =
      std::min(static_cast<size_t>(BatchThreads(threads)), std::max<size_t>(count, 1));
  std::vector<std::thread> workers;
  workers.reserve(wanted);
  // With a progress callback the calling thread reports and waits; without
  // one it is a worker too.
  const size_t spawn = progress ? wanted : wanted - 1;
  for (size_t t = 0; t < spawn; ++t) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      ++running;
    }
    try {
      workers.emplace_back([&] {
        work();
        std::lock_guard<std::mutex> lock(mutex);
        --running;
        finished.notify_all();
      });
    } catch (const std::system_error&) {
      // Fewer threads than asked for: the ones running share the work.
      std::lock_guard<std::mutex> lock(mutex);
      --running;
      break;
    }
  }
  auto join_all = [&] {
    for (std::thread& worker : workers) worker.join();
  };
  if (!progress || workers.empty()) {
    work();
    join_all();
    if (progress && !stop) progress(done.load());
    return finish();
  }

  try {
    std::unique_lock<std::mutex> lock(mutex);
    while (running > 0) {
      if (finished.wait_for(lock, kProgressInterval, [&] { return running == 0; })) break;
      lock.unlock();
      if (!stop && !progress(done.load())) stop = true;
      lock.lock();
    }
  } catch (...) {
    stop = true;
    join_all();
    throw;
  }
  join_all();
  if (!stop) progress(done.load());
  return finish();
}

}  // namespace

BatchResult AnalyzeBatch(const Analyzer& analyzer, std::span<const BatchInput> inputs,
                         const BatchOptions& options) {
  BatchResult result;
  const size_t count = inputs.size();
  if (options.keep_reports) result.reports.resize(count);
  if (options.features) result.features = FeatureMatrixWriter::Make(count);
  result.errors.resize(count);

  auto store = [&](size_t i, Report report) {
    result.errors[i] = report.error;
    if (options.features) FeatureMatrixWriter::SetRow(result.features, i, report);
    if (options.keep_reports) result.reports[i] = std::move(report);
  };
  // Analysis never fails by design; should it throw all the same (a bug),
  // the one message is reported and the batch goes on.
  auto analyse = [&](size_t i) {
    const BatchInput& input = inputs[i];
    if (!input.error.empty()) {
      store(i, ErrorReport(analyzer.options(), input.error));
      return;
    }
    try {
      store(i, analyzer.Analyze(input.text));
    } catch (const std::exception& error) {
      store(i, ErrorReport(analyzer.options(), std::string("analysis failed: ") + error.what()));
    } catch (...) {
      store(i, ErrorReport(analyzer.options(), "analysis failed"));
    }
  };
  const size_t started = RunParallel(count, options.threads, options.progress, analyse);
  for (size_t i = started; i < count; ++i) {
    store(i, ErrorReport(analyzer.options(), "cancelled before analysis"));
  }
  return result;
}

std::vector<Report> AnalyzeMany(const Analyzer& analyzer, std::span<const std::string_view> texts,
                                int threads) {
  std::vector<BatchInput> inputs(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) inputs[i].text = texts[i];
  BatchOptions options;
  options.threads = threads;
  options.features = false;
  return AnalyzeBatch(analyzer, inputs, options).reports;
}

FeatureMatrix ToFeatureMatrix(std::span<const Report> reports) {
  FeatureMatrix features = FeatureMatrixWriter::Make(reports.size());
  for (size_t i = 0; i < reports.size(); ++i) FeatureMatrixWriter::SetRow(features, i, reports[i]);
  return features;
}

}  // namespace plainlang
