// Throughput of Analyzer::Analyze on synthetic clinical text built from the
// repository's own example messages (seeded, so every run reads the same).
//
//   ./build/analyze_benchmark --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "plainlang/analyzer.h"

namespace {

std::vector<std::string> ExampleLines() {
  std::vector<std::string> lines;
  for (const char* name : {"portal_message.txt", "plain_message.txt", "discharge_letter.txt"}) {
    std::ifstream in(std::string(PLAINLANG_SOURCE_DIR) + "/examples/" + name);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) lines.push_back(line);
    }
  }
  return lines;
}

// About `bytes` of text: example lines in a seeded random order, grouped
// into paragraphs, so no two messages are identical.
std::string SyntheticText(size_t bytes, uint32_t seed) {
  static const std::vector<std::string> lines = ExampleLines();
  std::mt19937 random(seed);
  std::uniform_int_distribution<size_t> pick(0, lines.size() - 1);
  std::string text;
  while (text.size() < bytes) {
    text += lines[pick(random)];
    text += (random() % 4 == 0) ? "\n\n" : "\n";
  }
  return text;
}

const plainlang::Analyzer& SharedAnalyzer() {
  static const plainlang::Analyzer analyzer;
  return analyzer;
}

// Full analysis of one large letter-sized corpus, bytes per second.
void BM_AnalyzeCorpus(benchmark::State& state) {
  const std::string text = SyntheticText(static_cast<size_t>(state.range(0)), 42);
  const plainlang::Analyzer& analyzer = SharedAnalyzer();
  for (auto _ : state) {
    plainlang::Report report = analyzer.Analyze(text);
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_AnalyzeCorpus)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

// A portal message of about 1 KB, the unit the compose box checks.
void BM_AnalyzeMessage(benchmark::State& state) {
  std::vector<std::string> messages;
  for (uint32_t seed = 0; seed < 64; ++seed) messages.push_back(SyntheticText(1024, seed));
  const plainlang::Analyzer& analyzer = SharedAnalyzer();
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& message = messages[i++ % messages.size()];
    plainlang::Report report = analyzer.Analyze(message);
    benchmark::DoNotOptimize(report);
    bytes += message.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_AnalyzeMessage)->Unit(benchmark::kMicrosecond)->ThreadRange(1, 2)->UseRealTime();

// Building the default lexicon from the embedded tables (once per process).
void BM_LoadDefaultLexicon(benchmark::State& state) {
  for (auto _ : state) {
    auto lexicon = plainlang::Lexicon::DefaultWithOverlays({});
    benchmark::DoNotOptimize(lexicon);
  }
}
BENCHMARK(BM_LoadDefaultLexicon)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
