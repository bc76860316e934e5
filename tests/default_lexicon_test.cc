// The embedded default lexicon: sizes, round trip, and familiarity decisions
// on fixed lists of everyday and technical words.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

#include "lexicon/lexicon_index.h"
#include "plainlang/analyzer.h"
#include "plainlang/lexicon.h"

namespace plainlang {
namespace {

// Data rows of a table in data/, or only those holding `needle`.
size_t DataRows(const std::string& table, const std::string& needle = "") {
  std::ifstream in(std::string(PLAINLANG_SOURCE_DIR) + "/data/" + table);
  size_t rows = 0;
  bool header = true;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) rows += line.find(needle) != std::string::npos;
    header = false;
  }
  return rows;
}

TEST(DefaultLexiconTest, TablesReachTheirSizes) {
  Lexicon::Sizes sizes = Lexicon::Default()->sizes();
  EXPECT_GE(sizes.terms, 20000u);
  EXPECT_GE(sizes.abbreviations, 1500u);
  EXPECT_GE(sizes.medicines, 2000u);
  EXPECT_GE(sizes.words, 200000u);
  EXPECT_GE(sizes.affixes, 400u);
}

// Every row of every table in data/ is in the embedded lexicon: the build
// embedded the committed tables and the loader dropped nothing. (Terms and
// medicines share one index, and a handful of medicine names are also terms.)
TEST(DefaultLexiconTest, EmbeddedTablesRoundTrip) {
  Lexicon::Sizes sizes = Lexicon::Default()->sizes();
  EXPECT_EQ(sizes.abbreviations, DataRows("abbreviations.tsv"));
  // Roots are not used to judge words; prefixes and suffixes are.
  EXPECT_EQ(sizes.affixes, DataRows("affixes.tsv") - DataRows("affixes.tsv", "\troot\t"));
  EXPECT_LE(sizes.terms + sizes.medicines, DataRows("terms.tsv") + DataRows("medicines.tsv"));
  EXPECT_GE(sizes.terms + sizes.medicines + 50, DataRows("terms.tsv") + DataRows("medicines.tsv"));
  const Lexicon::Index& index = Lexicon::Default()->index();
  ASSERT_NE(index.FindWord("the"), nullptr);
  EXPECT_GT(index.FindWord("the")->zipf, 7.0f);
  EXPECT_EQ(index.FindWord("hypertension")->syllables, 4);
}

// What the analyser makes of one word on its own.
std::string Verdict(const std::string& text) {
  static const Analyzer analyzer;
  Report report = analyzer.Analyze(text);
  for (const Finding& f : report.findings) {
    if (f.kind != FindingKind::kLongSentence) return std::string(FindingKindName(f.kind));
  }
  return "familiar";
}

// The matcher takes a word's own entry to file only terms of that one token
// (longer terms go under their first two tokens), and matches the first of
// them without reading its record.
TEST(DefaultLexiconTest, WordEntriesFileOnlyOneTokenTerms) {
  const Lexicon::Index& index = Lexicon::Default()->index();
  size_t one_token = 0;
  for (uint32_t id = 0; id < index.terms.size(); ++id) {
    const Term& term = index.terms[id];
    ASSERT_FALSE(term.tokens.empty()) << term.term;
    const WordEntry* entry = index.FindWord(term.tokens[0]);
    ASSERT_NE(entry, nullptr) << term.term;
    const bool filed =
        std::find(entry->terms.begin(), entry->terms.end(), id) != entry->terms.end();
    EXPECT_EQ(filed, term.tokens.size() == 1) << term.term;
    one_token += term.tokens.size() == 1;
  }
  EXPECT_GT(one_token, 5000u);  // 8,432 in the default lexicon
  EXPECT_LT(one_token, index.terms.size());
}

TEST(DefaultLexiconTest, EverydayWordsAreNotJargon) {
  for (const char* word : {"blood", "heart", "pain", "doctor", "aspirin", "x-ray", "fever",
                           "cancer", "heart attack", "blood pressure", "metformin", "nurse",
                           "pharmacy", "diabetes", "headache", "lungs", "allergy", "hormones"}) {
    EXPECT_EQ(Verdict(std::string("Your ") + word + " is fine."), "familiar") << word;
  }
}

TEST(DefaultLexiconTest, TechnicalWordsAreJargon) {
  for (const char* word : {"idiopathic", "bilateral", "hepatic steatosis", "thrombocytopenia",
                           "cholecystectomy", "myocardial infarction", "edema", "dyspnea"}) {
    EXPECT_EQ(Verdict(std::string("Your ") + word + " is better."), "jargon") << word;
  }
}

// Words rated known at first, then rated hard because both raters would
// explain them in a plain rewrite (ratings.tsv); their neighbours in that
// list that a rewrite uses as they are stay familiar.
TEST(DefaultLexiconTest, WordsAPlainRewriteWouldExplainAreJargon) {
  for (const char* word : {"cervix", "spleen", "pancreas", "celiac disease", "stem cell"}) {
    EXPECT_EQ(Verdict(std::string("Your ") + word + " is better."), "jargon") << word;
  }
  for (const char* word : {"thyroid", "ultrasound", "bladder", "vaccine"}) {
    EXPECT_EQ(Verdict(std::string("Your ") + word + " is fine."), "familiar") << word;
  }
}

TEST(DefaultLexiconTest, AmbiguousAbbreviationsListEverySense) {
  static const Analyzer analyzer;
  for (const char* abbreviation : {"MS", "PT", "RA"}) {
    Report report = analyzer.Analyze(std::string("Your ") + abbreviation + " is better.");
    ASSERT_EQ(report.findings.size(), 1u) << abbreviation;
    const Finding& f = report.findings[0];
    EXPECT_EQ(f.kind, FindingKind::kAbbreviation) << abbreviation;
    EXPECT_GE(f.expansions.size(), 2u) << abbreviation;
    EXPECT_TRUE(f.suggestion.empty()) << abbreviation << ": the sense is not guessed";
  }
}

TEST(DefaultLexiconTest, AllowListIsPlainTextOneWordPerLine) {
  Lexicon lexicon;
  lexicon.Load(TableKind::kAllow, "# our patients know these\nword\nEdema\n\n  bilateral \r\n",
               "known.txt");
  EXPECT_EQ(lexicon.sizes().allowed, 2u);
  EXPECT_TRUE(lexicon.index().FindWord("edema")->allowed);
  try {
    lexicon.Load(TableKind::kAllow, "edema\nascites\tyes\n", "known.txt");
    FAIL() << "expected a LexiconError";
  } catch (const LexiconError& error) {
    EXPECT_STREQ(error.what(), "known.txt:2: an allow-list holds one word per line, without tabs");
  }
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

// The findings' texts of one message, jargon and abbreviations only.
std::vector<std::string> JargonTexts(const std::string& text) {
  static const Analyzer analyzer;
  std::vector<std::string> out;
  for (const Finding& f : analyzer.Analyze(text).findings) {
    if (f.kind == FindingKind::kJargon || f.kind == FindingKind::kAbbreviation) {
      out.emplace_back(f.text);
    }
  }
  return out;
}

TEST(DefaultLexiconTest, ClinicalRegisterPhrasesAreJargonTheirWordsAloneAreNot) {
  using Texts = std::vector<std::string>;
  EXPECT_EQ(JargonTexts("Your strep test came back negative."), Texts{"came back negative"});
  // The longest phrase from the left wins: "was positive", not "positive for".
  EXPECT_EQ(JargonTexts("The culture was positive for E. coli."),
            (Texts{"culture", "was positive"}));
  EXPECT_EQ(JargonTexts("The swab: positive for flu."), Texts{"positive for"});
  EXPECT_EQ(JargonTexts("He is in no acute distress. We will rule out a clot."),
            (Texts{"no acute distress", "rule out"}));
  EXPECT_EQ(JargonTexts("The findings are consistent with a sprain and not clinically "
                        "significant."),
            (Texts{"consistent with", "not clinically significant"}));
  EXPECT_EQ(JargonTexts("The nodule is stable and the belly felt tender to palpation."),
            (Texts{"nodule", "is stable", "tender to palpation"}));
  // Phrases are matched as wholes: "ruled out" is an inflection of "rule out".
  EXPECT_EQ(JargonTexts("We ruled out a pneumothorax."), (Texts{"ruled out", "pneumothorax"}));
  const Finding finding = [] {
    static const Analyzer analyzer;
    return analyzer.Analyze("It came back negative.").findings.at(0);
  }();
  EXPECT_EQ(finding.source, "plainlang");
  EXPECT_FALSE(finding.suggestion.empty());
  EXPECT_FALSE(finding.definition.empty());
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

// The examples of issue 14's first class, each in a sentence of its own.
TEST(DefaultLexiconTest, EveryRegisterExampleIsJargon) {
  const char* sentences[] = {"We need to rule out a clot.",
                             "He was in no acute distress.",
                             "It is clinically significant.",
                             "Walk as tolerated.",
                             "It is consistent with a sprain.",
                             "Family history is non-contributory.",
                             "The test was negative.",
                             "The swab was positive.",
                             "The scan was unremarkable.",
                             "The x-ray is impressive.",
                             "The disease is progressing.",
                             "There was occult blood.",
                             "Her condition is stable.",
                             "The belly is tender.",
                             "The culture grew nothing.",
                             "Watch for discharge.",
                             "His mood is labile."};
  for (const char* sentence : sentences) {
    EXPECT_FALSE(JargonTexts(sentence).empty()) << sentence;
  }
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

// A reading of an amount off a test strip ("large blood") whose second
// word opens an everyday term running past it is that term; other register
// phrases keep their match.
TEST(DefaultLexiconTest, AReadingGivesWayToTheEverydayTermItsSecondWordOpens) {
  using Texts = std::vector<std::string>;
  EXPECT_EQ(JargonTexts("Urine dipstick: large blood, trace protein."),
            (Texts{"large blood", "trace protein"}));
  EXPECT_EQ(JargonTexts("These are the two large blood vessels in your neck."), Texts{});
  EXPECT_EQ(JargonTexts("A large blood vessel in your neck is narrowed 40%."), Texts{});
  // A familiar register phrase ("orders are in") is no everyday term.
  EXPECT_EQ(JargonTexts("Standing orders are in for any lab."), Texts{"Standing orders"});
  EXPECT_EQ(JargonTexts("She has acute on chronic pain."), Texts{"acute on chronic"});
  EXPECT_EQ(JargonTexts("This is the gold standard therapy."), Texts{"gold standard"});
}

// A term followed, after a comma, by "like" or "such as" and an everyday
// example is explained on the spot.
TEST(DefaultLexiconTest, ATermExplainedByAnEverydayExampleIsNotFlagged) {
  using Texts = std::vector<std::string>;
  EXPECT_EQ(JargonTexts("You may drink clear liquids, like water or apple juice, until 4 a.m."),
            Texts{});
  EXPECT_EQ(JargonTexts("Drink only clear liquids, such as water, the day before."), Texts{});
  EXPECT_EQ(JargonTexts("Clear liquids are fine until 4 a.m."), Texts{"Clear liquids"});
  // "Like" meaning "as", no comma, no example, or a rare one: still jargon.
  EXPECT_EQ(JargonTexts("You have edema, like last time."), Texts{"edema"});
  EXPECT_EQ(JargonTexts("You have edema, like the last time."), Texts{"edema"});
  EXPECT_EQ(JargonTexts("Your scan showed atelectasis, like I mentioned."), Texts{"atelectasis"});
  EXPECT_EQ(JargonTexts("Keep the anticoagulant, like normal."), Texts{"anticoagulant"});
  EXPECT_EQ(JargonTexts("Drink clear liquids like water."), Texts{"clear liquids"});
  EXPECT_EQ(JargonTexts("Most polyps, like these, are harmless."), Texts{"polyps"});
  EXPECT_EQ(JargonTexts("We can discuss an alpha-2 agonist, like guanfacine."),
            Texts{"alpha-2 agonist"});
}

// Everyday words of reports and orders (curated/register.tsv, familiarity
// 0.55) are jargon only in a sentence that holds other medical words, a
// number or a medicine.
TEST(DefaultLexiconTest, EverydaySenseRegisterWordsNeedAClinicalSentence) {
  using Texts = std::vector<std::string>;
  EXPECT_EQ(JargonTexts("The 9 mm nodule is solid and has not grown."), (Texts{"nodule", "solid"}));
  EXPECT_EQ(JargonTexts("The lymph node has resolved."), (Texts{"lymph node", "resolved"}));
  EXPECT_EQ(JargonTexts("Start a 5-day course of amoxicillin."), Texts{"course"});
  EXPECT_EQ(JargonTexts("The contrast goes into your vein."), Texts{"contrast"});
  // The same words in their everyday sense, in a sentence of everyday words.
  EXPECT_EQ(JargonTexts("Our quarrel has resolved."), Texts{});
  EXPECT_EQ(JargonTexts("She has a solid plan for the summer."), Texts{});
  // Everyday idioms are familiar phrases: the longer match wins.
  EXPECT_EQ(JargonTexts("Eat no solid food after midnight."), Texts{});
  EXPECT_EQ(JargonTexts("Of course, call us any time."), Texts{});
  EXPECT_EQ(JargonTexts("In contrast, the old scan was clear."), Texts{});
  // The finding says what the word means here.
  static const Analyzer analyzer;
  const Report report = analyzer.Analyze("The 4 mm nodule is solid.");
  ASSERT_EQ(report.findings.size(), 2u);
  EXPECT_EQ(report.findings[1].text, "solid");
  EXPECT_EQ(report.findings[1].suggestion, "not filled with fluid");
  EXPECT_NEAR(report.findings[1].familiarity, 0.55, 1e-6);
}

// Common words whose clinical sense lay readers miss (familiarity 0.30),
// alone or with linking words ("looks stable", "positive for"), are
// jargon where the sentence is clinical, names a test, a sample or the
// body, or follows a clinical sentence of its paragraph; elsewhere they
// have their everyday sense (the annotation guideline's rule 7).
TEST(DefaultLexiconTest, CommonRegisterWordsKeepTheirEverydaySense) {
  using Texts = std::vector<std::string>;
  EXPECT_EQ(JargonTexts("Her job is a stable one."), Texts{});
  EXPECT_EQ(JargonTexts("You sounded more positive on the phone yesterday."), Texts{});
  EXPECT_EQ(JargonTexts("You don't have to stay positive for anyone."), Texts{});
  EXPECT_EQ(JargonTexts("The weather looks stable this week, so go for walks."), Texts{});
  EXPECT_EQ(JargonTexts("He is very tender with the grandchildren."), Texts{});
  // Said of a test, a sample, the body or an illness.
  EXPECT_EQ(JargonTexts("Your mood seems stable."), Texts{});
  EXPECT_EQ(JargonTexts("Her condition is stable."), Texts{"is stable"});
  EXPECT_EQ(JargonTexts("The spot looks stable."), Texts{"looks stable"});
  EXPECT_EQ(JargonTexts("The left knee is tender."), Texts{"tender"});
  EXPECT_EQ(JargonTexts("The swab was positive for flu."), Texts{"was positive"});
  // The sentence after a clinical one, in the same paragraph; not after a
  // blank line.
  EXPECT_EQ(JargonTexts("We checked your strep swab. It was positive."), Texts{"was positive"});
  EXPECT_EQ(JargonTexts("Your A1c was 6.9. It looks stable."), (Texts{"A1c", "looks stable"}));
  EXPECT_EQ(JargonTexts("Your A1c was 6.9.\n\nYou sounded positive on the phone."), Texts{"A1c"});
  EXPECT_EQ(JargonTexts("We checked your strep swab.\n---\nIt was positive."),
            Texts{"was positive"});
  // A heading carries across the blank line after it.
  EXPECT_EQ(JargonTexts("Strep test\n\nPositive."), Texts{"Positive"});
  // A plural names the body as its singular does.
  EXPECT_EQ(JargonTexts("The lumps are tender."), Texts{"tender"});
  // The word kept makes its sentence clinical for the other waiting words.
  EXPECT_EQ(JargonTexts("The belly is tender and the lump has resolved."),
            (Texts{"tender", "resolved"}));
  // A phrase that only a result fits is jargon anywhere, and so are nouns
  // of tests and devices, whose everyday senses messages do not use.
  EXPECT_EQ(JargonTexts("It came back negative."), Texts{"came back negative"});
  EXPECT_EQ(JargonTexts("Your echo was normal. We will use your port."), (Texts{"echo", "port"}));
  EXPECT_EQ(JargonTexts("Impression: Stable."), (Texts{"Impression", "Stable"}));
  // Missed: a person said to be stable in a sentence with no other sign.
  EXPECT_EQ(JargonTexts("Dad is stable now."), Texts{});
  // Rarer register words have no everyday sense to keep.
  EXPECT_EQ(JargonTexts("The scan was unremarkable."), Texts{"unremarkable"});
}

// Orders for eating, drinking and moving written in everyday words.
TEST(DefaultLexiconTest, DietAndActivityOrdersAreRegister) {
  using Texts = std::vector<std::string>;
  EXPECT_EQ(JargonTexts("Drink clear broth, then advance your diet slowly."),
            Texts{"advance your diet"});
  EXPECT_EQ(JargonTexts("Do not bear weight on that leg."), Texts{"bear weight"});
  EXPECT_EQ(JargonTexts("Push fluids and rest."), Texts{"Push fluids"});
  EXPECT_EQ(JargonTexts("Stay on a soft diet this week."), Texts{"soft diet"});
  EXPECT_EQ(JargonTexts("Then keep to a low-residue diet for a week."), Texts{"low-residue diet"});
  EXPECT_EQ(JargonTexts("Use partial weight bearing with crutches."),
            Texts{"partial weight bearing"});
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

// The familiarity rule for a term of two words: a word that is a known term
// by itself (familiar.tsv, a lay name) beside an everyday word keeps the
// term known (data/README.md, "The familiarity rule").
TEST(DefaultLexiconTest, KnownWordBesideAnEverydayWordIsKnown) {
  using Texts = std::vector<std::string>;
  EXPECT_EQ(JargonTexts("Food moves from the stomach to the small intestine."), Texts{});
  EXPECT_EQ(JargonTexts("She had hepatitis B as a child."), Texts{});
  EXPECT_EQ(JargonTexts("Drop off the stool test kit by Friday."), Texts{});
  // Three words, or a hyphenated partner, keep the frequency rule: the
  // subtype is what a reader does not know.
  EXPECT_EQ(JargonTexts("Her mantle cell lymphoma is back."), Texts{"mantle cell lymphoma"});
  EXPECT_EQ(JargonTexts("It is a high-grade lymphoma."), Texts{"high-grade lymphoma"});
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

// A care or test phrase that opens with a register word is jargon as that
// word is, so a familiar phrase no longer hides it; names of conditions keep
// their own familiarity (data/README.md, "register.tsv").
TEST(DefaultLexiconTest, PhrasesOpeningWithARegisterWordAreRegister) {
  using Texts = std::vector<std::string>;
  EXPECT_EQ(JargonTexts("Read your discharge instructions tonight."),
            Texts{"discharge instructions"});
  EXPECT_EQ(JargonTexts("We mailed the discharge summary."), Texts{"discharge summary"});
  EXPECT_EQ(JargonTexts("Chronic pain can wear you down."), Texts{});
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

// Our clinical phrases of common words carry a hand familiarity (the
// generator refuses one without): the frequency rule would call them known.
TEST(DefaultLexiconTest, CuratedPhrasesOfCommonWordsAreJargon) {
  using Texts = std::vector<std::string>;
  EXPECT_EQ(JargonTexts("His thyroid tests were within normal limits."),
            Texts{"within normal limits"});
  EXPECT_EQ(JargonTexts("She is status post knee surgery."), Texts{"status post"});
  // The fifth pass: a known word and a modifier that makes a concept.
  EXPECT_EQ(JargonTexts("The scan shows reactive lymph nodes."), Texts{"reactive lymph nodes"});
  EXPECT_EQ(JargonTexts("We will use an antibiotic lock in your line."), Texts{"antibiotic lock"});
  // The sixth pass and its everyday words: words that describe a finding.
  EXPECT_EQ(JargonTexts("The cyst is septated and exophytic."), (Texts{"septated", "exophytic"}));
  EXPECT_EQ(JargonTexts("The CT shows ground-glass change."), (Texts{"CT", "ground-glass"}));
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

// Specialty phrases of everyday words that we rate clearly unknown (below
// 0.20) are register; those we rate nearer known stay left out.
TEST(DefaultLexiconTest, SpecialtyPhrasesOfEverydayWordsWeRateUnknownAreRegister) {
  using Texts = std::vector<std::string>;
  EXPECT_EQ(JargonTexts("We chose rate control for now."), Texts{"rate control"});
  EXPECT_EQ(JargonTexts("There was no free air."), Texts{"free air"});
  EXPECT_EQ(JargonTexts("Your heart failure is better."), Texts{});
}

}  // namespace
}  // namespace plainlang
