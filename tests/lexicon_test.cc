// Loading tables: formats, overlays, and errors that name file, line and field.
#include "plainlang/lexicon.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "lexicon/lexicon_index.h"
#include "lexicon/matcher.h"
#include "plainlang/analyzer.h"

namespace plainlang {
namespace {

constexpr char kTerms[] =
    "term\tcategory\tfamiliarity\tplain\tdefinition\tsource\n"
    "# a comment line is skipped\n"
    "myocardial infarction\tcondition\t0.1\theart attack|heart damage\t\tdoid\n"
    "X-ray\ttest\t0.9\t\t\tplainlang\r\n"
    "\n";

// The default lexicon with a terms overlay read from a file holding
// `contents` (the file is gone once the lexicon is made).
std::shared_ptr<const Lexicon> DefaultWithTermsFile(std::string_view name,
                                                    std::string_view contents) {
  const std::string path = ::testing::TempDir() + "/" + std::string(name);
  {
    std::ofstream out(path);
    out << contents;
  }
  auto lexicon = Lexicon::DefaultWithOverlays({{TableKind::kTerms, path}});
  std::remove(path.c_str());
  return lexicon;
}

TEST(LexiconTest, LoadsTermsWithTokensAndAlternatives) {
  Lexicon lexicon;
  lexicon.Load(TableKind::kTerms, kTerms, "terms.tsv");
  const Lexicon::Index& index = lexicon.index();
  ASSERT_EQ(index.terms.size(), 2u);
  const Term& mi = index.terms[0];
  EXPECT_EQ(mi.term, "myocardial infarction");
  EXPECT_FLOAT_EQ(mi.familiarity, 0.1f);
  ASSERT_EQ(mi.plain.size(), 2u);
  EXPECT_EQ(mi.plain[1], "heart damage");
  EXPECT_EQ(mi.tokens, (std::vector<std::string>{"myocardial", "infarction"}));
  // Hyphenated terms are split as the segmenter splits text; CRLF is fine.
  EXPECT_EQ(index.terms[1].tokens, (std::vector<std::string>{"x", "-", "ray"}));
  EXPECT_EQ(index.terms[1].source, "plainlang");
  EXPECT_EQ(index.longest_term_tokens, 3u);
  EXPECT_EQ(lexicon.sizes().terms, 2u);
}

TEST(LexiconTest, OverlayColumnsMayBeFewAndInAnyOrder) {
  Lexicon lexicon;
  lexicon.Load(TableKind::kTerms, "plain\tcategory\tterm\nboth sides\tanatomy\tbilateral\n",
               "mine.tsv");
  const Term& term = lexicon.index().terms.at(0);
  EXPECT_EQ(term.term, "bilateral");
  EXPECT_EQ(term.category, "anatomy");
  EXPECT_EQ(term.plain.at(0), "both sides");
  EXPECT_FLOAT_EQ(term.familiarity, 0.2f);  // unspecified -> treated as jargon
}

TEST(LexiconTest, LaterRowsReplaceEarlierOnes) {
  Lexicon lexicon;
  lexicon.Load(TableKind::kTerms, kTerms, "terms.tsv");
  lexicon.Load(TableKind::kTerms,
               "term\tcategory\tfamiliarity\nMyocardial  Infarction\tcondition\t0.7\n", "mine.tsv");
  ASSERT_EQ(lexicon.index().terms.size(), 2u);
  EXPECT_FLOAT_EQ(lexicon.index().terms[0].familiarity, 0.7f);
}

TEST(LexiconTest, AbbreviationsAreKeyedWithoutDotsOrCase) {
  Lexicon lexicon;
  lexicon.Load(TableKind::kAbbreviations,
               "abbreviation\texpansions\tplain\tcase\tfamiliarity\tsource\n"
               "b.i.d.\tbis in die\ttwice a day\tany\t0.2\tplainlang\n"
               "MS\tmultiple sclerosis|mitral stenosis\t\texact\t\twikipedia\n",
               "abbreviations.tsv");
  const Lexicon::Index& index = lexicon.index();
  ASSERT_NE(index.FindAbbreviation("bid"), nullptr);
  EXPECT_EQ(index.FindAbbreviation("bid")->written, "b.i.d.");
  EXPECT_EQ(index.FindAbbreviation("b.i.d"), nullptr);  // keys hold no dots
  ASSERT_NE(index.FindAbbreviation("ms"), nullptr);
  const Abbreviation& ms = *index.FindAbbreviation("ms");
  EXPECT_TRUE(ms.exact_case);
  EXPECT_EQ(ms.expansions.size(), 2u);
  EXPECT_FLOAT_EQ(ms.familiarity, 0.2f);
}

TEST(LexiconTest, WordsAffixesAndAllowList) {
  Lexicon lexicon;
  lexicon.Load(TableKind::kWords, "word\tzipf\tsyllables\nEdema\t2.81\t3\nqwzx\t1.5\t\n", "w.tsv");
  lexicon.Load(TableKind::kAffixes,
               "affix\tposition\tmeaning\texample\n-itis\tsuffix\tinflammation\tarthritis\n"
               "brady-\tprefix\tslow\tbradycardia\nhepat\troot\tliver\thepatic\n",
               "a.tsv");
  lexicon.Load(TableKind::kAllow, "word\nHbA1c\n", "allow.tsv");
  const Lexicon::Index& index = lexicon.index();
  ASSERT_NE(index.FindWord("edema"), nullptr);
  EXPECT_FLOAT_EQ(index.FindWord("edema")->zipf, 2.81f);
  EXPECT_EQ(index.FindWord("edema")->syllables, 3);
  EXPECT_EQ(index.FindWord("qwzx")->syllables, -1);
  EXPECT_EQ(index.suffixes.at(0).affix, "itis");
  EXPECT_EQ(index.prefixes.at(0).affix, "brady");
  ASSERT_NE(index.FindWord("hba1c"), nullptr);
  EXPECT_TRUE(index.FindWord("hba1c")->allowed);
  EXPECT_FALSE(index.FindWord("edema")->allowed);
  EXPECT_EQ(lexicon.sizes().affixes, 2u);
}

// The message of a LexiconError thrown while loading `contents`.
std::string LoadError(TableKind kind, const std::string& contents) {
  Lexicon lexicon;
  try {
    lexicon.Load(kind, contents, "mine.tsv");
  } catch (const LexiconError& error) {
    return error.what();
  }
  return "no error";
}

TEST(LexiconTest, ErrorsNameFileLineAndField) {
  EXPECT_EQ(LoadError(TableKind::kTerms, "word\tplain\nx\ty\n"),
            "mine.tsv:1: header lacks the column 'term' (columns are separated by tabs)");
  EXPECT_EQ(LoadError(TableKind::kTerms,
                      "term\tcategory\tfamiliarity\nedema\tsymptom\t0.2\nascites\tsymptom\thigh\n"),
            "mine.tsv:3: field 'familiarity' must be a number from 0 to 1, got 'high'");
  EXPECT_EQ(LoadError(TableKind::kTerms,
                      "term\tcategory\tplain\n# note\nedema\tsymptom\tswelling\textra\n"),
            "mine.tsv:3: expected 3 tab-separated fields, found 4");
  EXPECT_EQ(LoadError(TableKind::kAbbreviations, "abbreviation\tcase\nBP\tupper\n"),
            "mine.tsv:2: abbreviation 'BP' needs an 'expansions' or a 'plain' field");
  EXPECT_EQ(LoadError(TableKind::kAbbreviations, "abbreviation\tplain\tcase\nBP\tx\tupper\n"),
            "mine.tsv:2: field 'case' must be 'exact' or 'any', got 'upper'");
  EXPECT_EQ(LoadError(TableKind::kAffixes, "affix\tposition\n-itis\tend\n"),
            "mine.tsv:2: field 'position' must be 'prefix', 'suffix' or 'root', got 'end'");
  EXPECT_EQ(LoadError(TableKind::kTerms, ""), "mine.tsv: no header row");
  EXPECT_EQ(LoadError(TableKind::kTerms, "term\tcategory\tplain\n\tother\tx\n"),
            "mine.tsv:2: field 'term' is empty");
  // The category decides how a term is judged, so it is never guessed.
  EXPECT_EQ(LoadError(TableKind::kTerms, "term\tplain\nwound vac\twound pump\n"),
            "mine.tsv:1: header lacks the column 'category' (columns are separated by tabs)");
  EXPECT_EQ(LoadError(TableKind::kTerms, "term\tcategory\nwound vac\tother\nstent\tdevice\n"),
            "mine.tsv:3: field 'category' must be one of condition, symptom, procedure, test, "
            "anatomy, named, medicine_class, research, register, general or other, got 'device'");
  EXPECT_EQ(LoadError(TableKind::kTerms, "term\tcategory\nwound vac\t\n"),
            "mine.tsv:2: field 'category' must be one of condition, symptom, procedure, test, "
            "anatomy, named, medicine_class, research, register, general or other, got ''");
}

TEST(LexiconTest, ErrorCarriesItsParts) {
  Lexicon lexicon;
  try {
    lexicon.Load(TableKind::kWords, "word\tzipf\nfever\t9.5\n", "words.tsv");
    FAIL() << "expected a LexiconError";
  } catch (const LexiconError& error) {
    EXPECT_EQ(error.file(), "words.tsv");
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(error.reason(), "field 'zipf' must be a number from 0 to 8, got '9.5'");
  }
}

TEST(LexiconTest, DefaultWithOverlaysReadsFiles) {
  auto lexicon = DefaultWithTermsFile(
      "plainlang_overlay_terms.tsv",
      "term\tcategory\tplain\tfamiliarity\nzorblax syndrome\tcondition\ta made-up illness\t0.05\n");
  EXPECT_EQ(lexicon->sizes().terms, Lexicon::Default()->sizes().terms + 1);
  const WordEntry* first = lexicon->index().FindWord("zorblax");
  ASSERT_NE(first, nullptr);
  EXPECT_TRUE(first->starts_longer_terms());
  const WordEntry* pair = lexicon->index().FindWord("zorblax syndrome");
  ASSERT_NE(pair, nullptr);
  ASSERT_EQ(pair->terms.size(), 1u);
  EXPECT_EQ(lexicon->index().terms[pair->terms[0]].term, "zorblax syndrome");

  try {
    Lexicon::DefaultWithOverlays({{TableKind::kTerms, "/nonexistent/terms.tsv"}});
    FAIL() << "expected a LexiconError";
  } catch (const LexiconError& error) {
    EXPECT_STREQ(error.what(), "/nonexistent/terms.tsv: cannot open the file");
  }
}

// Whether a stem of `word` (after the word itself) files terms or begins
// longer ones: what WordEntry::stems_start_terms stands for, worked out
// here afresh from the entries' own fields.
bool StemsLead(const Lexicon::Index& index, std::string_view word) {
  InflectionStems stems(word);
  for (size_t k = 1; k < stems.size(); ++k) {
    const WordEntry* stem = index.FindWord(stems[k]);
    if (stem != nullptr && (stem->starts_longer_terms() || !stem->terms.empty())) return true;
  }
  return false;
}

// The matcher skips the stems of a word marked as leading nowhere; in the
// default lexicon, marked once after its last table, no such mark is wrong,
// and the common inflected words carry one.
TEST(LexiconTest, DefaultMarksWordsWhoseStemsLeadNowhere) {
  const Lexicon::Index& index = Lexicon::Default()->index();
  size_t marked = 0;
  index.words.ForEach([&](const WordEntry& entry) {
    if (entry.stems_start_terms) return;
    ++marked;
    EXPECT_FALSE(StemsLead(index, entry.word)) << entry.word;
  });
  EXPECT_GT(marked, 10000u);
  const WordEntry* ladders = index.FindWord("ladders");
  ASSERT_NE(ladders, nullptr);
  EXPECT_FALSE(ladders->stems_start_terms);
  const WordEntry* biopsies = index.FindWord("biopsies");
  ASSERT_NE(biopsies, nullptr);
  EXPECT_TRUE(biopsies->stems_start_terms);  // "biopsy" is a term
}

// A listed name the named-instrument pattern also finds is the name, with
// the table's plain wording, not a department's name after another word.
TEST(LexiconTest, ListedNamedInstrumentsKeepTheirFinding) {
  auto lexicon = DefaultWithTermsFile(
      "plainlang_overlay_named.tsv",
      "term\tcategory\tfamiliarity\tplain\n"
      "ottawa knee rules\ttest\t0.1\tchecks for whether a knee x-ray is needed\n");
  Report report = Analyzer(lexicon, AnalyzerOptions{}).Analyze("We used the Ottawa knee rules.");
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].text, "Ottawa knee rules");
  EXPECT_EQ(report.findings[0].suggestion, "checks for whether a knee x-ray is needed");
}

// An overlay that makes a stem a term marks the words built on it again:
// "ladders" is then matched as the overlay's "ladder".
TEST(LexiconTest, OverlayTermsMarkTheirInflectedWordsAgain) {
  auto lexicon = DefaultWithTermsFile("plainlang_overlay_ladder.tsv",
                                      "term\tcategory\tfamiliarity\tplain\n"
                                      "ladder\tother\t0.1\ta climbing frame\n");
  const WordEntry* ladders = lexicon->index().FindWord("ladders");
  ASSERT_NE(ladders, nullptr);
  EXPECT_TRUE(ladders->stems_start_terms);
  Report report = Analyzer(lexicon, AnalyzerOptions{}).Analyze("Climb the ladders.");
  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].text, "ladders");
  EXPECT_EQ(report.findings[0].term, "ladder");
  EXPECT_EQ(report.findings[0].suggestion, "a climbing frame");
}

}  // namespace
}  // namespace plainlang

namespace plainlang {
namespace {

// SameWord compares by overlapping loads; every length it treats apart
// (under 4, 4-7, 8 and up) must tell apart words differing at any byte.
TEST(WordTableTest, SameWordSeesEveryByteAtEveryLength) {
  for (size_t n = 0; n <= 24; ++n) {
    std::string a(n, 'x');
    for (size_t k = 0; k < n; ++k) a[k] = static_cast<char>('a' + k);
    EXPECT_TRUE(WordTable::SameWord(a, std::string(a))) << n;
    for (size_t k = 0; k < n; ++k) {
      std::string b = a;
      b[k] = '#';
      EXPECT_FALSE(WordTable::SameWord(a, b)) << "length " << n << ", byte " << k;
    }
    EXPECT_FALSE(WordTable::SameWord(a, a + "s")) << n;
  }
}

TEST(WordTableTest, FindsWhatWasAddedAndNothingElse) {
  WordTable table;
  const std::string words[] = {
      "a", "bp", "the", "dose", "fever", "patient", "hydrochlorothiazide", "blood pressure"};
  for (const std::string& word : words) table.FindOrAdd(word, /*stable=*/false).zipf = 5;
  for (const std::string& word : words) {
    const WordEntry* entry = table.Find(word);
    ASSERT_NE(entry, nullptr) << word;
    EXPECT_EQ(entry->word, word);
  }
  for (std::string_view absent :
       {"", "b", "bq", "thy", "doses", "patients", "hydrochlorothiazid", "blood pressurE"}) {
    EXPECT_EQ(table.Find(absent), nullptr) << absent;
  }
  EXPECT_EQ(table.size(), std::size(words));
}

}  // namespace
// An overlay must be a regular file: a device would be read until memory
// runs out, a FIFO would wait forever.
TEST(LexiconTest, OverlaysMustBeRegularFiles) {
  try {
    Lexicon::DefaultWithOverlays({{TableKind::kTerms, "/dev/zero"}});
    FAIL() << "/dev/zero accepted as a table";
  } catch (const LexiconError& error) {
    EXPECT_EQ(error.file(), "/dev/zero");
    EXPECT_EQ(error.reason(), "not a regular file");
  }
}

// An overlay's text is checked before its rows: CR-only line ends, bytes
// that are not UTF-8 and terms of punctuation alone each name their line.
TEST(LexiconTest, OverlaysAreCheckedLineByLine) {
  const std::pair<std::string, std::pair<int, std::string>> cases[] = {
      {"term\tcategory\tplain\rbilateral\tanatomy\tboth sides\r",
       {1, "a line ends in CR alone; save the table with LF line ends"}},
      {"term\tcategory\tplain\nbilat\xff\tanatomy\tboth\n", {2, "the line is not valid UTF-8"}},
      {"term\tcategory\tplain\nok\tother\tfine\n---\tother\tdash\n",
       {3, "field 'term' holds no letter or digit"}},
  };
  for (const auto& [table, expected] : cases) {
    Lexicon lexicon;
    try {
      lexicon.Load(TableKind::kTerms, table, "overlay.tsv");
      ADD_FAILURE() << "accepted: " << table;
    } catch (const LexiconError& error) {
      EXPECT_EQ(error.line(), expected.first) << table;
      EXPECT_EQ(error.reason(), expected.second) << table;
    }
  }
}

}  // namespace plainlang
