// NotationWindows (notation.h): where in a sentence notation may be.
#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/notation.h"

namespace plainlang {
namespace {

// Head words that start or end a pattern: a drug class, a research measure
// or a grade. Named instruments' head nouns are kNamedHeads.
constexpr std::string_view kHeads[] = {
    "inhibitor",  "inhibitors",  "blocker",     "blockers",     "agonist",       "agonists",
    "antagonist", "antagonists", "modulator",   "modulators",   "analog",        "analogs",
    "analogue",   "analogues",   "sequestrant", "sequestrants", "sensitizer",    "sensitizers",
    "binder",     "binders",     "diuretic",    "diuretics",    "lowering",      "modifying",
    "sparing",    "stimulating", "suppressing", "reducing",     "survival",      "mortality",
    "outcome",    "outcomes",    "endpoint",    "endpoints",    "effectiveness", "efficacy",
    "needed",     "murmur",      "murmurs",     "cycle",        "cycles"};

// The last words of named classifications and staging systems that take a
// number ("GOLD 3", "BI-RADS 4", "Hoehn and Yahr 3"; the pattern holds the
// whole names).
constexpr std::string_view kClassificationEnds[] = {
    "gold",    "ecog",   "rads",        "ceap",    "deauville",  "rutherford", "fontaine",
    "killip",  "tanner", "bosniak",     "breslow", "lawrence",   "modic",      "outerbridge",
    "gustilo", "hurley", "fitzpatrick", "fazekas", "mallampati", "martin",     "hess",
    "yahr",    "pugh",   "lugano",      "isup"};

// Research measures that end in an everyday word ("remission rates",
// "absolute risk reduction", "effect size"): the word alone is too common
// ("heart rate", "increase the dose") to open a window; the word before it
// (or before "risk") must be one of kResearchLeads.
constexpr std::string_view kResearchTails[] = {
    "reduction", "increase", "difference", "rate", "rates", "measure", "measures", "size", "sizes"};
constexpr std::string_view kResearchLeads[] = {
    "relative",  "absolute",     "remission",   "response", "recurrence", "relapse",
    "mortality", "complication", "readmission", "outcome",  "effect"};

// The head words' hashes, sorted, and a 4,096-bit map of their low twelve
// bits: most words fail the map, and only the rest are searched for.
struct HeadSet {
  std::vector<uint64_t> hashes;
  std::array<uint64_t, 64> map{};
  explicit HeadSet(std::span<const std::string_view> words) {
    for (std::string_view word : words) {
      const uint64_t hash = WordTable::Hash(word);
      hashes.push_back(hash);
      map[(hash >> 6) & 63] |= uint64_t{1} << (hash & 63);
    }
    std::sort(hashes.begin(), hashes.end());
  }
  bool Holds(uint64_t hash) const {
    return ((map[(hash >> 6) & 63] >> (hash & 63)) & 1) != 0 &&
           std::binary_search(hashes.begin(), hashes.end(), hash);
  }
};

// Notation starts at most a few words before the token that gives it away
// (the name before "score", the drug before "inhibitor") and ends a few
// words after it ("2/6 systolic murmur", "x 7 more days").
constexpr size_t kBefore = 64, kAfter = 48;

class WindowFinder {
 public:
  WindowFinder(const std::vector<Token>& tokens, const TokenLookups& lookups,
               std::vector<Span>* windows)
      : tokens_(tokens), lookups_(lookups), windows_(*windows) {}

  void Run() {
    windows_.clear();
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& token = tokens_[i];
      if (!token.is_word()) {
        AtMark(i);
      } else if (token.digits > 0) {
        AtWordWithDigits(i);
      } else {
        AtWord(i);
      }
    }
  }

 private:
  // A token that can only start its notation: q6h, qHS, x3, T2N0M0, 36w5d.
  void AddStart(size_t i) {
    if (!windows_.empty() && !windows_.back().anchored && windows_.back().end > tokens_[i].start) {
      return;  // a wider window already holds it
    }
    windows_.push_back({tokens_[i].start, tokens_[i].end + kAfter, true});
  }
  void Add(size_t i) {
    const size_t start = tokens_[i].start > kBefore ? tokens_[i].start - kBefore : 0;
    const size_t end = tokens_[i].end + kAfter;
    if (!windows_.empty() && !windows_.back().anchored && start <= windows_.back().end) {
      windows_.back().end = std::max(windows_.back().end, end);
    } else {
      windows_.push_back({start, end});
    }
  }
  template <typename Test>
  bool NextIs(size_t i, Test test) const {
    return i + 1 < tokens_.size() && test(tokens_[i + 1].folded);
  }
  template <typename Test>
  bool PreviousIs(size_t i, Test test) const {
    return i > 0 && test(tokens_[i - 1].folded);
  }
  // Written I, II, III, IV or V, a lower-case a to c after it allowed.
  bool IsRomanNumeral(size_t i) const {
    const Token& token = tokens_[i];
    if (!token.capitalized || token.letters != token.end - token.start || token.letters > 4) {
      return false;
    }
    std::string_view folded = token.folded;
    if (!token.all_caps) {  // "Ib", "IIa": capitals, then one lower-case letter
      if (folded.size() < 2 || folded.back() < 'a' || folded.back() > 'c') return false;
      folded.remove_suffix(1);
    }
    static constexpr std::string_view kNumerals[] = {"i", "ii", "iii", "iv", "v"};
    return IsListed(kNumerals, folded);
  }
  void AtMark(size_t i);
  void AtWordWithDigits(size_t i);
  void AtWord(size_t i);

  const std::vector<Token>& tokens_;
  const TokenLookups& lookups_;
  std::vector<Span>& windows_;
};

// The marks notation is written with: + # × ≤ ≥ χ ² always; % before a
// confidence interval, = < > after a statistic's letter, / before a unit or
// a grade's denominator.
void WindowFinder::AtMark(size_t i) {
  switch (static_cast<unsigned char>(tokens_[i].folded[0])) {
    case '+':
    case '#':
    case 0xC3:
    case 0xE2:
    case 0xCF:
    case 0xC2:  // × ≤ ≥ χ ²
      Add(i);
      break;
    case '%':  // 95% CI; not "7.2%"
      if (NextIs(i, [](std::string_view w) {
            return w == "ci" || w == "cis" || w == "cri" || w == "confidence" || w == "credible";
          })) {
        Add(i);
      }
      break;
    case '=':
    case '<':
    case '>':  // P < 0.05, n = 120, I2 = 0%; not "<35", "K > 5"
      if (PreviousIs(i, [](std::string_view w) {
            return w == "p" || w == "n" || w == "i" || w == "i2" || w == "df" || w == "z" ||
                   w == "chi" || w == "tau" || w == "value" || w == "values";
          })) {
        Add(i);
      }
      break;
    case '/':
      // A rate, a murmur's grade or days of a week of pregnancy: mg/kg,
      // /24 h, 2/6, 5/7. Dates and mg/dL need no pattern.
      if (NextIs(i, [](std::string_view w) {
            return w == "kg" || w == "m2" || w.starts_with("24") || w == "6" || w == "7";
          })) {
        Add(i);
      }
      break;
  }
}

void WindowFinder::AtWordWithDigits(size_t i) {
  const Token& token = tokens_[i];
  const std::string_view word = token.folded;
  // q6h, x3, T2N0M0, pT1c, G2P1, C6D1, 36w5d; not 5mg, 2nd, B12.
  if (token.letters > 0) {
    switch (word[0]) {
      case 'q':
      case 'x':
      case 't':
      case 'g':
      case 'p':
      case 'c':
      case 'f':  // F2-F3
      case 'y': AddStart(i); return;
    }
    // 36w5d, 3x (3x/week), 16p11.2, 22q11.2; a time ("2pm") opens a window
    // too, where the patterns find nothing
    if ((word.find_first_of("wpq") != std::string_view::npos || word.back() == 'x') &&
        word[0] >= '0' && word[0] <= '9') {
      AddStart(i);
      return;
    }
  }
  // PHQ-9, GAD-7, I-131, Tc-99m; not dates, phone numbers or ranges (4-6).
  if (i > 1 && tokens_[i - 1].folded == "-" &&
      (tokens_[i - 2].all_caps || (tokens_[i - 2].capitalized && tokens_[i - 2].letters <= 2))) {
    Add(i);
  }
}

void WindowFinder::AtWord(size_t i) {
  static const HeadSet heads(kHeads), scales(kScaleWords);
  static const HeadSet any_head = [] {
    std::vector<std::string_view> all(std::begin(kHeads), std::end(kHeads));
    all.insert(all.end(), std::begin(kScaleWords), std::end(kScaleWords));
    all.insert(all.end(), std::begin(kNamedHeads), std::end(kNamedHeads));
    all.insert(all.end(), std::begin(kResearchTails), std::end(kResearchTails));
    all.insert(all.end(), std::begin(kClassificationEnds), std::end(kClassificationEnds));
    return HeadSet(all);
  }();
  static const HeadSet research_tails(kResearchTails), classifications(kClassificationEnds);
  const std::string_view word = tokens_[i].folded;
  const uint64_t hash = lookups_.hashes[i];
  if ((word[0] == 'q' && word.size() <= 6) || word == "x") {  // qHS, x 7 days
    AddStart(i);
    return;
  }
  // A gene variant: c.2932T>C, p.Lys618del.
  if (word.size() == 1 && std::string_view("cgmnp").find(word[0]) != std::string_view::npos &&
      NextIs(i, [](std::string_view w) { return w == "."; })) {
    AddStart(i);
    return;
  }
  // A Roman numeral after a capitalised word may close an eponymous
  // classification ("Bosniak I", "Salter-Harris II", "Hinchey Ib"); a bare
  // I only after a rare one, as the pronoun follows names and weekdays. After
  // "zone" it names a zone of the retina or the neck ("zone II").
  if (i > 0 && IsRomanNumeral(i)) {
    const Token& name = tokens_[i - 1];
    const WordEntry* entry = lookups_.entries[i - 1];
    if (name.folded == "zone" ||
        (name.is_word() && name.capitalized && !name.all_caps &&
         (word != "i" || entry == nullptr || entry->zipf < kUncommonNameZipf))) {
      Add(i);
      return;
    }
  }
  // A rate per day in hours: "per 24 h" ("/24 h" opens at its mark).
  if (word == "per" && NextIs(i, [](std::string_view w) { return w.starts_with("24"); })) {
    Add(i);
    return;
  }
  // Most words: one or two tests. No head word is shorter than four letters.
  if (word.size() < 4 || !any_head.Holds(hash)) return;
  // A named classification before its number or scale word ("GOLD 3",
  // "Modic type 1").
  if (classifications.Holds(hash)) {
    if (NextIs(i, [](std::string_view w) {
          return (!w.empty() && IsAsciiDigit(w[0])) ||
                 w.find_first_not_of("ivx") == std::string_view::npos || IsListed(kScaleWords, w) ||
                 w == "type" || w == "group" || (w.size() == 1 && w[0] >= 'a' && w[0] <= 'c');
        })) {
      Add(i);
    }
    return;
  }
  if (scales.Holds(hash)) {
    // stage, grade, class, level, phase, category: only before a number, a
    // Roman numeral, one with a letter after it, or a letter ("stage IIIA",
    // "stage IIB", "level 2", "class B"); a class also after a hyphen, where
    // it names drugs ("tetracycline-class antibiotics").
    const bool drug_class =
        word == "class" && i > 0 && tokens_[i - 1].folded == "-" && !tokens_[i].space_before;
    if (drug_class || NextIs(i, [](std::string_view w) {
          // "IIIA", "IA2": a sub-stage's letter and number after the numeral
          if (w.size() > 2 && w.back() >= '1' && w.back() <= '3') w.remove_suffix(1);
          if (w.size() > 1 && w.back() >= 'a' && w.back() <= 'c') w.remove_suffix(1);
          return !w.empty() && ((w[0] >= '0' && w[0] <= '9') || w.size() == 1 ||
                                w.find_first_not_of("ivx") == std::string_view::npos);
        })) {
      Add(i);
    }
    return;
  }
  if (heads.Holds(hash)) {
    Add(i);
    return;
  }
  if (research_tails.Holds(hash)) {
    size_t lead = i;
    for (int words = 0; lead-- > 0 && words < 2;) {
      if (!tokens_[lead].is_word()) continue;
      ++words;
      const std::string_view before = tokens_[lead].folded;
      if (IsListed(kResearchLeads, before)) {
        Add(i);
        return;
      }
      if (before != "risk") return;
    }
    return;
  }
  // A named instrument's head after a capitalised word that may name
  // something (not "The", "Your"). Up to two lower-case words of the
  // instrument's own may stand between them, as the pattern allows ("Ottawa
  // ankle rules"), before the heads of rules and measures only: things done
  // or used are described by everyday words ("Diabetic eye exam", "Updated
  // med list").
  static constexpr std::string_view kDoneOrUsed[] = {
      "exam",      "assessment", "surgery", "procedure", "operation",    "exercise",
      "exercises", "list",       "monitor", "catheter",  "contractions", "balloon"};
  const bool gap_allowed = !IsListed(kDoneOrUsed, word);
  int lower_words = 0;
  for (size_t k = i; k-- > 0;) {
    if (!tokens_[k].is_word()) continue;
    const WordEntry* entry = lookups_.entries[k];
    if (tokens_[k].capitalized) {
      if (entry == nullptr || entry->zipf < 5.5f) Add(i);
      break;
    }
    if (!gap_allowed || ++lower_words > 2) break;
  }
}

}  // namespace

void NotationWindows(const std::vector<Token>& tokens, const TokenLookups& lookups,
                     std::vector<Span>* windows) {
  WindowFinder(tokens, lookups, windows).Run();
}

void FindSentenceNotation(std::string_view text, size_t start, size_t end,
                          const std::vector<Token>& tokens, const TokenLookups& lookups,
                          const Lexicon::Index& index, std::vector<Span>* windows,
                          std::vector<NotationMatch>* matches) {
  matches->clear();
  NotationWindows(tokens, lookups, windows);
  const std::string_view sentence = text.substr(0, end);
  for (Span window : *windows) {
    window.start = std::max(window.start, start);
    FindNotation(sentence, window, index, matches);
  }
}

}  // namespace plainlang
