#include "text/ascii_rules.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include <unicode/utf8.h>

#include "text/byte_scan.h"

namespace plainlang {
namespace {

// Sentence_Break classes of ASCII characters (UAX #29).
enum class AsciiSentence : uint8_t {
  kOther,
  kLower,
  kUpper,
  kNumeric,
  kATerm,
  kSTerm,
  kClose,
  kSContinue,
  kSp,
  kCR,
  kLF
};

// Indexed by any byte: those of the few non-ASCII symbols allowed here are Other.
constexpr std::array<AsciiSentence, 256> MakeAsciiSentenceClasses() {
  std::array<AsciiSentence, 256> classes{};
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
constexpr std::array<AsciiSentence, 256> kAsciiSentenceClasses = MakeAsciiSentenceClasses();

}  // namespace

// ICU's sentence rules (UAX #29 SB3-SB11) for ASCII text; the same breaks
// as ICU's iterator (tested against it), without its per-character cost.
std::vector<size_t> AsciiSentenceBreaks(std::string_view text) {
  using C = AsciiSentence;
  const size_t n = text.size();
  auto at = [&](size_t k) {
    return k < n ? kAsciiSentenceClasses[static_cast<unsigned char>(text[k])] : C::kOther;
  };
  auto is_terminator = [](C c) { return c == C::kATerm || c == C::kSTerm; };
  std::vector<size_t> breaks;
  // Room for about a sentence every 48 bytes, as clinical messages run,
  // rather than growing the vector five or six times a message.
  breaks.reserve(n / 48 + 2);
  for (size_t i = 0; i < n;) {
    // Only line breaks and terminators can end a sentence: skip to the next.
    i = FindAnyByte<'.', '!', '?', '\r', '\n'>(text, i);
    if (i == n) break;
    const C c = at(i);
    if (c == C::kCR || c == C::kLF) {  // SB3, SB4: a paragraph separator ends a sentence
      i += (c == C::kCR && at(i + 1) == C::kLF) ? 2 : 1;
      if (i < n) breaks.push_back(i);
      continue;
    }
    // Else a terminator: FindAnyByte stops at nothing else.
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
    while (at(j) == C::kClose) ++j;                       // SB9
    while (at(j) == C::kSp) ++j;                          // SB10
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
  kOther,
  kLetter,
  kNumeric,
  kExtendNumLet,
  kMidNum,
  kMidNumLet,
  kSpace,
  kNewline
};

// Indexed by any byte: those of a non-ASCII symbol (see kFastSymbols) are Other.
constexpr std::array<AsciiBreak, 256> MakeAsciiBreaks() {
  std::array<AsciiBreak, 256> classes{};
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
constexpr std::array<AsciiBreak, 256> kAsciiBreaks = MakeAsciiBreaks();

AsciiBreak BreakClass(char c) { return kAsciiBreaks[static_cast<unsigned char>(c)]; }

// The kind ICU gives a lone ASCII character that is not part of a word:
// punctuation (General_Category P*), or a symbol ("$", "+", "<", "=", ">",
// "^", "`", "|", "~" are S* in Unicode though C's ispunct says otherwise).
constexpr std::array<TokenKind, 256> MakeLoneKinds() {
  std::array<TokenKind, 256> kinds{};
  for (int c = 0; c < 256; ++c) kinds[c] = TokenKind::kSymbol;
  for (char c : std::string_view("!\"#%&'()*,-./:;?@[\\]_{}")) kinds[c] = TokenKind::kPunct;
  return kinds;
}
constexpr std::array<TokenKind, 256> kLoneKinds = MakeLoneKinds();

bool IsWordChar(AsciiBreak c) {
  return c == AsciiBreak::kLetter || c == AsciiBreak::kNumeric || c == AsciiBreak::kExtendNumLet;
}

// What the tokenizer needs to know of a character in a word, packed into
// one number so that a word's three counts take one addition a character:
// letters (A-Z, a-z) in bits 0-20, lower case in 21-41, digits in 42-62.
// Exact for words shorter than kPackedLimit. Indexed by any byte: the rest
// count nothing. A run of letters adds its length and 1 when it holds a
// lower-case letter: what the lower-case field must tell is only whether it
// is 0 (all_caps).
constexpr uint64_t kPackedLimit = uint64_t{1} << 21;
constexpr int kLowerShift = 21, kDigitShift = 42;
constexpr std::array<uint64_t, 256> kPackedFacts = [] {
  std::array<uint64_t, 256> packed{};
  for (int c = 0; c < 128; ++c) {
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    const bool digit = c >= '0' && c <= '9';
    packed[c] =
        uint64_t{upper || lower} | uint64_t{lower} << kLowerShift | uint64_t{digit} << kDigitShift;
  }
  return packed;
}();

uint64_t FactsOf(char c) { return kPackedFacts[static_cast<unsigned char>(c)]; }

// Non-ASCII symbols common in clinical messages that ICU's word and
// sentence rules treat as Other (UAX #29: no rule but "break around it"),
// so the ASCII transcriptions handle them as they stand: a message with a
// temperature in degrees need not go through ICU. Each is checked against
// ICU in tests/segmenter_test.cc. Curly quotes and dashes are not here:
// they join words or continue sentences, and ICU handles them.
struct FastSymbol {
  char32_t code;
  bool punctuation;  // a P* character (the token's kind), else S*
};
constexpr FastSymbol kFastSymbols[] = {
    {0x00A9, false},  // ©
    {0x00AE, false},  // ®
    {0x00B0, false},  // °
    {0x00B1, false},  // ±
    {0x00D7, false},  // ×
    {0x00F7, false},  // ÷
    {0x2022, true},   // •
    {0x2122, false},  // ™
    {0x2190, false},  // ←
    {0x2192, false},  // →
    {0x2191, false},  // ↑
    {0x2193, false},  // ↓
    {0x2264, false},  // ≤
    {0x2265, false},  // ≥
};

// The allowed symbol encoded at text[i], or nullptr; *length is the bytes
// of the character there (at least 1), decoded as everywhere else by ICU's
// U8_NEXT, from a window of the four bytes a character can take.
const FastSymbol* FastSymbolAt(std::string_view text, size_t i, size_t* length) {
  int32_t end = 0;
  UChar32 code;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data() + i), end,
          static_cast<int32_t>(std::min<size_t>(text.size() - i, 4)), code);
  *length = static_cast<size_t>(end);
  if (code < 0) return nullptr;
  for (const FastSymbol& symbol : kFastSymbols) {
    if (symbol.code == static_cast<char32_t>(code)) return &symbol;
  }
  return nullptr;
}

}  // namespace

bool FastRulesApply(std::string_view text) {
  size_t i = 0;
  while (true) {
    // Runs of ASCII between the rare other characters.
    i = AsciiRunEnd(text, i);
    if (i == text.size()) return true;
    size_t length = 0;
    if (FastSymbolAt(text, i, &length) == nullptr) return false;
    i += length;
  }
}

namespace {

// How far the word starting at part[i], of break class `first`, runs and
// what it holds.
struct WordScan {
  size_t end = 0;
  uint64_t packed = 0;  // the three counts in one sum, 21 bits each (see kPackedFacts)
  bool dotted = false;
  bool letter_status = false, number_status = false;  // ICU's rule status
};

[[gnu::always_inline]] inline WordScan ScanWord(std::string_view part, size_t i, AsciiBreak first) {
  const size_t n = part.size();
  uint64_t packed = 0;
  auto count = [&](size_t k) { packed += FactsOf(part[k]); };
  bool dotted = false;
  bool letter_status = first == AsciiBreak::kLetter;
  bool number_status = first == AsciiBreak::kNumeric;
  AsciiBreak previous = first;
  size_t j = i;
  if (first != AsciiBreak::kLetter) count(j++);  // a first letter starts the run below
  while (j < n) {
    const AsciiBreak next = BreakClass(part[j]);
    if (next == AsciiBreak::kLetter) {  // most of a word: a run of letters
      bool lower_case_run = false;
      const size_t run_end = AsciiLetterRunEnd(part, j, &lower_case_run);
      if (run_end == j) {
        ++j;  // '@': a letter to ICU's word rules, though it counts as none
      } else {
        packed += (run_end - j) | uint64_t{lower_case_run} << kLowerShift;
        j = run_end;
      }
      letter_status = true, number_status = false;
      previous = AsciiBreak::kLetter;
      continue;
    }
    // Most words end at a space: no joiner to look past.
    if (next == AsciiBreak::kSpace) break;
    if (IsWordChar(next)) {
      // '_' keeps a digit's status and otherwise gives a letter's.
      const bool number = next == AsciiBreak::kNumeric ||
                          (next == AsciiBreak::kExtendNumLet && previous == AsciiBreak::kNumeric);
      number_status = number;
      letter_status = !number;
      previous = next;
      count(j++);
      continue;
    }
    if (j + 1 < n) {
      const AsciiBreak after = BreakClass(part[j + 1]);
      const bool mid_letter = next == AsciiBreak::kMidNumLet && previous == AsciiBreak::kLetter &&
                              after == AsciiBreak::kLetter;
      const bool mid_number = (next == AsciiBreak::kMidNum || next == AsciiBreak::kMidNumLet) &&
                              previous == AsciiBreak::kNumeric && after == AsciiBreak::kNumeric;
      if (mid_letter || mid_number) {
        dotted |= part[j] == '.';
        letter_status = mid_letter, number_status = mid_number;
        previous = after;
        count(j + 1);  // the joiner itself is neither letter nor digit
        j += 2;
        continue;
      }
    }
    break;
  }
  return {j, packed, dotted, letter_status, number_status};
}

// Appends the token of part[i, scan.end): a word, a number, or the
// punctuation a lone '_' is. `lower` is the sentence lower-cased, `offset`
// where the sentence starts in the text.
[[gnu::always_inline]] inline void AddWordToken(std::string_view part, size_t i,
                                                const WordScan& scan, size_t offset,
                                                bool space_before, const char* lower,
                                                std::vector<Token>* tokens) {
  const size_t j = scan.end;
  const uint64_t packed = scan.packed;
  auto field = [](uint64_t facts, int shift) {
    return static_cast<uint32_t>((facts >> shift) & (kPackedLimit - 1));
  };
  uint32_t letters = 0, lower_case = 0, digits = 0;
  auto add = [&](uint64_t facts) {
    letters += field(facts, 0);
    lower_case += field(facts, kLowerShift);
    digits += field(facts, kDigitShift);
  };
  if (j - i < kPackedLimit) {
    add(packed);
  } else {  // a "word" of two million characters or more: count again
    for (size_t k = i; k < j; ++k) add(FactsOf(part[k]));
  }
  Token& token = tokens->emplace_back();
  // No rule gives a lone '_' a word status: it is punctuation.
  token.kind = scan.letter_status   ? TokenKind::kWord
               : scan.number_status ? TokenKind::kNumber
                                    : TokenKind::kPunct;
  token.start = offset + i;
  token.end = offset + j;
  token.space_before = space_before;
  token.folded = std::string_view(lower + i, j - i);
  token.has_dot = scan.dotted;
  if (token.kind != TokenKind::kPunct) {
    token.letters = letters;
    token.digits = digits;
    token.all_caps = letters > 0 && lower_case == 0;
    if (letters > 0) {
      size_t k = i;
      while ((FactsOf(part[k]) & 1) == 0) ++k;
      token.capitalized = part[k] >= 'A' && part[k] <= 'Z';
    }
    if (letters + digits == 0) token.kind = TokenKind::kSymbol;  // "@"
  }
}

}  // namespace

// ICU's word rules restricted to ASCII: runs of letters, digits and '_'
// (WB5, WB8-WB10, WB13a/b), joined across '.' '\'' between letters
// (WB6/7) and ',' ';' '.' '\'' between digits (WB11/12); spaces group
// (WB3d); everything else stands alone. A word's kind follows ICU's rule
// status: that of the last character joined (letters 200, numbers 100).
// One pass: the letters and digits are counted while the word is scanned.
void TokenizeAscii(std::string_view text, SentenceSpan span, std::vector<Token>* tokens,
                   std::string* folded) {
  const std::string_view part = text.substr(span.start, span.end - span.start);
  const size_t n = part.size();
  tokens->clear();
  // ASCII folds byte for byte, so the sentence lower-cased at once holds
  // every token's folded form at the token's own offset.
  folded->resize(n);
  char* lower = folded->data();
  LowerAscii(part, lower);
  bool space_before = true;
  for (size_t i = 0; i < n;) {
    const char c = part[i];
    const AsciiBreak first = BreakClass(c);
    if (first == AsciiBreak::kSpace) {  // a run of spaces
      do {
        ++i;
      } while (i < n && BreakClass(part[i]) == AsciiBreak::kSpace);
      space_before = true;
      continue;
    }
    if (first == AsciiBreak::kNewline) {
      i += (c == '\r' && i + 1 < n && part[i + 1] == '\n') ? 2 : 1;
      space_before = true;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {  // a symbol FastRulesApply allowed
      size_t length = 0;
      const FastSymbol* symbol = FastSymbolAt(part, i, &length);
      Token& token = tokens->emplace_back();
      token.kind =
          symbol != nullptr && symbol->punctuation ? TokenKind::kPunct : TokenKind::kSymbol;
      token.start = span.start + i;
      token.end = span.start + i + length;
      token.space_before = space_before;
      token.folded = std::string_view(lower + i, length);  // symbols fold to themselves
      space_before = false;
      i += length;
      continue;
    }
    if (!IsWordChar(first)) {  // one character alone
      if (c == '\t' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        ++i;
        space_before = true;
        continue;
      }
      Token& token = tokens->emplace_back();
      token.kind = kLoneKinds[static_cast<unsigned char>(c)];
      token.start = span.start + i;
      token.end = span.start + i + 1;
      token.space_before = space_before;
      token.folded = std::string_view(lower + i, 1);
      token.has_dot = c == '.';
      space_before = false;
      ++i;
      continue;
    }
    const WordScan scan = ScanWord(part, i, first);
    AddWordToken(part, i, scan, span.start, space_before, lower, tokens);
    space_before = false;
    i = scan.end;
  }
}

}  // namespace plainlang
