// The classifier's rules for single letters and symbols (classifier.h):
// shorthand of one letter ("H" for high, "T" for temperature, "M" and "F"
// for sex after an age), chemical symbols as lab names ("K 3.2", "Mg
// 1.9"), and the headings of a SOAP note, each read from the words around
// it.
#include <algorithm>
#include <charconv>
#include <iterator>
#include <string>
#include <string_view>

#include "analysis/classifier.h"
#include "analysis/counter.h"
#include "analysis/notation.h"
#include "text/byte_scan.h"

namespace plainlang {

// Whether tokens_[k] opens its line: nothing but spaces before it since the
// message's start or a line break.
bool Classifier::OpensLine(size_t k) const {
  size_t at = tokens_[k].start;
  while (at > 0 && (text_[at - 1] == ' ' || text_[at - 1] == '\t')) --at;
  return at == 0 || text_[at - 1] == '\n' || text_[at - 1] == '\r';
}

namespace {

// The letters of a SOAP note's headings, in order: "S:", "O:", "A:", "P:".
constexpr std::string_view kSoapLetters = "SOAP";

// Whether `text` is a SOAP note: lines open with two of its headings at
// least, and none with "Q:" (a list of questions and answers). One pass
// over the lines' starts.
bool IsSoapNote(std::string_view text) {
  bool opened[kSoapLetters.size()] = {};
  for (size_t at = 0; at + 1 < text.size();) {
    if (text[at + 1] == ':') {
      if (text[at] == 'Q') return false;
      if (const size_t heading = kSoapLetters.find(text[at]); heading != std::string_view::npos) {
        opened[heading] = true;
      }
    }
    at = text.find('\n', at);
    if (at == std::string_view::npos) break;
    ++at;
  }
  return std::count(std::begin(opened), std::end(opened), true) >= 2;
}

// Units a lab value is written with ("340 mg", "86 U/mL", "45 %").
constexpr std::string_view kValueUnits[] = {"mg", "mcg", "g",    "kg",   "ml",  "l",   "dl",
                                            "u",  "iu",  "mmol", "meq",  "ng",  "pg",  "mm",
                                            "%",  "/",   "k",    "mmhg", "sec", "min", "umol"};

}  // namespace

// A SOAP note's heading: "S:", "O:", "A:" or "P:" opening a line, in a
// message that opens lines with two of them at least (not "Q: ... A: ..." in
// a list of questions, nor "P: 555-0100" on a signature).
std::string_view Classifier::SoapHeadingAt(size_t i) {
  static constexpr std::string_view kMeanings[] = {"what you told us", "what we found",
                                                   "what we think", "plan"};
  if (i + 2 >= tokens_.size() || tokens_[i + 1].folded != ":" || IsNumber(tokens_[i + 2]) ||
      !OpensLine(i)) {
    return {};
  }
  if (!soap_note_) soap_note_ = IsSoapNote(text_);
  const size_t heading = kSoapLetters.find(text_[tokens_[i].start]);
  return *soap_note_ && heading != std::string_view::npos ? kMeanings[heading] : std::string_view();
}

// A lab's flag: "H" or "L" after a value ("TSH 9.8 H", "Hgb 10.8 L,"), in
// parentheses after it ("AST 142 (H)", "340 mg (H)"), or after the
// reference range that follows it ("86 U/mL (ref <15) H").
bool Classifier::LabFlagAt(size_t i) const {
  const Token* before = i > 0 ? &tokens_[i - 1] : nullptr;
  const Token* after = i + 1 < tokens_.size() ? &tokens_[i + 1] : nullptr;
  const bool line_ends = after == nullptr || LineBreakBetween(i, i + 1);
  const bool list_mark_after = line_ends || after->folded == "," || after->folded == ";" ||
                               after->folded == ")" || after->folded == "." ||
                               (after->folded == "(" && text_[tokens_[i].start] == 'H');
  if (before == nullptr) return false;
  if (IsNumber(*before)) return list_mark_after;
  // A value ends at tokens_[k]: a number, or a unit after one.
  auto value_ends_at = [this](size_t k) {
    for (size_t steps = 0; steps < 4; ++steps, --k) {
      if (IsNumber(tokens_[k])) return true;
      if (!IsListed(kValueUnits, tokens_[k].folded) || k == 0) return false;
    }
    return false;
  };
  if (before->folded == "(") {
    return i >= 2 && value_ends_at(i - 2) && after != nullptr && after->folded == ")";
  }
  return before->folded == ")" && list_mark_after && !(after != nullptr && after->folded == "(");
}

// Potassium: "K" before its value ("K 5.3", "K >5.0", "K is 3.2"), or beside
// another lab's name ("check K and Cr", "Na, K, Cl").
bool Classifier::PotassiumAt(size_t i) const {
  static constexpr std::string_view kLabs[] = {
      "na",  "cr",   "mg",         "bun",    "ca",        "cl",     "bmp",
      "cmp", "phos", "creatinine", "sodium", "magnesium", "glucose"};
  const Token* next = NextOnLine(i);
  if (next == nullptr) return false;
  const Token& after = *next;
  auto lab_at = [this](size_t k) {
    return k < tokens_.size() && IsListed(kLabs, tokens_[k].folded);
  };
  return IsNumber(after) || after.folded == ">" || after.folded == "<" || after.folded == "," ||
         ((after.folded == "is" || after.folded == "was") && i + 2 < tokens_.size() &&
          IsNumber(tokens_[i + 2])) ||
         lab_at(i + 2) || (i >= 2 && lab_at(i - 2));
}

// A temperature before its reading: the degree sign right after the number
// ("T >101°F", "T 38.5 °C"), or a reading only a temperature has ("T
// 101.2", "T 37.9": 35 to 42, 95 to 108, with a decimal point).
bool Classifier::TemperatureAt(size_t i) const {
  const Token* reading = NextOnLine(i);
  if (reading != nullptr &&
      (reading->folded == ">" || reading->folded == "<" || reading->folded == "\u2265")) {
    reading = NextOnLine(i + 1);
  }
  if (reading == nullptr || !IsNumber(*reading)) return false;
  std::string_view rest = text_.substr(reading->end);
  if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.starts_with("\u00b0")) return true;
  const std::string_view written = Written(*reading);
  double value = 0;
  if (written.find('.') == std::string_view::npos ||
      std::from_chars(written.data(), written.data() + written.size(), value).ec != std::errc()) {
    return false;
  }
  return (value >= 35 && value <= 42) || (value >= 95 && value <= 108);
}

// One capital letter as clinicians use it: a SOAP note's heading ("S:"), sex
// after an age ("72 yo F"), a side before a body part, a comparison or a
// procedure's acronym ("R knee", "R>L", "s/p R TKA"), a lab's flag
// (LabFlagAt), potassium (PotassiumAt), a temperature (TemperatureAt). The
// table cannot list them: one letter is too short to be a key.
bool Classifier::AddLetterFinding(size_t i) {
  const char letter = text_[tokens_[i].start];
  const Token* before = i > 0 ? &tokens_[i - 1] : nullptr;
  const Token* after = NextOnLine(i);
  const bool number_before = before != nullptr && IsNumber(*before);
  std::string_view sense = SoapHeadingAt(i);
  if (sense.empty()) {
    switch (letter) {
      case 'F':
      case 'M':
        if (before != nullptr && (before->folded == "yo" || before->folded == "o" ||
                                  before->folded == "old" || number_before)) {
          sense = letter == 'F' ? "female" : "male";
        }
        break;
      case 'H':
        if (LabFlagAt(i)) sense = "high";
        break;
      case 'L':
        if (LabFlagAt(i)) {
          sense = "low";
          break;
        }
        [[fallthrough]];
      case 'R':
        if (!number_before && after != nullptr &&
            ((after->is_word() && after->letters > 0 &&
              (!after->capitalized || (after->all_caps && after->letters <= 4))) ||
             after->folded == ">" || after->folded == "<")) {
          sense = letter == 'R' ? "right" : "left";
        }
        break;
      case 'K':
        if (PotassiumAt(i)) sense = "potassium";
        break;
      case 'T':
        if (TemperatureAt(i)) sense = "temperature";
        break;
    }
  }
  if (sense.empty()) return false;
  AddShorthandFinding(i, sense, "one letter standing for a word; write the word", "pattern:letter");
  return true;
}

// A chemical symbol as a lab test's name, before its value or in a list of
// tests ("Mg 1.9", "BMP, Mg)"), where the table would read a unit or a word
// of the same letters ("mg", "ca.").
bool Classifier::AddLabSymbolFinding(size_t i) {
  // Not "Li", as common a surname as a symbol ("Drs. Patel, Li, and Gomez").
  static constexpr std::pair<std::string_view, std::string_view> kSymbols[] = {
      {"Mg", "magnesium"}, {"Ca", "calcium"}, {"Zn", "zinc"}, {"Cu", "copper"}, {"Pb", "lead"}};
  // Asked of every word of two letters: most ("to", "of", "MD") are no
  // symbol's capital and small letter.
  if (!tokens_[i].capitalized || tokens_[i].all_caps) return false;
  const std::string_view written = Written(tokens_[i]);
  const auto symbol = std::find_if(std::begin(kSymbols), std::end(kSymbols),
                                   [written](const auto& s) { return s.first == written; });
  const Token* next = NextOnLine(i);
  if (symbol == std::end(kSymbols) || next == nullptr) return false;
  const Token& after = *next;
  const std::string_view before = i > 0 ? tokens_[i - 1].folded : std::string_view();
  if (i > 0 && IsNumber(tokens_[i - 1])) return false;  // "500 Mg": the unit, capitalised
  // Calcium's value has a decimal point ("Ca 9.2"); "Ca 125" is a tumour
  // marker (CA-125).
  const bool value_after =
      IsNumber(after) && (written != "Ca" || Written(after).find('.') != std::string_view::npos);
  const bool in_list =
      (before == "," || before == "(") && (after.folded == "," || after.folded == ")");
  if (!value_after && !in_list) return false;
  AddShorthandFinding(i, symbol->second,
                      "a chemical symbol standing for a lab test; write the test's name",
                      "pattern:symbol");
  return true;
}

// A patient's age and sex written as one token that opens a note's line or
// sentence ("52M with gout", "A/P: 68M w/ BPH", "Pt is a 19F, 2 days of
// cough"): an age of 18 to 110 and a capital M or F, before a word that goes
// on to describe the patient. Not a reading ("fever to 102F with chills"), a
// catheter's size ("upsized from 14F, now 16F"), a child's age in months
// ("18M with fever" is missed too) or a count ("3M", "5M").
bool Classifier::AddAgeSexFinding(size_t i) {
  static constexpr std::string_view kDescribing[] = {"with", "w", "who",  "h",          "s",  "c",
                                                     "for",  ",", "here", "presenting", "pmh"};
  const std::string_view written = Written(tokens_[i]);
  const Token* next = NextOnLine(i);
  if (written.size() < 3 || written.size() > 4 ||
      (written.back() != 'M' && written.back() != 'F') || next == nullptr ||
      !IsListed(kDescribing, next->folded)) {
    return false;
  }
  const std::string_view before = i > 0 ? tokens_[i - 1].folded : std::string_view();
  if (!(i == 0 || OpensLine(i) || before == ":" || before == "a")) return false;
  int age = 0;
  const char* digits_end = written.data() + written.size() - 1;
  const auto [end, error] = std::from_chars(written.data(), digits_end, age);
  if (error != std::errc() || end != digits_end || age < 18 || age > 110) return false;
  const std::string plain =
      std::to_string(age) + (written.back() == 'M' ? "-year-old man" : "-year-old woman");
  AddShorthandFinding(i, storage_->Keep(plain),
                      "an age and a sex in note shorthand; write them out", "pattern:age_sex");
  return true;
}

// The finding keeps views of `word`, `definition` and `source`: each is
// static text or text the storage keeps.
void Classifier::AddShorthandFinding(size_t i, std::string_view word, std::string_view definition,
                                     std::string_view source) {
  Finding& finding = NewFinding(FindingKind::kAbbreviation, i, i + 1);
  finding.term = storage_->Keep(text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start));
  finding.suggestion = word;
  finding.definition = definition;
  finding.familiarity = 0.2;
  finding.severity = 0.7;
  finding.source = source;
  CountJargon(1, 0.2);
  tally_.rule_words.push_back(WordTable::Hash(word));
}

}  // namespace plainlang
