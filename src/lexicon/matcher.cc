#include "lexicon/matcher.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>
#include <utility>

namespace plainlang {
namespace {

// Abbreviations span at most this many glued tokens ("s", "/", "p").
constexpr size_t kMaxAbbreviationTokens = 7;

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

// Whether `folded` ends like an inflected English word (-s, -ed, -ing, a
// possessive); only those are worth stemming. The tests are combined
// without branches: which ending a word has is anybody's guess, and each
// wrong guess of a branch costs more than all the tests.
bool MayBeInflected(std::string_view folded) {
  const size_t n = folded.size();
  if (n < 4) return false;
  const char last = folded[n - 1], before = folded[n - 2], third = folded[n - 3];
  return (last == 's') | (last == '\'') | ((before == 'e') & (last == 'd')) |
         ((third == 'i') & (before == 'n') & (last == 'g'));
}

bool TokenEquals(const Token& token, const std::string& key) {
  if (token.folded == key) return true;
  if (token.kind != TokenKind::kWord || !MayBeInflected(token.folded)) return false;
  // A stem is no longer than its word and keeps all but the last letter of
  // the key ("biopsies" -> "biopsy", "dosing" -> "dose"); most words are
  // ruled out here before any stem is made.
  if (key.empty() || key.size() > token.folded.size() ||
      token.folded.compare(0, key.size() - 1, key, 0, key.size() - 1) != 0) {
    return false;
  }
  InflectionStems stems(token.folded);
  return std::find(stems.begin() + 1, stems.end(), key) != stems.end();
}

// Rarer than this, a word may be a British spelling worth respelling.
constexpr float kBritishSpellingMaxZipf = 3.5f;

// Length in tokens of the longest term starting at tokens[i], a word, or 0.
// `key` is scratch space for pair keys.
size_t LongestTerm(const Lexicon::Index& index, const std::vector<Token>& tokens,
                   const TokenLookups& lookups, size_t i, uint32_t* id, PairKeyBuffer* key) {
  const Token& first = tokens[i];
  const WordEntry* entry = lookups.entries[i];
  // The three ways a term may start here, decided up front: most words
  // take none of them and leave at once.
  // 1. The word as written files terms or begins longer ones.
  const bool own = entry != nullptr && entry->starts_terms();
  // 2. Else one of its stems may: "biopsies" -> "biopsy". An entry knows
  // whether its stems lead anywhere: most inflected words of a message are
  // common ones whose stems begin no term, and looking up each stem cost a
  // wait on memory.
  const bool alphabetic = first.kind == TokenKind::kWord;  // not a number
  const bool by_stems = !own && alphabetic && MayBeInflected(first.folded) &&
                        (entry == nullptr || entry->stems_start_terms);
  // 3. A British spelling of a listed term ("oedema", "randomised"); only for
  // words rare in everyday English, so "four" never becomes "for".
  const bool by_spelling =
      alphabetic && (entry == nullptr || entry->zipf < kBritishSpellingMaxZipf);
  if (!own && !by_stems && !by_spelling) return 0;
  size_t best = 0;
  auto try_terms = [&](const WordEntry* key) {
    if (key == nullptr) return;
    for (uint32_t candidate : key->terms) {
      const Term& term = index.terms[candidate];
      size_t n = term.tokens.size();
      if (n <= best || i + n > tokens.size()) continue;
      bool matches = true;
      for (size_t j = 1; j < n && matches; ++j) {
        matches = TokenEquals(tokens[i + j], term.tokens[j]);
      }
      if (matches) {
        best = n;
        *id = candidate;
      }
    }
  };
  // Each word is tried as written first; its stems only when that finds
  // nothing ("blood clots" -> "blood clot").
  // A pair is looked up only when the first word's bits allow its second.
  auto try_first = [&](const WordEntry* word) {
    if (word == nullptr) return;
    if (word->starts_longer_terms() && i + 1 < tokens.size()) {
      const Token& second = tokens[i + 1];
      // Punctuation has no lookup of its own ("x-ray" is "x", "-", "ray").
      const uint64_t second_hash =
          second.is_word() ? lookups.hashes[i + 1] : WordTable::Hash(second.folded);
      if (word->MayPrecede(second_hash)) {
        try_terms(index.FindWord(TermPairKey(word->word, second.folded, key)));
      }
      if (best == 0 && second.kind == TokenKind::kWord && MayBeInflected(second.folded)) {
        InflectionStems stems(second.folded);
        for (size_t k = 1; k < stems.size() && best == 0; ++k) {
          if (!word->MayPrecede(WordTable::Hash(stems[k]))) continue;
          try_terms(index.FindWord(TermPairKey(word->word, stems[k], key)));
        }
      }
    }
    // A word's own entry files only terms of that one token (longer ones
    // go under their first pair): the first of them is the match, and
    // their records need not be read.
    if (best == 0 && !word->terms.empty()) {
      best = 1;
      *id = word->terms.front();
    }
  };
  if (own) try_first(entry);
  if (by_stems) {
    InflectionStems stems(first.folded);
    for (size_t k = 1; k < stems.size() && best == 0; ++k) try_first(index.FindWord(stems[k]));
  }
  if (best == 0 && by_spelling && MayBeBritishSpelling(first.folded)) {
    std::string us = UsSpelling(first.folded);
    if (us != first.folded) {
      InflectionStems stems(us);
      for (size_t k = 0; k < stems.size() && best == 0; ++k) try_first(index.FindWord(stems[k]));
    }
  }
  return best;
}

bool HasInnerDot(std::string_view raw) {
  size_t dot = raw.find('.');
  return dot != std::string_view::npos && dot + 1 < raw.size();
}

// Whether `a` and `b` are equal once their dots are ignored; no copies.
bool EqualWithoutDots(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && a[i] == '.') ++i;
    while (j < b.size() && b[j] == '.') ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (a[i++] != b[j++]) return false;
  }
}

bool CaseAllows(const Abbreviation& entry, std::string_view raw, bool all_caps_sentence) {
  if (!entry.exact_case) return true;
  if (all_caps_sentence) return false;
  // "b.i.d." written with dots is an abbreviation whatever its case.
  if (HasInnerDot(raw)) return true;
  return EqualWithoutDots(raw, entry.written);
}

// The singular of a plural of capitals ("MRIs" -> "MRI", "UTIs"), written
// as `raw`, the text of `token`; empty for any other word. Inline: the
// matcher asks it of most words, and most fail the first test.
[[gnu::always_inline]] inline std::string_view CapitalsSingular(std::string_view raw,
                                                                const Token& token) {
  if (!token.capitalized || raw.size() < 3 || raw.back() != 's' || token.letters < 3) return {};
  const std::string_view singular = raw.substr(0, raw.size() - 1);
  for (char c : singular) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return {};
  }
  return singular;
}

// Length in tokens of the longest abbreviation starting at tokens[i], a
// word, or 0.
size_t LongestAbbreviation(const Lexicon::Index& index, std::string_view text,
                           const std::vector<Token>& tokens, const WordEntry* entry, size_t i,
                           bool all_caps_sentence, uint32_t* id) {
  size_t best = 0;
  // The common case, one token without dots that spells no abbreviation
  // and is no plural of capitals ("MRIs"): nothing to look up.
  const bool glued = i + 1 < tokens.size() && !tokens[i + 1].space_before;
  if (!glued && (entry == nullptr || entry->abbreviation < 0)) {
    const std::string_view raw = text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
    if (!tokens[i].has_dot && CapitalsSingular(raw, tokens[i]).empty()) return 0;
  }
  for (size_t j = i; j < tokens.size() && j - i < kMaxAbbreviationTokens; ++j) {
    if (j > i && tokens[j].space_before) break;
    const Token& last = tokens[j];
    // Spans end on a word ("f/u"), or on a slash that ends a word ("w/ food").
    bool closes = last.is_word() ||
                  (last.folded == "/" && (j + 1 == tokens.size() || tokens[j + 1].space_before));
    if (!closes) continue;
    std::string_view raw = text.substr(tokens[i].start, last.end - tokens[i].start);
    const Abbreviation* found = nullptr;
    if (j == i && !tokens[i].has_dot) {
      if (entry != nullptr && entry->abbreviation >= 0) found = &index.abbreviations[entry->abbreviation];
    } else {
      found = index.FindAbbreviation(AbbreviationKey(raw));
    }
    if (found == nullptr && j == i) {
      if (const std::string_view singular = CapitalsSingular(raw, tokens[i]); !singular.empty()) {
        found = index.FindAbbreviation(AbbreviationKey(singular));
        raw = singular;
      }
    }
    if (found == nullptr || !CaseAllows(*found, raw, all_caps_sentence)) continue;
    best = j - i + 1;
    *id = static_cast<uint32_t>(found - index.abbreviations.data());
  }
  return best;
}

// British endings and their US forms, longest first where one ends another.
constexpr std::pair<std::string_view, std::string_view> kBritishEndings[] = {
    {"isation", "ization"}, {"ised", "ized"}, {"ising", "izing"}, {"ises", "izes"},
    {"ise", "ize"},         {"yse", "yze"},   {"tre", "ter"}};

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

// Rarer words keep the answer "maybe": together they are a small share of
// what messages say, and marking all 58,000 inflected words of words.tsv
// took the default lexicon's load from 38 to 50 ms (one run of each), a
// wait on memory per stem; the 19,000 this common add 3-4 ms.
constexpr float kStemsMarkedFromZipf = 2.5f;

void MarkStemsThatStartTerms(Lexicon::Index* index) {
  const WordTable& words = index->words;
  index->words.ForEach([&words](WordEntry& entry) {
    // LongestTerm asks only of words that may be inflected.
    if (entry.zipf < kStemsMarkedFromZipf || !MayBeInflected(entry.word)) {
      entry.stems_start_terms = true;
      return;
    }
    const InflectionStems stems(entry.word);
    bool leads = false;
    for (size_t k = 1; k < stems.size() && !leads; ++k) {
      const WordEntry* stem = words.Find(stems[k]);
      leads = stem != nullptr && stem->starts_terms();
    }
    entry.stems_start_terms = leads;
  });
}

bool IsShouted(const std::vector<Token>& tokens) {
  size_t letters = 0, capitals = 0;
  for (const Token& token : tokens) {
    if (token.kind != TokenKind::kWord) continue;
    letters += token.letters;
    if (token.all_caps) capitals += token.letters;
  }
  return letters >= 12 && capitals * 10 >= letters * 8;
}

// Each lookup waits on memory for its slot; asking for all the sentence's
// slots before reading any lets those waits overlap instead of following
// one another.
void LookUpTokens(const Lexicon::Index& index, const std::vector<Token>& tokens,
                  TokenLookups* lookups) {
  const WordTable& words = index.words;
  const size_t n = tokens.size();
  lookups->hashes.resize(n);
  for (size_t i = 0; i < n; ++i) {
    lookups->hashes[i] = tokens[i].is_word() ? WordTable::Hash(tokens[i].folded) : 0;
    if (tokens[i].is_word()) words.Prefetch(lookups->hashes[i]);
  }
  lookups->entries.resize(n);
  for (size_t i = 0; i < n; ++i) {
    lookups->entries[i] =
        tokens[i].is_word() ? words.Find(tokens[i].folded, lookups->hashes[i]) : nullptr;
  }
}

void MatchLexicon(const Lexicon::Index& index, std::string_view text,
                  const std::vector<Token>& tokens, const TokenLookups& lookups,
                  bool all_caps_sentence, std::vector<LexiconMatch>* matches) {
  matches->clear();
  PairKeyBuffer key;
  for (size_t i = 0; i < tokens.size();) {
    if (!tokens[i].is_word()) {  // punctuation starts neither term nor abbreviation
      ++i;
      continue;
    }
    uint32_t term_id = 0, abbreviation_id = 0;
    size_t term_length = LongestTerm(index, tokens, lookups, i, &term_id, &key);
    size_t abbreviation_length = LongestAbbreviation(index, text, tokens, lookups.entries[i], i,
                                                     all_caps_sentence, &abbreviation_id);
    if (term_length == 0 && abbreviation_length == 0) {
      ++i;
      continue;
    }
    // The longer span wins; on a tie, capitals or digits inside a word
    // ("MS", "HbA1c") mark an abbreviation, lower case a term.
    size_t term_bytes = term_length ? tokens[i + term_length - 1].end - tokens[i].start : 0;
    size_t abbreviation_bytes =
        abbreviation_length ? tokens[i + abbreviation_length - 1].end - tokens[i].start : 0;
    bool looks_abbreviated = tokens[i].all_caps || (tokens[i].digits > 0 && tokens[i].letters > 0) ||
                             abbreviation_length > 1;
    bool abbreviation = abbreviation_bytes > term_bytes ||
                        (abbreviation_bytes == term_bytes && looks_abbreviated);
    LexiconMatch match;
    match.first = i;
    if (abbreviation) {
      match.type = LexiconMatch::Type::kAbbreviation;
      match.end = i + abbreviation_length;
      match.id = abbreviation_id;
    } else {
      match.type = LexiconMatch::Type::kTerm;
      match.end = i + term_length;
      match.id = term_id;
    }
    matches->push_back(match);
    i = match.end;
  }
}

std::vector<LexiconMatch> MatchLexicon(const Lexicon::Index& index, std::string_view text,
                                       const std::vector<Token>& tokens,
                                       const TokenLookups& lookups, bool all_caps_sentence) {
  std::vector<LexiconMatch> matches;
  MatchLexicon(index, text, tokens, lookups, all_caps_sentence, &matches);
  return matches;
}

}  // namespace plainlang
