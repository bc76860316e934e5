#include "text/ascii_rules.h"

#include <array>
#include <cctype>
#include <string_view>
#include <cstdint>

namespace plainlang {
namespace {

// Sentence_Break classes of ASCII characters (UAX #29).
enum class AsciiSentence : uint8_t {
  kOther, kLower, kUpper, kNumeric, kATerm, kSTerm, kClose, kSContinue, kSp, kCR, kLF
};

constexpr std::array<AsciiSentence, 128> MakeAsciiSentenceClasses() {
  std::array<AsciiSentence, 128> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = AsciiSentence::kLower;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = AsciiSentence::kUpper;
  for (int c = '0'; c <= '9'; ++c) classes[c] = AsciiSentence::kNumeric;
  classes['.'] = AsciiSentence::kATerm;
  classes['!'] = classes['?'] = AsciiSentence::kSTerm;
  for (char c : {'"', '\'', '(', ')', '[', ']', '{', '}'}) classes[c] = AsciiSentence::kClose;
  for (char c : {',', '-', ':'}) classes[c] = AsciiSentence::kSContinue;  // not ';'
  for (char c : {' ', '\t', '\v', '\f'}) classes[c] = AsciiSentence::kSp;
  classes['\r'] = AsciiSentence::kCR;
  classes['\n'] = AsciiSentence::kLF;
  return classes;
}
constexpr std::array<AsciiSentence, 128> kAsciiSentenceClasses = MakeAsciiSentenceClasses();

// The characters where a sentence may end: '.', '!', '?', CR and LF.
constexpr std::array<bool, 128> kSentenceEvents = [] {
  std::array<bool, 128> events{};
  for (char c : {'.', '!', '?', '\r', '\n'}) events[c] = true;
  return events;
}();

// ICU's sentence rules (UAX #29 SB3-SB11) for ASCII text; the same breaks
// as ICU's iterator (tested against it), without its per-character cost.
}  // namespace

std::vector<size_t> AsciiSentenceBreaks(std::string_view text) {
  using C = AsciiSentence;
  const size_t n = text.size();
  auto at = [&](size_t k) { return k < n ? kAsciiSentenceClasses[text[k] & 0x7F] : C::kOther; };
  auto is_terminator = [](C c) { return c == C::kATerm || c == C::kSTerm; };
  std::vector<size_t> breaks;
  for (size_t i = 0; i < n;) {
    // Only line breaks and terminators can end a sentence: skip to the next.
    while (i < n && !kSentenceEvents[static_cast<unsigned char>(text[i]) & 0x7F]) ++i;
    if (i == n) break;
    const C c = at(i);
    if (c == C::kCR || c == C::kLF) {  // SB3, SB4: a paragraph separator ends a sentence
      i += (c == C::kCR && at(i + 1) == C::kLF) ? 2 : 1;
      if (i < n) breaks.push_back(i);
      continue;
    }
    if (!is_terminator(c)) {
      ++i;
      continue;
    }
    if (c == C::kATerm) {
      if (at(i + 1) == C::kNumeric) {  // SB6: "2.5"
        ++i;
        continue;
      }
      if (i > 0 && (at(i - 1) == C::kUpper || at(i - 1) == C::kLower) &&
          at(i + 1) == C::kUpper) {  // SB7: "U.S"
        ++i;
        continue;
      }
    }
    size_t j = i + 1;
    while (at(j) == C::kClose) ++j;  // SB9
    while (at(j) == C::kSp) ++j;     // SB10
    if (j < n && (at(j) == C::kCR || at(j) == C::kLF)) {  // SB11 takes the separator along
      j += (at(j) == C::kCR && at(j + 1) == C::kLF) ? 2 : 1;
      if (j < n) breaks.push_back(j);
      i = j;
      continue;
    }
    if (at(j) == C::kSContinue || is_terminator(at(j))) {  // SB8a
      i = j;
      continue;
    }
    if (c == C::kATerm) {  // SB8: no break before a lower-case continuation
      size_t k = j;
      while (k < n && at(k) != C::kLower && at(k) != C::kUpper && at(k) != C::kCR &&
             at(k) != C::kLF && !is_terminator(at(k))) {
        ++k;
      }
      if (at(k) == C::kLower) {
        i = j;
        continue;
      }
    }
    if (j < n) breaks.push_back(j);  // SB11
    i = j;
  }
  breaks.push_back(n);
  return breaks;
}


namespace {

// Word_Break classes of ASCII characters (UAX #29, as ICU assigns them).
enum class AsciiBreak : uint8_t {
  kOther, kLetter, kNumeric, kExtendNumLet, kMidNum, kMidNumLet, kSpace, kNewline
};

constexpr std::array<AsciiBreak, 128> MakeAsciiBreaks() {
  std::array<AsciiBreak, 128> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = AsciiBreak::kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = AsciiBreak::kLetter;
  for (int c = '0'; c <= '9'; ++c) classes[c] = AsciiBreak::kNumeric;
  classes['@'] = AsciiBreak::kLetter;  // ICU's own addition, for e-mail addresses
  classes['_'] = AsciiBreak::kExtendNumLet;
  // ':' is MidLetter in UAX #29, but ICU's rules take it out (":" would
  // otherwise glue "Note:Take" into one word).
  classes[','] = classes[';'] = AsciiBreak::kMidNum;
  classes['.'] = classes['\''] = AsciiBreak::kMidNumLet;
  classes[' '] = AsciiBreak::kSpace;
  classes['\n'] = classes['\r'] = classes['\v'] = classes['\f'] = AsciiBreak::kNewline;
  return classes;
}
constexpr std::array<AsciiBreak, 128> kAsciiBreaks = MakeAsciiBreaks();

AsciiBreak BreakClass(char c) { return kAsciiBreaks[static_cast<unsigned char>(c) & 0x7F]; }

// The kind ICU gives a lone ASCII character that is not part of a word:
// punctuation (General_Category P*), or a symbol ("$", "+", "<", "=", ">",
// "^", "`", "|", "~" are S* in Unicode though C's ispunct says otherwise).
constexpr std::array<TokenKind, 128> MakeLoneKinds() {
  std::array<TokenKind, 128> kinds{};
  for (int c = 0; c < 128; ++c) kinds[c] = TokenKind::kSymbol;
  for (char c : std::string_view("!\"#%&'()*,-./:;?@[\\]_{}")) kinds[c] = TokenKind::kPunct;
  return kinds;
}
constexpr std::array<TokenKind, 128> kLoneKinds = MakeLoneKinds();

bool IsWordChar(AsciiBreak c) {
  return c == AsciiBreak::kLetter || c == AsciiBreak::kNumeric || c == AsciiBreak::kExtendNumLet;
}

// ICU's word rules restricted to ASCII: runs of letters, digits and '_'
// (WB5, WB8-WB10, WB13a/b), joined across '.' '\'' between letters
// (WB6/7) and ',' ';' '.' '\'' between digits (WB11/12); spaces group
// (WB3d); everything else stands alone. Returns the segment's end and sets
// *kind as ICU's rule status would (see the comment in the loop).
size_t AsciiSegmentEnd(std::string_view s, size_t i, TokenKind* kind, bool* space) {
  const size_t n = s.size();
  const AsciiBreak first = BreakClass(s[i]);
  *space = false;
  if (first == AsciiBreak::kSpace) {
    *space = true;
    while (i + 1 < n && BreakClass(s[i + 1]) == AsciiBreak::kSpace) ++i;
    return i + 1;
  }
  if (first == AsciiBreak::kNewline) {
    *space = true;
    return (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') ? i + 2 : i + 1;
  }
  if (!IsWordChar(first)) {
    *space = s[i] == '\t' || static_cast<unsigned char>(s[i]) < 0x20 || s[i] == 0x7F;
    *kind = kLoneKinds[static_cast<unsigned char>(s[i]) & 0x7F];
    return i + 1;
  }
  // The status of the last rule applied: letters 200, numbers 100.
  bool letter_status = first == AsciiBreak::kLetter;
  bool number_status = first == AsciiBreak::kNumeric;
  AsciiBreak previous = first;
  size_t j = i + 1;
  while (j < n) {
    AsciiBreak c = BreakClass(s[j]);
    if (c == AsciiBreak::kLetter) {
      // Most of a word is a run of letters: skip it in a tight loop.
      do {
        ++j;
      } while (j < n && BreakClass(s[j]) == AsciiBreak::kLetter);
      letter_status = true, number_status = false;
      previous = AsciiBreak::kLetter;
      continue;
    }
    if (IsWordChar(c)) {
      // ICU's status follows the last character: a letter 200, a digit
      // 100; '_' keeps a digit's 100 and otherwise gives 200.
      const bool number = c == AsciiBreak::kNumeric ||
                          (c == AsciiBreak::kExtendNumLet && previous == AsciiBreak::kNumeric);
      number_status = number;
      letter_status = !number;
      previous = c;
      ++j;
      continue;
    }
    if (j + 1 < n) {
      const AsciiBreak next = BreakClass(s[j + 1]);
      const bool mid_letter = c == AsciiBreak::kMidNumLet &&
                              previous == AsciiBreak::kLetter && next == AsciiBreak::kLetter;
      const bool mid_number = (c == AsciiBreak::kMidNum || c == AsciiBreak::kMidNumLet) &&
                              previous == AsciiBreak::kNumeric && next == AsciiBreak::kNumeric;
      if (mid_letter || mid_number) {
        letter_status = mid_letter, number_status = mid_number;
        previous = next;
        j += 2;
        continue;
      }
    }
    break;
  }
  if (letter_status) {
    *kind = TokenKind::kWord;
  } else if (number_status) {
    *kind = TokenKind::kNumber;
  } else {
    *kind = TokenKind::kPunct;  // a lone '_': no rule gives it a word status
  }
  return j;
}

// What the tokenizer needs to know of an ASCII character in a word.
struct CharFacts {
  char folded;    // lower-cased
  uint8_t letter;  // 1 for A-Z and a-z
  uint8_t lower;   // 1 for a-z
  uint8_t digit;   // 1 for 0-9
};

constexpr std::array<CharFacts, 128> MakeCharFacts() {
  std::array<CharFacts, 128> facts{};
  for (int c = 0; c < 128; ++c) {
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    facts[c] = {static_cast<char>(upper ? c + ('a' - 'A') : c), uint8_t(upper || lower),
                uint8_t(lower), uint8_t(c >= '0' && c <= '9')};
  }
  return facts;
}
constexpr std::array<CharFacts, 128> kCharFacts = MakeCharFacts();

}  // namespace

void TokenizeAscii(std::string_view text, SentenceSpan span, std::vector<Token>* tokens,
                   std::string* folded) {
  std::string_view part = text.substr(span.start, span.end - span.start);
  tokens->clear();
  // ASCII folds byte for byte, so the sentence lower-cased at once holds
  // every token's folded form at the token's own offset.
  folded->resize(part.size());
  char* lower = folded->data();
  for (size_t k = 0; k < part.size(); ++k) lower[k] = kCharFacts[part[k] & 0x7F].folded;
  bool space_before = true;
  for (size_t i = 0; i < part.size();) {
    TokenKind kind = TokenKind::kWord;
    bool space = false;
    const size_t end = AsciiSegmentEnd(part, i, &kind, &space);
    if (space) {
      space_before = true;
      i = end;
      continue;
    }
    Token& token = tokens->emplace_back();
    token.kind = kind;
    token.start = span.start + i;
    token.end = span.start + end;
    token.space_before = space_before;
    space_before = false;
    token.folded = std::string_view(lower + i, end - i);
    if (kind == TokenKind::kWord || kind == TokenKind::kNumber) {
      // Letters and digits counted by table rather than by branches.
      uint32_t letters = 0, digits = 0, lower_case = 0;
      for (size_t k = i; k < end; ++k) {
        const CharFacts facts = kCharFacts[part[k] & 0x7F];
        letters += facts.letter;
        lower_case += facts.lower;
        digits += facts.digit;
      }
      token.letters = letters;
      token.digits = digits;
      token.all_caps = letters > 0 && lower_case == 0;
      if (letters > 0) {
        size_t first = i;
        while (!kCharFacts[part[first] & 0x7F].letter) ++first;
        token.capitalized = part[first] >= 'A' && part[first] <= 'Z';
      }
      if (letters + digits == 0) token.kind = TokenKind::kSymbol;  // "@"
    }
    i = end;
  }
}



}  // namespace plainlang
