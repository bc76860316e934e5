// The classifier's knowledge of medicines' names (classifier.h): names
// on a USAN stem, with a salt after them, named as medicines or listed
// beside one, ordered by a verb, and the modifiers of a product's name.
// Medicine names are not jargon; the words around them say what other
// words mean ("hold metformin", "metformin ER").
#include <algorithm>
#include <array>
#include <iterator>
#include <string_view>
#include <vector>

#include "analysis/classifier.h"

namespace plainlang {
namespace {

// Word endings of the USAN stems that name a medicine's class ("-gliflozin",
// "-mab", "-sartan"; facts from the USAN Council's list of stems): a rare
// word built on one is a medicine name the table lacks, and medicine names
// are not jargon.
constexpr std::string_view kMedicineStems[] = {
    // A stem that ends another ("mab" ends "zumab") makes the longer one
    // needless: the shorter asks for fewer letters before it.
    "mab",      "nib",     "ciclib",     "parib",    "zomib",   "gliflozin", "gliptin",
    "glutide",  "glinide", "glitazone",  "formin",   "pril",    "sartan",    "olol",
    "alol",     "dipine",  "statin",     "azole",    "cillin",  "mycin",     "micin",
    "oxacin",   "cycline", "prazole",    "tidine",   "semide",  "thiazide",  "parin",
    "xaban",    "gatran",  "lukast",     "terol",    "sonide",  "olone",     "asone",
    "caine",    "vir",     "cept",       "triptan",  "setron",  "azepam",    "zolam",
    "oxetine",  "pramine", "triptyline", "peridone", "apine",   "afil",      "dronate",
    "tropium",  "profen",  "coxib",      "fenac",    "grel",    "plase",     "kinra",
    "platin",   "taxel",   "rubicin",    "trexate",  "fungin",  "tadine",    "clone",
    "barbital", "pidem",   "lamide",     "tretin",   "zosin",   "nacin",     "quine",
    "tril",     "dopa",    "succinate",  "tartrate", "maleate", "mesylate",  "besylate",
    "fumarate", "tropine", "ispro",      "anoate",   "entan",   "ciguat"};

// Whether a mark ends a clause: a full stop, a semicolon, a comma, "!" or "?".
bool EndsClause(const Token& token) {
  static constexpr std::string_view kClauseEnds[] = {".", ";", ",", "!", "?"};
  return IsListed(kClauseEnds, token.folded);
}

// The salts and esters a medicine's name may end with ("benzoyl peroxide",
// "prednisolone acetate").
constexpr std::string_view kSaltWords[] = {
    "peroxide",   "oxide",        "sulfide",       "sulfate",   "sulphate",  "chloride",
    "citrate",    "acetate",      "acetonide",     "phosphate", "carbonate", "bicarbonate",
    "hydroxide",  "gluconate",    "hydrochloride", "bromide",   "iodide",    "nitrate",
    "tartrate",   "maleate",      "succinate",     "fumarate",  "mesylate",  "besylate",
    "propionate", "dipropionate", "valerate",      "furoate"};

}  // namespace

bool IsSaltWord(std::string_view word) { return IsListed(kSaltWords, word); }

// Whether a term's definition makes it a substance, which may be given as
// a medicine ("urea: A substance formed by ...", "collagenase: A type of
// enzyme ..."); not a hormone or a protein the body makes and labs measure
// ("cortisol", "hemoglobin"), nor a condition or a part of the body.
bool DefinesASubstance(std::string_view definition) {
  static constexpr std::string_view kSubstances[] = {
      "A substance", "A drug",     "A medicine", "An enzyme", "A type of enzyme",
      "A chemical",  "A compound", "A mineral",  "An herb",   "A plant"};
  return std::any_of(std::begin(kSubstances), std::end(kSubstances),
                     [&](std::string_view start) { return definition.starts_with(start); });
}

// Whether `word` ends as a chemical's name does ("cholestyramine",
// "sucralfate", "lanolin"), not as a condition's ("rhinorrhea",
// "dyspepsia").
bool HasChemicalEnding(std::string_view word) {
  static constexpr std::string_view kEndings[] = {"ine", "ide", "ate", "ase", "ol",
                                                  "one", "in",  "ium", "ene", "yl"};
  return EndsWithAny(word, kEndings);
}

bool HasMedicineStem(std::string_view word) {
  // The stems by their last letter: a term's word is checked against the
  // few that could end it, not all eighty.
  static const std::array<std::vector<std::string_view>, 256> by_last = [] {
    std::array<std::vector<std::string_view>, 256> stems;
    for (std::string_view stem : kMedicineStems) {
      stems[static_cast<unsigned char>(stem.back())].push_back(stem);
    }
    return stems;
  }();
  if (word.empty()) return false;
  for (std::string_view stem : by_last[static_cast<unsigned char>(word.back())]) {
    if (word.size() >= stem.size() + 3 && word.ends_with(stem)) return true;
  }
  return false;
}

// Whether tokens_[k] is a medicine's name by its stem or its row in the
// tables; not an acronym ("The ABG bicarbonate").
bool Classifier::FiledAsMedicine(size_t k) const {
  return tokens_[k].is_word() &&
         (HasMedicineStem(tokens_[k].folded) || CategoryOf(k) == "medicine");
}

// Whether tokens_[k] names a medicine: a name of the tables, one on a
// medicine's stem, a class of them, or an acronym of the sources that few
// readers know ("PPI", "DOAC"; not "TV" or "ID").
bool Classifier::NamesAMedicine(size_t k) const {
  const Token& token = tokens_[k];
  if (HasMedicineStem(token.folded)) return true;
  if (token.all_caps && token.letters >= 2 && token.letters <= 5) {
    // A token without dots is filed as it is folded: its entry, looked up
    // already, says whether it is an abbreviation, as the matcher reads it.
    const Abbreviation* entry = nullptr;
    if (token.has_dot) {
      entry = index_.FindAbbreviation(AbbreviationKey(Written(token)));
    } else if (entries_[k] != nullptr && entries_[k]->abbreviation >= 0) {
      entry = &index_.abbreviations[entries_[k]->abbreviation];
    }
    return entry != nullptr && entry->familiarity < options_.jargon_familiarity;
  }
  const std::string_view category = CategoryOf(k);
  return category == "medicine" || category == "medicine_class";
}

// Whether a medicine's name stands before tokens_[i] on its line, within
// twelve words and after any ";" ("Apixaban (DOAC): last dose 1/31 (hold
// 48 h)", "Nystatin 5 mL QID: STOP"): by its stem or its row, and, when
// `classes_and_acronyms`, also a class or a sources' acronym
// (NamesAMedicine). The bound keeps a long line of such marks linear.
bool Classifier::MedicineEarlierOnLine(size_t i, bool classes_and_acronyms) const {
  for (size_t k = i, words = 0; k-- > 0 && words < 12;) {
    if (tokens_[k].folded == ";" || LineBreakBetween(k, k + 1)) break;
    if (!tokens_[k].is_word()) continue;
    ++words;
    if (classes_and_acronyms ? NamesAMedicine(k) : FiledAsMedicine(k)) return true;
  }
  return false;
}

// Whether a number stands before tokens_[i] on its line, after any ";".
bool Classifier::NumberEarlierOnLine(size_t i) const {
  for (size_t k = i; k-- > 0;) {
    if (tokens_[k].folded == ";" || LineBreakBetween(k, k + 1)) break;
    if (IsNumber(tokens_[k])) return true;
  }
  return false;
}

// Whether tokens_[k] on says how a thing is held, not how long a medicine
// is paused: "hold it open", "hold it there", "hold it in place", "hold it
// in your mouth", "hold it against the skin", "hold it for 10 to 15
// seconds" (a breath, a rinse); not "hold it for 3 days", "hold it up to 2
// days before", "hold it on days you are sick".
bool Classifier::HeldInAPosition(size_t k) const {
  static constexpr std::string_view kPositions[] = {
      "open",     "still", "straight", "steady", "closed", "shut",    "tight",
      "together", "apart", "flat",     "level",  "there",  "against", "under"};
  static constexpr std::string_view kPlaces[] = {"place", "position", "mouth"};
  static constexpr std::string_view kMoments[] = {"second", "seconds", "sec",  "secs",
                                                  "minute", "minutes", "min",  "mins",
                                                  "breath", "breaths", "count"};
  static constexpr std::string_view kHowMany[] = {"to",      "-",       "about", "a",     "few",
                                                  "several", "another", "at",    "least", "or"};
  if (k >= tokens_.size()) return false;
  const std::string_view next = tokens_[k].folded;
  if (IsListed(kPositions, next)) return true;
  if (next == "in") {  // "in place", "in position", "in your mouth"
    for (size_t j = k + 1; j < tokens_.size() && j <= k + 2; ++j) {
      if (IsListed(kPlaces, tokens_[j].folded)) return true;
    }
    return false;
  }
  if (next != "for") return false;
  for (size_t j = k + 1; j < tokens_.size() && j <= k + 5; ++j) {
    if (IsListed(kMoments, tokens_[j].folded)) return true;
    if (!IsCount(tokens_[j]) && !IsListed(kHowMany, tokens_[j].folded)) return false;
  }
  return false;
}

// Whether an order's verb at `match` orders a medicine: "it" or "them"
// right after it ("hold it"; not held in a position: HeldInAPosition), or,
// within the next four words of its clause, a medicine (NamesAMedicine), a
// dose, a supplement or a cycle of treatment ("hold your fish oil", "hold
// cycle 4"; an hour is no word: "hold the 2 a.m. morphine dose"); or the
// verb opens an entry of a medicine list, after a ":" or "(" that follows a
// medicine on its line, or a ";" that follows a medicine and a number
// ("Glipizide 5 mg (sulfonylurea): hold a.m. of surgery", "Senna 2 tabs
// qHS; hold for loose stools"). Not "hold 30
// seconds" in an exercise, "hold still for the shot", "hold the TV remote".
bool Classifier::OrdersAMedicine(const LexiconMatch& match) const {
  static constexpr std::string_view kOrdered[] = {
      "dose",        "doses",   "medicine", "medicines", "medication", "medications",
      "meds",        "pill",    "pills",    "tablet",    "tablets",    "injection",
      "injections",  "insulin", "feeds",    "infusion",  "vitamin",    "vitamins",
      "supplements", "oil",     "cycle",    "chemo",     "treatment",  "therapy"};
  if (match.first > 0) {
    const std::string_view before = tokens_[match.first - 1].folded;
    if (before == ":" || before == "(") {
      return MedicineEarlierOnLine(match.first - 1, /*classes_and_acronyms=*/true);
    }
    // A sig's added instruction: a medicine and its dose before the ";"
    // ("Senna 2 tabs qHS; hold for loose stools"), not prose ("Your
    // metformin refill is in; hold on to the old bottle").
    if (before == ";") {
      return MedicineEarlierOnLine(match.first - 1, /*classes_and_acronyms=*/true) &&
             NumberEarlierOnLine(match.first - 1);
    }
  }
  if (match.end < tokens_.size() &&
      (tokens_[match.end].folded == "it" || tokens_[match.end].folded == "them")) {
    return !HeldInAPosition(match.end + 1);
  }
  // A time names which dose and is no word of the four: "hold the 2 a.m.
  // morphine dose".
  const auto on_the_clock = [this](size_t k) {
    return tokens_[k].folded == "a.m" || tokens_[k].folded == "p.m";
  };
  size_t words = 0;
  for (size_t k = match.end; k < tokens_.size() && words < 4; ++k) {
    const Token& token = tokens_[k];
    if (!token.is_word()) {
      if (EndsClause(token) && !(token.folded == "." && on_the_clock(k - 1))) return false;
      continue;
    }
    if (IsListed(kOrdered, token.folded) || NamesAMedicine(k)) return true;
    const bool hour = IsNumber(token) && k + 1 < tokens_.size() && on_the_clock(k + 1);
    if (!hour && !on_the_clock(k)) ++words;
  }
  return false;
}

// Whether a dose follows tokens_[i] within three words ("sacubitril 24 mg",
// "lispro 4 units"): then the word names a medicine.
bool Classifier::BeforeADose(size_t i) const {
  static constexpr std::string_view kDoseUnits[] = {"mg", "mcg", "g",     "units",  "unit",
                                                    "ml", "%",   "puffs", "tablet", "tablets"};
  size_t words = 0;
  for (size_t k = i + 1; k + 1 < tokens_.size() && words < 4; ++k) {
    if (!tokens_[k].is_word()) continue;
    ++words;
    if (IsNumber(tokens_[k])) {
      const std::string_view unit = tokens_[k + 1].folded;
      return IsListed(kDoseUnits, unit);
    }
  }
  return false;
}

// Whether tokens_[i] is written as a product is prescribed: a form a
// pharmacy dispenses right after it ("collagenase ointment (Santyl)"), a
// strength right after it ("urea 40 mg", "Urea 10% cream"), or an entry of
// a medicine list that measures it out ("Cholestyramine: mix one 4-gram
// packet"). Whether the word names a substance the callers ask
// (DefinesASubstance, HasChemicalEnding). Not a word with an adjective's
// ending, a kind of product ("emollient cream") or a route ("intravenous 5
// mg"); not a percentage alone, a rate ("sensitivity 85%"), nor a mass per
// volume or time, a lab value ("urea 18 mg/dL", "80 mcg in 24 hours").
// "Drops" and "wash" are verbs as often as forms ("if your hemoglobin
// drops").
bool Classifier::PrescribedAsAMedicine(size_t i) const {
  static constexpr std::string_view kForms[] = {
      "capsule", "capsules", "cream", "gel",    "lotion",      "lozenge", "lozenges", "ointment",
      "packet",  "packets",  "paste", "powder", "suppository", "syrup",   "tablet",   "tablets"};
  static constexpr std::string_view kMasses[] = {"mg", "mcg", "g", "gram", "grams"};
  static constexpr std::string_view kPerVolumeOrTime[] = {"/", "per", "in", "a", "each", "every"};
  static constexpr std::string_view kAdjectiveEndings[] = {"ent", "ant", "ic",  "al", "ive",
                                                           "ory", "ary", "ous", "ar", "id"};
  if (EndsWithAny(tokens_[i].folded, kAdjectiveEndings)) return false;
  auto form_at = [this](size_t k) {
    return k < tokens_.size() && IsListed(kForms, tokens_[k].folded);
  };
  // A strength at tokens_[k]: a number and a mass, or a percentage of a form.
  auto strength_at = [&](size_t k) {
    if (k + 1 >= tokens_.size() || !IsNumber(tokens_[k])) return false;
    size_t unit = k + 1;
    if (tokens_[unit].folded == "-" && unit + 1 < tokens_.size()) ++unit;  // "4-gram"
    if (tokens_[unit].folded == "%") return form_at(unit + 1);
    return IsListed(kMasses, tokens_[unit].folded) &&
           (unit + 1 >= tokens_.size() || !IsListed(kPerVolumeOrTime, tokens_[unit + 1].folded));
  };
  if (form_at(i + 1) || strength_at(i + 1)) return true;
  if (i + 1 >= tokens_.size() || tokens_[i + 1].folded != ":") return false;
  size_t words = 0;
  for (size_t k = i + 2; k < tokens_.size() && words < 4; ++k) {
    if (EndsClause(tokens_[k])) return false;
    if (!tokens_[k].is_word()) continue;
    ++words;
    // A medicine named after the ":" is what the strength measures:
    // "Premedication: methylprednisolone 100 mg".
    if (FiledAsMedicine(k)) return false;
    if (form_at(k) || strength_at(k)) return true;
  }
  return false;
}

// Whether the rare word tokens_[i] (`base`) ends the name of the medicine
// before it, as an ester or a salt the list lacks does ("tenofovir
// alafenamide", "tenofovir disoproxil", "cefuroxime axetil"): by the
// endings of their chemical names. Other words after a medicine name what
// is done with it ("lidocaine admixture", "insulin secretagogues").
bool Classifier::EndsAMedicinesName(size_t i, std::string_view base) const {
  static constexpr std::string_view kEsterEndings[] = {"il", "ide", "ate"};
  return i > 0 && tokens_[i - 1].is_word() && !LineBreakBetween(i - 1, i) &&
         EndsWithAny(base, kEsterEndings) && FiledAsMedicine(i - 1);
}

// Whether the rare word tokens_[i] is named as a medicine: after "a
// medicine called" ("a pill called clomiphene"), or an item of a list
// beside a medicine's name ("macitentan, tadalafil and selexipag"; not
// "gabapentin and paraspinal injections"). Medicine names are not jargon.
bool Classifier::NamedAsAMedicine(size_t i) const {
  static constexpr std::string_view kMedicineNouns[] = {
      "medicine", "medicines", "medication", "drug",  "pill",     "tablet",  "capsule",
      "shot",     "injection", "cream",      "spray", "ointment", "inhaler", "patch"};
  static constexpr std::string_view kListJoins[] = {",", "and", "or"};
  if (CalledAfter(i, kMedicineNouns)) return true;
  // An item of a list itself: a join or the clause's end follows it, not a
  // noun it describes ("gabapentin and paraspinal injections").
  if (i + 1 < tokens_.size()) {
    const Token& after = tokens_[i + 1];
    if (!EndsClause(after) && !IsListed(kListJoins, after.folded) && after.folded != ")") {
      return false;
    }
  }
  // The word across one join, or two (", and"), on either side.
  auto medicine_beyond = [this](size_t k, bool forward) {
    for (int joins = 0; joins < 2 && k < tokens_.size(); ++joins) {
      if (!IsListed(kListJoins, tokens_[k].folded)) return false;
      if (!forward && k == 0) return false;
      k = forward ? k + 1 : k - 1;
      if (k < tokens_.size() && FiledAsMedicine(k)) return true;
    }
    return false;
  };
  return (i > 0 && medicine_beyond(i - 1, false)) || medicine_beyond(i + 1, true);
}

// Whether the rare word tokens_[i] (`base`) names a medicine with the salt
// or ester named after it ("benzoyl peroxide"); medicine names are not
// jargon. An adjective's ending says the word describes the salt word
// instead ("hypophosphatemic phosphate level"). A listed term before one
// may name a lab value ("serum phosphate"), so only the rare-word rule asks.
bool Classifier::NamesASaltedMedicine(size_t i, std::string_view base) const {
  static constexpr std::string_view kAdjectiveEndings[] = {"ic", "al", "ous", "oid"};
  return i + 1 < tokens_.size() && tokens_[i + 1].is_word() && IsSaltWord(tokens_[i + 1].folded) &&
         !EndsWithAny(base, kAdjectiveEndings);
}

namespace {

// The modifiers a medicine's product name ends with for its release or
// strength (FDA, Best Practices in Developing Proprietary Names for Drugs,
// 2014, names XR, ER, CR, SR, LA, DS and their kind), with what each means.
// After a medicine's name they mean that, whatever else a source lists
// ("ER", "DM").
constexpr std::string_view kSlowRelease = "extended release: the medicine is let out slowly";
constexpr ProductModifier kProductModifiers[] = {
    {"cd", "long-acting", kSlowRelease, true},
    {"cr", "long-acting", kSlowRelease, true},
    {"dm", "with a cough medicine", "with dextromethorphan, a cough medicine", true},
    {"dr", "delayed-release", "delayed release: coated to dissolve past the stomach", false},
    {"ds", "double strength", "double strength: twice the usual amount in one tablet", true},
    {"ec", "coated", "enteric coated: coated to dissolve past the stomach", false},
    {"er", "long-acting", kSlowRelease, false},
    {"es", "extra strength", "extra strength: more medicine in each tablet", false},
    {"hct", "with a water pill", "with hydrochlorothiazide, a water pill", true},
    {"ir", "quick-acting", "immediate release: the medicine is let out at once", false},
    {"la", "long-acting", kSlowRelease, false},
    {"lar", "long-acting shot", "long-acting release: a shot that lasts weeks", true},
    {"odt", "melts in the mouth", "orally disintegrating tablet: it melts on the tongue", true},
    {"pm", "with a sleep aid", "night-time: with a medicine that makes you sleepy", true},
    {"sr", "long-acting", kSlowRelease, true},
    {"tr", "long-acting", kSlowRelease, false},
    {"xl", "long-acting", kSlowRelease, true},
    {"xr", "long-acting", kSlowRelease, true},
    {"xt", "long-acting", kSlowRelease, true}};

// Rarer than this (Zipf) a capitalised word may be a brand: "Mercy" is a
// word, "Toprol" none.
constexpr float kBrandMaxZipf = 3.0f;

}  // namespace

// Whether tokens_[k] reads as a brand's name the tables lack: capitalised,
// not in capitals, rare in English, on no generic's stem, and filed as
// nothing ("Toprol", "Glucotrol"; not "Dilated" or "Hemoglobin", terms).
bool Classifier::UnlistedBrand(size_t k) const {
  const Token& name = tokens_[k];
  const WordEntry* entry = entries_[k];
  return name.is_word() && name.capitalized && !name.all_caps && name.letters >= 4 &&
         !HasMedicineStem(name.folded) &&
         (entry == nullptr ||
          (entry->zipf < kBrandMaxZipf && entry->terms.empty() && entry->abbreviation < 0));
}

// The modifier tokens_[i] is, written in capitals right after a medicine's
// name on its line ("metformin ER", "Toprol XL", "metformin-ER"), or null.
// `*brand` tells whether the name is a brand's the tables lack: the
// modifier is then part of the name, on the bottle too. After a listed
// name, generic or brand, it is shorthand for the form.
const ProductModifier* Classifier::ProductModifierAt(size_t i, bool* brand) const {
  const Token& modifier = tokens_[i];
  if (!modifier.all_caps || i < 1) return nullptr;
  const auto listed =
      std::find_if(std::begin(kProductModifiers), std::end(kProductModifiers),
                   [&](const ProductModifier& m) { return m.folded == modifier.folded; });
  if (listed == std::end(kProductModifiers)) return nullptr;
  size_t k = i - 1;
  if (!modifier.space_before && tokens_[k].folded == "-" && k > 0 && !tokens_[k].space_before) {
    --k;  // "Toprol-XL"
  } else if (!modifier.space_before) {
    return nullptr;
  }
  if (!tokens_[k].is_word() || LineBreakBetween(k, i)) return nullptr;
  const bool listed_medicine = FiledAsMedicine(k);
  *brand = !listed_medicine && listed->after_unlisted_brands && UnlistedBrand(k);
  return listed_medicine || *brand ? &*listed : nullptr;
}

}  // namespace plainlang
