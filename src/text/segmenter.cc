#include "text/segmenter.h"

#include "text/ascii_rules.h"
#include "text/byte_scan.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>

namespace plainlang {
namespace {

// ICU break iterators are costly to create and not shareable between
// threads, so each thread keeps its own pair.
struct ThreadIterators {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  UText* text = nullptr;
  ThreadIterators() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
    status = U_ZERO_ERROR;
    sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  }
  ~ThreadIterators() {
    if (text != nullptr) utext_close(text);
  }
  // Points the shared UText at `s`; reuses its storage.
  UText* Open(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    text = utext_openUTF8(text, s.data(), static_cast<int64_t>(s.size()), &status);
    return U_SUCCESS(status) ? text : nullptr;
  }
};

ThreadIterators& Iterators() {
  thread_local ThreadIterators iterators;
  return iterators;
}

// One bit test rather than six comparisons: sentence ends are trimmed with it.
bool IsAsciiSpace(char c) {
  constexpr uint64_t kSpaces = uint64_t{1} << ' ' | uint64_t{1} << '\t' | uint64_t{1} << '\n' |
                               uint64_t{1} << '\r' | uint64_t{1} << '\f' | uint64_t{1} << '\v';
  const auto byte = static_cast<unsigned char>(c);
  return byte <= ' ' && ((kSpaces >> byte) & 1) != 0;
}

// Whitespace, control and invisible format characters all separate words.
bool IsSpaceLike(UChar32 c) {
  if (c < 0x80) return IsAsciiSpace(static_cast<char>(c)) || c < 0x20 || c == 0x7F;
  if (u_isUWhiteSpace(c)) return true;
  int8_t type = u_charType(c);
  return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR;
}

UChar32 CodePointAt(std::string_view text, size_t i) {
  UChar32 c;
  int32_t j = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), j, static_cast<int32_t>(text.size()), c);
  return c;
}

// Abbreviations after which a full stop never ends a sentence.
constexpr std::array<std::string_view, 15> kTitlesAndLatin = {"dr",  "mr", "mrs",    "ms",  "prof",
                                                              "st",  "jr", "sr",     "vs",  "e.g",
                                                              "i.e", "cf", "approx", "fig", "viz"};
// Abbreviations that end a sentence only when a capital letter follows.
constexpr std::array<std::string_view, 23> kDosingAndTime = {
    "a.m", "p.m", "b.i.d", "t.i.d", "q.i.d", "q.d",  "q.o.d", "q.h", "q.h.s", "h.s", "p.r.n", "p.o",
    "wk",  "wks", "hr",    "hrs",   "min",   "mins", "mo",    "yr",  "no",    "nos", "ca"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// The word (letters and inner dots) ending just before text[dot], lower-cased
// into *room; empty when longer than the room (no listed abbreviation is) or
// when it follows a digit ("1st." is an ordinal, not "St.").
using ShortWord = std::array<char, 8>;
std::string_view WordBeforeDot(std::string_view text, size_t dot, ShortWord* room) {
  size_t begin = dot;
  while (begin > 0 && dot - begin <= room->size()) {
    const char c = text[begin - 1];
    if (!IsAsciiLetter(c) && c != '.') break;
    --begin;
  }
  if (dot - begin > room->size()) return {};
  if (begin > 0 && IsAsciiDigit(text[begin - 1])) return {};
  for (size_t k = begin; k < dot; ++k) {
    const char c = text[k];
    (*room)[k - begin] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  return std::string_view(room->data(), dot - begin);
}

// A line that starts a list item: "-", "*", "•" and friends, or "1." / "1)"
// / "a)" followed by a space.
bool StartsBullet(std::string_view text, size_t i) {
  if (i >= text.size()) return false;
  char c = text[i];
  if ((c == '-' || c == '*' || c == '+') && i + 1 < text.size() && text[i + 1] == ' ') return true;
  UChar32 cp = CodePointAt(text, i);
  if (cp == 0x2022 || cp == 0x25E6 || cp == 0x2023 || cp == 0x25AA || cp == 0x00B7 ||
      cp == 0x2043 || cp == 0x25CF || cp == 0x25A0 || cp == 0x2013 || cp == 0x2014) {
    return true;
  }
  size_t j = i;
  while (j < text.size() && j - i < 3 && IsAsciiDigit(text[j])) ++j;
  if (j == i && j < text.size() && IsAsciiLetter(text[j])) ++j;
  return j > i && j + 1 < text.size() && (text[j] == '.' || text[j] == ')') && text[j + 1] == ' ';
}

// Whether text[dot] ends a list number at the start of a line: "1." "b."
bool IsListNumber(std::string_view text, size_t dot) {
  size_t begin = dot;
  while (begin > 0 && dot - begin < 3 && IsAsciiDigit(text[begin - 1])) {
    --begin;
  }
  if (begin == dot && begin > 0 && IsAsciiLetter(text[begin - 1])) {
    --begin;
  }
  if (begin == dot) return false;
  while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
  return begin == 0 || text[begin - 1] == '\n';
}

// Whether ICU's break at `boundary` should be undone by a clinical rule.
bool JoinsAcross(std::string_view text, size_t boundary) {
  // Both scans stop at a second line break: a blank line never joins, and
  // stopping there keeps a run of a million newlines linear.
  size_t before = boundary;  // one past the last non-space byte before it
  int newlines = 0;
  while (before > 0 && IsAsciiSpace(text[before - 1]) && newlines < 2) {
    if (text[before - 1] == '\n') ++newlines;
    --before;
  }
  size_t after = boundary;
  while (after < text.size() && IsAsciiSpace(text[after]) && newlines < 2) {
    if (text[after] == '\n') ++newlines;
    ++after;
  }
  if (before == 0 || after >= text.size()) return false;
  if (newlines >= 2) return false;  // blank line
  if (newlines >= 1 && StartsBullet(text, after)) return false;
  // ASCII needs no decoding nor ICU's tables.
  const unsigned char next_byte = static_cast<unsigned char>(text[after]);
  const UChar32 next = next_byte < 0x80 ? next_byte : CodePointAt(text, after);
  auto is_upper = [&] { return next < 0x80 ? (next >= 'A' && next <= 'Z') : u_isupper(next); };
  auto is_lower = [&] { return next < 0x80 ? (next >= 'a' && next <= 'z') : u_islower(next); };
  const char last = text[before - 1];
  if (last == '.' && newlines == 0 && IsListNumber(text, before - 1)) return true;
  if (last == '.') {
    ShortWord room;
    const std::string_view word = WordBeforeDot(text, before - 1, &room);
    if (Contains(kTitlesAndLatin, word)) return newlines == 0;
    if (Contains(kDosingAndTime, word)) return newlines == 0 && !is_upper();
  }
  // A hard-wrapped line that the next line continues in lower case.
  bool terminal = last == '.' || last == '!' || last == '?' || last == ':' || last == ';';
  return newlines == 1 && !terminal && is_lower();
}

std::vector<size_t> IcuSentenceBreaks(std::string_view text) {
  std::vector<size_t> breaks;
  ThreadIterators& it = Iterators();
  UText* ut = it.sentences ? it.Open(text) : nullptr;
  if (ut == nullptr) return breaks;
  UErrorCode status = U_ZERO_ERROR;
  it.sentences->setText(ut, status);
  if (U_FAILURE(status)) return breaks;
  for (int32_t b = it.sentences->next(); b != icu::BreakIterator::DONE; b = it.sentences->next()) {
    breaks.push_back(static_cast<size_t>(b));
  }
  return breaks;
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text, BreakRules rules,
                                         BreakRules* word_rules) {
  const bool fast =
      rules == BreakRules::kFastKnown || (rules == BreakRules::kFast && FastRulesApply(text));
  // The whole text passed: its sentences need not be checked again.
  if (word_rules != nullptr) *word_rules = fast ? BreakRules::kFastKnown : rules;
  std::vector<size_t> breaks = fast ? AsciiSentenceBreaks(text) : IcuSentenceBreaks(text);
  if (breaks.empty() || breaks.back() != text.size()) breaks.push_back(text.size());

  std::vector<SentenceSpan> spans;
  spans.reserve(breaks.size());
  size_t start = 0;
  for (size_t k = 0; k < breaks.size(); ++k) {
    size_t end = breaks[k];
    if (k + 1 < breaks.size() && JoinsAcross(text, end)) continue;
    size_t s = start, e = end;
    while (s < e && IsAsciiSpace(text[s])) ++s;
    while (e > s && IsAsciiSpace(text[e - 1])) --e;
    if (e > s) spans.push_back({s, e});
    start = end;
  }
  return spans;
}

std::string FoldCase(std::string_view word) {
  std::string folded;
  AppendFoldCase(word, &folded);
  return folded;
}

namespace {

// Appends `text` with each typographic apostrophe as the ASCII one, so
// "patient’s" and the plural's lone apostrophe of "Graves’ disease" match.
void AppendAsciiApostrophes(std::string_view text, std::string* out) {
  constexpr std::string_view kApostrophe = "\xE2\x80\x99";
  for (size_t k = 0; k < text.size();) {
    if (text.substr(k, 3) == kApostrophe) {
      out->push_back('\'');
      k += 3;
    } else {
      out->push_back(text[k++]);
    }
  }
}

}  // namespace

void AppendFoldCase(std::string_view word, std::string* out) {
  if (AsciiRunEnd(word, 0) == word.size()) {
    const size_t at = out->size();
    out->resize(at + word.size());
    LowerAscii(word, out->data() + at);
    return;
  }
  std::string folded;
  icu::UnicodeString wide =
      icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
          .foldCase();
  // Invisible characters (soft hyphen, zero-width joiners, direction marks,
  // BOM) ride along inside ICU's words; "BP\u200F" is still "bp".
  // They are rare, so they are cut out in place rather than the word copied.
  for (int32_t i = 0; i < wide.length();) {
    const UChar32 c = wide.char32At(i);
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
      wide.remove(i, U16_LENGTH(c));
    } else {
      i += U16_LENGTH(c);
    }
  }
  wide.toUTF8String(folded);
  AppendAsciiApostrophes(folded, out);
}

namespace {

void TokenizeWithIcu(std::string_view text, SentenceSpan span, std::vector<Token>* tokens,
                     std::string* folded) {
  tokens->clear();
  folded->clear();
  // Where each token's folded form starts in *folded; views are made at the
  // end, once the buffer has stopped growing.
  std::vector<size_t> folded_starts;
  std::string_view part = text.substr(span.start, span.end - span.start);
  ThreadIterators& it = Iterators();
  UText* ut = it.words ? it.Open(part) : nullptr;
  if (ut == nullptr) return;
  UErrorCode status = U_ZERO_ERROR;
  it.words->setText(ut, status);
  if (U_FAILURE(status)) return;

  bool space_before = true;
  int32_t begin = it.words->first();
  for (int32_t end = it.words->next(); end != icu::BreakIterator::DONE;
       begin = end, end = it.words->next()) {
    const int32_t status_code = it.words->getRuleStatus();
    std::string_view piece = part.substr(begin, end - begin);
    Token token;
    token.start = span.start + begin;
    token.end = span.start + end;
    if (status_code >= UBRK_WORD_NONE && status_code < UBRK_WORD_NONE_LIMIT) {
      UChar32 first = CodePointAt(piece, 0);
      if (IsSpaceLike(first)) {
        space_before = true;
        continue;
      }
      token.kind = u_ispunct(first) ? TokenKind::kPunct : TokenKind::kSymbol;
      folded_starts.push_back(folded->size());
      AppendAsciiApostrophes(piece, folded);
    } else {
      token.kind = (status_code >= UBRK_WORD_NUMBER && status_code < UBRK_WORD_NUMBER_LIMIT)
                       ? TokenKind::kNumber
                       : TokenKind::kWord;
      bool any_lower = false, first_letter = true;
      const auto* bytes = reinterpret_cast<const uint8_t*>(piece.data());
      for (int32_t i = 0; i < static_cast<int32_t>(piece.size());) {
        UChar32 c;
        U8_NEXT(bytes, i, static_cast<int32_t>(piece.size()), c);
        if (c < 0) continue;
        if (u_isalpha(c)) {
          ++token.letters;
          bool upper = u_isupper(c);
          if (first_letter) token.capitalized = upper;
          first_letter = false;
          if (u_islower(c)) any_lower = true;
        } else if (u_isdigit(c)) {
          ++token.digits;
        }
      }
      token.all_caps = token.letters > 0 && !any_lower;
      if (token.letters + token.digits == 0) token.kind = TokenKind::kSymbol;  // "@"
      folded_starts.push_back(folded->size());
      AppendFoldCase(piece, folded);
    }
    token.space_before = space_before;
    space_before = false;
    tokens->push_back(token);
  }
  folded_starts.push_back(folded->size());
  for (size_t k = 0; k < tokens->size(); ++k) {
    Token& token = (*tokens)[k];
    token.folded =
        std::string_view(*folded).substr(folded_starts[k], folded_starts[k + 1] - folded_starts[k]);
    token.has_dot = token.folded.find('.') != std::string_view::npos;
  }
}

}  // namespace

void Tokenize(std::string_view text, SentenceSpan span, std::vector<Token>* tokens,
              std::string* folded, BreakRules rules) {
  const std::string_view part = text.substr(span.start, span.end - span.start);
  if (rules == BreakRules::kFastKnown || (rules == BreakRules::kFast && FastRulesApply(part))) {
    TokenizeAscii(text, span, tokens, folded);
  } else {
    TokenizeWithIcu(text, span, tokens, folded);
  }
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

}  // namespace plainlang
