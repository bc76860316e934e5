// libFuzzer target: Analyze() on any bytes, under options picked by the
// first input byte. Aborts when a promise of the report breaks: offsets
// inside the input and slicing it to each finding's text, UTF-16 offsets in
// order, scores in their ranges, JSON that parses.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "plainlang/analyzer.h"
#include "plainlang/output.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "broken promise: %s\n", what);
    std::abort();
  }
}

const plainlang::Analyzer& AnalyzerFor(uint8_t selector) {
  static const plainlang::Analyzer analyzers[4] = {
      plainlang::Analyzer(),
      plainlang::Analyzer([] {
        plainlang::AnalyzerOptions o;
        o.long_sentence_words = 1;
        o.jargon_familiarity = 1.0;  // every listed term is jargon
        return o;
      }()),
      plainlang::Analyzer([] {
        plainlang::AnalyzerOptions o;
        o.target_grade = 0;
        o.max_jargon = 0;
        o.complex_word_zipf = 8;  // every long word is complex
        return o;
      }()),
      plainlang::Analyzer([] {
        plainlang::AnalyzerOptions o;
        o.max_input_bytes = 64;  // most inputs get the error report
        return o;
      }()),
  };
  return analyzers[selector % 4];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const plainlang::Analyzer& analyzer = AnalyzerFor(data[0]);
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  const plainlang::Report report = analyzer.Analyze(input);

  size_t previous_start = 0, previous_utf16 = 0;
  for (const plainlang::Finding& f : report.findings) {
    Check(f.start <= f.end && f.end <= input.size(), "finding inside the input");
    Check(input.substr(f.start, f.end - f.start) == f.text, "finding text slices the input");
    Check(f.start_utf16 <= f.end_utf16, "UTF-16 span ordered");
    if (f.kind != plainlang::FindingKind::kLongSentence) {
      Check(f.start >= previous_start, "findings ascend");
      Check(f.start_utf16 >= previous_utf16, "UTF-16 offsets ascend");
      previous_start = f.start;
      previous_utf16 = f.start_utf16;
    }
    Check(f.severity >= 0 && f.severity <= 1, "severity in 0..1");
  }
  for (const plainlang::Sentence& s : report.sentences) {
    Check(s.start <= s.end && s.end <= input.size(), "sentence inside the input");
  }
  const auto& r = report.readability;
  const bool error = !report.error.empty();
  if (!error) {
    Check(r.consensus_grade >= 0 && r.consensus_grade <= 20, "consensus grade in 0..20");
    Check(std::isfinite(r.health_grade) && r.health_grade >= 0, "health grade finite");
    Check(report.jargon.density >= 0 && report.jargon.density <= 1, "density in 0..1");
  }
  const std::string json = plainlang::ToJson(report);
  Check(nlohmann::json::accept(json), "JSON parses");
  return 0;
}
