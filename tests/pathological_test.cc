// Input no clinician meant to write: each case checks the result, not only
// that the analyser survives it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "plainlang/analyzer.h"

namespace plainlang {
namespace {

const Analyzer& DefaultAnalyzer() {
  static const Analyzer analyzer;
  return analyzer;
}

// Findings and sentences lie inside the input and findings ascend; the
// scores are finite and within their documented ranges.
void ExpectWellFormed(const std::string& input, const Report& report) {
  size_t previous = 0;
  for (const Finding& f : report.findings) {
    ASSERT_LE(f.start, f.end);
    ASSERT_LE(f.end, input.size());
    EXPECT_GE(f.start, previous);
    if (f.kind != FindingKind::kLongSentence) previous = f.start;
    EXPECT_EQ(input.substr(f.start, f.end - f.start), f.text);
  }
  for (const Sentence& s : report.sentences) {
    ASSERT_LE(s.start, s.end);
    ASSERT_LE(s.end, input.size());
  }
  const ReadabilityScores& r = report.readability;
  for (double grade : {r.flesch_kincaid_grade, r.smog, r.gunning_fog, r.coleman_liau, r.ari,
                       r.forcast, r.linsear_write, r.consensus_grade}) {
    EXPECT_GE(grade, 0);
    EXPECT_LE(grade, 20);
  }
  EXPECT_GE(r.health_grade, 0);
  EXPECT_TRUE(std::isfinite(r.health_grade));
  EXPECT_GE(report.jargon.density, 0);
  EXPECT_LE(report.jargon.density, 1);
}

TEST(PathologicalTest, EmptyWhitespaceAndPunctuationHaveNoWords) {
  for (const std::string& input : {std::string(), std::string(" \t\n\r\n  \v\f"),
                                   std::string("... !!! ??? --- ;;; ()[]{} ///"),
                                   std::string(10000, '-'), std::string(10000, '\n')}) {
    Report report = DefaultAnalyzer().Analyze(input);
    ExpectWellFormed(input, report);
    EXPECT_EQ(report.counts.words, 0) << input.size();
    EXPECT_EQ(report.counts.sentences, 0);
    EXPECT_TRUE(report.findings.empty());
    EXPECT_EQ(report.readability.health_grade, 0);
    ASSERT_FALSE(report.warnings.empty());
    EXPECT_EQ(report.warnings.back(), "no words to score");
  }
}

TEST(PathologicalTest, NulBytesSeparateWordsAndKeepOffsets) {
  const std::string input("Take\0your\0BP\0daily.", 20);
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectWellFormed(input, report);
  EXPECT_EQ(report.counts.words, 4);
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].text, "BP");
  EXPECT_EQ(report.findings[0].start, 10u);
}

TEST(PathologicalTest, InvalidAndOverlongUtf8IsReplacedWithOffsetsIntoTheInput) {
  // Overlong '/' (C0 AF), a lone continuation byte, a truncated 3-byte
  // sequence, a surrogate (ED A0 80) and bytes that never occur (FE FF).
  const std::string input = "Your \xC0\xAF BP \x80 is \xE2\x82 high \xED\xA0\x80 today \xFE\xFF.";
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectWellFormed(input, report);
  ASSERT_FALSE(report.warnings.empty());
  EXPECT_NE(report.warnings[0].find("invalid UTF-8"), std::string::npos);
  bool bp = false;
  for (const Finding& f : report.findings) bp |= f.text == "BP" && f.start == 8;
  EXPECT_TRUE(bp);
  EXPECT_EQ(report.counts.words, 5);  // Your BP is high today
}

TEST(PathologicalTest, AMegabyteWordIsOneComplexWordInLinearTime) {
  const std::string input = "Your " + std::string(1 << 20, 'x') + " is fine.";
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectWellFormed(input, report);
  EXPECT_EQ(report.counts.words, 4);
  EXPECT_EQ(report.counts.sentences, 1);
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].kind, FindingKind::kComplexWord);
  EXPECT_EQ(report.findings[0].end - report.findings[0].start, size_t{1} << 20);
}

TEST(PathologicalTest, AMillionNewlinesBetweenTwoSentences) {
  const std::string input = "Rest today." + std::string(1000000, '\n') + "Call us.";
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectWellFormed(input, report);
  EXPECT_EQ(report.counts.sentences, 2);
  EXPECT_EQ(report.counts.words, 4);
  ASSERT_EQ(report.sentences.size(), 2u);
  EXPECT_EQ(report.sentences[1].start, 11u + 1000000u);
}

TEST(PathologicalTest, AHundredThousandBulletLinesAreAHundredThousandSentences) {
  std::string input;
  for (int i = 0; i < 100000; ++i) input += "- take 1 tab PO daily\n";
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectWellFormed(input, report);
  EXPECT_EQ(report.counts.sentences, 100000);
  EXPECT_EQ(report.counts.words, 500000);
  size_t po = 0;
  for (const Finding& f : report.findings) po += f.text == "PO";
  EXPECT_EQ(po, 100000u);
}

TEST(PathologicalTest, EmojiZwjSequencesAndZeroWidthCharacters) {
  // Family emoji (ZWJ sequence), a skin-tone modifier, ZWSP, ZWNJ, BOM and
  // a soft hyphen inside words.
  const std::string input =
      "\xEF\xBB\xBFGreat news "
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 "
      "your BP\xE2\x80\x8B is fine \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD. Keep go\xC2\xADing "
      "and\xE2\x80\x8C rest.";
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectWellFormed(input, report);
  EXPECT_EQ(report.counts.sentences, 2);
  bool bp = false;
  for (const Finding& f : report.findings) {
    bp |= f.text == "BP";
    EXPECT_GE(f.end_utf16, f.start_utf16);
  }
  EXPECT_TRUE(bp);
  // "go\u00ADing" is one word, "going", with the soft hyphen.
  EXPECT_EQ(report.counts.words, 10);
  // The BOM is one UTF-16 unit; "BP" starts at byte 38 and unit 26 (the
  // family emoji is 5 code points, 8 UTF-16 units, 18 bytes).
  for (const Finding& f : report.findings) {
    if (f.text == "BP") {
      EXPECT_EQ(f.start, 38u);
      EXPECT_EQ(f.start_utf16, 26u);
    }
  }
}

TEST(PathologicalTest, RightToLeftTextIsCountedWithoutFindings) {
  // Arabic and Hebrew with an embedded English abbreviation and RLM marks.
  const std::string input =
      "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE2\x80\x8F"
      "BP\xE2\x80\x8F "
      "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D.";
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectWellFormed(input, report);
  EXPECT_EQ(report.counts.words, 3);
  ASSERT_EQ(report.findings.size(), 1u);
  // The direction mark after it belongs to ICU's word; the lexicon ignores it.
  EXPECT_EQ(report.findings[0].term, "BP");
  EXPECT_EQ(report.findings[0].text, "BP\xE2\x80\x8F");
  EXPECT_EQ(report.findings[0].start_utf16, 7u);
}

TEST(PathologicalTest, InputOverTheLimitGetsAnErrorReportNotAnAnalysis) {
  AnalyzerOptions options;
  options.max_input_bytes = 1000;
  Analyzer analyzer(options);
  Report fits = analyzer.Analyze(std::string(1000, 'a'));
  EXPECT_EQ(fits.counts.words, 1);
  Report over = analyzer.Analyze(std::string(1001, 'a'));
  EXPECT_EQ(over.counts.words, 0);
  EXPECT_TRUE(std::isnan(over.readability.health_grade));
  EXPECT_FALSE(over.verdict.meets_target);
  EXPECT_TRUE(over.warnings.empty());
  EXPECT_EQ(over.error, "the message is 1001 bytes, over the limit of 1000 (max_input_bytes)");
  // No option lifts the ceiling ICU's 32-bit offsets set.
  options.max_input_bytes = ~size_t{0};
  EXPECT_EQ(std::min(Analyzer(options).options().max_input_bytes, kMaxInputBytes), kMaxInputBytes);
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

// Long runs of what the newer rules look around for: credentials after a
// name, notation, letters, SOAP headings, orders after a colon. Each rule looks a bounded number of
// tokens away, so these stay linear (a quadratic rule would not finish here).
TEST(PathologicalTest, LongRunsOfCredentialsAndNotationStayLinear) {
  static const Analyzer analyzer;
  std::string credentials = "Dana Ruiz";
  for (int k = 0; k < 50000; ++k) credentials += ", MRI";
  // Lower-case words enough that the sentence is not read as shouting.
  for (int k = 0; k < 50000; ++k) credentials += " and so";
  Report report = analyzer.Analyze(credentials);
  size_t mri = 0;
  for (const Finding& f : report.findings) mri += f.text == "MRI";
  EXPECT_EQ(mri, 50000u);

  std::string notation;
  for (int k = 0; k < 20000; ++k) notation += "q6h x3 K 5 Wells score ";
  report = analyzer.Analyze(notation);
  size_t doses = 0, durations = 0;
  for (const Finding& f : report.findings) {
    doses += f.text == "q6h";
    durations += f.text == "x3";
  }
  EXPECT_EQ(doses, 20000u);
  EXPECT_EQ(durations, 20000u);

  // A SOAP heading opening every line, and many more marks inside lines:
  // the message is judged a SOAP note once, not once a line.
  std::string soap;
  for (int k = 0; k < 40000; ++k) soap += "P: S: S: S: rest\n";
  soap += "O: swelling\n";
  report = analyzer.Analyze(soap);
  size_t plans = 0;
  for (const Finding& f : report.findings) plans += f.text == "P" && f.source == "pattern:letter";
  EXPECT_EQ(plans, 40000u);

  // Orders after colons on one long line: each looks back twelve words for
  // a medicine, not to the line's start.
  std::string orders = "Nystatin 5 mL";
  for (int k = 0; k < 20000; ++k) orders += " a b c d e f g h i j k l m: STOP,";
  report = analyzer.Analyze(orders);
  size_t stops = 0;
  for (const Finding& f : report.findings) stops += f.text == "STOP";
  EXPECT_EQ(stops, 20000u);
}

}  // namespace
}  // namespace plainlang
