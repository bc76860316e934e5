// Lexicon matching over tokens: longest multi-word match, inflections,
// abbreviation case rules.
#include "lexicon/matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "plainlang/lexicon.h"

namespace plainlang {
namespace {

class MatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    lexicon_.Load(TableKind::kTerms,
                  "term\tcategory\tfamiliarity\tplain\n"
                  "heart\tanatomy\t1\t\n"
                  "heart failure\tcondition\t0.6\t\n"
                  "congestive heart failure\tcondition\t0.2\tweak heart\n"
                  "biopsy\tprocedure\t0.35\ttissue sample\n"
                  "stent\tprocedure\t0.4\ttube\n"
                  "x-ray\ttest\t0.9\t\n"
                  "blood clot\tcondition\t0.9\t\n",
                  "terms.tsv");
    lexicon_.Load(TableKind::kAbbreviations,
                  "abbreviation\texpansions\tplain\tcase\n"
                  "BID\ttwice a day\ttwice a day\texact\n"
                  "PRN\tas needed\tas needed\tany\n"
                  "HbA1c\themoglobin A1c\taverage blood sugar\tany\n"
                  "s/p\tstatus post\tafter\tany\n"
                  "f/u\tfollow-up\tfollow-up\tany\n"
                  "w/\twith\twith\tany\n"
                  "q.d.\tonce a day\tonce a day\tany\n"
                  "MRI\tmagnetic resonance imaging\t\tany\n"
                  "US\tultrasound\tultrasound\texact\n",
                  "abbreviations.tsv");
  }

  // Loads term rows ("term\tcategory\tfamiliarity") over the fixture's.
  void AddTerms(const std::string& rows) {
    lexicon_.Load(TableKind::kTerms, "term\tcategory\tfamiliarity\n" + rows, "mine.tsv");
  }

  // "text of match" for each match, terms as "T:..." and abbreviations "A:...".
  std::vector<std::string> Matches(const std::string& text, bool shouting = false) {
    std::vector<Token> tokens;
    std::string folded;
    Tokenize(text, SentenceSpan{0, text.size()}, &tokens, &folded);
    TokenLookups lookups;
    LookUpTokens(lexicon_.index(), tokens, &lookups);
    std::vector<std::string> out;
    for (const LexiconMatch& m : MatchLexicon(lexicon_.index(), text, tokens, lookups, shouting)) {
      std::string span =
          text.substr(tokens[m.first].start, tokens[m.end - 1].end - tokens[m.first].start);
      out.push_back((m.type == LexiconMatch::Type::kTerm ? "T:" : "A:") + span);
    }
    return out;
  }

  Lexicon lexicon_;
};

using Strings = std::vector<std::string>;

TEST_F(MatcherTest, LongestMultiWordMatchWins) {
  EXPECT_EQ(Matches("History of congestive heart failure and a heart murmur."),
            (Strings{"T:congestive heart failure", "T:heart"}));
  EXPECT_EQ(Matches("Mild heart failure."), (Strings{"T:heart failure"}));
}

TEST_F(MatcherTest, CaseFoldedAndInflected) {
  EXPECT_EQ(Matches("Two BIOPSIES were taken; she was stented."),
            (Strings{"T:BIOPSIES", "T:stented"}));
  EXPECT_EQ(Matches("Both X-rays and the blood clots"), (Strings{"T:X-rays", "T:blood clots"}));
  EXPECT_EQ(Matches("The biopsy's result"), (Strings{"T:biopsy's"}));
}

// An inflected word that begins longer terms still finds its stem's term
// when none of those is written here.
TEST_F(MatcherTest, InflectedWordsThatBeginLongerTermsFindTheirStem) {
  AddTerms("ulcer\tcondition\t0.3\nulcers of the mouth\tcondition\t0.3\n");
  EXPECT_EQ(Matches("Two ulcers healed."), (Strings{"T:ulcers"}));
  EXPECT_EQ(Matches("Ulcers of the mouth healed."), (Strings{"T:Ulcers of the mouth"}));
}

// A closed compound written with a hyphen is the compound ("wash-out" for
// "washout", inflected too); a listed hyphenated term keeps its own match,
// and a hyphen with spaces joins nothing.
TEST_F(MatcherTest, HyphenatedSpellingsOfClosedCompounds) {
  AddTerms("washout\tresearch\t0.2\ncomorbidity\tcondition\t0.2\nwash\tother\t0.9\n");
  EXPECT_EQ(Matches("A wash-out period"), (Strings{"T:wash-out"}));
  EXPECT_EQ(Matches("Two co-morbidities"), (Strings{"T:co-morbidities"}));
  EXPECT_EQ(Matches("A wash - out period"), (Strings{"T:wash"}));
  EXPECT_EQ(Matches("Both X-rays"), (Strings{"T:X-rays"}));
  EXPECT_EQ(Matches("A well-known heart"), (Strings{"T:heart"}));
}

// Where a term readers know and an abbreviation of the sources span the
// same words, the everyday word wins; our own abbreviation still does.
TEST_F(MatcherTest, KnownWordWinsATieWithASourcesAbbreviation) {
  AddTerms("c-section\tother\t1.0\nd-dimer\ttest\t0.9\n");
  lexicon_.Load(TableKind::kAbbreviations,
                "abbreviation\texpansions\tplain\tcase\tsource\n"
                "C-section\tcesarean section\t\tany\twikipedia\n"
                "D-dimer\tfibrin fragment\tclot test\tany\tplainlang\n",
                "mine.tsv");
  EXPECT_EQ(Matches("After her C-section"), (Strings{"T:C-section"}));
  EXPECT_EQ(Matches("A D-dimer test"), (Strings{"A:D-dimer"}));
}

TEST_F(MatcherTest, ShortStemsAreNotInflections) {
  // "stents" is a plural, but "tents" is not a form of "stent", nor "hearts"
  // of anything shorter.
  EXPECT_EQ(Matches("We saw tents and stents."), (Strings{"T:stents"}));
}

TEST_F(MatcherTest, AbbreviationCaseRules) {
  EXPECT_EQ(Matches("Take it BID and prn."), (Strings{"A:BID", "A:prn"}));
  EXPECT_EQ(Matches("We bid you farewell."), Strings{});  // "bid" is a word
  // Written with dots it is an abbreviation whatever its case.
  EXPECT_EQ(Matches("Take it b.i.d. or B.I.D."), (Strings{"A:b.i.d", "A:B.I.D"}));
  EXPECT_EQ(Matches("Your hba1c and HBA1C"), (Strings{"A:hba1c", "A:HBA1C"}));
  EXPECT_EQ(Matches("Seen by US staff"), (Strings{"A:US"}));
  EXPECT_EQ(Matches("Give it to us"), Strings{});
}

TEST_F(MatcherTest, SlashesDotsAndPlurals) {
  EXPECT_EQ(Matches("s/p surgery, f/u in 2 wks, take w/ food"),
            (Strings{"A:s/p", "A:f/u", "A:w/"}));
  EXPECT_EQ(Matches("Take it q.d. daily and q.d daily"), (Strings{"A:q.d", "A:q.d"}));
  EXPECT_EQ(Matches("Two MRIs"), (Strings{"A:MRIs"}));
}

TEST_F(MatcherTest, ShoutedSentencesDoNotMatchExactCaseAbbreviations) {
  EXPECT_EQ(Matches("CALL US IF YOU NEED A BID", /*shouting=*/true), Strings{});
}

// In a shouted sentence an exact-case abbreviation whose word is rarer than
// Zipf 4.5 is still the abbreviation; a commoner one is a word.
TEST_F(MatcherTest, ShoutedSentencesKeepAbbreviationsOfRareWords) {
  lexicon_.Load(TableKind::kAbbreviations,
                "abbreviation\texpansions\tplain\tcase\nCT\tcomputed tomography\t\texact\n",
                "mine.tsv");
  lexicon_.Load(TableKind::kWords, "word\tzipf\tsyllables\nus\t6.04\t1\nct\t4.11\t\n", "words.tsv");
  EXPECT_EQ(Matches("CALL US ABOUT THE CT", /*shouting=*/true), Strings{"A:CT"});
}

Strings Stems(std::string_view word) {
  InflectionStems stems(word);
  return Strings(stems.begin(), stems.end());
}

TEST(InflectionStemsTest, CommonEndings) {
  EXPECT_EQ(Stems("biopsies"), (Strings{"biopsies", "biopsy"}));
  EXPECT_EQ(Stems("doses"), (Strings{"doses", "dose", "dos"}));
  EXPECT_EQ(Stems("stopped"), (Strings{"stopped", "stopp", "stoppe", "stop"}));
  EXPECT_EQ(Stems("dosing"), (Strings{"dosing", "dos", "dose"}));
  EXPECT_EQ(Stems("patient's"), (Strings{"patient's", "patient"}));
  EXPECT_EQ(Stems("virus"), (Strings{"virus"}));
  EXPECT_EQ(Stems("bed"), (Strings{"bed"}));
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

TEST(UsSpellingTest, BritishSpellingsOfMedicalWords) {
  EXPECT_EQ(UsSpelling("oedema"), "edema");
  EXPECT_EQ(UsSpelling("anaemia"), "anemia");
  EXPECT_EQ(UsSpelling("haemorrhage"), "hemorrhage");
  EXPECT_EQ(UsSpelling("diarrhoea"), "diarrhea");
  EXPECT_EQ(UsSpelling("tumour"), "tumor");
  EXPECT_EQ(UsSpelling("randomised"), "randomized");
  EXPECT_EQ(UsSpelling("centre"), "center");
  EXPECT_EQ(UsSpelling("aerobic"), "aerobic");  // a leading "ae" stays
  EXPECT_EQ(UsSpelling("toe"), "toe");          // a final "oe" stays
  EXPECT_EQ(UsSpelling("edema"), "edema");
}

}  // namespace
}  // namespace plainlang
