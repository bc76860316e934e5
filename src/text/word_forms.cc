#include "text/word_forms.h"

#include <cstring>
#include <utility>

namespace plainlang {
namespace {

// A byte loop: the suffixes are two or three letters, and a call to memcmp
// for each cost more than the comparison (it ran for nearly every word).
bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  const char* tail = s.data() + s.size() - suffix.size();
  for (size_t k = 0; k < suffix.size(); ++k) {
    if (tail[k] != suffix[k]) return false;
  }
  return true;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// British endings and their US forms, longest first where one ends another.
constexpr std::pair<std::string_view, std::string_view> kBritishEndings[] = {
    {"isation", "ization"}, {"ised", "ized"},     {"ising", "izing"},
    {"ises", "izes"},       {"ise", "ize"},       {"yse", "yze"},
    {"tre", "ter"},         {"grammes", "grams"}, {"gramme", "gram"}};

// The British ending `word` has (a stem of 3+ letters before it), or null.
const std::pair<std::string_view, std::string_view>* BritishEnding(std::string_view word) {
  for (const auto& ending : kBritishEndings) {
    if (word.size() > ending.first.size() + 2 &&
        word.substr(word.size() - ending.first.size()) == ending.first) {
      return &ending;
    }
  }
  return nullptr;
}

}  // namespace

bool MayBeBritishSpelling(std::string_view folded) {
  // No medical word is this long; a megabyte "word" must stay linear.
  constexpr size_t kLongestWord = 64;
  if (folded.size() > kLongestWord) return false;
  // One pass for "ae", "oe" and "our".
  for (size_t k = 0; k + 1 < folded.size(); ++k) {
    const char c = folded[k], next = folded[k + 1];
    if (next == 'e' && (c == 'a' || c == 'o')) return true;
    if (c == 'o' && next == 'u' && k + 2 < folded.size() && folded[k + 2] == 'r') return true;
  }
  return BritishEnding(folded) != nullptr;
}

std::string UsSpelling(std::string_view folded) {
  // Most words hold none of the British patterns: no passes.
  if (!MayBeBritishSpelling(folded)) return std::string(folded);
  std::string us(folded);
  // Replaces `from` everywhere from `first_at` on; at the very end of the
  // word too only when `at_end_too`. Builds a new string in one pass.
  auto replace_all = [&us](std::string_view from, std::string_view to, size_t first_at,
                           bool at_end_too) {
    std::string out;
    out.reserve(us.size());
    for (size_t k = 0; k < us.size();) {
      if (k >= first_at && us.compare(k, from.size(), from) == 0 &&
          (at_end_too || k + from.size() < us.size())) {
        out.append(to);
        k += from.size();
      } else {
        out.push_back(us[k++]);
      }
    }
    us = std::move(out);
  };
  replace_all("ae", "e", 1, true);    // anaemia, haematoma, paediatric (not "aerobic")
  replace_all("oe", "e", 0, false);   // oedema, diarrhoea, foetus (not "toe")
  replace_all("our", "or", 1, true);  // tumour, behaviour, favourable
  if (const auto* ending = BritishEnding(us)) {
    us.resize(us.size() - ending->first.size());
    us.append(ending->second);
  }
  return us;
}

void InflectionStems::Add(std::string_view stem, char letter) {
  const size_t size = stem.size() + (letter != 0);
  if (size < 3 || count_ == forms_.size()) return;
  std::string_view form = stem;
  if (letter != 0) {
    // The only such form of a word: endings are exclusive of one another.
    char* out = room_;
    if (size > sizeof room_) {
      longer_.resize(size);
      out = longer_.data();
    }
    std::memcpy(out, stem.data(), stem.size());
    out[stem.size()] = letter;
    form = std::string_view(out, size);
  }
  for (size_t k = 0; k < count_; ++k) {
    if (forms_[k] == form) return;  // already there
  }
  forms_[count_++] = form;
}

// "stopped" -> "stop", "planning" -> "plan": undo a doubled final consonant.
void InflectionStems::AddUndoubled(std::string_view stem) {
  size_t n = stem.size();
  if (n >= 4 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1]) && stem[n - 1] != 's' &&
      stem[n - 1] != 'l') {
    Add(stem.substr(0, n - 1));
  }
}

InflectionStems::InflectionStems(std::string_view folded) {
  forms_[0] = folded;
  count_ = 1;
  std::string_view word = folded;
  if (EndsWith(word, "'s")) {
    word.remove_suffix(2);
    Add(word);
  } else if (EndsWith(word, "'")) {
    word.remove_suffix(1);
    Add(word);
  }
  const size_t n = word.size();
  if (n < 4) return;
  if (EndsWith(word, "ies")) {
    Add(word.substr(0, n - 3), 'y');
  } else if (EndsWith(word, "es")) {
    Add(word.substr(0, n - 1));  // "doses" -> "dose"
    Add(word.substr(0, n - 2));  // "rashes" -> "rash"
  } else if (word.back() == 's' && !EndsWith(word, "ss") && !EndsWith(word, "us") &&
             !EndsWith(word, "is")) {
    Add(word.substr(0, n - 1));
  } else if (n >= 5 && EndsWith(word, "ed")) {
    std::string_view stem = word.substr(0, n - 2);
    Add(stem);                   // "stented" -> "stent"
    Add(word.substr(0, n - 1));  // "dosed" -> "dose"
    AddUndoubled(stem);          // "stopped" -> "stop"
    if (EndsWith(stem, "i")) Add(stem.substr(0, stem.size() - 1), 'y');
  } else if (n >= 6 && EndsWith(word, "ing")) {
    std::string_view stem = word.substr(0, n - 3);
    Add(stem);
    Add(stem, 'e');  // "dosing" -> "dose"
    AddUndoubled(stem);
  }
}

}  // namespace plainlang
