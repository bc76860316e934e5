#include "analysis/notation.h"
#include "text/byte_scan.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <span>
#include <string>

namespace plainlang {
namespace {

// One group per NotationKind, in the enum's order. At one position the
// first alternative that matches wins, so the longer forms come first.
// Units and words are case-sensitive where a lower-case reading would be
// everyday English ("stage I think", "class I").
constexpr std::array<std::string_view, 11> kPatterns = {
    // kStatistics: 95% CI; P < 0.05; I² = 45%; Chi² = 3.21, df = 2; n = 120
    R"(\b\d{2}(?:\.\d+)?\s?%\s?(?:CIs?|CrI|confidence intervals?|credible intervals?)\b)"
    R"(|\b[Pp](?:[- ]values?)?\s?(?:<=|>=|<|>|=|≤|≥)\s?0?\.\d+)"
    R"(|\bI\s?(?:²|2|\^2)\s?(?:=|<|>)\s?\d+(?:\.\d+)?\s?%?)"
    R"(|(?:\b[Cc]hi\s?(?:²|2|\^2)|χ\s?²|\b[Tt]au\s?(?:²|2|\^2)|\bdf|\bZ)\s?=\s?[-−]?\d+(?:\.\d+)?)"
    R"(|\b[Nn]\s?=\s?\d[\d,]*)",
    // kDosing: q6h, q 4-6 hrs, q2wk; qAM, qHS, q.d., q.i.d., q.o.d.
    R"(\b[qQ]\.?\s?\d{1,2}(?:\s?[-–]\s?\d{1,2})?\s?)"
    R"((?:hours?|hrs?|h|min|days?|d|weeks?|wks?|wk|months?|mos?|years?|yrs?|y)\b)"
    // 3x/week, 4-5x/wk, 2x daily, 10x/hour
    R"(|\b\d{1,2}(?:[-–]\d{1,2})?\s?[xX]\s?(?:/\s?|per\s+|a\s+)?)"
    R"((?:day|daily|d|week|weekly|wk|hour|hr|h|night|month|mo)\b)"
    // cycles of treatment: C6D1, 21-day cycle, days 1-14
    R"(|\bC\d{1,2}D\d{1,2}\b|\b\d{1,2}-day cycles?\b|\bdays\s+\d{1,2}\s?-\s?\d{1,2}\b)"
    R"(|\b[qQ]\.?(?:AM|PM|am|pm|HS|hs|h\.s|AC|ac|PC|pc|day|daily|night|morning|evening|week|wk)"
    R"(|month|mo|o\.?d|O\.?D|i\.?d|I\.?D|d|D)\b)"
    // q a.m., q p.m., q week: a time of day or a period as a word after the q
    R"(|\b[qQ]\s?[AaPp]\.\s?[Mm]\.?|\b[qQ][ \t](?:day|night|morning|evening|week|month)\b)",
    // kDuration: x 7 days, x3, X 10d, × 5 days, x up to 5 days
    R"((?:\b[xX]|×)\s?(?:up\s+to\s+)?\d{1,3}(?:\s?(?:more\s+)?)"
    R"((?:days?|d|weeks?|wks?|wk|w|months?|mos?|mo|hours?|hrs?|h|minutes?|mins?|doses?)"
    R"(|years?|yrs?|y)\b|\b))"
    // a count or size written with #: dispense #30, a #20 catheter
    R"(|#\d{1,3}\b)",
    // kRate: mg/kg/day, mL/kg/hr, units/kg, mg/m2; per 24 h, /24hr
    R"(\b(?:mg|mcg|g|mL|ml|units?|U|mEq|mmol|kcal|cc|L|IU)\s?/\s?(?:kg|m2)(?:\s?/\s?(?:day|d|dose)"
    R"(|hr|h|hour|min|week|wk))?\b|(?i:(?:\bper\s?|/\s?)24\s?(?:h|hrs?|hours))\b)",
    // kGestation: 36+5 weeks, 36+5, 34 2/7 weeks, 36w5d, G2P1, G3P2012
    R"(\b\d{1,2}\s?\+\s?[0-6](?:\s?/\s?7)?\s?(?:weeks?|wks?|w)\b|\b[1-4]\d\+[0-6]\b)"
    R"(|\b\d{1,2}\s[0-6]/7\s?(?:weeks?|wks?)\b|\b\d{1,2}w\s?[0-6]d\b)"
    R"(|\bG\d{1,2}\s?P\d{1,4}(?:-\d{1,2}){0,3}\b)",
    // kGradeStage: grade 2/6 systolic murmur, 3/6 murmur, grade 1, stage IIIA,
    // stage 3b, T2N0M0, pT1cN0, NYHA class III, 2+ pitting edema
    R"(\b(?:[Gg]rade\s+)?[1-6]\s?/\s?6\s+(?:[a-z-]+\s+){0,3}?murmurs?\b)"
    R"(|\b[Gg]rade\s+(?:[1-6]\s?/\s?6|[1-4][a-c]?|IV|III|II|I)\b)"
    R"(|\b[Ss]tage\s+(?:IV|III|II|I[ABCabc]|0)[A-Ca-c]?[1-3]?\b|\b[Ss]tage\s+[1-4][A-Ca-c][1-3]?\b)"
    R"(|\b[cpy]?T(?:[0-4]|is|x)[a-d]?\s?N(?:[0-3]|x)[a-c]?(?:\s?M(?:[01]|x))?\b)"
    R"(|\b(?:NYHA\s+)?[Cc]lass\s+(?:IV|III|II|[1-4][a-c]?|[A-D])\b)"
    R"(|\b(?:[Ss]tage|[Ll]evel|[Pp]hase|[Cc]ategory)\s+(?:IV|III|II|[0-4])[A-Ca-c]?(?:\.\d)?\b)"
    // the fifth stage of kidney disease (stage 5, 5D); a zone of the retina
    // or the neck, a bare I only before a mark ("comfort zone I think");
    // one part of a TNM stage (pT3, ypN1b, cM0); a range of fibrosis
    // stages (F2-F3)
    R"(|\b[Ss]tage\s+(?:5|V)[Dd]?\b|\b[Zz]one\s+(?:III|II)\b|\b[Zz]one\s+I(?:[.,;:)]|$))"
    R"(|\b(?:yp|p|c)(?:T(?:[0-4]|is|x)[a-d]?|N(?:[0-3]|x)[a-c]?|M(?:[01]|x)[a-c]?)\b)"
    R"(|\bF[0-4]\s?[-–]\s?F[0-4]\b)"
    // a named classification or staging system with its number (GOLD 3,
    // ECOG 1, BI-RADS 4, Deauville 2, Modic type 1, Hoehn and Yahr 3): a
    // list, since an acronym or a name before a number is most often a lab
    // and its value (not ASA, most often aspirin); a count after it is no
    // grade ("Tanner 2 doses", RefineGradeStage)
    R"(|\b(?:GOLD|ECOG|BI-RADS|LI-RADS|PI-RADS|TI-RADS|O-RADS|Lung-RADS|CEAP|Deauville)"
    R"(|Rutherford|Fontaine|Killip|Tanner|Bosniak|Breslow|Kellgren-Lawrence|Modic|Outerbridge)"
    R"(|Gustilo|Hurley|Fitzpatrick|Fazekas|Mallampati|Spetzler-Martin|Hunt-Hess)"
    R"(|Hoehn and Yahr|Child-Pugh|Lugano|ISUP))"
    R"(\s+(?:(?:grade|class|stage|type|category|group)\s+)?)"
    R"((?:[0-5][A-Da-d]?|IV|III|II|I)\b)"
    R"(|\bChild-Pugh\s+(?:[Cc]lass\s+)?[A-C]\b)"
    // An eponymous classification with its Roman numeral: Bosniak I,
    // Salter-Harris II, Hinchey Ib, Scadding stage I (Refine: the name must
    // be one); a bare I after a scale word only before a mark or the end,
    // so "stage I think" stays English
    R"(|\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?[ \t]+(?:(?:stage|grade|class|type|category)[ \t]+)?)"
    R"((?:IV|V|III|II|I)[a-c]?\b)"
    R"(|\b(?:[Ss]tage|[Gg]rade|[Cc]lass|[Cc]ategory)[ \t]+I(?:[.,;:)]|$))"
    R"(|\bTR[1-5]\b)"
    R"(|\b[1-4]\+\s+(?:pitting\s+)?(?:edema|protein|proteinuria|pulses?|reflexes|blood|glucose)"
    R"(|ketones|leukocytes|bacteria)\b|\b[0-4]\+)",
    // kScore: PHQ-9 of 14, GAD-7 score was 12, PHQ-2 = 4
    R"(\b[TZ]-scores?(?:\s+(?:of|was|is|=|:))?\s*[-−]?\d+(?:\.\d+)?)"
    R"(|\b[A-Z]{2,}[A-Za-z]*-\d{1,2}\s+(?:[Ss]core\s+)?(?:of|was|is|=|:)?\s*\d+(?:\.\d+)?)"
    R"((?:\s?/\s?\d+)?)",
    // kDrugClass: ACE inhibitor(s), beta-blocker, GLP-1 agonist, loop diuretic,
    // lipid-lowering therapy, disease-modifying drugs
    R"(\b[A-Za-z0-9][A-Za-z0-9-]*[ -](?:inhibitors?|blockers?|agonists?|antagonists?|modulators?)"
    R"(|analogues?|analogs?|sequestrants?|sensitizers?|binders?)\b)"
    R"(|\b(?:loop|thiazide|thiazide-like|potassium-sparing|osmotic)\s+diuretics?\b)"
    R"(|\b[A-Za-z0-9]+-class\s+(?:antibiotics?|drugs?|medicines?|medications?|agents?)\b)"
    R"(|\b[A-Za-z]+-(?:lowering|modifying|sparing|stimulating|suppressing|reducing)\s+)"
    R"((?:therapy|therapies|treatment|agents?|drugs?|medications?|medicines?)\b)",
    // kNamed: one to three capitalised words and a head noun, one or two
    // spaces or a tab apart (more lay out a form's fields: "Patient: Ana
    // Ruiz    Procedure: EGD"), with a score after it if one is given;
    // FindNotation decides whether the words are a name (see IsName).
    R"(\b(?:[A-Z][A-Za-z0-9'’]*(?:-[A-Za-z0-9]+)*(?: {1,2}|\t)){1,3}(?:[a-z]+(?: {1,2}|\t)){0,2}?)"
    // Heads that are also words of clinic names count only in lower case:
    // "Mohs surgery", not "Westbrook General Surgery".
    R"((?:[Ss]cores?|[Ss]cales?|[Cc]riteria|surgery|monitor|catheter|balloon|exercises?)"
    R"(|contractions|method|rules|list)"
    R"(|[Gg]uidelines?|[Cc]lassification|[Pp]rotocol|[Tt]est|[Ss]ign|[Mm]aneuver|[Mm]anoeuvre)"
    R"(|[Ii]ndex|[Qq]uestionnaire|[Ii]nventory|[Ss]taging|[Rr]ule|[Aa]ssessment|[Ee]xam)"
    R"(|[Gg]rading|[Pp]rocedure|[Oo]peration|[Rr]eflex)\b)"
    R"((?:[ \t]+(?:of|was|is|=|:)[ \t]*\d+(?:\.\d+)?(?:[ \t]?/[ \t]?\d+)?)?)",
    // kResearch: disease-specific survival, progression-free survival,
    // biochemical outcome, primary endpoint, relative effectiveness,
    // absolute risk reduction, remission rates, outcome measure
    R"(\b[A-Za-z]+-(?:free|specific|related)\s+(?:survival|mortality)\b)"
    R"(|\b(?:overall|median)\s+survival\b)"
    R"(|\b(?:biochemical|surrogate|composite|primary|secondary|co-primary)\s+)"
    R"((?:outcomes?|end\s?points?)\b)"
    R"(|\brelative\s+(?:effectiveness|efficacy)\b)"
    R"(|\b(?i:relative|absolute)\s+(?:risk\s+)?(?:reduction|increase|difference)\b)"
    // an outcome's rate, as trials report it: remission rates, recurrence rate
    R"(|\b(?i:remission|response|recurrence|relapse|mortality|complication|readmission))"
    R"(\s+rates?\b)"
    R"(|\b(?i:outcome)\s+measures?\b|\b(?i:effect)\s+sizes?\b)"
    R"(|\bnumber\s+needed\s+to\s+(?:treat|harm)\b)",
    // kCode: the radioactive forms of elements nuclear medicine uses (I-131,
    // Tc-99m, Lu-177, F-18), a gene variant as geneticists write it
    // (c.2932T>C, c.1852_1854delAAG, p.Lys618del) and a band
    // of a chromosome (16p11.2, 22q11.2)
    R"(\b(?:I-12[345]|I-131|Tc-99m|In-111|Ga-6[78]|Lu-177|Y-90|F-18|Ra-223|Sm-153)"
    R"(|Sr-89|Tl-201|Xe-133|Rb-82|Cu-64|Zr-89|Ac-225|Pb-212|Cr-51|Co-57|P-32)\b)"
    R"(|\b[cgmn]\.[0-9*+_-]*[0-9])"
    R"((?:[ACGT]>[ACGT]|delins[ACGT]+|del[ACGT]*|dup[ACGT]*|ins[ACGT]+|inv))"
    R"(|\bp\.[A-Z][a-z]{2}[0-9]+(?:[A-Z][a-z]{2}|del|dup|fs|\*|=))"
    R"((?:[A-Z][a-z]{2})?(?:[0-9]+|Ter[0-9]*)?)"
    R"(|\b(?:[1-9]|1[0-9]|2[0-2]|X|Y)[pq][1-4][0-9]?(?:\.[0-9]{1,2})?\b)",
};

constexpr std::array<NotationInfo, 11> kInfo = {{
    {"statistical notation", "say in words what the result means for the reader",
     "a statistical result written for researchers", "pattern:statistics", 0.7},
    {"dosing shorthand", "say how often in words, such as every 6 hours",
     "how often to take a medicine, in prescription shorthand", "pattern:dosing", 0.8},
    {"duration shorthand", "say how long in words, such as for 7 days",
     "how long or how many times, in clinical shorthand", "pattern:duration", 0.7},
    {"dose rate", "give the dose itself, such as 5 mL twice a day",
     "a dose worked out by body weight or size, or an amount per day", "pattern:rate", 0.6},
    {"gestational age", "say how far along the pregnancy is, such as 36 weeks and 5 days",
     "how far along a pregnancy is, or how many pregnancies and births, in clinical shorthand",
     "pattern:gestation", 0.7},
    {"grade or stage", "say what the grade or stage means, such as how large or how serious",
     "a grade or stage from a clinical scale", "pattern:grade_stage", 0.7},
    {"score with its number", "say what the score means, such as mild or severe",
     "a result on a named questionnaire or scale", "pattern:score", 0.7},
    {"drug class", "name the medicine and say what it does, such as lowers blood pressure",
     "a group of medicines named for how they work", "pattern:drug_class", 0.7},
    {"named test or scale", "say what was checked and what the result means",
     "a clinical test, scale, score or set of rules known by its name", "pattern:named", 0.6},
    {"research measure", "say what was measured in everyday words",
     "a measure used in research studies", "pattern:research", 0.6},
    {"lab or gene code",
     "say in words what it is, such as a radioactive medicine or a change in a gene",
     "a code from nuclear medicine or genetics: a radioactive element, a gene change or a part of "
     "a chromosome",
     "pattern:code", 0.7},
}};

std::string Combined() {
  std::string pattern;
  for (std::string_view one : kPatterns) {
    if (!pattern.empty()) pattern += '|';
    pattern += '(';
    pattern.append(one);
    pattern += ')';
  }
  return pattern;
}

// The alternation finds where notation is; which kind it is, a set of the
// patterns tells on the few bytes found. Asking the alternation for its
// groups instead doubled the cost of the pass.
struct Patterns {
  std::unique_ptr<RE2> any;
  // Every kind's pattern, anchored at both ends: one pass tells which
  // match the bytes found.
  std::unique_ptr<RE2::Set> kinds;
};

const Patterns& CompiledPatterns() {
  static const Patterns* patterns = [] {  // never destroyed: used at exit
    auto* made = new Patterns;
    RE2::Options options;
    options.set_max_mem(int64_t{64} << 20);
    made->any = std::make_unique<RE2>(Combined(), options);
    made->kinds = std::make_unique<RE2::Set>(options, RE2::ANCHOR_BOTH);
    for (std::string_view pattern : kPatterns) {
      made->kinds->Add(re2::StringPiece(pattern.data(), pattern.size()), nullptr);
    }
    made->kinds->Compile();
    return made;
  }();
  return *patterns;
}

// The kind of the bytes the alternation found: the first pattern that
// matches all of them, as the alternation itself prefers the first.
bool KindOf(const Patterns& patterns, re2::StringPiece found, NotationKind* kind) {
  std::vector<int> kinds;
  if (!patterns.kinds->Match(found, &kinds) || kinds.empty()) return false;
  *kind = static_cast<NotationKind>(*std::min_element(kinds.begin(), kinds.end()));
  return true;
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// "2 x 3 cm" and "1.2 cm x 0.8 cm" are sizes, not durations: a number or a
// length unit before the x, or a length unit after the number.
bool IsDimension(std::string_view text, size_t start, size_t end) {
  // Whether a length unit ends right before `at`.
  auto length_ends_at = [text](size_t at) {
    return at >= 2 && (text.substr(at - 2, 2) == "cm" || text.substr(at - 2, 2) == "mm");
  };
  size_t k = start;
  while (k > 0 && IsSpace(text[k - 1])) --k;
  // "over 250 x2 in a row" counts: an x glued to its number, apart from the
  // number before it, is no size's "by".
  const bool count = k < start && start + 1 < text.size() && IsAsciiDigit(text[start + 1]);
  // A size in parentheses before the x ("(1.2 cm) x 0.8 cm") ends in a
  // number or a length; "(aspirin + ticagrelor) x 12 months" is a duration.
  const bool size_closes =
      k >= 2 && text[k - 1] == ')' && (IsAsciiDigit(text[k - 2]) || length_ends_at(k - 1));
  if (!count && k > 0 && (IsAsciiDigit(text[k - 1]) || size_closes)) return true;
  if (length_ends_at(k)) return true;
  size_t after = end;
  while (after < text.size() && IsSpace(text[after])) ++after;
  const std::string_view rest = text.substr(after, 2);
  if (rest == "cm" || rest == "mm") return true;
  // Inches end the size ("2 x 3 in."); a word after "in" makes it the
  // preposition ("done x2 in clinic").
  const size_t past = after + 2;
  return rest == "in" &&
         (past >= text.size() || !(IsSpace(text[past]) || IsAsciiLetter(text[past])));
}

// Words that open a match but are not part of the name or class after them:
// "the Wells score", "your beta blocker", "start a statin".
bool IsLeadWord(const Lexicon::Index& index, std::string_view word) {
  const std::string folded = LowerAscii(word);
  const WordEntry* entry = index.FindWord(folded);
  // Function words and the commonest verbs are Zipf 5.5 and above ("the"
  // 7.7, "your" 6.6, "take" 6.0, "new" 6.1); no drug or instrument name is.
  return entry != nullptr && entry->zipf >= 5.5;
}

bool EndsWithPossessive(std::string_view word) {
  return word.ends_with("'s") || word.ends_with("’s");
}

// Where a capitalised word stands before a head noun: among capitalised
// words (a title: "Tinnitus Handicap Questionnaire", "Delirium
// Assessment"), alone, or alone and first in its sentence.
enum class NamePosition { kInTitle, kAlone, kAloneOpeningSentence };

// Whether the capitalised words before a head noun name something: an
// eponym ("Murphy's"), a code ("PHQ-9", "Rome IV"), or a word rare in
// everyday English ("Apgar", "Wells", "Coma"). "Blood Test", "Stress Test"
// and "Covid Test" are everyday words in title case. Alone, a word the
// lexicon files as a term of its own is that term, not a surname ("Urine
// test", "Thyroid test"); and first in a sentence, whose capital is the
// sentence's, an everyday word is that word ("Needle test", "Robotic
// surgery", "Breathing exercises"), so a surname as common is missed there
// unless listed ("Wells score" is).
bool IsName(const Lexicon::Index& index, std::string_view word,
            NamePosition position = NamePosition::kInTitle) {
  if (EndsWithPossessive(word)) return true;
  size_t capitals = 0, lower = 0, digits = 0;
  for (char c : word) {
    capitals += c >= 'A' && c <= 'Z';
    lower += c >= 'a' && c <= 'z';
    digits += IsAsciiDigit(c);
  }
  const std::string folded = LowerAscii(word);
  if (lower == 0 && word.find_first_not_of("IVX") == std::string_view::npos)
    return true;  // Rome IV
  // A day or a month dates a test, it does not name one ("the Wednesday
  // blood test", "your June assessment").
  static constexpr std::string_view kCalendar[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday",   "saturday",
      "sunday", "january", "february",  "march",    "april",    "june",
      "july",   "august",  "september", "october",  "november", "december"};
  if (IsListed(kCalendar, folded)) return false;
  if (capitals >= 2 || digits > 0) {
    // A code or an acronym, unless a well-known one ("HIV test").
    const Abbreviation* known = index.FindAbbreviation(AbbreviationKey(word));
    return known == nullptr || known->familiarity < 0.7f;
  }
  const WordEntry* entry = index.FindWord(folded);
  if (entry == nullptr) return true;
  if (entry->allowed) return false;
  if (position != NamePosition::kInTitle && !entry->terms.empty() &&
      index.terms[entry->terms.front()].category != "named") {
    return false;
  }
  if (position == NamePosition::kAloneOpeningSentence && entry->syllables >= 0 &&
      entry->zipf >= kCommonOpeningWordZipf) {
    return false;
  }
  // Place and family names are common words too (Wells 4.25, Glasgow 4.19,
  // Rome 4.45); the everyday words of title-case headings are commoner
  // (Blood 5.3, Stress 5.0, Heart 5.3).
  return entry->zipf < 4.6;
}

// Whether text[at] opens a sentence, a line (after a list's mark: "-",
// "*", "•", "–"), a clause after ";" or ":", a parenthesis or a quotation:
// its capital then says nothing of a name. A full stop after a letter that
// follows another stop ends an abbreviation, not a sentence ("e.g.").
bool OpensSentence(std::string_view text, size_t at) {
  static constexpr std::string_view kOpeners[] = {"-",      "*",      "(",     "\"",
                                                  "\u2022", "\u2013", "\u201c"};
  auto skip_spaces = [&text](size_t k) {
    while (k > 0 && IsSpace(text[k - 1]) && text[k - 1] != '\n') --k;
    return k;
  };
  size_t k = skip_spaces(at);
  for (std::string_view opener : kOpeners) {
    if (text.substr(0, k).ends_with(opener)) {
      k = skip_spaces(k - opener.size());
      break;
    }
  }
  if (k == 0) return true;
  const char before = text[k - 1];
  if (before == '.') return !(k >= 3 && IsAsciiLetter(text[k - 2]) && text[k - 3] == '.');
  return before == '\n' || before == '\r' || before == '!' || before == '?' || before == ':' ||
         before == ';';
}

// The head nouns of the named-instrument pattern, in any case.
bool IsHeadNoun(std::string_view word) {
  const std::string folded = LowerAscii(word);
  return IsListed(kNamedHeads, folded);
}

// Heads that name something done to a person or a thing of theirs ("Dad's
// monitor", "Yonas's list"), not an instrument; an eponym's catheter and
// balloon keep the possessive ("Hickman's catheter").
bool IsEventHead(std::string_view word) {
  static constexpr std::string_view kEvents[] = {"surgery",   "procedure",  "operation",
                                                 "exam",      "assessment", "exercise",
                                                 "exercises", "list",       "monitor"};
  const std::string folded = LowerAscii(word);
  return IsListed(kEvents, folded);
}

bool Refine(const Lexicon::Index& index, std::string_view text, NotationMatch* match);

// A grade or stage led by a capitalised word stands when the word is a
// name (IsName): "Bosniak I", not "World War II" or "Type II"; a bare I
// needs a name no dictionary knows well, since after a person's name it is
// the pronoun ("Maria I will call"). A name after a title or another
// capitalised word is a person's, the numeral a generation ("Dr. Carter
// II", "Henry Ford III"). The mark the bare-I pattern reads after the I is
// not part of the stage.
bool RefineGradeStage(const Lexicon::Index& index, std::string_view text, NotationMatch* match) {
  std::string_view body = text.substr(match->start, match->end - match->start);
  if (!body.empty() && std::string_view(".,;:)").find(body.back()) != std::string_view::npos) {
    body.remove_suffix(1);
  }
  while (!body.empty() && IsSpace(body.back())) body.remove_suffix(1);
  match->end = match->start + body.size();
  // "Tanner 2 doses", "level 3 times a week": a count, not a grade.
  static constexpr std::string_view kCounted[] = {"days",  "weeks",   "months", "times",
                                                  "doses", "tablets", "pills",  "hours"};
  size_t word = match->end;
  while (word < text.size() && IsSpace(text[word])) ++word;
  size_t word_end = word;
  while (word_end < text.size() && IsAsciiLetter(text[word_end])) ++word_end;
  if (word > match->end && IsListed(kCounted, text.substr(word, word_end - word))) return false;
  const bool mark_after =
      match->end == text.size() ||
      std::string_view(".,;:)\r\n").find(text[match->end]) != std::string_view::npos;
  if (body.empty() || body[0] < 'A' || body[0] > 'Z') return true;
  const size_t space = body.find_first_of(" \t");
  if (space == std::string_view::npos) return true;
  const bool bare_i = body.ends_with(" I") || body.ends_with("\tI");
  const std::string_view first = body.substr(0, space);
  const std::string folded = LowerAscii(first);
  // "Stage I." is the stage; "Stage I think" the pronoun.
  if (IsListed(kScaleWords, folded)) {
    return !bare_i || mark_after;
  }
  if (!IsName(index, first)) return false;
  // The word before: a title or a capitalised word (not "The") makes the
  // name a person's.
  size_t before = match->start;
  while (before > 0 && IsSpace(text[before - 1])) --before;
  const bool dot = before > 0 && text[before - 1] == '.';  // "Dr.", or a sentence's end
  if (dot) --before;
  size_t word_start = before;
  while (word_start > 0 && IsAsciiLetter(text[word_start - 1])) --word_start;
  const std::string_view previous = text.substr(word_start, before - word_start);
  if (!previous.empty() && before < match->start && previous[0] >= 'A' && previous[0] <= 'Z') {
    if (IsPersonalTitle(previous) || (!dot && !IsLeadWord(index, previous))) return false;
  }
  // The numeral of a named instrument ("Rome IV criteria"): the whole name
  // is the instrument, judged as one.
  size_t after = match->end;
  while (after < text.size() && IsSpace(text[after])) ++after;
  size_t next_end = after;
  while (next_end < text.size() && IsAsciiLetter(text[next_end])) ++next_end;
  if (after > match->end && next_end > after && IsHeadNoun(text.substr(after, next_end - after))) {
    match->end = next_end;
    match->kind = NotationKind::kNamed;
    return Refine(index, text, match);
  }
  if (!bare_i) return true;
  const WordEntry* entry = index.FindWord(folded);
  return entry == nullptr || entry->zipf < kUncommonNameZipf;
}

// Trims a drug-class or named match of its lead words and decides whether
// it stands. Returns false to drop the match.
bool Refine(const Lexicon::Index& index, std::string_view text, NotationMatch* match) {
  std::string_view body = text.substr(match->start, match->end - match->start);
  if (match->kind == NotationKind::kDuration) {
    return !IsDimension(text, match->start, match->end);
  }
  if (match->kind == NotationKind::kGradeStage) return RefineGradeStage(index, text, match);
  if (match->kind != NotationKind::kDrugClass && match->kind != NotationKind::kNamed) return true;
  // Split off the words before the head.
  std::vector<std::string_view> words;
  size_t k = 0;
  while (k < body.size()) {
    while (k < body.size() && IsSpace(body[k])) ++k;
    size_t w = k;
    while (w < body.size() && !IsSpace(body[w])) ++w;
    if (w > k) words.push_back(body.substr(k, w - k));
    k = w;
  }
  // A binder is a drug only after what it binds ("phosphate binder"); worn
  // on the body it is a garment ("belly binder", "rib-binder"), and alone
  // ("your binder") it may hold papers.
  if (match->kind == NotationKind::kDrugClass) {
    const std::string lower = LowerAscii(body);
    const size_t binder = lower.rfind("binder");
    if (binder != std::string::npos) {
      static constexpr std::string_view kBound[] = {"phosphate", "phosphorus", "potassium", "acid",
                                                    "bile",      "iron",       "calcium"};
      size_t start = binder;
      while (start > 0 && (lower[start - 1] == ' ' || lower[start - 1] == '-')) --start;
      size_t word = start;
      while (word > 0 && IsAsciiLetter(lower[word - 1])) --word;
      if (start == binder ||
          !IsListed(kBound, std::string_view(lower).substr(word, start - word))) {
        return false;
      }
    }
  }
  if (words.size() < 2) return true;  // "beta-blocker", one word
  size_t lead = 0;
  if (match->kind == NotationKind::kDrugClass) {
    if (IsLeadWord(index, words[0])) lead = 1;
    // "<X>-class antibiotics" names a class by a drug ("tetracycline-",
    // "macrolide-"), not by an everyday word ("world-class medicine",
    // "same-class agents", "in-class drug").
    const std::string_view first = words[lead];
    if (first.size() > 6 && EqualsLowerAscii(first.substr(first.size() - 6), "-class")) {
      const WordEntry* entry = index.FindWord(LowerAscii(first.substr(0, first.size() - 6)));
      if (entry != nullptr && entry->zipf >= 4.0) return false;
    }
  } else {
    // The capitalised run is the name, and its last word the head noun when
    // the head is capitalised too ("Glasgow Coma Scale").
    size_t run = 0;
    while (run < words.size() && words[run][0] >= 'A' && words[run][0] <= 'Z') ++run;
    size_t names_end = run;
    if (run > 0 && IsHeadNoun(words[run - 1]) && (run == words.size() || !IsHeadNoun(words[run]))) {
      names_end = run - 1;
    }
    while (lead < names_end && IsLeadWord(index, words[lead])) ++lead;
    // Capitalised words that end in a place of care name the place before
    // what is done there: "the Vein Clinic procedure room", "Sleep Center
    // test"; a score or a scale is the place's own ("Cleveland Clinic
    // score"), and "Dutch Lipid Clinic Network score" names a score.
    if (names_end > lead && names_end < words.size() &&
        IsListed(kPlacesOfCare, LowerAscii(words[names_end - 1])) &&
        (IsEventHead(words[names_end]) || EqualsLowerAscii(words[names_end], "test"))) {
      return false;
    }
    // Lower-case words between the name and its head are the instrument's
    // own ("Ottawa ankle rules"), never function words ("Smith for a test").
    for (size_t w = names_end; w < words.size() && !IsHeadNoun(words[w]); ++w) {
      if (IsLeadWord(index, words[w])) return false;
    }
    // An eponym's possessive comes right before its head ("Murphy's sign");
    // with words between, it is somebody's ("Maya's quick strep test"), and
    // so it is before something done to a person ("Olivia's surgery",
    // "Dad's procedure"): eponyms name signs, tests and scores, and their
    // operations without the 's ("Whipple procedure").
    const bool head_follows =
        names_end < words.size() && IsHeadNoun(words[names_end]) && !IsEventHead(words[names_end]);
    bool named = false;
    // A capitalised head makes a title of its words ("Delirium Assessment").
    const bool one_word = names_end == lead + 1 && names_end < words.size() &&
                          !(words[names_end][0] >= 'A' && words[names_end][0] <= 'Z');
    // A value after the head is an instrument's ("Glasgow scale was 15").
    const bool valued = IsAsciiDigit(body.back());
    const bool opens_sentence =
        one_word && !valued &&
        OpensSentence(text, static_cast<size_t>(words[lead].data() - text.data()));
    for (size_t w = lead; w < names_end && !named; ++w) {
      const bool possessive = EndsWithPossessive(words[w]);
      const bool name = IsName(index, words[w],
                               !one_word        ? NamePosition::kInTitle
                               : opens_sentence ? NamePosition::kAloneOpeningSentence
                                                : NamePosition::kAlone);
      named = name && (!possessive || (w + 1 == names_end && head_follows));
    }
    if (!named) return false;
    // A capitalised head with a capitalised word after it, not another
    // head, is part of a place's name: "the Neurology Procedure Room",
    // "Stress Test Lab"; "Confusion Assessment Method" stands.
    const std::string_view head = words.back();
    if (head[0] >= 'A' && head[0] <= 'Z' && IsHeadNoun(head)) {
      size_t after = match->end;
      while (after < text.size() && IsSpace(text[after])) ++after;
      size_t end = after;
      while (end < text.size() && IsAsciiLetter(text[end])) ++end;
      if (after > match->end && end > after && text[after] >= 'A' && text[after] <= 'Z' &&
          !IsHeadNoun(text.substr(after, end - after))) {
        return false;
      }
    }
  }
  if (lead > 0) {
    match->start = static_cast<size_t>(words[lead].data() - text.data());
  }
  return true;
}

}  // namespace

const NotationInfo& InfoOf(NotationKind kind) { return kInfo[static_cast<size_t>(kind)]; }

void FindNotation(std::string_view text, Span window, const Lexicon::Index& index,
                  std::vector<NotationMatch>* matches) {
  const Patterns& patterns = CompiledPatterns();
  re2::StringPiece input(text.data(), text.size()), whole;  // older RE2: no string_view
  const size_t to = std::min(window.end, text.size());
  size_t from = window.start;
  if (!matches->empty()) from = std::max(from, matches->back().end);
  if (window.anchored) {
    if (from != window.start || from >= to ||
        !patterns.any->Match(input, from, to, RE2::ANCHOR_START, &whole, 1)) {
      return;
    }
    NotationMatch match;
    match.start = from;
    match.end = from + whole.size();
    if (KindOf(patterns, whole, &match.kind) && match.end > match.start &&
        Refine(index, text, &match)) {
      matches->push_back(match);
    }
    return;
  }
  while (from < to && patterns.any->Match(input, from, to, RE2::UNANCHORED, &whole, 1)) {
    NotationMatch match;
    match.start = static_cast<size_t>(whole.data() - text.data());
    match.end = match.start + whole.size();
    from = match.start + std::max<size_t>(1, whole.size());
    if (KindOf(patterns, whole, &match.kind) && match.end > match.start &&
        Refine(index, text, &match)) {
      matches->push_back(match);
    }
  }
}

namespace {

// The labels a grade or a stage may say it is, and their plurals.
constexpr std::string_view kScaleLabels[] = {"grade", "stage", "category", "class"};
constexpr std::string_view kScaleLabelPlurals[] = {"grades", "stages", "categories", "classes"};

// The patterns ScaleExplainedAround reads, compiled once.
struct ScalePatterns {
  std::unique_ptr<RE2> scale_next;  // "grade 2 out of 3"
  std::unique_ptr<RE2> scale_word;  // "a scale from 0 to 6"
  // Per label: read out after the match ("The stage tells how far ...",
  // "of 4 grades"); its scale before it ("The grade is from 1 to 3").
  std::array<std::unique_ptr<RE2>, std::size(kScaleLabels)> read_out, scale_before;
};

const ScalePatterns& CompiledScalePatterns() {
  static const ScalePatterns* patterns = [] {  // never destroyed: used at exit
    auto* made = new ScalePatterns;
    made->scale_next = std::make_unique<RE2>(R"(^\s*\(?out of \d)");
    made->scale_word = std::make_unique<RE2>(R"((?i)\bscale (?:from|of) \d+ to \d+\b)");
    for (size_t k = 0; k < std::size(kScaleLabels); ++k) {
      const std::string one(kScaleLabels[k]), many(kScaleLabelPlurals[k]);
      made->read_out[k] =
          std::make_unique<RE2>("(?i)\\b" + one + "(?: [0-9A-Za-z+]+)? (?:means|tells|shows)\\b" +
                                "|\\bof (?:\\d+|two|three|four|five|six) " + many + "\\b");
      made->scale_before[k] = std::make_unique<RE2>("(?i)\\b(?:" + one + "|" + many +
                                                    ")\\b[^.\\n]{0,20}\\bfrom \\d+ to \\d+\\b");
    }
    return made;
  }();
  return *patterns;
}

}  // namespace

bool ScaleExplainedAround(std::string_view text, size_t start, size_t end) {
  constexpr size_t kBefore = 120, kAfter = 200;  // bytes, as far as a plain explanation reaches
  const ScalePatterns& patterns = CompiledScalePatterns();
  std::string_view after = text.substr(end, std::min(kAfter, text.size() - end));
  after = after.substr(0, FirstBlankLine(after));
  const re2::StringPiece next(after.data(), after.size());
  if (RE2::PartialMatch(next, *patterns.scale_next)) return true;
  // The rest reads the label out, so it needs one: a named scale's grade
  // ("Bosniak I") stays a finding even when "... I means" follows, as
  // annotators mark it.
  const std::string_view found = text.substr(start, end - start);
  size_t which = 0;
  auto opens_with = [found](std::string_view label) {
    return found.size() > label.size() && EqualsLowerAscii(found.substr(0, label.size()), label) &&
           !IsAsciiAlnum(found[label.size()]);
  };
  while (which < std::size(kScaleLabels) && !opens_with(kScaleLabels[which])) ++which;
  if (which == std::size(kScaleLabels)) return false;
  if (RE2::PartialMatch(next, *patterns.read_out[which])) return true;
  const size_t from = start > kBefore ? start - kBefore : 0;
  std::string_view before = text.substr(from, start - from);
  before.remove_prefix(AfterLastBlankLine(before));
  const re2::StringPiece earlier(before.data(), before.size());
  return RE2::PartialMatch(earlier, *patterns.scale_word) ||
         RE2::PartialMatch(earlier, *patterns.scale_before[which]);
}

std::string PlainNotation(NotationKind kind, std::string_view matched) {
  std::string s = LowerAscii(matched);
  s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
  for (size_t dash = s.find("\u2013"); dash != std::string::npos; dash = s.find("\u2013")) {
    s.replace(dash, std::string_view("\u2013").size(), "-");  // "q6–8h" is q6-8h
  }
  std::string digits, unit;
  size_t k = 1;  // past the q or the x
  if (kind == NotationKind::kDuration && s.rfind("×", 0) == 0) k = std::string_view("×").size();
  auto skip_spaces = [&s, &k] {
    while (k < s.size() && IsSpace(s[k])) ++k;
  };
  skip_spaces();
  const bool up_to = kind == NotationKind::kDuration && s.compare(k, 2, "up") == 0;
  if (up_to) {  // "x up  to 5 days": the pattern allows any spaces
    k += 2;
    skip_spaces();
    k = std::min(k + 2, s.size());  // "to"
    skip_spaces();
  }
  while (k < s.size() && (IsAsciiDigit(s[k]) || s[k] == '-')) digits += s[k++];
  skip_spaces();
  unit = s.substr(k);
  auto unit_word = [](std::string_view u, bool one) -> std::string {
    if (u.starts_with("more ")) u.remove_prefix(5);
    std::string word;
    if (u.starts_with("min"))
      word = "minute";
    else if (u.starts_with("h"))
      word = "hour";
    else if (u.starts_with("d"))
      word = "day";
    else if (u.starts_with("w"))
      word = "week";
    else if (u.starts_with("mo"))
      word = "month";
    else if (u.starts_with("y"))
      word = "year";
    else
      return "";
    return one ? word : word + "s";
  };
  if (kind == NotationKind::kDosing) {
    if (!digits.empty()) {
      const std::string word = unit_word(unit, digits == "1");
      if (word.empty()) return "";
      return digits == "1" ? "every " + word : "every " + digits + " " + word;
    }
    static constexpr std::pair<std::string_view, std::string_view> kTimes[] = {
        {"am", "every morning"},      {"morning", "every morning"}, {"pm", "every evening"},
        {"evening", "every evening"}, {"hs", "at bedtime"},         {"night", "every night"},
        {"ac", "before meals"},       {"pc", "after meals"},        {"od", "every other day"},
        {"id", "4 times a day"},      {"day", "once a day"},        {"daily", "once a day"},
        {"d", "once a day"},          {"week", "once a week"},      {"wk", "once a week"},
        {"month", "once a month"},    {"mo", "once a month"}};
    std::string_view rest = std::string_view(s).substr(1);
    while (!rest.empty() && IsSpace(rest.front())) rest.remove_prefix(1);  // "q am"
    for (const auto& [code, plain] : kTimes) {
      if (rest == code) return std::string(plain);
    }
    return "";
  }
  if (kind == NotationKind::kDuration) {
    if (digits.empty()) return "";
    if (unit.empty()) return (up_to ? "up to " : "") + (digits == "1" ? "once" : digits + " times");
    std::string word = unit_word(unit, digits == "1");
    if (unit.starts_with("dose")) word = digits == "1" ? "dose" : "doses";
    if (word.empty()) return "";
    return (up_to ? "for up to " : "for ") + digits + (unit.starts_with("more") ? " more " : " ") +
           word;
  }
  return "";
}

}  // namespace plainlang
