// The JSON contract, CSV rows and the text summary.
#include "plainlang/output.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "plainlang/analyzer.h"

namespace plainlang {
namespace {

const Analyzer& TestAnalyzer() {
  static const Analyzer analyzer;
  return analyzer;
}

Report Sample() {
  static const Analyzer analyzer;
  return analyzer.Analyze("Your BP is elevated.\nPlease f/u with your PCP in 2 wks.");
}

TEST(ToJsonTest, HoldsEveryContractField) {
  nlohmann::json json = nlohmann::json::parse(ToJson(Sample()));
  for (const char* key :
       {"flesch_reading_ease", "flesch_kincaid_grade", "smog", "gunning_fog", "coleman_liau", "ari",
        "forcast", "linsear_write", "lix", "consensus_grade", "health_grade"}) {
    EXPECT_TRUE(json["readability"][key].is_number()) << key;
  }
  for (const char* key : {"density", "distinct_terms", "jargon_words"}) {
    EXPECT_TRUE(json["jargon"][key].is_number()) << key;
  }
  for (const char* key :
       {"words", "sentences", "syllables", "polysyllabic_words", "characters", "numbers"}) {
    EXPECT_TRUE(json["counts"][key].is_number_integer()) << key;
  }
  EXPECT_EQ(json["verdict"]["target_grade"], 8.0);
  EXPECT_EQ(json["verdict"]["meets_target"], false);
  ASSERT_TRUE(json["findings"].is_array());
  ASSERT_FALSE(json["findings"].empty());
  for (const auto& finding : json["findings"]) {
    for (const char* key : {"kind", "text", "suggestion", "definition"}) {
      EXPECT_TRUE(finding[key].is_string()) << key;
    }
    for (const char* key : {"start", "end", "start_utf16", "end_utf16"}) {
      EXPECT_TRUE(finding[key].is_number_unsigned()) << key;
    }
    EXPECT_TRUE(finding["severity"].is_number());
  }
  EXPECT_EQ(json["findings"][0]["kind"], "abbreviation");
  EXPECT_EQ(json["findings"][0]["text"], "BP");
  EXPECT_EQ(json["findings"][0]["start"], 5);
  ASSERT_EQ(json["sentences"].size(), 2u);
  EXPECT_EQ(json["sentences"][1]["start"], 21);
  EXPECT_EQ(json["sentences"][1]["words"], 8);  // "f/u" is one word
  EXPECT_TRUE(json["warnings"].is_array());
  EXPECT_FALSE(json.contains("source"));
}

TEST(ToJsonTest, SourceIsFirstAndScoresHaveTwoDecimals) {
  std::string line = ToJson(Sample(), "letter.txt");
  EXPECT_EQ(line.rfind("{\"source\":\"letter.txt\",\"error\":null,\"readability\":", 0), 0u);
  EXPECT_EQ(line.find('\n'), std::string::npos);  // one object per line
  nlohmann::json json = nlohmann::json::parse(line);
  double grade = json["readability"]["flesch_kincaid_grade"];
  EXPECT_NEAR(grade * 100, std::round(grade * 100), 1e-6);
}

TEST(ToJsonTest, InvalidUtf8InFindingTextStaysValidJson) {
  static const Analyzer analyzer;
  Report report = analyzer.Analyze("Check your HbA1c\xFF now.");
  // The finding's text is the caller's bytes; JSON output replaces the bad byte.
  std::string json = ToJson(report);
  EXPECT_NO_THROW(nlohmann::json::parse(json));
  EXPECT_NE(json.find("invalid UTF-8"), std::string::npos);
}

// Each maximal invalid subpart is one U+FFFD, the Unicode Standard's
// recommended practice (its table 3-8 example first), as browsers decode it.
TEST(ToJsonTest, InvalidUtf8BecomesOneReplacementPerMaximalSubpart) {
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  const std::pair<std::string, std::string> cases[] = {
      {"\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
       "a" + r + r + r + "b" + r + "c" + r + r + "d"},
      {"\xC0\xAF", r + r},                                         // overlong
      {"\xE0\x80\x80", r + r + r},                                 // overlong
      {"\xED\xA0\x80", r + r + r},                                 // a surrogate
      {"\xF4\x90\x80\x80", r + r + r + r},                         // over U+10FFFF
      {"x\xE2\x82", "x" + r},                                      // cut short at the end
      {"\xF0\x9F\x98\x80 \xC3\xA9", "\xF0\x9F\x98\x80 \xC3\xA9"},  // valid, kept
  };
  for (const auto& [bytes, repaired] : cases) {
    const nlohmann::json json = nlohmann::json::parse(ToJson(Sample(), bytes));
    EXPECT_EQ(json["source"], repaired) << nlohmann::json(repaired).dump();
  }
}

// WriteJson hands over ToJson's bytes in pieces, each ending between two
// values, so a huge report is written as it is made.
TEST(ToJsonTest, WriteJsonGivesTheSameBytesInPieces) {
  std::string message;
  for (int i = 0; i < 400; ++i) message += "Your CBC was unremarkable. Take it PO BID prn. ";
  const Report report = TestAnalyzer().Analyze(message);
  ASSERT_EQ(report.findings.size(), 2000u);
  std::vector<std::string> pieces;
  WriteJson(report, "many.txt", [&](std::string_view piece) { pieces.emplace_back(piece); });
  std::string joined;
  for (const std::string& piece : pieces) joined += piece;
  EXPECT_EQ(joined, ToJson(report, "many.txt"));
  ASSERT_GE(pieces.size(), 3u);
  for (size_t i = 0; i + 1 < pieces.size(); ++i) {
    EXPECT_GE(pieces[i].size(), 64u * 1024);
    EXPECT_LT(pieces[i].size(), 64u * 1024 + 4096);
    EXPECT_EQ(pieces[i].back(), '}');  // a finding or a sentence ends each
  }
  // A string longer than a piece (a huge "word") is cut too.
  const std::string word(1 << 20, 'a');
  const Report long_word = TestAnalyzer().Analyze(word);
  ASSERT_FALSE(long_word.findings.empty());
  pieces.clear();
  WriteJson(long_word, "", [&](std::string_view piece) { pieces.emplace_back(piece); });
  joined.clear();
  for (const std::string& piece : pieces) {
    EXPECT_LE(piece.size(), 2u * 64 * 1024 + 8);
    joined += piece;
  }
  EXPECT_EQ(joined, ToJson(long_word));
  EXPECT_GE(pieces.size(), 16u);
  // A small report is one piece.
  pieces.clear();
  WriteJson(TestAnalyzer().Analyze("Hello."), "",
            [&](std::string_view p) { pieces.emplace_back(p); });
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0], ToJson(TestAnalyzer().Analyze("Hello.")));
}

TEST(CsvTest, HeaderAndRowHaveTheSameColumns) {
  std::string header = CsvHeader();
  std::string row = ToCsvRow(Sample(), "a, \"quoted\" name.txt");
  EXPECT_EQ(row.rfind("\"a, \"\"quoted\"\" name.txt\",", 0), 0u);
  auto columns = [](const std::string& line) {
    size_t count = 1;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      if (c == ',' && !quoted) ++count;
    }
    return count;
  };
  // source, one per report field, findings, warnings, error.
  EXPECT_EQ(columns(header), ReportFields().size() + 4);
  EXPECT_NE(header.find(",monosyllabic_words,"), std::string::npos);
  EXPECT_TRUE(header.ends_with(",findings,warnings,error"));
  EXPECT_EQ(columns(row), columns(header));
  EXPECT_NE(row.find(",false,"), std::string::npos);  // meets_target
}

TEST(ToTextTest, ShowsGradeVerdictAndEachFindingWithItsPlace) {
  const std::string input = "Your BP is elevated.\nPlease f/u with your PCP in 2 wks.";
  static const Analyzer analyzer;
  std::string text = ToText(analyzer.Analyze(input), input, "note.txt");
  EXPECT_EQ(text.rfind("note.txt: health grade ", 0), 0u);
  EXPECT_NE(text.find("NEEDS WORK"), std::string::npos);
  EXPECT_NE(text.find("  1:6     BP"), std::string::npos);
  EXPECT_NE(text.find("abbreviation -> blood pressure"), std::string::npos);
  EXPECT_NE(text.find("  2:8     f/u"), std::string::npos);
}

}  // namespace
// A cell that opens like a formula is made text for spreadsheets.
TEST(CsvTest, FormulaLikeCellsAreNeutralised) {
  const std::string row = ToCsvRow(Sample(), "=HYPERLINK(\"x\").txt");
  EXPECT_EQ(row.rfind("\"'=HYPERLINK(\"\"x\"\").txt\",", 0), 0u) << row;
  EXPECT_EQ(ToCsvRow(Sample(), "@sum.txt").rfind("'@sum.txt,", 0), 0u);
  EXPECT_EQ(ToCsvRow(Sample(), "plain.txt").rfind("plain.txt,", 0), 0u);
}

// Text with old Mac line ends (CR alone) gives each finding its own line.
TEST(ToTextTest, LoneCarriageReturnsEndLines) {
  const std::string input = "Hello.\rYour BP is high.\r\nTake it PO.";
  static const Analyzer analyzer;
  const std::string text = ToText(analyzer.Analyze(input), input, "");
  EXPECT_NE(text.find("  2:6     BP"), std::string::npos) << text;
  EXPECT_NE(text.find("  3:9     PO"), std::string::npos) << text;
}

}  // namespace plainlang

namespace plainlang {
namespace {

std::string ReadExample(const std::string& name) {
  std::ifstream in(std::string(PLAINLANG_SOURCE_DIR) + "/examples/" + name);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Messages whose passages end in every way the grade model knows: fragments
// before a sentence, after the last one, alone; lines of punctuation that
// hold findings; invalid UTF-8 and lone CRs; nothing at all.
std::vector<std::string> StreamedMessages() {
  std::vector<std::string> messages = {
      ReadExample("portal_message.txt"),
      ReadExample("discharge_letter.txt"),
      ReadExample("plain_message.txt"),
      "",
      "Thanks!\nDr. Lee",
      "Hi Sam,\nYour CBC was unremarkable. Take it PO BID.\nThanks!\nDr. Lee\n-- BP --\n",
      "--- q4h ---\nYour echo showed mild LVH with an EF of 55%.\rCall us.\r\xff\xfe ok",
  };
  std::string many;
  for (int i = 0; i < 300; ++i) many += messages[0] + "\n" + messages[4] + "\n";
  messages.push_back(many);
  // One passage of a sentence and thousands of lab lines, then another.
  std::string table = "Your results are below and most of them look fine.\n";
  for (int i = 0; i < 3000; ++i) table += "Na " + std::to_string(130 + i % 15) + " mmol/L\n";
  messages.push_back(table + "We will talk about the rest at your visit next week.");
  messages.push_back(table);
  return messages;
}

// The writers that analyse in passes give the bytes the others give for a
// whole report, without holding findings or sentences.
TEST(StreamedOutputTest, EachFormatGivesTheSameBytesAsTheWholeReport) {
  const Analyzer& analyzer = TestAnalyzer();
  for (const std::string& message : StreamedMessages()) {
    const Report whole = analyzer.Analyze(message);
    std::string json, text, csv;
    const Report streamed =
        AnalyzeToJson(analyzer, message, "m.txt", [&](std::string_view piece) { json += piece; });
    EXPECT_EQ(json, ToJson(whole, "m.txt")) << message.substr(0, 60);
    EXPECT_TRUE(streamed.findings.empty());
    EXPECT_TRUE(streamed.sentences.empty());
    EXPECT_EQ(streamed.readability.health_grade, whole.readability.health_grade);
    EXPECT_EQ(streamed.verdict.meets_target, whole.verdict.meets_target);
    AnalyzeToText(analyzer, message, "m.txt", /*explain=*/true,
                  [&](std::string_view piece) { text += piece; });
    EXPECT_EQ(text, ToText(whole, message, "m.txt", true));
    AnalyzeToCsvRow(analyzer, message, "m.txt", &csv);
    EXPECT_EQ(csv, ToCsvRow(whole, "m.txt"));
  }
}

// An input the analyzer refuses is the same error report either way.
TEST(StreamedOutputTest, AnErrorReportIsWrittenAsTheWholeReportIs) {
  AnalyzerOptions options;
  options.max_input_bytes = 10;
  const Analyzer analyzer(options);
  const std::string message = "This message is longer than ten bytes.";
  std::string json, text;
  const Report report =
      AnalyzeToJson(analyzer, message, "", [&](std::string_view piece) { json += piece; });
  EXPECT_NE(report.error.find("over the limit"), std::string::npos);
  EXPECT_EQ(json, ToJson(analyzer.Analyze(message)));
  AnalyzeToText(analyzer, message, "big.txt", false,
                [&](std::string_view piece) { text += piece; });
  EXPECT_EQ(text, "big.txt: error: " + report.error + "\n");
}

}  // namespace
}  // namespace plainlang
