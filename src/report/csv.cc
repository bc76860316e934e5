#include <string>

#include "plainlang/output.h"
#include "report/evidence.h"

namespace plainlang {
namespace {

// RFC 4180: quote a field holding a comma, quote or line break.
std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::string CsvHeader() {
  return "source,flesch_reading_ease,flesch_kincaid_grade,smog,gunning_fog,coleman_liau,ari,"
         "forcast,linsear_write,lix,consensus_grade,health_grade,jargon_density,distinct_terms,jargon_words,"
         "words,sentences,syllables,polysyllabic_words,characters,findings,target_grade,"
         "meets_target,warnings";
}

std::string ToCsvRow(const Report& report, std::string_view source) {
  const ReadabilityScores& r = report.readability;
  const Counts& c = report.counts;
  std::string warnings;
  for (const std::string& warning : report.warnings) {
    if (!warnings.empty()) warnings += "; ";
    warnings += warning;
  }
  std::string row = CsvField(source);
  auto field = [&row](std::string_view value) {
    row += ',';
    row += value;
  };
  for (double score : {r.flesch_reading_ease, r.flesch_kincaid_grade, r.smog, r.gunning_fog,
                       r.coleman_liau, r.ari, r.forcast, r.linsear_write, r.lix,
                       r.consensus_grade, r.health_grade}) {
    field(Format("%.2f", score));
  }
  field(Format("%.4f", report.jargon.density));
  for (int64_t count : {report.jargon.distinct_terms, report.jargon.jargon_words, c.words,
                        c.sentences, c.syllables, c.polysyllabic_words, c.characters,
                        static_cast<int64_t>(report.findings.size())}) {
    field(std::to_string(count));
  }
  field(Format("%.2f", report.verdict.target_grade));
  field(report.verdict.meets_target ? "true" : "false");
  field(CsvField(warnings));
  return row;
}

}  // namespace plainlang
