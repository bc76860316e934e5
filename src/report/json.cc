#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include <unicode/utf8.h>

#include "plainlang/output.h"

namespace plainlang {
namespace {

// Written straight into one string: building a JSON tree first cost three
// times the analysis itself for a portal message, and several copies of a
// huge report's findings in memory.
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(*out) {}

  void Key(std::string_view key) {
    Separator();
    out_ += '"';
    out_ += key;  // keys are ours: plain ASCII
    out_ += "\":";
    first_ = true;  // the value follows without a comma
  }
  void Open(char bracket) {
    Separator();
    out_ += bracket;
    first_ = true;
  }
  void Close(char bracket) {
    out_ += bracket;
    first_ = false;
  }
  void String(std::string_view text);
  void Integer(int64_t value) {
    Separator();
    char buffer[24];
    out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
  }
  void Unsigned(size_t value) {
    Separator();
    char buffer[24];
    out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
  }
  // The shortest form that reads back as the same double, always with a
  // fraction or exponent ("20.0"); NaN and infinities are null.
  void Number(double value) {
    Separator();
    if (!std::isfinite(value)) {
      out_ += "null";
      return;
    }
    char buffer[32];
    char* end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out_.append(buffer, end);
    if (std::string_view(buffer, static_cast<size_t>(end - buffer)).find_first_of(".e") ==
        std::string_view::npos) {
      out_ += ".0";
    }
  }
  void Bool(bool value) {
    Separator();
    out_ += value ? "true" : "false";
  }
  template <typename Strings>
  void StringArray(const Strings& values) {
    Open('[');
    for (const auto& value : values) String(value);
    Close(']');
  }

 private:
  void Separator() {
    if (!first_) out_ += ',';
    first_ = false;
  }

  std::string& out_;
  bool first_ = true;
};

// Escapes what JSON requires; the caller's bytes may hold invalid UTF-8,
// which becomes U+FFFD, one for each maximal bad subpart as browsers do.
void JsonWriter::String(std::string_view text) {
  Separator();
  out_ += '"';
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (c < 0x20) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", c);
            out_ += escape;
          } else {
            out_ += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    // Decoded as the engine and the HTML writer decode it (ICU's U8_NEXT,
    // which follows the same rule as browsers), from a window of the four
    // bytes a sequence can take, so that offsets stay small.
    int32_t length = 0;
    UChar32 code;
    U8_NEXT(s + i, length, static_cast<int32_t>(std::min<size_t>(n - i, 4)), code);
    if (code >= 0) {
      out_.append(text.data() + i, static_cast<size_t>(length));
    } else {
      out_ += "\xEF\xBF\xBD";
    }
    i += static_cast<size_t>(length);
  }
  out_ += '"';
}

// Scores are printed to two decimals: more digits are noise, and fixed
// digits keep golden files stable.
double Round2(double value) { return std::round(value * 100.0) / 100.0; }

}  // namespace

std::string ToJson(const Report& report, std::string_view source) {
  std::string out;
  out.reserve(1024 + 400 * report.findings.size() + 80 * report.sentences.size());
  JsonWriter json(&out);
  json.Open('{');
  if (!source.empty()) {
    json.Key("source");
    json.String(source);
  }
  const ReadabilityScores& r = report.readability;
  json.Key("readability");
  json.Open('{');
  const std::pair<std::string_view, double> scores[] = {
      {"flesch_reading_ease", r.flesch_reading_ease},
      {"flesch_kincaid_grade", r.flesch_kincaid_grade},
      {"smog", r.smog},
      {"gunning_fog", r.gunning_fog},
      {"coleman_liau", r.coleman_liau},
      {"ari", r.ari},
      {"forcast", r.forcast},
      {"linsear_write", r.linsear_write},
      {"lix", r.lix},
      {"consensus_grade", r.consensus_grade},
      {"health_grade", r.health_grade},
  };
  for (const auto& [name, value] : scores) {
    json.Key(name);
    json.Number(Round2(value));
  }
  json.Close('}');
  json.Key("jargon");
  json.Open('{');
  json.Key("density");
  json.Number(std::round(report.jargon.density * 10000.0) / 10000.0);
  json.Key("distinct_terms");
  json.Integer(report.jargon.distinct_terms);
  json.Key("jargon_words");
  json.Integer(report.jargon.jargon_words);
  json.Close('}');
  const Counts& c = report.counts;
  json.Key("counts");
  json.Open('{');
  const std::pair<std::string_view, int64_t> counts[] = {
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
  for (const auto& [name, value] : counts) {
    json.Key(name);
    json.Integer(value);
  }
  json.Close('}');
  json.Key("verdict");
  json.Open('{');
  json.Key("target_grade");
  json.Number(report.verdict.target_grade);
  json.Key("max_jargon");
  json.Number(report.verdict.max_jargon);
  json.Key("meets_target");
  json.Bool(report.verdict.meets_target);
  json.Close('}');
  json.Key("findings");
  json.Open('[');
  for (const Finding& f : report.findings) {
    json.Open('{');
    json.Key("kind");
    json.String(FindingKindName(f.kind));
    json.Key("text");
    json.String(f.text);
    json.Key("start");
    json.Unsigned(f.start);
    json.Key("end");
    json.Unsigned(f.end);
    json.Key("start_utf16");
    json.Unsigned(f.start_utf16);
    json.Key("end_utf16");
    json.Unsigned(f.end_utf16);
    json.Key("term");
    json.String(f.term);
    json.Key("suggestion");
    json.String(f.suggestion);
    json.Key("alternatives");
    json.StringArray(f.alternatives);
    json.Key("definition");
    json.String(f.definition);
    json.Key("expansions");
    json.StringArray(f.expansions);
    json.Key("familiarity");
    json.Number(Round2(f.familiarity));
    json.Key("severity");
    json.Number(Round2(f.severity));
    json.Key("source");
    json.String(f.source);
    json.Close('}');
  }
  json.Close(']');
  json.Key("sentences");
  json.Open('[');
  for (const Sentence& s : report.sentences) {
    json.Open('{');
    json.Key("start");
    json.Unsigned(s.start);
    json.Key("end");
    json.Unsigned(s.end);
    json.Key("start_utf16");
    json.Unsigned(s.start_utf16);
    json.Key("end_utf16");
    json.Unsigned(s.end_utf16);
    json.Key("words");
    json.Integer(s.words);
    json.Key("grade");
    json.Number(Round2(s.grade));
    json.Key("jargon_words");
    json.Integer(s.jargon_words);
    json.Close('}');
  }
  json.Close(']');
  json.Key("warnings");
  json.StringArray(report.warnings);
  json.Close('}');
  return out;
}

}  // namespace plainlang
