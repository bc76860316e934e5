#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "plainlang/analyzer.h"
#include "plainlang/output.h"
#include "text/utf8_text.h"

namespace plainlang {
namespace {

// Written straight into one string: building a JSON tree first would cost
// more than the analysis itself for a portal message, and several copies of
// a huge report's findings in memory.
class JsonWriter {
 public:
  static constexpr size_t kPieceBytes = 64 * 1024;

  explicit JsonWriter(std::string* out,
                      const std::function<void(std::string_view)>* write = nullptr)
      : out_(*out), write_(write) {}

  // Between two values: hands what is written so far to `write`, if there
  // is one and enough has gathered.
  void Piece() { HandOver(kPieceBytes); }

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
  void Null() {
    Separator();
    out_ += "null";
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

  // What is written so far goes to `write_`, if there is one and at least
  // `bytes` have gathered.
  void HandOver(size_t bytes) {
    if (write_ != nullptr && out_.size() >= bytes) {
      (*write_)(out_);
      out_.clear();
    }
  }

  std::string& out_;
  const std::function<void(std::string_view)>* write_;
  bool first_ = true;
};

// Escapes what JSON requires; the caller's bytes may hold invalid UTF-8,
// which is repaired as the engine and the HTML writer repair it.
void JsonWriter::String(std::string_view text) {
  Separator();
  out_ += '"';
  // A string longer than a piece (a 20 MB "word") goes out as it is
  // escaped, not gathered whole first.
  const bool in_pieces = write_ != nullptr && text.size() > kPieceBytes;
  RepairUtf8(text, [this, in_pieces](std::string_view utf8, UChar32 c, size_t) {
    if (in_pieces) HandOver(2 * kPieceBytes);
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        if (c >= 0x80 || c < 0) {
          out_ += utf8;  // a character, or U+FFFD for bytes that are none
        } else if (c >= 0x20) {
          out_ += static_cast<char>(c);
        } else {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
          out_ += escape;
        }
    }
  });
  out_ += '"';
}

// Scores are printed to a few decimals (ReportField::decimals): more digits
// are noise, and fixed digits keep golden files stable.
double Rounded(double value, int decimals) {
  constexpr double kScale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  if (decimals < 0 || decimals >= static_cast<int>(std::size(kScale))) return value;
  const double scale = kScale[decimals];
  return std::round(value * scale) / scale;
}

// A span's offsets: bytes and UTF-16 code units into the input (a Finding,
// a Sentence, a CommunicationSpan).
template <typename Span>
void WriteOffsets(const Span& span, JsonWriter& json) {
  json.Key("start");
  json.Unsigned(span.start);
  json.Key("end");
  json.Unsigned(span.end);
  json.Key("start_utf16");
  json.Unsigned(span.start_utf16);
  json.Key("end_utf16");
  json.Unsigned(span.end_utf16);
}

// The checklist's items in full, inside "communication".
void WriteChecklist(const Communication& communication, JsonWriter& json) {
  json.Key("items");
  json.Open('{');
  for (size_t k = 0; k < kCommunicationItemCount; ++k) {
    const CommunicationItemResult& item = communication.items[k];
    json.Key(CommunicationItemName(static_cast<CommunicationItem>(k)));
    json.Open('{');
    json.Key("applies");
    json.Bool(item.applies);
    json.Key("meets");
    json.Bool(item.meets);
    json.Key("evidence");
    json.Open('[');
    for (const CommunicationSpan& span : item.evidence) {
      json.Open('{');
      WriteOffsets(span, json);
      json.Key("suggestion");
      json.String(span.suggestion);
      json.Close('}');
    }
    json.Close(']');
    json.Close('}');
  }
  json.Close('}');
}

// The scalar fields, each group an object (ReportFields); the checklist's
// items go in full into "communication".
void WriteFields(const Report& report, JsonWriter& json) {
  std::string_view group;  // the object open, if any
  auto close = [&] {
    if (group == "communication") WriteChecklist(report.communication, json);
    if (!group.empty()) json.Close('}');
  };
  for (const ReportField& field : ReportFields()) {
    if (!field.in_json) continue;
    if (field.group != group) {
      close();
      group = field.group;
      json.Key(group);
      json.Open('{');
    }
    json.Key(field.name);
    const double value = field.value(report);
    switch (field.type) {
      case FieldType::kNumber: json.Number(Rounded(value, field.decimals)); break;
      case FieldType::kInteger: json.Integer(static_cast<int64_t>(value)); break;
      case FieldType::kBool:
        if (std::isnan(value)) {
          json.Null();
        } else {
          json.Bool(value != 0);
        }
        break;
    }
  }
  close();
}

void WriteFinding(const Finding& f, JsonWriter& json) {
  json.Open('{');
  json.Key("kind");
  json.String(FindingKindName(f.kind));
  json.Key("text");
  json.String(f.text);
  WriteOffsets(f, json);
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
  json.Number(Rounded(f.familiarity, 2));
  json.Key("severity");
  json.Number(Rounded(f.severity, 2));
  json.Key("source");
  json.String(f.source);
  json.Close('}');
  json.Piece();
}

void WriteSentence(const Sentence& s, JsonWriter& json) {
  json.Open('{');
  WriteOffsets(s, json);
  json.Key("words");
  json.Integer(s.words);
  json.Key("grade");
  json.Number(Rounded(s.grade, 2));
  json.Key("jargon_words");
  json.Integer(s.jargon_words);
  json.Key("jargon_density");
  json.Number(Rounded(s.jargon_density, 4));
  json.Close('}');
  json.Piece();
}

// The report's findings and sentences come from `findings` and `sentences`,
// each called with a writer of one item to call for each, in order: the
// report's own vectors, or an analysis handing them out. Warnings are the
// report's and `more_warnings`.
template <typename Findings, typename Sentences>
void WriteReport(const Report& report, std::string_view source, const Findings& findings,
                 const Sentences& sentences, JsonWriter& json,
                 const std::vector<std::string>& more_warnings = {}) {
  json.Open('{');
  if (!source.empty()) {
    json.Key("source");
    json.String(source);
  }
  json.Key("error");
  if (report.error.empty()) {
    json.Null();
  } else {
    json.String(report.error);
  }
  WriteFields(report, json);
  json.Key("findings");
  json.Open('[');
  findings([&json](const Finding& f) { WriteFinding(f, json); });
  json.Close(']');
  json.Key("sentences");
  json.Open('[');
  sentences([&json](const Sentence& s) { WriteSentence(s, json); });
  json.Close(']');
  json.Key("warnings");
  json.Open('[');
  for (const std::string& warning : report.warnings) json.String(warning);
  for (const std::string& warning : more_warnings) json.String(warning);
  json.Close(']');
  json.Close('}');
}

void WriteReport(const Report& report, std::string_view source, JsonWriter& json) {
  WriteReport(
      report, source,
      [&report](const auto& write) {
        for (const Finding& f : report.findings) write(f);
      },
      [&report](const auto& write) {
        for (const Sentence& s : report.sentences) write(s);
      },
      json);
}

}  // namespace

std::string ToJson(const Report& report, std::string_view source) {
  std::string out;
  out.reserve(1024 + 400 * report.findings.size() + 80 * report.sentences.size());
  JsonWriter json(&out);
  WriteReport(report, source, json);
  return out;
}

void WriteJson(const Report& report, std::string_view source,
               const std::function<void(std::string_view)>& write) {
  std::string out;
  out.reserve(80 * 1024);
  JsonWriter json(&out, &write);
  WriteReport(report, source, json);
  if (!out.empty()) write(out);
}

Report AnalyzeToJson(const Analyzer& analyzer, std::string_view input, std::string_view source,
                     const std::function<void(std::string_view)>& write) {
  Report report = analyzer.Analyze(input, ReportSink{});
  if (!report.error.empty()) {
    WriteJson(report, source, write);
    return report;
  }
  std::vector<std::string> more_warnings;
  // Analysis is deterministic, so each pass hands out what the first made;
  // only running out of memory can make a pass fail, and the report says so.
  auto pass = [&](const ReportSink& sink, const char* what) {
    const std::string error = analyzer.Analyze(input, sink).error;
    if (!error.empty()) more_warnings.push_back(std::string(what) + " are incomplete: " + error);
  };
  std::string out;
  out.reserve(80 * 1024);
  JsonWriter json(&out, &write);
  WriteReport(
      report, source, [&](const auto& each) { pass(ReportSink{.finding = each}, "the findings"); },
      [&](const auto& each) { pass(ReportSink{.sentence = each}, "the sentences"); }, json,
      more_warnings);
  if (!out.empty()) write(out);
  report.warnings.insert(report.warnings.end(), more_warnings.begin(), more_warnings.end());
  return report;
}

}  // namespace plainlang
