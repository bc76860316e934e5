// The classifier's rules for names (classifier.h): eponyms, the names of
// departments, clinics and places of care, and people named after a title.
// A name is not jargon, though a term may be shaped like one ("Mohs", "the
// Wells score").
#include <string_view>

#include "analysis/classifier.h"
#include "analysis/counter.h"

namespace plainlang {

// Whether the term matched is an eponym: one rare name, or several words
// led by a name: a rare word that is no term by itself and that the
// pronouncing dictionary (words and names) lists, or a possessive
// ("Barrett's esophagus", "Graves' disease") of a word less common than the
// everyday words whose possessives name departments ("Women's Health":
// women 5.6, children 5.5; Barrett 3.6, Graves 3.9, Bell 4.6 as a word).
bool Classifier::Eponymous(const LexiconMatch& match) const {
  const WordEntry* lead = FindWordOrBase(index_, tokens_[match.first], entries_[match.first]);
  if (lead == nullptr) return false;
  if (match.end - match.first < 2) {
    // One word: a rare name the pronouncing dictionary lists ("Mohs",
    // "Doppler", "Whipple"), where a department or a unit is named by its
    // field or its work ("Radiology", "Pediatrics", "Endoscopy",
    // "Telemetry", "Lactation", "Triage", "Nursing").
    static constexpr std::string_view kFieldEndings[] = {
        "logy", "iatry", "iatrics", "ics",  "scopy", "graphy", "gery", "cine",
        "tion", "sion",  "metry",   "tomy", "iage",  "ing",    "ary"};
    // Nor is a long adjective a name: a field's ("Bayview Colorectal",
    // "Vascular"), where surnames are short or end otherwise ("Apgar").
    static constexpr std::string_view kAdjectiveEndings[] = {"al", "ic", "ar", "ive", "ous"};
    const std::string_view word = tokens_[match.first].folded;
    if (word.size() >= 7 && EndsWithAny(word, kAdjectiveEndings)) return false;
    return lead->zipf < kEponymZipf && lead->syllables >= 0 && !EndsWithAny(word, kFieldEndings);
  }
  // Folded, a typographic apostrophe is the ASCII one.
  const std::string_view folded = tokens_[match.first].folded;
  // "Graves' disease": the segmenter leaves a plural's apostrophe apart.
  const Token& next = tokens_[match.first + 1];
  const bool apostrophe_after = folded.ends_with('s') && !next.space_before && next.folded == "'";
  const bool possessive =
      StripPossessive(folded).size() != folded.size() || folded.ends_with("s'") || apostrophe_after;
  if (possessive) return lead->zipf < kEverydayPossessiveZipf;  // a source may list it alone
  return lead->terms.empty() && lead->zipf < kAffixJargonZipf && lead->syllables >= 0;
}

// Names joined by hyphens, none an everyday word (Zipf 4.5: "Carpenter"
// 3.6 is a name too) or a term by itself, one of them rare (below Zipf 3.5),
// are an eponym (criteria, a test or a syndrome named for its authors:
// "Carpenter-Coustan", "Ferriman-Gallwey") unless they are a person's or a
// place's name: after a title, a first name, a greeting or "in", "at",
// "from", or before a surname; everyday and medical words make headings and
// departments ("After-Visit Summary", "Hematology-Oncology").
size_t Classifier::EponymPairEnd(size_t i) const {
  auto name_part = [this](size_t k) {
    const Token& token = tokens_[k];
    if (token.kind != TokenKind::kWord || !token.capitalized || token.all_caps ||
        token.letters < 3 || token.digits > 0) {
      return false;
    }
    const WordEntry* entry = entries_[k];
    return entry == nullptr || (entry->zipf < kEverydayNameZipf && entry->terms.empty());
  };
  auto rare = [this](size_t k) {
    return entries_[k] == nullptr || entries_[k]->zipf < kEponymZipf;
  };
  // Most tokens leave here: no hyphen glued after them.
  if (i + 2 >= tokens_.size() || tokens_[i + 1].folded != "-" || tokens_[i + 1].space_before ||
      title_case_line_ || !name_part(i)) {
    return 0;
  }
  size_t end = i + 1;
  bool any_rare = rare(i);
  while (end + 1 < tokens_.size() && end - i < 5 && tokens_[end].folded == "-" &&
         !tokens_[end].space_before && !tokens_[end + 1].space_before && name_part(end + 1)) {
    any_rare |= rare(end + 1);
    end += 2;
  }
  if (end == i + 1 || !any_rare) return 0;
  // A title, a first name, a greeting, or a place's preposition: a person
  // or a place.
  static constexpr std::string_view kBefore[] = {"hi", "hello", "dear", "in", "at", "from"};
  if (const Token* previous = WordBefore(i);
      previous != nullptr && (previous->capitalized || IsPersonalTitle(previous->folded) ||
                              IsListed(kBefore, previous->folded))) {
    return 0;
  }
  if (end < tokens_.size() && tokens_[end].is_word() && tokens_[end].capitalized) return 0;
  return end;
}

// Whether the term matched names a department or a clinic: capitalised
// right after another word ("see Dermatology", "the Anticoagulation
// Clinic"), as a capitalised word is a name to ClassifyWord; after a colon,
// a dash or a line break it is a heading's or a list's first word. Not:
// - on a title-case line, a heading, whose terms that got this far are
//   register ones (AddTermFinding);
// - what a notation pattern found too ("a Level II ultrasound");
// - an eponym, capitalised by nature ("Mohs surgery", "Nissen
//   fundoplication"; "Interventional Radiology" is a department's name:
//   the dictionary lacks "interventional"), or a named instrument as
//   written (NamesAnInstrument: "the Trail Making Test", "your Mallampati");
// - a capitalised phrase a register word opens, a heading's ("Hospital
//   Discharge Summary for ..."), though a capitalised register word alone,
//   or a register phrase, may be part of a name ("the Positive Living
//   Clinic", "the Infusion Center");
// - words with a digit: names hold none ("the Rule of 15");
// - a word three spaces or more after the one before, a table's next
//   cell ("Blood     Nonreactive").
bool Classifier::NamesADepartment(const LexiconMatch& match, bool sentence_start,
                                  bool pattern_found) const {
  const Token& first = tokens_[match.first];
  if (OpensAPlacesName(match)) return true;
  if (title_case_line_ || !first.capitalized || first.all_caps || sentence_start ||
      NamesAnInstrument(match) || match.first == 0 || !tokens_[match.first - 1].is_word() ||
      LineBreakBetween(match.first - 1, match.first) || pattern_found ||
      NextCell(tokens_[match.first - 1], first)) {
    return false;
  }
  for (size_t k = match.first; k < match.end; ++k) {
    if (tokens_[k].digits > 0) return false;
  }
  return BeforeAnOrganisation(match.end) ||
         (!Eponymous(match) && !(OpensWithRegisterWord(match) && CapitalisedPhrase(match)));
}

// Whether the words from tokens_[k] on name an organisation of care: at
// most three capitalised words on the line up to a place of care
// (kPlacesOfCare: "Colorectal Surgery Clinic", "the Acute Pain Service",
// "the Lipid Office"). A capitalised term before one is a part of the
// name, not an eponym or a heading's phrase.
bool Classifier::BeforeAnOrganisation(size_t k) const {
  for (size_t end = std::min(tokens_.size(), k + 3); k < end; ++k) {
    const Token& word = tokens_[k];
    if (k == 0 || !word.is_word() || !word.capitalized || word.all_caps ||
        LineBreakBetween(k - 1, k)) {
      return false;
    }
    if (IsListed(kPlacesOfCare, word.folded)) return true;
  }
  return false;
}

// Whether a capitalised one-word term opens a place's name of capitalised
// words that ends in a place of care, wherever it stands: "Mesa Verde
// Medical Center", "the Mesa Verde Clinic", a line's first words too. Its
// next word is a name the tables do not file ("Verde"), so the term's own
// sense (the MESA heart study) is not meant; "Wells Score" is an eponym's.
bool Classifier::OpensAPlacesName(const LexiconMatch& match) const {
  const size_t next = match.end;
  if (match.end - match.first != 1 || !tokens_[match.first].capitalized ||
      tokens_[match.first].all_caps || next >= tokens_.size() || !tokens_[next].capitalized ||
      IsListed(kPlacesOfCare, tokens_[next].folded) || !CategoryOf(next).empty()) {
    return false;
  }
  return BeforeAnOrganisation(next);
}

// Whether the term matched is a named instrument as written: a term of
// category named of two or more words ("the Trail Making Test", "the
// Bethesda system"), or of one after a determiner, as a noun is written
// ("the Romberg", "your Mallampati"). One alone is a surname too: "spoke
// with Tanner", "Nurse Fontan", "Dr. Phalen" are people.
bool Classifier::NamesAnInstrument(const LexiconMatch& match) const {
  if (index_.terms[match.id].category != "named") return false;
  if (match.end - match.first > 1) return true;
  return match.first > 0 && tokens_[match.first - 1].is_word() &&
         IsListed(kDeterminers, tokens_[match.first - 1].folded);
}

// Whether a capitalised term follows a personal title, or, if asked, a
// title and a first name: a person's name ("Dr. Phalen", "Ms. Wells", "Dr.
// Hannah Ibe"). Past a first name, only in title case and before no value
// ("Dr. Lee MRI", "Per Dr. Lee Hgb 9.1" are shorthand).
bool Classifier::AfterAPersonalTitle(const LexiconMatch& match, bool past_first_name) const {
  const Token& first = tokens_[match.first];
  if (!first.capitalized) return false;
  const Token* title = WordBefore(match.first);
  if (past_first_name && title != nullptr && title == &tokens_[match.first - 1] &&
      !IsPersonalTitle(title->folded) && title->capitalized && !title->all_caps &&
      !first.all_caps && !LineBreakBetween(match.first - 1, match.first) &&
      !(match.end < tokens_.size() && IsNumber(tokens_[match.end]))) {
    title = WordBefore(static_cast<size_t>(title - tokens_.data()));
  }
  return title != nullptr && IsPersonalTitle(title->folded);
}

// The word before tokens_[i], past one full stop ("Dr. Carter"), or null.
const Token* Classifier::WordBefore(size_t i) const {
  if (i == 0) return nullptr;
  size_t before = i - 1;
  if (tokens_[before].folded == "." && before > 0) --before;
  return tokens_[before].is_word() ? &tokens_[before] : nullptr;
}

// Whether the match is two or more words, each capitalised ("Discharge
// Summary").
bool Classifier::CapitalisedPhrase(const LexiconMatch& match) const {
  size_t words = 0;
  for (size_t k = match.first; k < match.end; ++k) {
    if (!tokens_[k].is_word()) continue;
    if (!tokens_[k].capitalized) return false;
    ++words;
  }
  return words >= 2;
}

}  // namespace plainlang
