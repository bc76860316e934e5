// Throughput of Analyzer::Analyze on synthetic clinical text built from the
// repository's own example messages (seeded, so every run reads the same).
//
//   ./build/analyze_benchmark --benchmark_repetitions=5
//
// BM_AnalyzeCorpusMessages, BM_IcuSegmentation, BM_MatchLexicon and
// BM_AnalyzeMessageLatency read the messages of `--corpus=FILE` (messages
// separated by a line holding only the ASCII record separator 0x1E, as
// benchmarks/compare.py writes them) and otherwise make 1 MB of ~1 KB
// messages from the examples. `--checklist=off` turns the communication
// checklist off, leaving the stages an analysis had before it (segmentation,
// jargon, scores): the figure to compare with builds that predate it.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include "lexicon/lexicon_index.h"
#include "lexicon/matcher.h"
#include "plainlang/analyzer.h"
#include "text/segmenter.h"
#include "text/utf8_text.h"

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

bool checklist_off = false;  // --checklist=off

// --checklist=off turns every communication item off, so the checklist
// reads no sentence: what is left is segmentation, jargon and the scores.
const plainlang::Analyzer& SharedAnalyzer() {
  static const plainlang::Analyzer analyzer([] {
    plainlang::AnalyzerOptions options;
    if (checklist_off) options.checklist_items.fill(false);
    return options;
  }());
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

std::string corpus_file;  // --corpus=FILE

// The messages of --corpus, or 1 MB of ~1 KB synthetic messages.
const std::vector<std::string>& CorpusMessages() {
  static const std::vector<std::string> messages = [] {
    std::vector<std::string> out;
    if (corpus_file.empty()) {
      size_t bytes = 0;
      for (uint32_t seed = 1000; bytes < (1u << 20); ++seed) {
        out.push_back(SyntheticText(1024, seed));
        bytes += out.back().size();
      }
      return out;
    }
    std::ifstream in(corpus_file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "analyze_benchmark: cannot read --corpus=%s\n", corpus_file.c_str());
      std::exit(2);
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string all = buffer.str();
    const std::string separator = "\n\x1e\n";
    for (size_t start = 0; start < all.size();) {
      size_t end = all.find(separator, start);
      if (end == std::string::npos) end = all.size();
      if (end > start) out.push_back(all.substr(start, end - start));
      start = end + separator.size();
    }
    return out;
  }();
  return messages;
}

size_t TotalBytes(const std::vector<std::string>& messages) {
  size_t bytes = 0;
  for (const std::string& m : messages) bytes += m.size();
  return bytes;
}

// Full analysis of every corpus message in turn, one core: the C++ side of
// analyze_many(threads=1).
void BM_AnalyzeCorpusMessages(benchmark::State& state) {
  const std::vector<std::string>& messages = CorpusMessages();
  const plainlang::Analyzer& analyzer = SharedAnalyzer();
  for (auto _ : state) {
    for (const std::string& message : messages) {
      plainlang::Report report = analyzer.Analyze(message);
      benchmark::DoNotOptimize(report);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(messages)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * messages.size()));
}
BENCHMARK(BM_AnalyzeCorpusMessages)->Unit(benchmark::kMillisecond);

// The yardstick: ICU's own sentence and word break iterators over
// every corpus message (UTF-8 read in place through UText, every boundary
// visited, each word's rule status read), nothing else. Analyze() no longer
// runs these for ASCII text (its transcription gives the same boundaries),
// so this is the speed ICU segmentation alone would allow, measured on the
// same machine and corpus as the engine. Arg 0: word breaks only; 1: sentence
// and word breaks, as the engine needs both.
void BM_IcuSegmentation(benchmark::State& state) {
  const std::vector<std::string>& messages = CorpusMessages();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) {
    state.SkipWithError("ICU break iterators unavailable");
    return;
  }
  UText* text = nullptr;
  int64_t word_tokens = 0, sentence_count = 0;
  for (auto _ : state) {
    word_tokens = sentence_count = 0;
    for (const std::string& message : messages) {
      text = utext_openUTF8(text, message.data(), static_cast<int64_t>(message.size()), &status);
      if (state.range(0) == 1) {
        sentences->setText(text, status);
        for (int32_t b = sentences->next(); b != icu::BreakIterator::DONE; b = sentences->next()) {
          ++sentence_count;
        }
      }
      words->setText(text, status);
      for (int32_t b = words->next(); b != icu::BreakIterator::DONE; b = words->next()) {
        word_tokens += words->getRuleStatus() >= UBRK_WORD_NUMBER;
      }
    }
  }
  utext_close(text);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(messages)));
  state.counters["sentences"] = static_cast<double>(sentence_count);
  state.counters["words"] = static_cast<double>(word_tokens);
}
BENCHMARK(BM_IcuSegmentation)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Segmentation and lexicon matching alone, as Analyze() does them: NFC
// check, sentences, tokens, one word-table lookup per token, then the
// longest-match of terms, medicines and abbreviations. No readability,
// classification of unmatched words, findings or report.
void BM_MatchLexicon(benchmark::State& state) {
  const std::vector<std::string>& messages = CorpusMessages();
  const plainlang::Lexicon::Index& index = SharedAnalyzer().lexicon().index();
  std::vector<plainlang::Token> tokens;
  std::string folded;
  plainlang::TokenLookups lookups;
  std::vector<plainlang::LexiconMatch> matches;
  int64_t terms = 0, abbreviations = 0;
  for (auto _ : state) {
    terms = abbreviations = 0;
    for (const std::string& message : messages) {
      plainlang::Utf8Text text(message);
      plainlang::BreakRules word_rules;
      for (plainlang::SentenceSpan span :
           plainlang::SplitSentences(text.text(), plainlang::BreakRules::kFast, &word_rules)) {
        plainlang::Tokenize(text.text(), span, &tokens, &folded, word_rules);
        plainlang::LookUpTokens(index, tokens, &lookups);
        plainlang::MatchLexicon(index, text.text(), tokens, lookups, plainlang::IsShouted(tokens),
                                &matches);
        for (const plainlang::LexiconMatch& match : matches) {
          (match.type == plainlang::LexiconMatch::Type::kTerm ? terms : abbreviations) += 1;
        }
        benchmark::DoNotOptimize(matches);
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(messages)));
  state.counters["matches"] = static_cast<double>(terms + abbreviations);
  state.counters["term_matches"] = static_cast<double>(terms);
  state.counters["abbreviation_matches"] = static_cast<double>(abbreviations);
}
BENCHMARK(BM_MatchLexicon)->Unit(benchmark::kMillisecond);

// One Analyze() of `text`, its wall time appended to *micros (microseconds).
void TimeAnalyze(const plainlang::Analyzer& analyzer, std::string_view text,
                 std::vector<double>* micros) {
  const auto start = std::chrono::steady_clock::now();
  plainlang::Report report = analyzer.Analyze(text);
  benchmark::DoNotOptimize(report);
  micros->push_back(
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
}

// The counters of the latency benchmarks: p50_us and p99_us of the timed
// calls (sorts *micros), and the mean message size.
void ReportLatency(benchmark::State& state, std::vector<double>* micros, size_t bytes) {
  std::sort(micros->begin(), micros->end());
  auto percentile = [&](double p) {
    return micros->empty()
               ? 0.0
               : (*micros)[std::min(micros->size() - 1, static_cast<size_t>(p * micros->size()))];
  };
  state.counters["p50_us"] = percentile(0.50);
  state.counters["p99_us"] = percentile(0.99);
  state.counters["message_bytes"] =
      static_cast<double>(bytes) / static_cast<double>(std::max<size_t>(1, micros->size()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

// One Analyze() of a ~1 KB message, each call timed: median and 99th
// percentile (microseconds, wall clock) as counters p50_us and p99_us.
void BM_AnalyzeMessageLatency(benchmark::State& state) {
  const std::vector<std::string>& messages = CorpusMessages();
  const plainlang::Analyzer& analyzer = SharedAnalyzer();
  std::vector<double> micros;
  micros.reserve(static_cast<size_t>(state.max_iterations));
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& message = messages[i++ % messages.size()];
    TimeAnalyze(analyzer, message, &micros);
    bytes += message.size();
  }
  ReportLatency(state, &micros, bytes);
}
BENCHMARK(BM_AnalyzeMessageLatency)
    ->Unit(benchmark::kMicrosecond)
    ->Iterations(20000)
    ->UseRealTime();

// The portal's pattern: a clinician edits a draft and every keystroke sends
// it to Analyze() again, whole (no state is kept between calls). 200 corpus
// messages of ~1 KB, each edited 100 times by one letter typed or deleted at
// a seeded random place; every call is timed, p50_us and p99_us as in
// BM_AnalyzeMessageLatency. The first call on each draft is timed too.
constexpr size_t kDrafts = 200, kKeystrokes = 100;
void BM_DraftLatency(benchmark::State& state) {
  const std::vector<std::string>& messages = CorpusMessages();
  const plainlang::Analyzer& analyzer = SharedAnalyzer();
  std::vector<double> micros;
  micros.reserve(kDrafts * kKeystrokes);
  std::mt19937 random(7);  // the raw engine's output is the same everywhere
  size_t bytes = 0;
  std::string draft;
  size_t calls = 0;
  for (auto _ : state) {
    if (calls % kKeystrokes == 0) draft = messages[(calls / kKeystrokes) * 17 % messages.size()];
    const size_t at = random() % draft.size();
    if (random() % 2 == 0 || draft.size() < 2) {
      draft.insert(at, 1, "etaoinshr"[random() % 9]);
    } else {
      draft.erase(at, 1);
    }
    TimeAnalyze(analyzer, draft, &micros);
    bytes += draft.size();
    ++calls;
  }
  ReportLatency(state, &micros, bytes);
}
BENCHMARK(BM_DraftLatency)
    ->Unit(benchmark::kMicrosecond)
    ->Iterations(kDrafts* kKeystrokes)
    ->UseRealTime();

}  // namespace

// BENCHMARK_MAIN plus --corpus=FILE and --checklist=off, taken out before Google Benchmark
// reads the rest of the flags.
int main(int argc, char** argv) {
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--corpus=", 9) == 0) {
      corpus_file = argv[i] + 9;
    } else if (std::strcmp(argv[i], "--checklist=off") == 0) {
      checklist_off = true;
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
