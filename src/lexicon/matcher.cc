#include "lexicon/matcher.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>
#include <utility>

#include "text/byte_scan.h"

namespace plainlang {
namespace {

// Abbreviations span at most this many glued tokens ("s", "/", "p").
constexpr size_t kMaxAbbreviationTokens = 7;

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

// A term at least this familiar is an everyday word (familiar.tsv's floor
// is 0.90, a lay name's 0.80).
constexpr float kKnownTermFamiliarity = 0.8f;

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
  // Also when the word as written begins longer terms that are not here:
  // "holding" begins "holding area", and "holding your metoprolol" is
  // "hold" (tried below, after the word's own entry finds nothing).
  const bool alphabetic = first.kind == TokenKind::kWord;  // not a number
  const bool may_stem =
      alphabetic && MayBeInflected(first.folded) && (entry == nullptr || entry->stems_start_terms);
  const bool by_stems = !own && may_stem;
  // 3. A British spelling of a listed term ("oedema", "randomised"); only for
  // words rare in everyday English, so "four" never becomes "for".
  const bool by_spelling =
      alphabetic && (entry == nullptr || entry->zipf < kBritishSpellingMaxZipf);
  // 4. A closed compound written with a hyphen ("wash-out", "drop-outs",
  // "co-morbidity"): the words either side, glued, as one word.
  const bool hyphenated = alphabetic && i + 2 < tokens.size() && tokens[i + 1].folded == "-" &&
                          !tokens[i + 1].space_before && !tokens[i + 2].space_before &&
                          tokens[i + 2].kind == TokenKind::kWord;
  if (!own && !by_stems && !by_spelling && !hyphenated) return 0;
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
  if (by_stems || (own && best == 0 && may_stem && entry->stems_file_terms)) {
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
  const std::string_view second = hyphenated ? tokens[i + 2].folded : std::string_view();
  if (hyphenated && best < 3 && first.folded.size() + second.size() <= key->room.size()) {
    char* out = key->room.data();  // no word is longer than the pair keys' room
    std::memcpy(out, first.folded.data(), first.folded.size());
    std::memcpy(out + first.folded.size(), second.data(), second.size());
    InflectionStems stems(std::string_view(out, first.folded.size() + second.size()));
    for (std::string_view stem : stems) {
      const WordEntry* word = index.FindWord(stem);
      if (word != nullptr && !word->terms.empty()) {
        best = 3;
        *id = word->terms.front();
        break;
      }
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

// Words at least this common (Zipf; "with", "us", "all", "or", "fast")
// are ordinary words in a shouted sentence; rarer ones written as a listed
// abbreviation ("CT" 4.11, "IV" 4.38, "PET" 4.45) are still the
// abbreviation: "CT ABDOMEN WITH IV CONTRAST". A word of unknown frequency
// (a lexicon without a word table) stays an ordinary word.
constexpr float kShoutedWordZipf = 4.5f;

// Whether `raw` is `written` with only its first letter's case changed, the
// rest lower case: "dx" for "Dx", "Wt" for "wt".
bool FirstLetterCaseOnly(std::string_view raw, std::string_view written) {
  if (raw.size() < 2 || raw.size() != written.size() || raw == written) return false;
  if (LowerAscii(raw[0]) != LowerAscii(written[0])) return false;
  for (size_t k = 1; k < raw.size(); ++k) {
    if (raw[k] != written[k] || !(raw[k] >= 'a' && raw[k] <= 'z')) return false;
  }
  return true;
}

// `word` is the token's entry when the span is one token, else null.
bool CaseAllows(const Abbreviation& entry, std::string_view raw, bool all_caps_sentence,
                const WordEntry* word) {
  if (!entry.exact_case) return true;
  if (all_caps_sentence) return word != nullptr && word->zipf > 0 && word->zipf < kShoutedWordZipf;
  // "b.i.d." written with dots is an abbreviation whatever its case.
  if (HasInnerDot(raw)) return true;
  if (EqualWithoutDots(raw, entry.written)) return true;
  // Shorthand listed with a capital is written in lower case too ("hx of
  // hip fx" for "Fx"), and shorthand listed in lower case opens a line with
  // a capital ("Wt 22 kg"): the abbreviation, unless the word is a common
  // English one. The classifier asks for a clinical sentence as well.
  return word != nullptr && word->zipf < kShoutedWordZipf &&
         FirstLetterCaseOnly(raw, entry.written);
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
  const bool spaced = entry != nullptr && entry->starts_spaced_abbreviation;
  if (!glued && !spaced && (entry == nullptr || entry->abbreviation < 0)) {
    const std::string_view raw = text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
    if (!tokens[i].has_dot && CapitalsSingular(raw, tokens[i]).empty()) return 0;
  }
  for (size_t j = i; j < tokens.size() && j - i < kMaxAbbreviationTokens; ++j) {
    // Words of a spaced abbreviation stand one space apart on one line.
    if (j > i && tokens[j].space_before &&
        (!spaced || tokens[j].start != tokens[j - 1].end + 1 || text[tokens[j - 1].end] != ' ')) {
      break;
    }
    const Token& last = tokens[j];
    // Spans end on a word ("f/u"), or on a slash that ends a word ("w/ food").
    bool closes = last.is_word() ||
                  (last.folded == "/" && (j + 1 == tokens.size() || tokens[j + 1].space_before));
    if (!closes) continue;
    std::string_view raw = text.substr(tokens[i].start, last.end - tokens[i].start);
    const Abbreviation* found = nullptr;
    if (j == i && !tokens[i].has_dot) {
      if (entry != nullptr && entry->abbreviation >= 0)
        found = &index.abbreviations[entry->abbreviation];
    } else {
      found = index.FindAbbreviation(AbbreviationKey(raw));
    }
    if (found == nullptr && j == i) {
      if (const std::string_view singular = CapitalsSingular(raw, tokens[i]); !singular.empty()) {
        found = index.FindAbbreviation(AbbreviationKey(singular));
        raw = singular;
      }
    }
    if (found == nullptr || !CaseAllows(*found, raw, all_caps_sentence,
                                        j == i && !tokens[i].has_dot ? entry : nullptr)) {
      continue;
    }
    best = j - i + 1;
    *id = static_cast<uint32_t>(found - index.abbreviations.data());
  }
  return best;
}

// On a tie, a term readers know (0.80 or more) over an abbreviation only
// the sources list, not ours: "C-section" is the everyday word, not a
// shorthand to write out.
bool KnownWordOverSourcesAbbreviation(const Lexicon::Index& index, uint32_t term_id,
                                      uint32_t abbreviation_id) {
  return index.terms[term_id].familiarity >= kKnownTermFamiliarity &&
         !index.abbreviations[abbreviation_id].source.starts_with("plainlang");
}

// Whether a reading of two words, an amount off a test strip or a smear
// ("large blood", "trace protein"), is really an everyday word and the start of an
// everyday term that the reading's second word opens and that runs past it:
// "two large blood vessels" holds "blood vessel", not the urine test's
// "large blood". A familiar register phrase is no such term ("Standing
// orders are in"). Other register phrases keep their match: "acute on
// chronic pain", "gold standard therapy" are jargon.
bool EverydayTermRunsOn(const Lexicon::Index& index, const std::vector<Token>& tokens,
                        const TokenLookups& lookups, size_t i, uint32_t id, PairKeyBuffer* key) {
  static constexpr std::string_view kAmounts[] = {"trace", "small", "moderate", "large",
                                                  "gross", "rare",  "few"};
  if (index.terms[id].category != "register" ||
      std::find(std::begin(kAmounts), std::end(kAmounts), tokens[i].folded) == std::end(kAmounts)) {
    return false;
  }
  uint32_t everyday_id = 0;
  if (LongestTerm(index, tokens, lookups, i + 1, &everyday_id, key) < 2) return false;
  const Term& term = index.terms[everyday_id];
  return term.familiarity >= kKnownTermFamiliarity && term.category != "register";
}

}  // namespace

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
    if (term_length == 2 && EverydayTermRunsOn(index, tokens, lookups, i, term_id, &key)) {
      term_length = 0;
    }
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
    bool looks_abbreviated = tokens[i].all_caps ||
                             (tokens[i].digits > 0 && tokens[i].letters > 0) ||
                             abbreviation_length > 1;
    bool abbreviation = abbreviation_bytes > term_bytes ||
                        (abbreviation_bytes == term_bytes && looks_abbreviated &&
                         !KnownWordOverSourcesAbbreviation(index, term_id, abbreviation_id));
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
