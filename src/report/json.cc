#include <cmath>

#include <nlohmann/json.hpp>

#include "plainlang/output.h"

namespace plainlang {
namespace {

// Scores are printed to two decimals: more digits are noise, and fixed
// digits keep golden files stable.
double Round2(double value) { return std::round(value * 100.0) / 100.0; }

}  // namespace

std::string ToJson(const Report& report, std::string_view source) {
  using nlohmann::ordered_json;
  ordered_json out;
  if (!source.empty()) out["source"] = source;
  const ReadabilityScores& r = report.readability;
  out["readability"] = {
      {"flesch_reading_ease", Round2(r.flesch_reading_ease)},
      {"flesch_kincaid_grade", Round2(r.flesch_kincaid_grade)},
      {"smog", Round2(r.smog)},
      {"gunning_fog", Round2(r.gunning_fog)},
      {"coleman_liau", Round2(r.coleman_liau)},
      {"ari", Round2(r.ari)},
      {"forcast", Round2(r.forcast)},
      {"linsear_write", Round2(r.linsear_write)},
      {"lix", Round2(r.lix)},
      {"consensus_grade", Round2(r.consensus_grade)},
      {"health_grade", Round2(r.health_grade)},
  };
  out["jargon"] = {
      {"density", std::round(report.jargon.density * 10000.0) / 10000.0},
      {"distinct_terms", report.jargon.distinct_terms},
      {"jargon_words", report.jargon.jargon_words},
  };
  const Counts& c = report.counts;
  out["counts"] = {
      {"words", c.words},
      {"sentences", c.sentences},
      {"syllables", c.syllables},
      {"polysyllabic_words", c.polysyllabic_words},
      {"characters", c.characters},
      {"letters", c.letters},
      {"complex_words", c.complex_words},
      {"long_words", c.long_words},
      {"numbers", c.numbers},
  };
  out["verdict"] = {
      {"target_grade", report.verdict.target_grade},
      {"max_jargon", report.verdict.max_jargon},
      {"meets_target", report.verdict.meets_target},
  };
  ordered_json findings = ordered_json::array();
  for (const Finding& f : report.findings) {
    ordered_json item = {
        {"kind", FindingKindName(f.kind)},
        {"text", f.text},
        {"start", f.start},
        {"end", f.end},
        {"start_utf16", f.start_utf16},
        {"end_utf16", f.end_utf16},
        {"term", f.term},
        {"suggestion", f.suggestion},
        {"alternatives", f.alternatives},
        {"definition", f.definition},
        {"expansions", f.expansions},
        {"familiarity", Round2(f.familiarity)},
        {"severity", Round2(f.severity)},
        {"source", f.source},
    };
    findings.push_back(std::move(item));
  }
  out["findings"] = std::move(findings);
  ordered_json sentences = ordered_json::array();
  for (const Sentence& s : report.sentences) {
    sentences.push_back({
        {"start", s.start},
        {"end", s.end},
        {"start_utf16", s.start_utf16},
        {"end_utf16", s.end_utf16},
        {"words", s.words},
        {"grade", Round2(s.grade)},
        {"jargon_words", s.jargon_words},
    });
  }
  out["sentences"] = std::move(sentences);
  out["warnings"] = report.warnings;
  // Finding text is the caller's bytes; invalid UTF-8 there prints as U+FFFD.
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace plainlang
