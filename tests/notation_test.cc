// Notation found by pattern: each kind on examples that stand for it, and
// the everyday text around them left alone.
#include "analysis/notation.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "lexicon/matcher.h"
#include "plainlang/lexicon.h"
#include "text/segmenter.h"

namespace plainlang {
namespace {

// (matched text, kind) of every notation in `text`, searched as one window.
std::vector<std::pair<std::string, NotationKind>> Find(const std::string& text) {
  std::vector<NotationMatch> matches;
  FindNotation(text, Span{0, text.size()}, Lexicon::Default()->index(), &matches);
  std::vector<std::pair<std::string, NotationKind>> out;
  for (const NotationMatch& m : matches) {
    out.emplace_back(text.substr(m.start, m.end - m.start), m.kind);
  }
  return out;
}

using Found = std::vector<std::pair<std::string, NotationKind>>;

TEST(NotationTest, DosingFrequencies) {
  EXPECT_EQ(Find("Take it q4h, then q 6 hours, or q4-6h; also qAM, qPM and qHS, q.i.d."),
            (Found{{"q4h", NotationKind::kDosing},
                   {"q 6 hours", NotationKind::kDosing},
                   {"q4-6h", NotationKind::kDosing},
                   {"qAM", NotationKind::kDosing},
                   {"qPM", NotationKind::kDosing},
                   {"qHS", NotationKind::kDosing},
                   {"q.i.d", NotationKind::kDosing}}));
  EXPECT_TRUE(Find("Results for Q3 2025 are in.").empty());
}

TEST(NotationTest, DurationsButNotSizes) {
  EXPECT_EQ(Find("Amoxicillin x 7 days, then repeat x3. A 2 x 3 cm cyst; 1.2 cm x 0.8 cm."),
            (Found{{"x 7 days", NotationKind::kDuration}, {"x3", NotationKind::kDuration}}));
}

TEST(NotationTest, RatesGestationGradesStagesAndScores) {
  EXPECT_EQ(Find("Give 15 mg/kg/day, about 40 mL per 24 h."),
            (Found{{"mg/kg/day", NotationKind::kRate}, {"per 24 h", NotationKind::kRate}}));
  EXPECT_EQ(Find("Seen at 36+5 weeks, G2P1."),
            (Found{{"36+5 weeks", NotationKind::kGestation}, {"G2P1", NotationKind::kGestation}}));
  EXPECT_EQ(Find("A grade 2/6 systolic murmur; stage IIIA, pT2N0M0; NYHA class III; 2+ edema."),
            (Found{{"grade 2/6 systolic murmur", NotationKind::kGradeStage},
                   {"stage IIIA", NotationKind::kGradeStage},
                   {"pT2N0M0", NotationKind::kGradeStage},
                   {"NYHA class III", NotationKind::kGradeStage},
                   {"2+ edema", NotationKind::kGradeStage}}));
  EXPECT_EQ(
      Find("Your PHQ-9 of 14 and GAD-7 score was 12."),
      (Found{{"PHQ-9 of 14", NotationKind::kScore}, {"GAD-7 score was 12", NotationKind::kScore}}));
  // Everyday uses of the same words.
  EXPECT_TRUE(Find("At this stage I think we wait. She is in grade school, first class.").empty());
}

// A name before a Roman numeral is an eponymous classification; a bare I
// is one only after a rare name or before a mark, and a common word or a
// person's name before it is English.
TEST(NotationTest, EponymousClassificationsWithRomanNumerals) {
  EXPECT_EQ(Find("A Bosniak I cyst, Salter-Harris II fracture, modified Hinchey Ib, "
                 "Scadding stage I disease, category I."),
            (Found{{"Bosniak I", NotationKind::kGradeStage},
                   {"Salter-Harris II", NotationKind::kGradeStage},
                   {"Hinchey Ib", NotationKind::kGradeStage},
                   {"Scadding stage I", NotationKind::kGradeStage},
                   {"category I", NotationKind::kGradeStage}}));
  EXPECT_EQ(Find("Rome IV criteria met."), (Found{{"Rome IV criteria", NotationKind::kNamed}}));
  EXPECT_TRUE(Find("Hi Maria I will call. Yesterday I called. World War II. Type II. "
                   "Stage I think so.")
                  .empty());
  // A generation after a person's name.
  EXPECT_TRUE(
      Find("Seen by Dr. Carter II today. Henry Ford III called. Thanks, James Carter II").empty());
  // A scale word before its numeral stays a stage, whatever follows; a
  // grade's "+" is its own.
  EXPECT_EQ(Find("Stage II surgery is planned. Pulses 2+ throughout."),
            (Found{{"Stage II", NotationKind::kGradeStage}, {"2+", NotationKind::kGradeStage}}));
}

TEST(NotationTest, DrugClassConstructions) {
  EXPECT_EQ(Find("Start an SGLT2 inhibitor, stop the beta blocker, keep the loop diuretic and "
                 "the lipid-lowering therapy."),
            (Found{{"SGLT2 inhibitor", NotationKind::kDrugClass},
                   {"beta blocker", NotationKind::kDrugClass},
                   {"loop diuretic", NotationKind::kDrugClass},
                   {"lipid-lowering therapy", NotationKind::kDrugClass}}));
  // The lead word is not part of the class.
  EXPECT_EQ(Find("Take your blocker."), (Found{{"blocker", NotationKind::kDrugClass}}));
  EXPECT_EQ(Find("Avoid tetracycline-class antibiotics."),
            (Found{{"tetracycline-class antibiotics", NotationKind::kDrugClass}}));
  EXPECT_TRUE(Find("A first-class seat.").empty());
  // A class named by an everyday word is no drug class.
  EXPECT_TRUE(Find("We offer world-class medicine; avoid same-class agents.").empty());
  // A binder is a drug only after what it binds.
  EXPECT_EQ(Find("Wear a belly binder, a rib-binder and your binder; take a phosphate binder."),
            (Found{{"phosphate binder", NotationKind::kDrugClass}}));
}

TEST(NotationTest, NamedInstrumentsButNotTitleCase) {
  EXPECT_EQ(Find("The Wells score of 4 and the Glasgow Coma Scale; Murphy's sign; Rome IV "
                 "criteria; the Epley maneuver."),
            (Found{{"Wells score of 4", NotationKind::kNamed},
                   {"Glasgow Coma Scale", NotationKind::kNamed},
                   {"Murphy's sign", NotationKind::kNamed},
                   {"Rome IV criteria", NotationKind::kNamed},
                   {"Epley maneuver", NotationKind::kNamed}}));
  EXPECT_TRUE(Find("Your Blood Test and Stress Test are booked. The HIV test was fine.").empty());
  // A day or a month dates a test; a place of care before the head is
  // where it is done. A place inside a longer name does not end it.
  EXPECT_TRUE(Find("Do not skip the Wednesday blood test. Your June assessment is booked. The "
                   "Vein Clinic procedure room; the Sleep Center test.")
                  .empty());
  EXPECT_EQ(Find("The Dutch Lipid Clinic Network score of 9. Your Cleveland Clinic score."),
            (Found{{"Lipid Clinic Network score of 9", NotationKind::kNamed},
                   {"Cleveland Clinic score", NotationKind::kNamed}}));
}

// One capitalised word before a head is a name only when it is none of
// the lexicon's terms; first in a sentence or a list's line, only when it
// is no everyday word either. Codes, possessives and titles of several
// words stand wherever they are.
TEST(NotationTest, EverydayWordsOpeningASentenceAreNotNames) {
  EXPECT_TRUE(Find("Urine test came back normal. Thyroid test was fine.").empty());
  EXPECT_TRUE(Find("Needle test: some cells were seen.\n- Breathing exercises daily.").empty());
  EXPECT_TRUE(Find("Robotic surgery costs more. Plan: Hearing test next week.").empty());
  EXPECT_TRUE(Find("(Needle test was fine.)\n\u201cNeedle test\u201d; Needle test.").empty());
  // A common surname opening a sentence is missed unless a value follows;
  // "e.g." ends no sentence.
  EXPECT_EQ(Find("Your Hamilton scale. Hamilton scale. Hamilton scale was 12. See e.g. Morse "
                 "scale results."),
            (Found{{"Hamilton scale", NotationKind::kNamed},
                   {"Hamilton scale was 12", NotationKind::kNamed},
                   {"Morse scale", NotationKind::kNamed}}));
  EXPECT_EQ(
      Find("ACT score was 14. Murphy's sign was absent."),
      (Found{{"ACT score was 14", NotationKind::kNamed}, {"Murphy's sign", NotationKind::kNamed}}));
  EXPECT_EQ(Find("Fatigue Severity Scale fell. Delirium Assessment Method done."),
            (Found{{"Fatigue Severity Scale", NotationKind::kNamed},
                   {"Delirium Assessment", NotationKind::kNamed}}));
}

// A form's fields, laid out three spaces apart or more, are no name and
// its head; one or two spaces still join an instrument's words.
TEST(NotationTest, FormFieldsSpacedApartAreNotNames) {
  EXPECT_TRUE(Find("Patient: Gloria Esposito    Procedure: EGD").empty());
  EXPECT_EQ(Find("Do Kegel exercises."), (Found{{"Kegel exercises", NotationKind::kNamed}}));
  EXPECT_EQ(Find("Her Apgar  score was 8."), (Found{{"Apgar  score was 8", NotationKind::kNamed}}));
}

// A capitalised head followed by another capitalised word names a place;
// a person's possessive before an operation, an exam or a thing is theirs.
TEST(NotationTest, PlacesAndPeoplesOperationsAreNotInstruments) {
  EXPECT_TRUE(Find("Come to the Hartwell Procedure Room at 9.").empty());
  EXPECT_TRUE(Find("Meet us at the Ferris Test Center.").empty());
  EXPECT_TRUE(Find("Jonah's surgery is on Monday, and Priya's exam on Friday.").empty());
  // So are a person's things: a list, a monitor.
  EXPECT_TRUE(Find("Here is Yonas's list of medicines and Dad's monitor.").empty());
  // A head after the head still belongs to the instrument; eponyms keep
  // their possessive before a sign or a test.
  EXPECT_EQ(Find("We used the Delirium Assessment Method today."),
            (Found{{"Delirium Assessment", NotationKind::kNamed}}));
  EXPECT_EQ(
      Find("Her Tinel's sign and Phalen's test were checked."),
      (Found{{"Tinel's sign", NotationKind::kNamed}, {"Phalen's test", NotationKind::kNamed}}));
}

TEST(NotationTest, TheIssuesExamples) {
  EXPECT_EQ(Find("A grade 2/6 murmur."), (Found{{"grade 2/6 murmur", NotationKind::kGradeStage}}));
  EXPECT_EQ(Find("A GLP-1 agonist and an aldosterone antagonist."),
            (Found{{"GLP-1 agonist", NotationKind::kDrugClass},
                   {"aldosterone antagonist", NotationKind::kDrugClass}}));
  EXPECT_EQ(
      Find("Per the Beers criteria and the ADA guidelines."),
      (Found{{"Beers criteria", NotationKind::kNamed}, {"ADA guidelines", NotationKind::kNamed}}));
}

TEST(NotationTest, ResearchMeasures) {
  EXPECT_EQ(Find("Disease-specific survival, biochemical outcome and relative effectiveness."),
            (Found{{"Disease-specific survival", NotationKind::kResearch},
                   {"biochemical outcome", NotationKind::kResearch},
                   {"relative effectiveness", NotationKind::kResearch}}));
  // An outcome's rate and a relative or absolute difference, in any case
  // at the start; a rate of the body is no research measure.
  EXPECT_EQ(Find("Remission rates rose; the relative reduction was 20% and the outcome measure "
                 "was pain. Your heart rate was 70."),
            (Found{{"Remission rates", NotationKind::kResearch},
                   {"relative reduction", NotationKind::kResearch},
                   {"outcome measure", NotationKind::kResearch}}));
}

TEST(NotationTest, StatisticsStillFound) {
  EXPECT_EQ(Find("RR 0.70, 95% CI 0.55 to 0.89; P = 0.004; I² = 12%"),
            (Found{{"95% CI", NotationKind::kStatistics},
                   {"P = 0.004", NotationKind::kStatistics},
                   {"I² = 12%", NotationKind::kStatistics}}));
}

// Notation of the specialties the first corpus lacked: kidney disease's
// fifth stage, zones of the retina, parts of a TNM stage, fibrosis stages,
// a time of day after q, a duration "up to", and a count after a reading.
TEST(NotationTest, StagesZonesAndCountsOfMoreSpecialties) {
  EXPECT_EQ(Find("CKD stage 4, close to stage 5; ROP zone II; (pT3), pN1b, ypT0; F2-F3 fibrosis."),
            (Found{{"stage 4", NotationKind::kGradeStage},
                   {"stage 5", NotationKind::kGradeStage},
                   {"zone II", NotationKind::kGradeStage},
                   {"pT3", NotationKind::kGradeStage},
                   {"pN1b", NotationKind::kGradeStage},
                   {"ypT0", NotationKind::kGradeStage},
                   {"F2-F3", NotationKind::kGradeStage}}));
  EXPECT_EQ(Find("Spironolactone PO q a.m., methotrexate q week, tranexamic acid x up to 5 days."),
            (Found{{"q a.m.", NotationKind::kDosing},
                   {"q week", NotationKind::kDosing},
                   {"x up to 5 days", NotationKind::kDuration}}));
  // A count after a reading, and after a verb before "in"; sizes stay sizes.
  EXPECT_EQ(Find("Call if over 250 x2 in a row. Epley maneuver done x2 in clinic."),
            (Found{{"x2", NotationKind::kDuration},
                   {"Epley maneuver", NotationKind::kNamed},
                   {"x2", NotationKind::kDuration}}));
  EXPECT_TRUE(Find("A 2 x3 cm cyst; cut it 2 x 3 in.; the parking zone is full; F2 key; "
                   "my comfort zone I think.")
                  .empty());
  EXPECT_EQ(
      Find("DAPT (aspirin + ticagrelor) x 12 months; a cyst (3 mm) x 2 mm; up 3–4x/night."),
      (Found{{"x 12 months", NotationKind::kDuration}, {"3–4x/night", NotationKind::kDosing}}));
  EXPECT_EQ(Find("Walk x 20 min; ibuprofen q6–8h."),
            (Found{{"x 20 min", NotationKind::kDuration}, {"q6–8h", NotationKind::kDosing}}));
}

// A named classification or staging system with its number, from a list:
// an acronym or a name before a number is most often a lab and its value.
TEST(NotationTest, NamedClassificationsWithTheirNumber) {
  EXPECT_EQ(Find("GOLD 3 COPD; BI-RADS 4; ECOG 1; Modic type 1; Hoehn and Yahr 3."),
            (Found{{"GOLD 3", NotationKind::kGradeStage},
                   {"BI-RADS 4", NotationKind::kGradeStage},
                   {"ECOG 1", NotationKind::kGradeStage},
                   {"Modic type 1", NotationKind::kGradeStage},
                   {"Hoehn and Yahr 3", NotationKind::kGradeStage}}));
  EXPECT_TRUE(
      Find("Stop ASA 5 days before. He won gold 3 times; TSH 4 is fine; Tanner 2 doses are due.")
          .empty());
  EXPECT_EQ(Find("MELD-Na 16, Child-Pugh B; Child-Pugh Class C."),
            (Found{{"Child-Pugh B", NotationKind::kGradeStage},
                   {"Child-Pugh Class C", NotationKind::kGradeStage}}));
  EXPECT_TRUE(Find("A Class 2B student; take q\nweek.").empty());
}

// Codes of nuclear medicine and genetics: radioactive elements, gene
// variants and chromosome bands; not a road, a time or a page.
TEST(NotationTest, RadioactiveElementsGeneVariantsAndChromosomeBands) {
  EXPECT_EQ(Find("A single I-131 capsule, then Tc-99m and Ga-68 scans."),
            (Found{{"I-131", NotationKind::kCode},
                   {"Tc-99m", NotationKind::kCode},
                   {"Ga-68", NotationKind::kCode}}));
  EXPECT_EQ(Find("Variant c.1852_1854delAAG (p.Lys618del); also c.2932T>C and 16p11.2, Xp22.31."),
            (Found{{"c.1852_1854delAAG", NotationKind::kCode},
                   {"p.Lys618del", NotationKind::kCode},
                   {"c.2932T>C", NotationKind::kCode},
                   {"16p11.2", NotationKind::kCode},
                   {"Xp22.31", NotationKind::kCode}}));
  EXPECT_TRUE(Find("Take I-95 north at 5 p.m.; see c. 1900; 2p is fine.").empty());
}

TEST(NotationTest, PlainWordingOfDosesAndDurations) {
  EXPECT_EQ(PlainNotation(NotationKind::kDosing, "q6h"), "every 6 hours");
  EXPECT_EQ(PlainNotation(NotationKind::kDosing, "q4-6h"), "every 4-6 hours");
  EXPECT_EQ(PlainNotation(NotationKind::kDosing, "qHS"), "at bedtime");
  EXPECT_EQ(PlainNotation(NotationKind::kDosing, "q.o.d"), "every other day");
  EXPECT_EQ(PlainNotation(NotationKind::kDuration, "x 7 days"), "for 7 days");
  EXPECT_EQ(PlainNotation(NotationKind::kDuration, "x3"), "3 times");
  EXPECT_EQ(PlainNotation(NotationKind::kDuration, "× 1 week"), "for 1 week");
  EXPECT_EQ(PlainNotation(NotationKind::kDuration, "x up to 5 days"), "for up to 5 days");
  EXPECT_EQ(PlainNotation(NotationKind::kDuration, "x up  to 5 days"), "for up to 5 days");
  EXPECT_EQ(PlainNotation(NotationKind::kDuration, "X up to 3"), "up to 3 times");
  EXPECT_EQ(PlainNotation(NotationKind::kDuration, "x up"), "");
  EXPECT_EQ(PlainNotation(NotationKind::kDosing, "q a.m."), "every morning");
  EXPECT_EQ(PlainNotation(NotationKind::kDosing, "q6–8h"), "every 6-8 hours");
  EXPECT_EQ(PlainNotation(NotationKind::kDuration, "x 20 min"), "for 20 minutes");
  EXPECT_EQ(PlainNotation(NotationKind::kGradeStage, "stage IIIA"), "");
}

// How many windows NotationWindows opens on `text`, tokenised as the
// analyser does.
size_t Windows(const std::string& text) {
  std::vector<Token> tokens;
  std::string folded;
  Tokenize(text, SentenceSpan{0, text.size()}, &tokens, &folded, BreakRules::kIcu);
  TokenLookups lookups;
  LookUpTokens(Lexicon::Default()->index(), tokens, &lookups);
  std::vector<Span> windows;
  NotationWindows(tokens, lookups, &windows);
  return windows.size();
}

// Every name of the classification pattern opens a window before its
// number: the pattern and the windows' list of last words stay in step.
TEST(NotationTest, EveryNamedClassificationOpensItsWindow) {
  for (const char* name : {"GOLD",
                           "ECOG",
                           "BI-RADS",
                           "LI-RADS",
                           "PI-RADS",
                           "TI-RADS",
                           "O-RADS",
                           "Lung-RADS",
                           "CEAP",
                           "Deauville",
                           "Rutherford",
                           "Fontaine",
                           "Killip",
                           "Tanner",
                           "Bosniak",
                           "Breslow",
                           "Kellgren-Lawrence",
                           "Modic",
                           "Outerbridge",
                           "Gustilo",
                           "Hurley",
                           "Fitzpatrick",
                           "Fazekas",
                           "Mallampati",
                           "Spetzler-Martin",
                           "Hunt-Hess",
                           "Hoehn and Yahr",
                           "Child-Pugh",
                           "Lugano",
                           "ISUP"}) {
    const std::string text = std::string("Your ") + name + " 2 result.";
    EXPECT_GT(Windows(text), 0u) << name;
    EXPECT_EQ(Find(text), (Found{{std::string(name) + " 2", NotationKind::kGradeStage}})) << name;
  }
}

TEST(NotationTest, WindowsOnlyWhereSomethingGivesNotationAway) {
  EXPECT_EQ(Windows("Please take two tablets every morning with food and call us."), 0u);
  EXPECT_EQ(Windows("Your blood test on 3/4 was fine; the next test is in June."), 0u);
  EXPECT_EQ(Windows("Take it q6h."), 1u);
  EXPECT_EQ(Windows("Take it for 7 days x 2."), 1u);
  EXPECT_EQ(Windows("An ACE inhibitor helps."), 1u);
  EXPECT_EQ(Windows("The Wells score is low."), 1u);
  // A scale word before a Roman numeral with a letter after it.
  EXPECT_EQ(Windows("The tumor is stage IIIA."), 1u);
  EXPECT_EQ(Windows("Breast cancer, stage IIB."), 1u);
  EXPECT_EQ(Windows("At this stage we rest."), 0u);
  EXPECT_EQ(Windows("Avoid tetracycline-class antibiotics."), 1u);
  EXPECT_EQ(Windows("After class we rest."), 0u);
  EXPECT_EQ(Windows("No more than 4 g per 24 hours."), 1u);
  EXPECT_EQ(Find("Per 24 hours, drink 2 liters. PER 24 HOURS."),
            (Found{{"Per 24 hours", NotationKind::kRate}, {"PER 24 HOURS", NotationKind::kRate}}));
  EXPECT_EQ(Windows("Two per day, 24 in all."), 0u);
  // Near ones share one window; far apart, two. A token that can only
  // start its notation gets a window of its own, searched anchored.
  EXPECT_EQ(Windows("An ACE inhibitor and a beta blocker"), 1u);
  EXPECT_EQ(Windows("q6h and q8h"), 2u);
  EXPECT_EQ(Windows("Take it q6h. " + std::string(200, 'a') + " Then the beta blocker."), 2u);
}

}  // namespace
}  // namespace plainlang
