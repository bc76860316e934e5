// Why a finding was made, in the words the text and HTML reports share, and
// how they print a number.
#include "report/evidence.h"

#include <gtest/gtest.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "plainlang/analyzer.h"

namespace plainlang {
namespace {

Finding MakeFinding(FindingKind kind, std::string_view source, double familiarity,
                    std::span<const std::string_view> expansions = {}) {
  Finding finding;
  finding.kind = kind;
  finding.source = source;
  finding.familiarity = familiarity;
  finding.expansions = expansions;
  return finding;
}

TEST(EvidenceTest, LongSentence) {
  EXPECT_EQ(Evidence(MakeFinding(FindingKind::kLongSentence, "", 0)),
            "more words than the limit for one sentence");
}

TEST(EvidenceTest, ListedJargonNamesItsListAndFamiliarity) {
  EXPECT_EQ(Evidence(MakeFinding(FindingKind::kJargon, "cdc_thesaurus", 0.25)),
            "medical term listed by cdc_thesaurus, familiarity 0.25");
}

TEST(EvidenceTest, AffixJargonNamesTheWordPart) {
  EXPECT_EQ(Evidence(MakeFinding(FindingKind::kJargon, "affix:itis", 0.12)),
            "not in the lexicon; rare in everyday English (familiarity 0.12) and built on the "
            "medical word part 'itis'");
}

TEST(EvidenceTest, AbbreviationCountsItsSensesWhenThereAreSeveral) {
  const std::vector<std::string_view> one = {"twice a day"};
  EXPECT_EQ(Evidence(MakeFinding(FindingKind::kAbbreviation, "abbreviations", 0.3, one)),
            "abbreviation listed by abbreviations, familiarity 0.30, not defined earlier in the "
            "text");
  const std::vector<std::string_view> three = {"multiple sclerosis", "mitral stenosis",
                                               "morphine sulfate"};
  EXPECT_EQ(Evidence(MakeFinding(FindingKind::kAbbreviation, "abbreviations", 0.05, three)),
            "abbreviation listed by abbreviations, familiarity 0.05, not defined earlier in the "
            "text; 3 senses");
}

TEST(EvidenceTest, ComplexWordSaysWhichRuleJudgedIt) {
  EXPECT_EQ(Evidence(MakeFinding(FindingKind::kComplexWord, "wordfreq", 0.4)),
            "rare in everyday English (familiarity 0.40) and 3 or more syllables");
  EXPECT_EQ(Evidence(MakeFinding(FindingKind::kComplexWord, "unknown word", 0)),
            "not in any word list (familiarity 0.00) and 3 or more syllables");
  EXPECT_EQ(Evidence(MakeFinding(FindingKind::kComplexWord, "plain_language", 0.7)),
            "general word listed by plain_language with a plainer alternative, familiarity 0.70");
}

TEST(EvidenceTest, FamiliarityIsRoundedToTwoDecimals) {
  EXPECT_EQ(Evidence(MakeFinding(FindingKind::kJargon, "list", 0.456)),
            "medical term listed by list, familiarity 0.46");
  EXPECT_EQ(Evidence(MakeFinding(FindingKind::kJargon, "list", 1)),
            "medical term listed by list, familiarity 1.00");
}

TEST(EvidenceTest, EveryFindingOfARealReportHasEvidence) {
  const Analyzer analyzer;
  const Report report = analyzer.Analyze(
      "Your echocardiogram showed LVH and mild mitral regurgitation. We will start "
      "metoprolol 25 mg b.i.d. and check your eGFR.");
  ASSERT_FALSE(report.findings.empty());
  for (const Finding& finding : report.findings) {
    const std::string evidence = Evidence(finding);
    EXPECT_FALSE(evidence.empty()) << finding.text;
    EXPECT_EQ(evidence.find('\n'), std::string::npos) << "one clause: " << evidence;
    if (finding.kind != FindingKind::kLongSentence) {
      EXPECT_NE(evidence.find("familiarity "), std::string::npos) << evidence;
    }
  }
}

TEST(FormatTest, PrintsOneDoubleWithAPrintfFormat) {
  EXPECT_EQ(Format("%.1f", 12.34), "12.3");
  EXPECT_EQ(Format("%g", 8.0), "8");
  EXPECT_EQ(Format("%.1f%%", 5.0), "5.0%");
  EXPECT_EQ(Format("grade %.2f", 7.006), "grade 7.01");
}

TEST(FormatTest, ALongResultIsCutNotOverflowed) {
  // Up to 63 characters fit the buffer; snprintf cuts the rest.
  EXPECT_EQ(Format("%.59f", 1.0), "1." + std::string(59, '0'));
  EXPECT_EQ(Format("%.70f", 1.0), "1." + std::string(61, '0'));
}

}  // namespace
}  // namespace plainlang
