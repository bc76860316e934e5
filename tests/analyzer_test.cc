// The whole pipeline with the embedded default lexicon.
#include "plainlang/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <cmath>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "plainlang/output.h"

namespace plainlang {
namespace {

const Analyzer& DefaultAnalyzer() {
  static const Analyzer analyzer;
  return analyzer;
}

const Finding* FindingFor(const Report& report, const std::string& text) {
  for (const Finding& finding : report.findings) {
    if (finding.text == text) return &finding;
  }
  return nullptr;
}

// Every finding's offsets slice the input to exactly its text.
void ExpectOffsetsSlice(const std::string& input, const Report& report) {
  for (const Finding& f : report.findings) {
    ASSERT_LE(f.start, f.end);
    ASSERT_LE(f.end, input.size());
    EXPECT_EQ(input.substr(f.start, f.end - f.start), f.text);
  }
  for (const Sentence& s : report.sentences) {
    ASSERT_LE(s.start, s.end);
    ASSERT_LE(s.end, input.size());
  }
}

TEST(AnalyzerTest, PortalShorthandIsFlaggedWithExpansions) {
  const std::string input =
      "Your BP is elevated. Continue lisinopril 10 mg PO BID and f/u in 2 wks.";
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectOffsetsSlice(input, report);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"BP", "blood pressure"}, {"PO", "by mouth"}, {"BID", "twice a day"}, {"f/u", "follow-up"}};
  for (const auto& [text, suggestion] : expected) {
    const Finding* finding = FindingFor(report, text);
    ASSERT_NE(finding, nullptr) << text;
    EXPECT_EQ(finding->kind, FindingKind::kAbbreviation) << text;
    EXPECT_EQ(finding->suggestion, suggestion) << text;
    EXPECT_FALSE(finding->expansions.empty()) << text;
  }
  EXPECT_EQ(FindingFor(report, "BP")->start, 5u);
  EXPECT_EQ(FindingFor(report, "f/u")->start, 58u);
  EXPECT_EQ(FindingFor(report, "lisinopril"), nullptr);  // a medicine, not jargon
  EXPECT_EQ(report.counts.sentences, 2);
  EXPECT_EQ(report.counts.words, 15);  // "f/u" is one word
  EXPECT_GT(report.readability.consensus_grade, 0);
  EXPECT_EQ(report.jargon.distinct_terms, 5);  // and "wks", known shorthand
  EXPECT_FALSE(report.verdict.meets_target);
}

TEST(AnalyzerTest, CdcThesaurusAlternativeIsTheSuggestion) {
  Report report = DefaultAnalyzer().Analyze("The scan shows bilateral edema.");
  const Finding* bilateral = FindingFor(report, "bilateral");
  ASSERT_NE(bilateral, nullptr);
  EXPECT_EQ(bilateral->kind, FindingKind::kJargon);
  EXPECT_EQ(bilateral->suggestion, "both sides");
  EXPECT_NE(bilateral->source.find("cdc_thesaurus"), std::string::npos);
  const Finding* edema = FindingFor(report, "edema");
  ASSERT_NE(edema, nullptr);
  EXPECT_EQ(edema->suggestion, "swelling");
  EXPECT_FALSE(edema->definition.empty());
}

TEST(AnalyzerTest, DiseaseOntologyLaySynonymAndInflection) {
  Report report = DefaultAnalyzer().Analyze("You had two myocardial infarctions and biopsies.");
  const Finding* mi = FindingFor(report, "myocardial infarctions");
  ASSERT_NE(mi, nullptr);
  EXPECT_EQ(mi->term, "myocardial infarction");
  EXPECT_EQ(mi->suggestion, "heart attack");
  const Finding* biopsies = FindingFor(report, "biopsies");
  ASSERT_NE(biopsies, nullptr);
  EXPECT_EQ(biopsies->term, "biopsy");
}

TEST(AnalyzerTest, BritishSpellingsFindTheUsTerm) {
  // The lexicon lists "hematoma" and "esophagitis", not their British forms.
  Report report = DefaultAnalyzer().Analyze("There is a small haematoma and oesophagitis.");
  const Finding* haematoma = FindingFor(report, "haematoma");
  ASSERT_NE(haematoma, nullptr);
  EXPECT_EQ(haematoma->kind, FindingKind::kJargon);
  EXPECT_EQ(haematoma->term, "hematoma");
  ASSERT_NE(FindingFor(report, "oesophagitis"), nullptr);
  EXPECT_EQ(FindingFor(report, "oesophagitis")->term, "esophagitis");
}

TEST(AnalyzerTest, FamiliarWordsMedicinesAndNamesAreNotFlagged) {
  Report report = DefaultAnalyzer().Analyze(
      "Dr. Okafor says take aspirin and metformin. Your heart attack risk is low. "
      "Drink water and rest.");
  EXPECT_TRUE(report.findings.empty()) << ToJson(report);
  EXPECT_EQ(report.jargon.density, 0);
  EXPECT_TRUE(report.verdict.meets_target);
}

TEST(AnalyzerTest, AbbreviationDefinedInTheTextIsNotFlaggedAfterwards) {
  Report report = DefaultAnalyzer().Analyze(
      "The CBC is due. We ordered a complete blood count (CBC) today. The CBC was normal.");
  int flagged = 0;
  for (const Finding& f : report.findings) flagged += f.text == "CBC";
  EXPECT_EQ(flagged, 1);  // only the use before the definition
  EXPECT_EQ(report.findings.front().start, 4u);

  // An explanation in parentheses right after the abbreviation counts too.
  Report explained = DefaultAnalyzer().Analyze("Take it PRN (as needed). Use PRN only.");
  EXPECT_EQ(FindingFor(explained, "PRN"), nullptr);
}

TEST(AnalyzerTest, UnknownWordsJudgedByAffixAndFrequency) {
  Report report =
      DefaultAnalyzer().Analyze("The zorbectomy went well, though he was perspicacious.");
  const Finding* affix = FindingFor(report, "zorbectomy");
  ASSERT_NE(affix, nullptr);
  EXPECT_EQ(affix->kind, FindingKind::kJargon);
  EXPECT_EQ(affix->source, "affix:ectomy");
  const Finding* rare = FindingFor(report, "perspicacious");
  ASSERT_NE(rare, nullptr);
  EXPECT_EQ(rare->kind, FindingKind::kComplexWord);
}

// The rare-word rule (a word the pronouncing dictionary lacks) spares words
// built from everyday words: a native ending, or two words run together.
TEST(AnalyzerTest, RareWordsBuiltFromEverydayWordsAreNotJargon) {
  for (const char* sentence :
       {"Pour the soup through a strainer.", "The pills taste chalky.",
        "The gutter needs a cleanout.", "Then untwist the lid.", "You may feel sleepier."}) {
    for (const Finding& f : DefaultAnalyzer().Analyze(sentence).findings) {
      EXPECT_NE(f.kind, FindingKind::kJargon) << sentence << ": " << f.text;
    }
  }
  // A prefix is no everyday word, nor is a rare three-letter ending.
  const Report report =
      DefaultAnalyzer().Analyze("The scan was noncontrast. She takes a triptan for headaches.");
  for (const char* word : {"noncontrast", "triptan"}) {
    const Finding* rare = FindingFor(report, word);
    ASSERT_NE(rare, nullptr) << word;
    EXPECT_EQ(rare->kind, FindingKind::kJargon) << word;
    EXPECT_EQ(rare->source, "rare word") << word;
  }
}

// A British spelling is judged as its US form: an everyday word is no rare
// word ("summarised", "kilogramme"), a listed term is still found.
TEST(AnalyzerTest, BritishSpellingsOfEverydayWordsAreNotRareWords) {
  const Report report = DefaultAnalyzer().Analyze(
      "We summarised the standardised results; she lost a kilogramme. The kit was sterilised. "
      "Her oedema eased.");
  for (const Finding& f : report.findings) {
    EXPECT_TRUE(f.kind != FindingKind::kJargon || f.text == "oedema") << f.text;
  }
  const Finding* oedema = FindingFor(report, "oedema");
  ASSERT_NE(oedema, nullptr);
  EXPECT_EQ(oedema->kind, FindingKind::kJargon);
}

TEST(AnalyzerTest, UnlistedAcronymsAreAbbreviationsUnlessDefinedOrCommon) {
  // ZQTV is in no table; "USA" is a common word in capitals; XIV a numeral.
  const std::string input =
      "The ZQTV result came back. Low- and middle-income countries (LMICs) differ. "
      "Most LMICs lack data. The USA study ran in year XIV. ZQTV is pending.";
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectOffsetsSlice(input, report);
  int zqtv = 0;
  for (const Finding& f : report.findings) {
    EXPECT_NE(f.text, "LMICs");  // spelled out before its parenthesis
    EXPECT_NE(f.text, "USA");
    EXPECT_NE(f.text, "XIV");
    if (f.text == "ZQTV") {
      ++zqtv;
      EXPECT_EQ(f.kind, FindingKind::kAbbreviation);
      EXPECT_EQ(f.source, "unlisted");
      EXPECT_TRUE(f.expansions.empty());
      EXPECT_GT(f.severity, 0.5);
    }
  }
  EXPECT_EQ(zqtv, 2);
  // One or two lower-case letters may lead an acronym's capitals; a brand's
  // one capital does not make it one.
  Report led =
      DefaultAnalyzer().Analyze("Cashew sIgE was sent; hrHPV and cPRA are pending on her iPhone.");
  std::vector<std::string> unlisted;
  for (const Finding& f : led.findings) {
    if (f.source == "unlisted") unlisted.emplace_back(f.text);
  }
  EXPECT_EQ(unlisted, (std::vector<std::string>{"sIgE", "hrHPV", "cPRA"}));
  // Shouting is not a string of acronyms.
  Report shouted = DefaultAnalyzer().Analyze("PLEASE CALL THE CLINIC BEFORE FRIDAY ZQTV.");
  for (const Finding& f : shouted.findings) EXPECT_NE(f.source, "unlisted") << f.text;
}

TEST(AnalyzerTest, StatisticalNotationIsOneJargonFindingEach) {
  const std::string input =
      "Pain fell more with the drug (risk ratio 0.70, 95% CI 0.55 to 0.89; P = 0.004; "
      "I² = 12%). Take 2 tablets at 8 a.m.";
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectOffsetsSlice(input, report);
  std::vector<std::string> statistics;
  for (const Finding& f : report.findings) {
    if (f.source == "pattern:statistics") {
      EXPECT_EQ(f.kind, FindingKind::kJargon);
      EXPECT_EQ(f.term, "statistical notation");
      EXPECT_FALSE(f.suggestion.empty());
      statistics.emplace_back(f.text);
    }
  }
  EXPECT_EQ(statistics, (std::vector<std::string>{"95% CI", "P = 0.004", "I² = 12%"}));
  // A dose and a time are not statistics.
  Report dose = DefaultAnalyzer().Analyze("Take 2 tablets at 8 a.m. and 50% of the dose at night.");
  for (const Finding& f : dose.findings) EXPECT_NE(f.source, "pattern:statistics") << f.text;
}

TEST(AnalyzerTest, LongSentenceFindingSpansTheSentence) {
  const std::string input =
      "Please remember that you should take all of the tablets that we gave you every single "
      "morning with a full glass of water before you eat anything at all. Thanks.";
  Report report = DefaultAnalyzer().Analyze(input);
  ASSERT_FALSE(report.findings.empty());
  const Finding& first = report.findings.front();
  EXPECT_EQ(first.kind, FindingKind::kLongSentence);
  EXPECT_EQ(first.start, 0u);
  EXPECT_EQ(first.text.back(), '.');
  EXPECT_EQ(first.term, "29 words");
  ASSERT_EQ(report.sentences.size(), 2u);
  EXPECT_EQ(report.sentences[0].words, 29);
  EXPECT_EQ(first.end, report.sentences[0].end);
}

TEST(AnalyzerTest, OffsetsWithCurlyQuotesAccentsAndEmoji) {
  // “ (3 bytes, 1 unit) ... é (2 bytes, 1 unit) ... 😀 (4 bytes, 2 units).
  const std::string input = "\xE2\x80\x9CYour\xE2\x80\x9D caf\xC3\xA9 \xF0\x9F\x98\x80 BP is high.";
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectOffsetsSlice(input, report);
  const Finding* bp = FindingFor(report, "BP");
  ASSERT_NE(bp, nullptr);
  EXPECT_EQ(bp->start, 22u);
  EXPECT_EQ(bp->start_utf16, 15u);
  EXPECT_EQ(bp->end_utf16, 17u);
  ASSERT_EQ(report.sentences.size(), 1u);
  EXPECT_EQ(report.sentences[0].end_utf16, 26u);
}

TEST(AnalyzerTest, DecomposedAccentsLeadBackToTheCallersBytes) {
  // "Café" with e + combining acute, before a term: NFC shortens the text by
  // one byte, and the finding must still point into the original.
  const std::string input = "Cafe\xCC\x81 visit: your HbA1c is fine.";
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectOffsetsSlice(input, report);
  const Finding* a1c = FindingFor(report, "HbA1c");
  ASSERT_NE(a1c, nullptr);
  EXPECT_EQ(a1c->start, 19u);
  EXPECT_EQ(a1c->start_utf16, 18u);  // "e" + U+0301 are two UTF-16 units
}

TEST(AnalyzerTest, InvalidUtf8IsReplacedAndReported) {
  const std::string input = "Your BP\xFF is \xC3 high.";
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectOffsetsSlice(input, report);
  ASSERT_FALSE(report.warnings.empty());
  EXPECT_EQ(report.warnings.front(), "replaced 2 invalid UTF-8 sequence(s) with U+FFFD");
  ASSERT_NE(FindingFor(report, "BP"), nullptr);
  EXPECT_EQ(FindingFor(report, "BP")->start, 5u);
  EXPECT_EQ(report.counts.words, 4);
}

TEST(AnalyzerTest, DegenerateInputsGiveBoundedScoresAndWarnings) {
  for (const std::string& input :
       {std::string(), std::string("   \n\t "), std::string("?!... --- ***")}) {
    Report report = DefaultAnalyzer().Analyze(input);
    EXPECT_EQ(report.counts.words, 0) << input;
    EXPECT_EQ(report.counts.sentences, 0) << input;
    EXPECT_EQ(report.readability.flesch_reading_ease, 100) << input;
    EXPECT_EQ(report.readability.consensus_grade, 0) << input;
    EXPECT_EQ(report.warnings, std::vector<std::string>{"no words to score"}) << input;
    EXPECT_TRUE(report.findings.empty());
  }
  // One word; a list of numbers; a long run-on with no punctuation.
  Report one = DefaultAnalyzer().Analyze("Hello");
  EXPECT_EQ(one.counts.words, 1);
  EXPECT_EQ(one.counts.sentences, 1);
  Report numbers = DefaultAnalyzer().Analyze("120 80 72 98.6 140 90 5.5 7.2");
  EXPECT_EQ(numbers.counts.words, 8);
  EXPECT_LE(numbers.readability.consensus_grade, 20);
  EXPECT_GE(numbers.readability.flesch_reading_ease, 0);
  std::string run_on;
  for (int i = 0; i < 400; ++i) run_on += "consultation recommended regarding medication ";
  Report blob = DefaultAnalyzer().Analyze(run_on);
  EXPECT_EQ(blob.readability.flesch_reading_ease, 0);
  EXPECT_EQ(blob.readability.consensus_grade, 20);
  bool clamped = false;
  for (const std::string& w : blob.warnings) clamped |= w.rfind("clamped", 0) == 0;
  EXPECT_TRUE(clamped);
}

TEST(AnalyzerTest, JargonDensityIsTheUnfamiliarityWeightedShare) {
  Report report = DefaultAnalyzer().Analyze("The scan shows bilateral edema.");
  double weighted = 0;
  for (const Finding& f : report.findings) {
    if (f.kind == FindingKind::kJargon || f.kind == FindingKind::kAbbreviation) {
      weighted += 1 - f.familiarity;
    }
  }
  ASSERT_EQ(report.counts.words, 5);
  EXPECT_NEAR(report.jargon.density, weighted / 5, 1e-6);
  EXPECT_EQ(report.jargon.jargon_words, 2);
  EXPECT_EQ(report.sentences.at(0).jargon_words, 2);
}

TEST(AnalyzerTest, NumbersInsideTermsDoNotCountAsJargonWords) {
  // "type 4" is one word holding a letter and one number: density stays a share.
  Report report = DefaultAnalyzer().Analyze("3-methylglutaconic aciduria type 4");
  EXPECT_LE(report.jargon.density, 1.0);
  EXPECT_LE(report.jargon.jargon_words, 3);
}

TEST(AnalyzerTest, OptionsSetTheVerdict) {
  AnalyzerOptions lenient;
  lenient.target_grade = 20;
  lenient.max_jargon = 1;
  Analyzer analyzer(Lexicon::Default(), lenient);
  Report report =
      analyzer.Analyze("Your BP is a bit high, so we will check it again at your next visit.");
  EXPECT_LT(report.readability.health_grade, 20);
  EXPECT_GT(report.jargon.density, 0);
  EXPECT_TRUE(report.verdict.meets_target);
  EXPECT_EQ(report.verdict.target_grade, 20);
  AnalyzerOptions strict;
  strict.max_jargon = 0;
  EXPECT_FALSE(
      Analyzer(Lexicon::Default(), strict).Analyze("Your BP is a bit high.").verdict.meets_target);
}

TEST(AnalyzerTest, OneAnalyzerSharedByEightThreadsGivesSerialResults) {
  std::string message;
  for (const char* part : {"Your HbA1c is 8.1%. ", "Continue metformin PO BID. ",
                           "The echo showed bilateral edema. ", "Please f/u in 2 wks.\n"}) {
    message += part;
  }
  const std::string expected = ToJson(DefaultAnalyzer().Analyze(message));
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 20; ++k) results[t] = ToJson(DefaultAnalyzer().Analyze(message));
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& result : results) EXPECT_EQ(result, expected);
}

// Findings view their words; the storage they share keeps them valid after
// the report that made them is gone, and after the analyser too.
TEST(AnalyzerTest, FindingOutlivesItsReportAndAnalyzer) {
  std::vector<Finding> kept;
  {
    std::string message = "Your hypertension is better. Take it BID.";
    Analyzer analyzer;
    Report report = analyzer.Analyze(message);
    kept = report.findings;
    message.assign(message.size(), 'x');  // the caller's bytes change
  }
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].text, "hypertension");
  EXPECT_EQ(kept[0].term, "hypertension");
  EXPECT_EQ(kept[0].suggestion, "high blood pressure");
  EXPECT_EQ(kept[0].definition, "A blood pressure of 140/90 or higher.");
  EXPECT_EQ(kept[1].text, "BID");
  EXPECT_EQ(kept[1].suggestion, "twice a day");
  EXPECT_NE(kept[1].storage, nullptr);
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

// Findings of `kind` whose text is `text`.
size_t CountFindings(const Report& report, FindingKind kind, const std::string& text) {
  size_t n = 0;
  for (const Finding& f : report.findings) n += f.kind == kind && f.text == text;
  return n;
}

TEST(AnalyzerTest, AParenthesisDefinesAnAbbreviationOnlyWhenItSpellsItOut) {
  // A parenthesis about the medicine is no definition of the dosing code,
  // on that line or later.
  Report bid = DefaultAnalyzer().Analyze(
      "Clopidogrel 75 mg PO BID (blood thinner)\nAspirin 81 mg daily. Keep taking it BID.");
  EXPECT_EQ(CountFindings(bid, FindingKind::kAbbreviation, "BID"), 2u);
  Report qhs = DefaultAnalyzer().Analyze("Simvastatin 20 mg PO qHS (for cholesterol)");
  EXPECT_EQ(CountFindings(qhs, FindingKind::kAbbreviation, "qHS"), 1u);
  // Schwartz & Hearst both ways round: the long form accounts for the
  // letters, and after the definition the abbreviation is explained.
  Report after =
      DefaultAnalyzer().Analyze("We checked your CBC (complete blood count). The CBC was normal.");
  EXPECT_EQ(CountFindings(after, FindingKind::kAbbreviation, "CBC"), 0u);
  Report before = DefaultAnalyzer().Analyze(
      "Your estimated glomerular filtration rate (eGFR) is 52. The eGFR is lower than last year.");
  EXPECT_EQ(CountFindings(before, FindingKind::kAbbreviation, "eGFR"), 0u);
  // A gloss that says one of its expansions defines it too; our plain
  // wording in brackets explains it without defining it, and jargon stays
  // marked when explained (the annotation guideline's rules 3 and 4).
  Report gloss = DefaultAnalyzer().Analyze("Take one tablet BID (twice a day).");
  EXPECT_EQ(CountFindings(gloss, FindingKind::kAbbreviation, "BID"), 0u);
  Report plain = DefaultAnalyzer().Analyze("You will wear SCDs (leg squeeze sleeves) in bed.");
  EXPECT_EQ(CountFindings(plain, FindingKind::kAbbreviation, "SCDs"), 1u);
  // Nor does a word the plain wording shares with the expansion ("tablet").
  Report shared =
      DefaultAnalyzer().Analyze("Take ondansetron ODT (tablet that melts in the mouth).");
  EXPECT_EQ(CountFindings(shared, FindingKind::kAbbreviation, "ODT"), 1u);
  Report mouth = DefaultAnalyzer().Analyze("Take it PO (by mouth) with food.");
  EXPECT_EQ(CountFindings(mouth, FindingKind::kAbbreviation, "PO"), 0u);
  // The long form, a comma and "or" name it as a parenthesis does; not a
  // long form that does not spell it out.
  Report apposition = DefaultAnalyzer().Analyze(
      "You have bacterial vaginosis, or BV. BV is common. Start physical therapy, or PT. Plan: "
      "the ABCX trial, or TKXR. Take it daily, or BID.");
  EXPECT_EQ(CountFindings(apposition, FindingKind::kAbbreviation, "BV"), 0u);
  EXPECT_EQ(CountFindings(apposition, FindingKind::kAbbreviation, "PT"), 0u);
  EXPECT_EQ(CountFindings(apposition, FindingKind::kAbbreviation, "TKXR"), 1u);
  EXPECT_EQ(CountFindings(apposition, FindingKind::kAbbreviation, "BID"), 1u);
  // After ", or" an alternative is as likely: the words must start with
  // the letters, one a word.
  Report alternative = DefaultAnalyzer().Analyze(
      "We can treat it with medicine, or IM shots. You may need more imaging, or MRI.");
  EXPECT_EQ(CountFindings(alternative, FindingKind::kAbbreviation, "IM"), 1u);
  EXPECT_EQ(CountFindings(alternative, FindingKind::kAbbreviation, "MRI"), 1u);
  // An unlisted acronym is defined by the same rule, not by any parenthesis.
  Report unlisted = DefaultAnalyzer().Analyze(
      "The ZQTV (zinc quota test value) is fine. The XQRB (see above) is not.");
  EXPECT_EQ(CountFindings(unlisted, FindingKind::kAbbreviation, "ZQTV"), 0u);
  EXPECT_EQ(CountFindings(unlisted, FindingKind::kAbbreviation, "XQRB"), 1u);
  // A parenthesis that writes the abbreviation again restates the dose.
  Report restated = DefaultAnalyzer().Analyze("Then 2 tabs PO BID (500 mg BID) with food.");
  EXPECT_EQ(CountFindings(restated, FindingKind::kAbbreviation, "BID"), 2u);
  // Examples of a class are not its definition, though our plain wording
  // names one of them ("anti-inflammatory pain relievers (like ibuprofen)").
  Report examples = DefaultAnalyzer().Analyze("Avoid NSAIDs (ibuprofen, naproxen) for a week.");
  EXPECT_EQ(CountFindings(examples, FindingKind::kAbbreviation, "NSAIDs"), 1u);
}

TEST(AnalyzerTest, WellKnownAcronymsAreFlaggedGentlyAndWeighLittle) {
  Report report = DefaultAnalyzer().Analyze("Your MRI and CT were normal. Go to the ER if worse.");
  Report more = DefaultAnalyzer().Analyze("You got IV fluids in the ICU. Your BMI is 31.");
  for (const char* acronym : {"IV", "ICU", "BMI"}) {
    const Finding* f = FindingFor(more, acronym);
    ASSERT_NE(f, nullptr) << acronym;
    EXPECT_LE(f->severity, 0.1) << acronym;
  }
  for (const char* acronym : {"MRI", "CT", "ER"}) {
    const Finding* f = FindingFor(report, acronym);
    ASSERT_NE(f, nullptr) << acronym;
    EXPECT_EQ(f->kind, FindingKind::kAbbreviation);
    EXPECT_DOUBLE_EQ(f->severity, 0.1) << acronym;
    EXPECT_FALSE(f->suggestion.empty()) << acronym;
  }
  // Each weighs at most 0.1 of a word in the density: 0.3 of 12 words.
  EXPECT_NEAR(report.jargon.density, 0.3 / 12, 1e-3);
  // Where the message already writes our plain wording, the advice is to
  // spell the acronym out.
  Report written = DefaultAnalyzer().Analyze(
      "Your CT scan and HIV test were normal. Your CT is "
      "Monday.");
  std::vector<std::string> suggestions;
  for (const Finding& f : written.findings) {
    if (f.kind == FindingKind::kAbbreviation) suggestions.emplace_back(f.suggestion);
  }
  EXPECT_EQ(suggestions,
            (std::vector<std::string>{"computed tomography (CT)",
                                      "human immunodeficiency virus (HIV)", "CT scan"}));
  // Spelled out, it is not flagged.
  Report spelled = DefaultAnalyzer().Analyze(
      "Your magnetic resonance imaging (MRI) scan was normal. The MRI showed no tear.");
  EXPECT_EQ(CountFindings(spelled, FindingKind::kAbbreviation, "MRI"), 0u);
}

TEST(AnalyzerTest, CredentialsAfterANameAreNotJargon) {
  Report report =
      DefaultAnalyzer().Analyze("Call us with questions.\n\nDana Ruiz, NP\nOmar Haddad, MD, PhD\n");
  for (const Finding& f : report.findings) {
    EXPECT_NE(f.kind, FindingKind::kAbbreviation) << f.text;
  }
  Report note = DefaultAnalyzer().Analyze("The NP will call you.");
  EXPECT_EQ(CountFindings(note, FindingKind::kAbbreviation, "NP"), 1u);
  // A title after the list may open with capitals; they are its own.
  Report title = DefaultAnalyzer().Analyze("Thanks,\nBea Lim, RN, ECT Nurse Coordinator\n");
  EXPECT_EQ(CountFindings(title, FindingKind::kAbbreviation, "RN"), 0u);
  EXPECT_EQ(CountFindings(title, FindingKind::kAbbreviation, "ECT"), 1u);
  // A greeting's name and a list of tests is no signature.
  Report greeting = DefaultAnalyzer().Analyze("Hi Ana, MRI, EKG Thursday and labs Friday.");
  EXPECT_EQ(CountFindings(greeting, FindingKind::kAbbreviation, "MRI"), 1u);
  // A care team's licence after the name's comma, whatever follows it.
  for (const char* line :
       {"This is Dana, RN with the anesthesia team, answering your message.",
        "Nadia, RN Case Manager", "Your coordinator is Denise Moreau, RN (555-0188)."}) {
    EXPECT_EQ(CountFindings(DefaultAnalyzer().Analyze(line), FindingKind::kAbbreviation, "RN"), 0u)
        << line;
  }
  // Not after an everyday word's comma, nor before more of a sentence.
  for (const char* sentence :
       {"Next, SLP will assess your swallowing.", "Hi Ana, SLP therapy starts Monday."}) {
    EXPECT_EQ(CountFindings(DefaultAnalyzer().Analyze(sentence), FindingKind::kAbbreviation, "SLP"),
              1u)
        << sentence;
  }
}

// A field's shorthand after a place's capitalised name ends a clinic's
// name; after a medicine, a common word opening the sentence, "the", or
// before a number it is the shorthand still.
TEST(AnalyzerTest, AFieldsShorthandEndingAClinicsNameIsNotJargon) {
  Report names = DefaultAnalyzer().Analyze(
      "I sent the referral to Riverbend GI. This is Jess at Lakeview OB/GYN.\n"
      "Riverbend ENT will call you. Call Riverbend GI, 555-0100, to book.");
  for (const Finding& f : names.findings) {
    EXPECT_NE(f.kind, FindingKind::kAbbreviation) << f.text;
  }
  Report shorthand = DefaultAnalyzer().Analyze(
      "Your GI doctor called. Go to the Mercy ED now. Metformin ER 500 mg daily. "
      "Fewer bleeds (Peto OR 2.3). Your Monday PT visit moved. Plan: Weekly CBT.");
  for (const char* abbreviation : {"GI", "ED", "ER", "OR", "PT", "CBT"}) {
    EXPECT_EQ(CountFindings(shorthand, FindingKind::kAbbreviation, abbreviation), 1u)
        << abbreviation;
  }
}

TEST(AnalyzerTest, AmbiguousAbbreviationsTakeTheSenseTheMessageSupportsOrSaySo) {
  // Nothing in the message tells RA's sense: no sense is shown as if sure.
  Report bare = DefaultAnalyzer().Analyze("Your RA is better.");
  const Finding* ra = FindingFor(bare, "RA");
  ASSERT_NE(ra, nullptr);
  EXPECT_TRUE(ra->suggestion.empty());
  EXPECT_TRUE(ra->definition.starts_with("ambiguous: it may mean rheumatoid arthritis"))
      << ra->definition;
  // The message speaks of arthritis in the joints: that sense.
  Report context = DefaultAnalyzer().Analyze(
      "Your RA is better. The arthritis in your hands is calmer, and your rheumatoid factor fell.");
  ra = FindingFor(context, "RA");
  ASSERT_NE(ra, nullptr);
  EXPECT_EQ(ra->suggestion, "rheumatoid arthritis");
}

// The message's own words that spell an acronym out are its sense there,
// one the tables may lack: in a prostate cancer summary CAS is continuous
// androgen suppression, not the listed "clinical activity score".
TEST(AnalyzerTest, AnAcronymTakesTheSenseTheMessageSpellsOut) {
  Report prostate = DefaultAnalyzer().Analyze(
      "Some men with prostate cancer stay on continuous androgen suppression; others take "
      "breaks. Men on CAS had more hot flashes.");
  const Finding* cas = FindingFor(prostate, "CAS");
  ASSERT_NE(cas, nullptr);
  EXPECT_EQ(cas->suggestion, "continuous androgen suppression");
  EXPECT_EQ(cas->definition, "here: continuous androgen suppression, as the message writes it out");
  // Before the words spell it out, the listed sense; after, theirs.
  Report later = DefaultAnalyzer().Analyze(
      "Men on CAS had hot flashes. Some stay on continuous androgen suppression. On CAS, men "
      "had more.");
  std::vector<std::string_view> senses;
  for (const Finding& f : later.findings) {
    if (f.text == "CAS") senses.push_back(f.suggestion);
  }
  EXPECT_EQ(senses, (std::vector<std::string_view>{"clinical activity score",
                                                   "continuous androgen suppression"}));
  // A listed sense written out picks that sense among several.
  Report trial =
      DefaultAnalyzer().Analyze("This was a randomized controlled trial. Each RCT had 200 people.");
  const Finding* rct = FindingFor(trial, "RCT");
  ASSERT_NE(rct, nullptr);
  EXPECT_EQ(rct->suggestion, "study where people are put into groups by chance");
  // Everyday words that happen to spell it out are no sense of it.
  for (const char* text :
       {"Men on CAS had more hot flashes.", "You can also show the CAS results to your doctor."}) {
    const Report bare = DefaultAnalyzer().Analyze(text);
    cas = FindingFor(bare, "CAS");
    ASSERT_NE(cas, nullptr) << text;
    EXPECT_EQ(cas->suggestion, "clinical activity score") << text;
  }
  // A listed sense the message spells out, with "of" giving its letter,
  // is that sense, not the one our plain wording is for.
  Report apap = DefaultAnalyzer().Analyze(
      "We will start automatic positive airway pressure. Use the APAP every night.");
  ASSERT_NE(FindingFor(apap, "APAP"), nullptr);
  EXPECT_EQ(FindingFor(apap, "APAP")->suggestion, "automatic positive airway pressure");
  Report rom = DefaultAnalyzer().Analyze(
      "The test showed rupture of membranes at 36 weeks. ROM means labor may start soon.");
  ASSERT_NE(FindingFor(rom, "ROM"), nullptr);
  EXPECT_EQ(FindingFor(rom, "ROM")->suggestion, "rupture of membranes");
  // Of listed senses sharing words with it, the one sharing all.
  Report acs =
      DefaultAnalyzer().Analyze("He now has acute chest syndrome. ACS needs care in the hospital.");
  ASSERT_NE(FindingFor(acs, "ACS"), nullptr);
  EXPECT_EQ(FindingFor(acs, "ACS")->suggestion, "acute chest syndrome");
  Report runny = DefaultAnalyzer().Analyze("For pain and runny nose take it PRN.");
  const Finding* prn = FindingFor(runny, "PRN");
  ASSERT_NE(prn, nullptr);
  EXPECT_EQ(prn->suggestion.find("runny"), std::string_view::npos) << prn->suggestion;
}

TEST(AnalyzerTest, NotationIsJargonWithPlainWording) {
  const std::string input = "Take amoxicillin 500 mg q8h x 10 days, then 250 mg q12h.";
  Report report = DefaultAnalyzer().Analyze(input);
  ExpectOffsetsSlice(input, report);
  const Finding* duration = FindingFor(report, "x 10 days");
  ASSERT_NE(duration, nullptr);
  EXPECT_EQ(duration->kind, FindingKind::kJargon);
  EXPECT_EQ(duration->suggestion, "for 10 days");
  EXPECT_EQ(duration->source, "pattern:duration");
  const Finding* dose = FindingFor(report, "q12h");
  ASSERT_NE(dose, nullptr);
  EXPECT_EQ(dose->suggestion, "every 12 hours");
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

std::vector<std::string> JargonFindingTexts(const std::string& text) {
  std::vector<std::string> out;
  for (const Finding& f : DefaultAnalyzer().Analyze(text).findings) {
    if (f.kind == FindingKind::kJargon || f.kind == FindingKind::kAbbreviation) {
      out.emplace_back(f.text);
    }
  }
  return out;
}

// The suggestions, or the texts, of the findings of `text` from one rule
// (`source`, "pattern:letter"), in order.
std::vector<std::string> FromRule(const std::string& text, std::string_view source,
                                  bool suggestions = true) {
  std::vector<std::string> out;
  for (const Finding& f : DefaultAnalyzer().Analyze(text).findings) {
    if (f.source == source) out.emplace_back(suggestions ? f.suggestion : f.text);
  }
  return out;
}

std::vector<std::string> TextsFromRule(const std::string& text, std::string_view source) {
  return FromRule(text, source, /*suggestions=*/false);
}

using Words = std::vector<std::string>;

TEST(AnalyzerTest, OneCapitalLetterAsCliniciansUseIt) {
  Report age = DefaultAnalyzer().Analyze("72 yo F with knee pain.");
  const Finding* f = FindingFor(age, "F");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->suggestion, "female");
  EXPECT_EQ(f->source, "pattern:letter");
  Report side = DefaultAnalyzer().Analyze("Swelling of the R knee, R>L.");
  ASSERT_NE(FindingFor(side, "R"), nullptr);
  EXPECT_EQ(FindingFor(side, "R")->suggestion, "right");
  Report lab = DefaultAnalyzer().Analyze("TSH 9.8 H, ferritin 6 L, K 5.4.");
  // The letter a finding names outlives the analysis (it once viewed the
  // analyser's own copy of the text).
  const Finding kept = *FindingFor(lab, "H");
  lab = DefaultAnalyzer().Analyze("TSH 9.8 H, ferritin 6 L, K 5.4.");
  EXPECT_EQ(kept.term, "H");
  EXPECT_EQ(FindingFor(lab, "H")->suggestion, "high");
  EXPECT_EQ(FindingFor(lab, "L")->suggestion, "low");
  EXPECT_EQ(FindingFor(lab, "K")->suggestion, "potassium");
  // Letters that are words, units or initials.
  EXPECT_EQ(TextsFromRule("I drank 2 L of water. Vitamin K helps. Plan A is fine. John F. Kennedy. "
                          "The knee (L) hurts (see note) L-shaped. Take the blue pill (L) now. "
                          "The letter K is silent. A 2 cm cyst (L) kidney. Hold T 2 min at 45° "
                          "angle.",
                          "pattern:letter"),
            Words{});
}

// Potassium beside another lab's name or before "is" and its value, a side
// before a procedure's acronym, a temperature before its reading, a lab's
// flag in parentheses or after the reference range.
TEST(AnalyzerTest, LettersBesideLabsProceduresAndReadings) {
  Report more = DefaultAnalyzer().Analyze("Check K and Cr. Her K is 3.2. Knee: s/p R TKA.");
  ASSERT_NE(FindingFor(more, "K"), nullptr);
  ASSERT_NE(FindingFor(more, "R"), nullptr);
  EXPECT_EQ(FindingFor(more, "R")->suggestion, "right");
  EXPECT_EQ(std::ranges::count(
                FromRule("Check K and Cr. Her K is 3.2. Knee: s/p R TKA.", "pattern:letter"),
                "potassium"),
            2);
  EXPECT_EQ(std::ranges::count(
                FromRule("Call for: T >101°F or chills. Vitals: T 101.2.", "pattern:letter"),
                "temperature"),
            2);
  const std::string flags =
      "AST 142 (H), Hgb 9.1 (L). tTG-IgA 86 U/mL (ref <15) H. Urine calcium 340 mg (H).";
  EXPECT_EQ(TextsFromRule(flags, "pattern:letter"), (Words{"H", "L", "H", "H"}));
  EXPECT_EQ(FromRule(flags, "pattern:letter"), (Words{"high", "low", "high", "high"}));
}

// The headings of a SOAP note; not an answer after a question, nor a phone
// number on a signature, nor a sentence's first word mid-line.
TEST(AnalyzerTest, SoapHeadings) {
  EXPECT_EQ(FromRule("S: cough for 3 weeks.\nO: lungs clear.\nA: bronchitis.\nP: rest.",
                     "pattern:letter"),
            (Words{"what you told us", "what we found", "what we think", "plan"}));
  EXPECT_EQ(TextsFromRule("Q: Can I eat before?\nA: Yes.\nDr. Lee\nP: 555-0100\nO: 555-0101\n"
                          "We talked. A: rest is best.",
                          "pattern:letter"),
            Words{});
}

// A chemical symbol naming a lab test, though "mg" is a unit; not the unit
// itself, nor a surname, nor a tumour marker.
TEST(AnalyzerTest, ChemicalSymbolsNamingLabTests) {
  EXPECT_EQ(FromRule("Labs: Mg 1.9, Ca 9.2. Recheck (BMP, Mg) soon.", "pattern:symbol"),
            (Words{"magnesium", "calcium", "magnesium"}));
  EXPECT_EQ(TextsFromRule("Take 400 mg daily. Dr. Li will call; Mg is fine. Tylenol 500 Mg 2 "
                          "tablets. Your Ca 125 was normal. Drs. Patel, Li, and Gomez.",
                          "pattern:symbol"),
            Words{});
}

// An age and a sex in one token, before what describes the patient; not a
// catheter's size or a reading.
TEST(AnalyzerTest, AgeAndSexInOneToken) {
  EXPECT_EQ(FromRule("52M with gout.\nPt is a 19F, 2 days of cough. Place a 16F Foley. Fever to "
                     "102F with chills. Upsized from 14F, now 16F.",
                     "pattern:age_sex"),
            (Words{"52-year-old man", "19-year-old woman"}));
}

// "Hold" is the order to pause a medicine where it orders one; the
// everyday verb is plain.
TEST(AnalyzerTest, HoldIsAnOrderOnlyWhereItOrdersAMedicine) {
  using Texts = std::vector<std::string>;
  EXPECT_EQ(JargonFindingTexts("Hold metformin the morning of the test. Hold it for 3 days."),
            (Texts{"Hold", "Hold"}));
  EXPECT_EQ(JargonFindingTexts("Glipizide: hold a.m. of surgery. Hold your fish oil for 5 days."),
            (Texts{"hold", "Hold"}));
  // A sig's added instruction; a time that names the dose.
  EXPECT_EQ(JargonFindingTexts("Senna 8.6 mg at bedtime; hold for loose stools."), Texts{"hold"});
  EXPECT_EQ(JargonFindingTexts("Hold the 2 a.m. morphine dose tonight."), Texts{"Hold"});
  EXPECT_TRUE(JargonFindingTexts("Hold at 9 p.m. for the count. Hold on; we are here.").empty());
  // Prose after a ";" orders nothing; a number other than an hour is a word.
  EXPECT_TRUE(JargonFindingTexts("Your metformin refill is in; hold on to the old bottle. "
                                 "Hold 20 to 30 seconds in therapy.")
                  .empty());
  // "Hold" stays an order in a sentence with no other medical word.
  EXPECT_EQ(JargonFindingTexts("Please hold your evening dose."), Texts{"hold"});
  EXPECT_TRUE(
      JargonFindingTexts("The bands that hold the ankle together. Hold still, please. "
                         "Stretch your calf (hold 30 seconds). Exercise: hold each stretch. "
                         "Hold still for the shot. Hold the TV remote.")
          .empty());
  // Orders are not written in "holds": it describes.
  EXPECT_TRUE(JargonFindingTexts("The stitch holds it in place.").empty());
  // "It" held in a position or for a breath's moments is a thing or a
  // breath; for days, or on sick days, a medicine.
  EXPECT_TRUE(JargonFindingTexts("We use a tool to hold it open. Screws hold it straight. Take a "
                                 "deep breath and hold it for 5 seconds. Hold them in place. "
                                 "Swish it and hold it in your mouth for 1 minute. Hold it there. "
                                 "Hold it for 10 to 15 seconds. Hold it for a few seconds. Hold "
                                 "it against the skin.")
                  .empty());
  EXPECT_EQ(JargonFindingTexts("Hold it on days you are sick. Hold them for 2 days. Hold it up to "
                               "2 days before the procedure. Hold it in the morning."),
            (Texts{"Hold", "Hold", "Hold", "Hold"}));
}

// "Flush" rinses a line or a port unless a face is meant: a verb of
// feeling or looking before it, "hot flushes", or a face or sweating named
// in its sentence.
TEST(AnalyzerTest, FlushIsALinesUnlessAFaceIsMeant) {
  using Texts = std::vector<std::string>;
  EXPECT_TRUE(JargonFindingTexts("You may feel flushed. You may feel a warm flush. Your child "
                                 "looked a little flushed. Facial flushing is common with "
                                 "niacin. Call if you have sweating or flushing above your "
                                 "injury. You may have hot flushes at night. Alcohol can make "
                                 "you very sick to your stomach and flushed. Niacin can cause "
                                 "flushing. Niacin may cause some flushing.")
                  .empty());
  EXPECT_EQ(JargonFindingTexts("Flush before and after each medicine. Flush daily. You had "
                               "redness on the skin after the flush. Get a flush today."),
            (Texts{"Flush", "Flush", "flush", "flush"}));
  // A face or sweating further away, or a person made to do something,
  // says nothing of the flush.
  EXPECT_EQ(JargonFindingTexts("Call us if you have fever, chills or sweats, or if it will not "
                               "flush. Flush it every day and keep it dry when you wash your "
                               "face. We will make you an appointment to flush it."),
            (Texts{"flush", "Flush", "flush"}));
}

// A register word that names a thing or a quality keeps its clinical sense
// only as written: "a heart tracing" is no "trace", "tendering" no "tender".
// A verb of the register keeps it through its endings.
TEST(AnalyzerTest, RegisterNounsDoNotReachTheirVerbForms) {
  using Texts = std::vector<std::string>;
  EXPECT_TRUE(JargonFindingTexts("Your heart tracing was normal. We traced the call. She is "
                                 "tendering her notice.")
                  .empty());
  EXPECT_EQ(JargonFindingTexts("There was a trace of blood. The belly was tender. We are holding "
                               "your metoprolol. The attack was precipitated by a cold."),
            (Texts{"trace", "tender", "holding", "precipitated"}));
  // Forms with a clinical sense of their own are rows of their own.
  EXPECT_EQ(JargonFindingTexts("The wound is discharging fluid. We are culturing it."),
            (Texts{"discharging", "culturing"}));
}

// A release or strength modifier after a brand's name the tables lack is
// part of the product's name ("Toprol XL", "Toprol-XL"); after a listed
// medicine, generic or brand, it is shorthand for the form ("metformin
// ER", "Bactrim DS"), never its other senses ("ER" the emergency room, "DM"
// diabetes). Elsewhere it keeps those.
TEST(AnalyzerTest, ProductModifiersAfterAMedicineNameTheForm) {
  using Texts = std::vector<std::string>;
  // An everyday abbreviation stays unflagged: "Tylenol PM".
  EXPECT_TRUE(JargonFindingTexts("Keep taking Toprol XL. Use Cardizem CD.\nMeds: Toprol-XL 50 mg. "
                                 "Stop the Tylenol PM.")
                  .empty());
  const std::string listed =
      "Start metformin ER 500 mg and Bupropion XL. Take metformin-ER. Use Mucinex DM. Take "
      "Bactrim DS twice a day.";
  EXPECT_EQ(JargonFindingTexts(listed), (Texts{"ER", "XL", "ER", "DM", "DS"}));
  const Report report = DefaultAnalyzer().Analyze(listed);
  std::vector<std::string> suggestions;
  for (const Finding& f : report.findings) suggestions.emplace_back(f.suggestion);
  EXPECT_EQ(suggestions, (Texts{"long-acting", "long-acting", "long-acting",
                                "with a cough medicine", "double strength"}));
  EXPECT_EQ(FindingFor(report, "XL")->definition,
            "extended release: the medicine is let out slowly");
  // Not after a place's name, a term or anything but a medicine's.
  const Report other =
      DefaultAnalyzer().Analyze("He has DM. Go to the Bayview ER now. Echo: Dilated LA.");
  EXPECT_EQ(FindingFor(other, "DM")->suggestion, "diabetes");
  EXPECT_EQ(FindingFor(other, "ER")->suggestion, "emergency room");
  EXPECT_NE(FindingFor(other, "LA")->suggestion, "long-acting");
}

// Abbreviations of general English written with dots are no clinical
// shorthand: times of day, countries, "Washington, D.C.". The same letters
// keep their clinical sense elsewhere.
TEST(AnalyzerTest, GeneralAbbreviationsWithDotsAreNotJargon) {
  using Texts = std::vector<std::string>;
  EXPECT_TRUE(JargonFindingTexts("Come at 8 A.M. on Monday. She moved from the U.K. last year. "
                                 "Born in the U.S.A. in 1950. He lives in the U.S. now. We "
                                 "follow U.S. guidelines. Our office in Washington, D.C. will "
                                 "call.")
                  .empty());
  EXPECT_EQ(JargonFindingTexts("Your U.S. showed gallstones. Please d.c. the lisinopril. The "
                               "U.S. of your gallbladder was normal."),
            (Texts{"U.S", "d.c", "U.S"}));
  // "ID" naming a card or a number is identification; before a clinic it
  // is infectious disease.
  EXPECT_TRUE(JargonFindingTexts("Bring his pacemaker ID card and a photo ID.").empty());
  EXPECT_EQ(JargonFindingTexts("ID clinic is on 9/23."), Texts{"ID"});
}

// A name in capitals before "study" or "trial", or after "a study called",
// is a research study's; a listed abbreviation before "study" is what is
// studied, unless a code's number is glued to it.
TEST(AnalyzerTest, ResearchStudyNamesAreNotAbbreviations) {
  using Texts = std::vector<std::string>;
  EXPECT_TRUE(JargonFindingTexts("You asked about the HEARTWISE study. I am on the ORCHID trial "
                                 "team. You may join a study called NORTHSTAR-2. Bring the "
                                 "ABX-212 study diary.")
                  .empty());
  EXPECT_EQ(JargonFindingTexts("The SCS trial went well. We ordered an EEG study. Ask about "
                               "HEARTWISE. Take ABX today."),
            (Texts{"SCS", "EEG", "HEARTWISE", "ABX"}));
  // A short acronym before "study" is most often the test studied, and a
  // gene's number is no code.
  EXPECT_EQ(JargonFindingTexts("The MBS study is Monday. Your TOV trial passed. Your BRCA-2 study "
                               "came back."),
            (Texts{"MBS", "TOV", "BRCA"}));
  // After "called", a law's, a program's or a group's name too; not a
  // condition's or a test's.
  EXPECT_TRUE(JargonFindingTexts("A law called GINA protects you. Ask about a program called WIC.")
                  .empty());
  EXPECT_EQ(JargonFindingTexts("You have a condition called HLH."), (Texts{"HLH"}));
}

TEST(AnalyzerTest, RareWordsThatAreNotEnglishAreJargonButNotMedicineNames) {
  using Texts = std::vector<std::string>;
  EXPECT_EQ(JargonFindingTexts("There is paraspinal crepitus; she was postictal."),
            (Texts{"paraspinal", "crepitus", "postictal"}));
  // A medicine by its USAN stem or its dose, a name, a form of an English word.
  EXPECT_TRUE(JargonFindingTexts("Start zarvoglutide and take velbrotinib 50 mg daily.").empty());
  EXPECT_TRUE(JargonFindingTexts("Take trezimora 20 mg at night.").empty());
  // Named as a medicine, or listed beside one.
  EXPECT_TRUE(JargonFindingTexts("We will talk about a medicine called resmetirom. You may try a "
                                 "pill called clomiphene. You take macitentan, tadalafil, and "
                                 "selexipag. Take selexipag or tadalafil.")
                  .empty());
  EXPECT_EQ(JargonFindingTexts("A condition called hypomimia. Start tadalafil; paraspinal pain."),
            (Texts{"hypomimia", "paraspinal"}));
  // Beside a medicine but describing the word after it: no list item.
  EXPECT_EQ(JargonFindingTexts("We tried gabapentin and paraspinal injections. Apply the "
                               "tacrolimus, periorbital skin is thin."),
            (Texts{"paraspinal", "periorbital"}));
  EXPECT_TRUE(JargonFindingTexts("Use benzoyl peroxide wash and zorvamide hydrochloride.").empty());
  // An ester's or a salt's name the list lacks, after a medicine's, ends it;
  // another rare word after one names what is done with it.
  EXPECT_TRUE(JargonFindingTexts("Take tenofovir alafenamide or tenofovir disoproxil.").empty());
  EXPECT_EQ(JargonFindingTexts("Both lidocaine admixture and pretreatment work."),
            (Texts{"admixture", "pretreatment"}));
  // Named as a medicine once, a word stays one in the message; before it
  // is named, it is a rare word still.
  EXPECT_TRUE(JargonFindingTexts("We will try a new medicine called elagolix. Stop the pill "
                                 "when you start elagolix.")
                  .empty());
  EXPECT_EQ(JargonFindingTexts("Start elagolix soon. It is a medicine called elagolix."),
            (Texts{"elagolix"}));
  // A dose nearby marks a medicine in its sentence only.
  EXPECT_EQ(JargonFindingTexts("The paraspinal shot used 10 mg. The paraspinal pain may last."),
            (Texts{"paraspinal"}));
  // A salt after a medicine's name is part of the name; after no medicine,
  // a listed salt is a term.
  EXPECT_TRUE(JargonFindingTexts("Start norethindrone acetate 5 mg daily.").empty());
  EXPECT_EQ(JargonFindingTexts("The lab measured your acetate."),
            std::vector<std::string>{"acetate"});
  EXPECT_EQ(JargonFindingTexts("The ABG bicarbonate was low."),
            (std::vector<std::string>{"ABG", "bicarbonate"}));
  // An adjective describes the salt word after it, names no medicine.
  EXPECT_EQ(JargonFindingTexts("Your hypophosphatemic phosphate level is low."),
            (Texts{"hypophosphatemic", "phosphate"}));
  EXPECT_TRUE(JargonFindingTexts("Anjali said she faints when she stands.").empty());
  // Capitalised, even first in its sentence, a rare word is a name or a
  // brand, whatever its ending.
  EXPECT_TRUE(JargonFindingTexts("Synthroid is fine. Vishal called. Bystolic helps.").empty());
  // The adverb of a jargon term.
  EXPECT_EQ(JargonFindingTexts("Swelling bilaterally."), Texts{"bilaterally"});
  // A word of a listed several-word name ("insulin lispro", "mometasone
  // furoate"), and a substance DrugCentral files as a class ("Bismuth"),
  // name medicines; a plural class is still a class.
  EXPECT_TRUE(JargonFindingTexts("Use lispro before meals and mometasone on the rash.").empty());
  EXPECT_TRUE(JargonFindingTexts("Bismuth can turn your stool dark.").empty());
  // A substance the body makes is a lab value's name, and stays a term.
  EXPECT_EQ(JargonFindingTexts("Your urea level was high."), Texts{"urea"});
  EXPECT_EQ(JargonFindingTexts("Macrolides can upset the stomach."), Texts{"Macrolides"});
}

TEST(AnalyzerTest, AWordWrittenAsAProductIsPrescribedNamesAMedicine) {
  using Texts = std::vector<std::string>;
  // A form right after it, a strength right after it, or a list entry
  // that measures it out: a medicine's name the tables lack.
  EXPECT_TRUE(JargonFindingTexts("Urea 10% cream twice a day. Collagenase ointment (Santyl): "
                                 "once a day.")
                  .empty());
  EXPECT_TRUE(JargonFindingTexts("Cholestyramine: mix one 4-gram packet with water.").empty());
  EXPECT_TRUE(JargonFindingTexts("Take urea 15 g daily.").empty());
  // A kind of product, a rate, a lab value, a heading over a named
  // medicine: the word keeps its finding.
  EXPECT_EQ(JargonFindingTexts("Apply an emollient cream."), Texts{"emollient"});
  EXPECT_EQ(JargonFindingTexts("Sensitivity 85% in the trial."), Texts{"Sensitivity"});
  EXPECT_EQ(JargonFindingTexts("Urea 18 mg/dL today."), Texts{"Urea"});
  EXPECT_EQ(JargonFindingTexts("Premedication: methylprednisolone 100 mg by mouth."),
            Texts{"Premedication"});
  // Only a substance is prescribed: a condition, a part of the body, a
  // hormone or a protein labs measure stays a finding; "drops" is a verb
  // too; a mass per time is a lab value.
  EXPECT_EQ(JargonFindingTexts("Dyspepsia: take 1 tablet before meals."), Texts{"Dyspepsia"});
  EXPECT_EQ(JargonFindingTexts("Fissure: use the ointment after each bowel movement."),
            Texts{"Fissure"});
  EXPECT_EQ(JargonFindingTexts("Rhinorrhea: use 2 drops in each nostril."), Texts{"Rhinorrhea"});
  EXPECT_EQ(JargonFindingTexts("If your hemoglobin drops below 7, we will give blood."),
            Texts{"hemoglobin"});
  EXPECT_EQ(JargonFindingTexts("Urine cortisol: 80 mcg in 24 hours."), Texts{"cortisol"});
}

TEST(AnalyzerTest, ACombinationOfMedicinesByItsLettersIsAMedicinesName) {
  using Texts = std::vector<std::string>;
  // The sources' abbreviations that list medicines, as the lexicon build
  // moves them to the medicines.
  EXPECT_TRUE(
      JargonFindingTexts("After 4 rounds of R-CHOP chemo, you will get FOLFOX or ABVD.").empty());
  // An English word stays an abbreviation.
  EXPECT_EQ(JargonFindingTexts("Start CHOP on Monday."), Texts{"CHOP"});
}

TEST(AnalyzerTest, AVitaminByItsLetterIsItsName) {
  // B12 as B6 or D3: the name on a supplement's label.
  EXPECT_TRUE(JargonFindingTexts("Your B12 is low, so take B12 and D3 daily.").empty());
}

TEST(AnalyzerTest, AGradeOrAStageTheMessageExplainsIsNoFinding) {
  using Texts = std::vector<std::string>;
  // The scale after it, the label read out after it, the scale before it.
  EXPECT_TRUE(JargonFindingTexts("The cancer was grade 2 out of 3.").empty());
  EXPECT_TRUE(
      JargonFindingTexts("The cancer is stage 2A. The stage tells how far a cancer has spread.")
          .empty());
  EXPECT_TRUE(JargonFindingTexts("Grade 2 is the second-mildest of 4 grades.").empty());
  EXPECT_TRUE(
      JargonFindingTexts("The grade is from 1 to 3. Yours is in the middle, grade 2.").empty());
  // Unexplained, or explained after a blank line, it stays a finding; a
  // grade with no label word is explained only by its scale after it.
  EXPECT_EQ(JargonFindingTexts("Stage IIIA disease. Start chemo."), Texts{"Stage IIIA"});
  EXPECT_EQ(JargonFindingTexts("It is stage 2A.\n\nThe stage tells how far it spread."),
            Texts{"stage 2A"});
  EXPECT_EQ(JargonFindingTexts("Left kidney, Bosniak I. On that scale, class I means a bubble."),
            (Texts{"Bosniak I"}));
  // Numbers of something else, a scale of another kind, the label in
  // another sense, a blank line with a carriage return: no explanation.
  EXPECT_EQ(JargonFindingTexts("Your weight went from 48 to 41. It is stage 3b kidney disease."),
            Texts{"stage 3b"});
  EXPECT_EQ(JargonFindingTexts("Use the same scale each morning. You have class III failure."),
            Texts{"class III"});
  EXPECT_EQ(JargonFindingTexts("It is stage 3. At this stage I cannot tell how fast it moves."),
            Texts{"stage 3"});
  EXPECT_EQ(JargonFindingTexts("The grade is from 1 to 3.\r\n \r\nYours is grade 2."),
            Texts{"grade 2"});
}

TEST(AnalyzerTest, TheIssuesNotationThroughTheWholeEngine) {
  using Texts = std::vector<std::string>;
  // Each pattern needs a window opened on its text (notation_windows.cc).
  EXPECT_EQ(JargonFindingTexts("Give 15 mg/kg/day, about 40 mL per 24 h. She is 36+5 weeks "
                               "with a grade 2/6 murmur, stage IIIA, PHQ-9 of 14. Take it qHS "
                               "x 7 days. Avoid tetracycline-class antibiotics."),
            (Texts{"mg/kg/day", "per 24 h", "36+5 weeks", "grade 2/6 murmur", "stage IIIA",
                   "PHQ-9 of 14", "qHS", "x 7 days", "tetracycline-class antibiotics"}));
}

TEST(AnalyzerTest, NamedInstrumentsAreNeverDepartments) {
  using Texts = std::vector<std::string>;
  // Capitalised inside a sentence, a term of category named is the
  // instrument, however everyday its words; a department stays a name.
  EXPECT_EQ(JargonFindingTexts("Your Trail Making Test was slow and the Romberg was normal."),
            (Texts{"Trail Making Test", "Romberg"}));
  EXPECT_EQ(JargonFindingTexts("Her Mallampati was 2."), Texts{"Mallampati"});
  EXPECT_TRUE(JargonFindingTexts("Please see Dermatology next week.").empty());
  // One word alone is a surname too: people, and a place.
  EXPECT_TRUE(JargonFindingTexts("I spoke with Tanner. Please call Nurse Fontan. Dr. Phalen "
                                 "will call. We moved to Epworth.")
                  .empty());
}

TEST(AnalyzerTest, CodesOfCapitalsAndDigitsAreUnlistedAbbreviations) {
  // A gene or a day code ends in a digit, which makes it a number to ICU.
  EXPECT_EQ(JargonFindingTexts("Your CYP2D6 result is back. Home on PPD1 and ZQV3X."),
            (std::vector<std::string>{"CYP2D6", "PPD1", "ZQV3X"}));
  Report report = DefaultAnalyzer().Analyze("Your CYP2D6 result is back.");
  ASSERT_NE(FindingFor(report, "CYP2D6"), nullptr);
  EXPECT_EQ(FindingFor(report, "CYP2D6")->source, "unlisted");
  // Fewer than three letters, or not capitalised: a formula, a vitamin, a
  // reading, an ordinal or a unit.
  EXPECT_TRUE(
      JargonFindingTexts("Set it to 5 cm H2O with the N95 on. Room 4B, 3rd floor.").empty());
  EXPECT_TRUE(JargonFindingTexts("Take CoQ10 daily.").empty());  // two capitals
  EXPECT_TRUE(JargonFindingTexts("We met on Dec3 at 10am about the 2x2 gauze.").empty());
}

TEST(AnalyzerTest, NamesOfClinicsAndDepartmentsAreNotJargon) {
  EXPECT_TRUE(JargonFindingTexts("Please see Nephrology next week.").empty());
  EXPECT_TRUE(JargonFindingTexts("Call us with questions.\n\nLee Park, PA-C\nWestside "
                                 "Interventional Radiology\n")
                  .empty());
  EXPECT_TRUE(JargonFindingTexts("Luis Herrera, RN, Heart Failure Clinic").empty());
  // A term opening an organisation's name is part of the name.
  EXPECT_TRUE(JargonFindingTexts("Check in at the Colorectal Surgery Clinic, Room 4. The plan "
                                 "is from the Acute Pain Service. The Lipid Office will call. "
                                 "Bring it to the Hepatology Lab.")
                  .empty());
  // So is a one-word term before a name the tables lack, anywhere: the
  // MESA heart study is not meant. An eponym's instrument stays one.
  EXPECT_TRUE(JargonFindingTexts("Mesa Verde Medical Center - Going Home Instructions\n"
                                 "Call the Mesa Verde Clinic with questions.")
                  .empty());
  EXPECT_EQ(JargonFindingTexts("Your Wells Score Clinic visit is Monday."),
            std::vector<std::string>{"Wells Score"});
  // A long adjective capitalised after a place's name is the field's part
  // of the name, not an eponym; a short rare name still is one.
  EXPECT_TRUE(JargonFindingTexts("Thanks,\nBayview Colorectal nurse team").empty());
  EXPECT_EQ(JargonFindingTexts("See Dr. Kim for a Mohs."), std::vector<std::string>{"Mohs"});
  EXPECT_EQ(JargonFindingTexts("The pain is colorectal."), std::vector<std::string>{"colorectal"});
  // A term and its value is a lab result, no heading; a place and its
  // number is an address.
  EXPECT_EQ(JargonFindingTexts("Liver tests normal. Platelets 210.\nPlatelets: 190\n"),
            (std::vector<std::string>{"Platelets", "Platelets"}));
  EXPECT_TRUE(JargonFindingTexts("Dr Ana Ruiz\nInterventional Radiology, Suite 300").empty());
  // A code and its value is a result's line, not a heading ("Ki-67 15%").
  EXPECT_EQ(JargonFindingTexts("Ki-67 15%."), (std::vector<std::string>{"Ki-67"}));
  EXPECT_TRUE(JargonFindingTexts("Dr Ana Ruiz\nInterventional Radiology, Room 300").empty());
  // A line all in capitals is a report's heading, whose terms count.
  EXPECT_EQ(JargonFindingTexts("Results:\nMRI KNEE WITHOUT CONTRAST\nNo tear."),
            (std::vector<std::string>{"MRI", "WITHOUT CONTRAST"}));
  EXPECT_EQ(JargonFindingTexts("Results:\nMRI L SPINE WITHOUT CONTRAST\nNo tear."),
            (std::vector<std::string>{"MRI", "WITHOUT CONTRAST"}));
  // After a colon it is a heading's first word, and jargon.
  EXPECT_EQ(JargonFindingTexts("Impression: Nephrology consult."),
            (std::vector<std::string>{"Impression", "Nephrology", "consult"}));
  // A capitalised phrase a register word opens is a heading's, even after
  // another word; a lone register word there may name a clinic.
  EXPECT_EQ(JargonFindingTexts("Hospital Discharge Summary for Ana Ruiz, Lakeview Hospital"),
            std::vector<std::string>{"Discharge Summary"});
  EXPECT_TRUE(JargonFindingTexts("You were seen at the Positive Living Clinic.").empty());
  // A heading's register word, and a phrase it opens, still count.
  EXPECT_EQ(JargonFindingTexts("Hi Ana.\nDISCHARGE INSTRUCTIONS\nRest today."),
            std::vector<std::string>{"DISCHARGE INSTRUCTIONS"});
  // Cells of a table, three spaces apart or more, are no heading and no
  // department's name.
  EXPECT_EQ(JargonFindingTexts("Hi Ana, your results:\nRPR      Reactive      Nonreactive\n"
                               "Syphilis test (RPR)     Blood     Nonreactive"),
            (std::vector<std::string>{"RPR", "Reactive", "Nonreactive", "RPR", "Nonreactive"}));
  // Right under a signer's credential the line names their unit, register
  // word or not; after a blank line it is a heading again.
  EXPECT_TRUE(JargonFindingTexts("See you soon.\nMei Tanaka, RN\nPre-Admission Testing").empty());
  EXPECT_EQ(JargonFindingTexts("Mei Tanaka, RN\n\nDischarge Instructions\nRest today."),
            std::vector<std::string>{"Discharge Instructions"});
  // At the top of a message the name is its author's, over a heading.
  EXPECT_EQ(JargonFindingTexts("Ana Ruiz, MD\nDischarge Summary\nYou were admitted."),
            std::vector<std::string>{"Discharge Summary"});
  // An eponymous term is capitalised by nature: no department's name.
  EXPECT_EQ(JargonFindingTexts("We suggest Mohs surgery for the spot."),
            std::vector<std::string>{"Mohs surgery"});
  // A term a notation pattern finds too is no department's name, though
  // capitalised after a word.
  EXPECT_EQ(JargonFindingTexts("We booked a Level II ultrasound at 20 weeks."),
            std::vector<std::string>{"Level II ultrasound"});
  // Rare names joined by hyphens are an eponym; a person's, a heading's or
  // a department's are not.
  EXPECT_EQ(JargonFindingTexts("Values above the Carpenter-Coustan cutoffs need a call."),
            std::vector<std::string>{"Carpenter-Coustan"});
  EXPECT_TRUE(JargonFindingTexts("Amara Osei-Bonsu called. Dr. Osei-Bonsu agreed. See "
                                 "Hematology-Oncology. We live in Winston-Salem.")
                  .empty());
  // A name holds no digit: "the Rule of 15" is an instrument.
  EXPECT_EQ(JargonFindingTexts("For a low sugar, use the Rule of 15."),
            std::vector<std::string>{"Rule of 15"});
  // So is one rare name alone ("Mohs", "Doppler"); a field's name, or a
  // first name, is not.
  EXPECT_EQ(JargonFindingTexts("Our Mohs coordinator will call. Your Doppler was fine."),
            (std::vector<std::string>{"Mohs", "Doppler"}));
  EXPECT_TRUE(JargonFindingTexts("See Radiology, then Pediatrics. Hi Iris, thanks.").empty());
  EXPECT_TRUE(JargonFindingTexts("Move to Telemetry tonight, then ask for Lactation.").empty());
  // So is a plural's possessive, whose apostrophe the segmenter leaves
  // apart, straight or curly.
  EXPECT_EQ(JargonFindingTexts("You have Graves' disease."),
            std::vector<std::string>{"Graves' disease"});
  EXPECT_EQ(JargonFindingTexts("You have Graves’ disease."),
            std::vector<std::string>{"Graves’ disease"});
  EXPECT_TRUE(JargonFindingTexts("You will see Interventional Radiology on Monday.").empty());
  // A label and its value in capitals is a report's line, not a name.
  EXPECT_EQ(JargonFindingTexts("Gallbladder Scan: Cholelithiasis."),
            std::vector<std::string>{"Cholelithiasis"});
  EXPECT_EQ(JargonFindingTexts("PATHOLOGY: Core Needle Biopsy"),
            (std::vector<std::string>{"PATHOLOGY", "Core Needle Biopsy"}));
}

// A familiar term holding an acronym ("CT scan") still shows the acronym,
// and so does a report heading in capitals.
TEST(AnalyzerTest, AcronymsInsideFamiliarTermsAndShoutedHeadings) {
  Report scan = DefaultAnalyzer().Analyze("You are due for a CT scan in May.");
  const Finding* ct = FindingFor(scan, "CT");
  ASSERT_NE(ct, nullptr);
  EXPECT_EQ(ct->kind, FindingKind::kAbbreviation);
  EXPECT_DOUBLE_EQ(ct->severity, 0.1);  // a known acronym: gently
  Report heading = DefaultAnalyzer().Analyze("Results below.\nMRI RIGHT SHOULDER WITHOUT DYE\n");
  ASSERT_NE(FindingFor(heading, "MRI"), nullptr);
  EXPECT_EQ(FindingFor(heading, "WITHOUT"), nullptr);
}

// A sources' abbreviation that spells an everyday word in capitals is that
// word, stressed, unless the sentence is clinical.
TEST(AnalyzerTest, StressedEverydayWordsAreNotAbbreviationsOutsideClinicalSentences) {
  EXPECT_TRUE(JargonFindingTexts("Remember the words BE FAST and say them often.").empty());
  EXPECT_EQ(JargonFindingTexts("Neck: FROM, no crepitus, C-spine nontender."),
            (std::vector<std::string>{"FROM", "crepitus", "C-spine", "nontender"}));
}

// A verb in capitals that opens an instruction is the verb stressed, even in
// a clinical sentence; elsewhere, or not a verb, it may be the abbreviation.
TEST(AnalyzerTest, StressedVerbsOpeningInstructionsAreNotAbbreviations) {
  EXPECT_TRUE(JargonFindingTexts("STOP lisinopril 10 mg today.\n- STOP oxybutynin.\n"
                                 "5. STOP warfarin 5 days before.\nDO take 5 mg with water.")
                  .empty());
  // A label's colon or a bracket's number is no list item.
  EXPECT_EQ(JargonFindingTexts("Procedure: STOP at 9 weeks.\n(3.5) STOP warfarin 2 mg."),
            (std::vector<std::string>{"STOP", "STOP"}));
  // ALL is no verb: in an oncology sentence it is leukemia.
  EXPECT_EQ(JargonFindingTexts("Your ALL is in remission after 2 cycles."),
            std::vector<std::string>{"ALL"});
  // Inside a clinical sentence, it is no instruction.
  EXPECT_EQ(JargonFindingTexts("We discussed STOP at 9 weeks."), std::vector<std::string>{"STOP"});
  // A list's heading with its colon, a stressed "no", and an order that
  // closes its line after "then" or a colon.
  EXPECT_EQ(JargonFindingTexts("STOP: labetalol 200 mg daily\n- NO NSAIDs x 3 months\n"
                               "Prednisone 5 mg daily, then STOP\nNystatin 5 mL: STOP, finished"),
            (std::vector<std::string>{"NSAIDs", "x 3 months"}));
  // A closing order after a colon needs a medicine before it on its line;
  // a heading's colon needs a word after it.
  EXPECT_EQ(JargonFindingTexts("Gas: NO, 20 ppm.\nSTOP: 9 weeks."),
            (std::vector<std::string>{"NO", "STOP"}));
}

// A capitalised word after a title, or after a title and a first name, is
// a person's name, even where a table lists it as an acronym.
TEST(AnalyzerTest, NamesAfterATitleAreNotAbbreviations) {
  EXPECT_TRUE(
      JargonFindingTexts("Dr. Hannah Ibe will see you on 3/4. Dr. Ibe can discuss.").empty());
  // In capitals it is an acronym, and a full stop ends the name.
  EXPECT_EQ(JargonFindingTexts("Dr. Lee ordered an ABG."), std::vector<std::string>{"ABG"});
  EXPECT_EQ(JargonFindingTexts("Seen by Dr. Smith. Hep B vaccine due."),
            std::vector<std::string>{"Hep"});
  // Before a value it is the lab's shorthand.
  EXPECT_EQ(JargonFindingTexts("Per Dr. Lee Hgb 9.1."), std::vector<std::string>{"Hgb"});
}

// Our shorthand that spells an everyday word ("cap", "tabs") is shorthand
// after a count; elsewhere it is the word, unless the sentence is clinical.
TEST(AnalyzerTest, ShorthandSpeltAsAWordNeedsACount) {
  EXPECT_TRUE(JargonFindingTexts("A crown is a cap that covers the whole tooth.").empty());
  EXPECT_EQ(JargonFindingTexts("Take 1 cap daily with food."), std::vector<std::string>{"cap"});
  EXPECT_EQ(JargonFindingTexts("Take one cap at bedtime."), std::vector<std::string>{"cap"});
}

// Shorthand written in another case than listed ("fx" for "Fx", "Wt" for
// "wt") is the abbreviation in a clinical sentence, and an everyday word
// elsewhere; a term readers know from the sources' catch-all ("will") does
// not make a sentence clinical.
TEST(AnalyzerTest, ShorthandInAnotherCaseNeedsAClinicalSentence) {
  EXPECT_EQ(JargonFindingTexts("Hx of hip fx last year, on tx since."),
            (std::vector<std::string>{"Hx", "fx", "tx"}));
  Report weight = DefaultAnalyzer().Analyze("Wt 22 kg today.");
  const Finding* wt = FindingFor(weight, "Wt");
  ASSERT_NE(wt, nullptr);
  EXPECT_EQ(wt->suggestion, "weight");
  EXPECT_TRUE(JargonFindingTexts("I will fx it soon.").empty());
  EXPECT_TRUE(JargonFindingTexts("Wt loss is great, keep going.").empty());
}

// Everyday words in their clinical sense (the third pass of register.tsv):
// one readers misread anywhere is flagged anywhere, one with a common
// everyday sense only in a clinical sentence.
TEST(AnalyzerTest, EverydayWordsInTheirClinicalSenseAreRegister) {
  EXPECT_EQ(JargonFindingTexts("Your echo showed a trough in the readings."),
            (std::vector<std::string>{"echo", "trough"}));
  EXPECT_EQ(JargonFindingTexts("This is an elective hernia repair."),
            std::vector<std::string>{"elective"});
  EXPECT_TRUE(JargonFindingTexts("She took an elective class in art.").empty());
}

// Clipped words of charting (cont, pred, eos, div) are shorthand; the
// clinical-sense diet orders ("clear liquids") are register.
TEST(AnalyzerTest, ClippedWordsAndDietOrdersAreFlagged) {
  EXPECT_EQ(JargonFindingTexts("Cont pred 40 mg daily; eos 6% on the diff."),
            (std::vector<std::string>{"Cont", "pred", "eos", "diff"}));
  // The second pass: lab and chart shorthand, clipped procedures and forms.
  EXPECT_EQ(
      JargonFindingTexts("HCV Ab neg, free T4 nl, retic 2%. Lap chole on 3/2, then amox susp."),
      (std::vector<std::string>{"HCV", "Ab", "neg", "free T4", "nl", "retic", "Lap chole", "amox",
                                "susp"}));
  Report clear = DefaultAnalyzer().Analyze("Have clear liquids only the day before.");
  const Finding* liquids = FindingFor(clear, "clear liquids");
  ASSERT_NE(liquids, nullptr);
  EXPECT_EQ(liquids->suggestion, "only clear drinks");
  EXPECT_TRUE(JargonFindingTexts("Keep the old scarf; the colors differ.").empty());
}

// An abbreviation of several words ("alk phos", "pulse ox") is one finding,
// and still as many words as it has; its words stand one space apart.
TEST(AnalyzerTest, AbbreviationsOfSeveralWords) {
  EXPECT_EQ(JargonFindingTexts("Her alk phos was 130 and pulse ox 95%."),
            (std::vector<std::string>{"alk phos", "pulse ox"}));
  EXPECT_EQ(DefaultAnalyzer().Analyze("Her alk phos was 130.").counts.words,
            DefaultAnalyzer().Analyze("Her bone test was 130.").counts.words);
  EXPECT_EQ(JargonFindingTexts("Her alk\nphos was 130."),
            (std::vector<std::string>{"alk", "phos"}));
}

// A possessive name leads an eponymous condition wherever it stands;
// possessives of everyday words lead the names of clinics.
TEST(AnalyzerTest, PossessiveEponymsAreConditionsNotClinicNames) {
  EXPECT_EQ(JargonFindingTexts("You have Barrett's esophagus."),
            std::vector<std::string>{"Barrett's esophagus"});
  EXPECT_EQ(JargonFindingTexts("Tests point to Hashimoto's thyroiditis."),
            std::vector<std::string>{"Hashimoto's thyroiditis"});
  EXPECT_TRUE(JargonFindingTexts("Please call the Women's Health Clinic.").empty());
}

// A named rule or measure may have words of its own between its name and
// its head, wherever the sentence puts it; things done or used do not take
// their names that way ("Diabetic eye exam" is an everyday phrase).
TEST(AnalyzerTest, NamedRulesWithWordsBeforeTheirHead) {
  for (const char* text :
       {"We used the Ottawa ankle rules.", "Per the Ottawa ankle rules, fine."}) {
    EXPECT_EQ(JargonFindingTexts(text), std::vector<std::string>{"Ottawa ankle rules"}) << text;
  }
  EXPECT_TRUE(JargonFindingTexts("Diabetic eye exam is due in May.").empty());
  EXPECT_TRUE(JargonFindingTexts("Updated med list attached.").empty());
}

TEST(AnalyzerTest, KnownShorthandIsFlaggedGently) {
  Report report = DefaultAnalyzer().Analyze("Take 1 tab by mouth. Your MRI is next wk.");
  for (const char* text : {"tab", "MRI", "wk"}) {
    const Finding* f = FindingFor(report, text);
    ASSERT_NE(f, nullptr) << text;
    EXPECT_DOUBLE_EQ(f->severity, 0.1) << text;
  }
  // Units of measure are not shorthand to write out, international units
  // written in capitals included.
  for (const Finding& f :
       DefaultAnalyzer().Analyze("Take 5 mg in 10 mL, 2 kg, and 1,000 IU of vitamin D.").findings) {
    EXPECT_NE(f.kind, FindingKind::kAbbreviation) << f.text;
  }
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

// A sink gets, in order, the findings and sentences the report would hold,
// grades included; copies it keeps stay valid after the analysis, though
// the analysis made new storage for later findings' words.
TEST(AnalyzerSinkTest, GetsWhatTheReportHoldsAndKeepsNothing) {
  const Analyzer analyzer;
  std::string message;
  for (int i = 0; i < 50; ++i) {
    message +=
        "Hi Ana,\nYour A1c was 7.9%. Take metformin 500 mg PO BID with meals. The "
        "radiologist, who reviewed every one of the images that were taken during "
        "the visit at the clinic last week with great care and attention, saw a "
        "2 cm hypoechoic lesion.\nThanks!\nDr. Roe\n";
  }
  const Report whole = analyzer.Analyze(message);
  std::vector<Finding> findings;
  std::vector<Sentence> sentences;
  const Report streamed = analyzer.Analyze(
      message, ReportSink{.finding = [&](const Finding& f) { findings.push_back(f); },
                          .sentence = [&](const Sentence& s) { sentences.push_back(s); }});
  EXPECT_TRUE(streamed.findings.empty());
  EXPECT_TRUE(streamed.sentences.empty());
  ASSERT_EQ(findings.size(), whole.findings.size());
  ASSERT_EQ(sentences.size(), whole.sentences.size());
  ASSERT_GT(findings.size(), 300u);
  bool long_sentence = false;
  for (size_t k = 0; k < findings.size(); ++k) {
    const Finding &a = findings[k], &b = whole.findings[k];
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(std::tuple(a.start, a.end, a.start_utf16, a.end_utf16),
              std::tuple(b.start, b.end, b.start_utf16, b.end_utf16));
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.term, b.term);  // a long sentence's "34 words" was made for it
    EXPECT_EQ(a.suggestion, b.suggestion);
    EXPECT_EQ(a.definition, b.definition);
    EXPECT_EQ(a.source, b.source);
    EXPECT_EQ(a.severity, b.severity);
    long_sentence |= a.kind == FindingKind::kLongSentence;
  }
  EXPECT_TRUE(long_sentence);
  int fragments = 0;
  for (size_t k = 0; k < sentences.size(); ++k) {
    EXPECT_EQ(sentences[k].start, whole.sentences[k].start);
    EXPECT_EQ(sentences[k].words, whole.sentences[k].words);
    EXPECT_EQ(std::isnan(sentences[k].grade), std::isnan(whole.sentences[k].grade));
    if (!std::isnan(whole.sentences[k].grade)) {
      EXPECT_EQ(sentences[k].grade, whole.sentences[k].grade);
    }
    fragments += std::isnan(sentences[k].grade);
  }
  EXPECT_EQ(fragments, 150);  // "Hi Ana,", "Thanks!" and "Dr. Roe" in each letter
  EXPECT_EQ(streamed.readability.health_grade, whole.readability.health_grade);
  EXPECT_EQ(streamed.jargon.density, whole.jargon.density);
  EXPECT_EQ(streamed.communication.score, whole.communication.score);
}

}  // namespace
}  // namespace plainlang
