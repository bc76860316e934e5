#include "text/ascii_rules.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/byte_scan.h"

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

// ICU's sentence rules (UAX #29 SB3-SB11) for ASCII text; the same breaks
// as ICU's iterator (tested against it), without its per-character cost.
}  // namespace

std::vector<size_t> AsciiSentenceBreaks(std::string_view text) {
  using C = AsciiSentence;
  const size_t n = text.size();
  // The bytes of the few non-ASCII symbols allowed here are Other.
  auto at = [&](size_t k) {
    const auto c = k < n ? static_cast<unsigned char>(text[k]) : 0x80;
    return c < 0x80 ? kAsciiSentenceClasses[c] : C::kOther;
  };
  auto is_terminator = [](C c) { return c == C::kATerm || c == C::kSTerm; };
  std::vector<size_t> breaks;
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

// A byte of a non-ASCII symbol (see kFastSymbols) is Other.
AsciiBreak BreakClass(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x80 ? kAsciiBreaks[byte] : AsciiBreak::kOther;
}

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

// What the tokenizer needs to know of an ASCII character in a word.
struct CharFacts {
  uint8_t letter;  // 1 for A-Z and a-z
  uint8_t lower;   // 1 for a-z
  uint8_t digit;   // 1 for 0-9
};

constexpr std::array<CharFacts, 128> MakeCharFacts() {
  std::array<CharFacts, 128> facts{};
  for (int c = 0; c < 128; ++c) {
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    facts[c] = {uint8_t(upper || lower), uint8_t(lower), uint8_t(c >= '0' && c <= '9')};
  }
  return facts;
}
constexpr std::array<CharFacts, 128> kCharFacts = MakeCharFacts();

// The same facts packed into one number, so that a word's three counts take
// one addition a character: letters in bits 0-20, lower case in 21-41,
// digits in 42-62. Exact for words shorter than kPackedLimit.
constexpr uint64_t kPackedLimit = uint64_t{1} << 21;
constexpr std::array<uint64_t, 128> kPackedFacts = [] {
  std::array<uint64_t, 128> packed{};
  for (int c = 0; c < 128; ++c) {
    packed[c] = uint64_t{kCharFacts[c].letter} | uint64_t{kCharFacts[c].lower} << 21 |
                uint64_t{kCharFacts[c].digit} << 42;
  }
  return packed;
}();

// dst[k] = src[k] lower-cased for ASCII letters, other bytes as they are.
void LowerAscii(std::string_view src, char* dst) {
  size_t k = 0;
#if defined(__SSE2__)
  const __m128i before_a = _mm_set1_epi8('A' - 1), after_z = _mm_set1_epi8('Z' + 1);
  const __m128i case_bit = _mm_set1_epi8(0x20);
  for (; k + 16 <= src.size(); k += 16) {
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src.data() + k));
    // Signed compares: bytes of 0x80 and up are negative, so never A-Z.
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(c, before_a), _mm_cmplt_epi8(c, after_z));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + k),
                     _mm_or_si128(c, _mm_and_si128(upper, case_bit)));
  }
#endif
  for (; k < src.size(); ++k) {
    const char c = src[k];
    dst[k] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
}

}  // namespace

namespace {

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

// The allowed symbol encoded at text[i], or nullptr; *length is its bytes.
const FastSymbol* FastSymbolAt(std::string_view text, size_t i, size_t* length) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  char32_t code;
  if (byte(i) >= 0xC2 && byte(i) < 0xE0 && i + 1 < text.size() && (byte(i + 1) & 0xC0) == 0x80) {
    code = (char32_t{byte(i)} & 0x1F) << 6 | (byte(i + 1) & 0x3F);
    *length = 2;
  } else if (byte(i) >= 0xE0 && byte(i) < 0xF0 && i + 2 < text.size() &&
             (byte(i + 1) & 0xC0) == 0x80 && (byte(i + 2) & 0xC0) == 0x80) {
    code = (char32_t{byte(i)} & 0x0F) << 12 | (char32_t{byte(i + 1)} & 0x3F) << 6 |
           (byte(i + 2) & 0x3F);
    *length = 3;
  } else {
    return nullptr;
  }
  for (const FastSymbol& symbol : kFastSymbols) {
    if (symbol.code == code) return &symbol;
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
  auto facts_of = [&](size_t k) { return kCharFacts[static_cast<unsigned char>(part[k]) & 0x7F]; };
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
      length = std::max<size_t>(1, length);  // never zero, even for a byte it refused
      Token& token = tokens->emplace_back();
      token.kind = symbol != nullptr && symbol->punctuation ? TokenKind::kPunct : TokenKind::kSymbol;
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
      token.kind = kLoneKinds[static_cast<unsigned char>(c) & 0x7F];
      token.start = span.start + i;
      token.end = span.start + i + 1;
      token.space_before = space_before;
      token.folded = std::string_view(lower + i, 1);
      space_before = false;
      ++i;
      continue;
    }
    // The three counts travel in one sum, 21 bits each (see kPackedFacts).
    uint64_t packed = 0;
    auto count = [&](size_t k) { packed += kPackedFacts[static_cast<unsigned char>(part[k]) & 0x7F]; };
    bool letter_status = first == AsciiBreak::kLetter;
    bool number_status = first == AsciiBreak::kNumeric;
    AsciiBreak previous = first;
    count(i);
    size_t j = i + 1;
    while (j < n) {
      const AsciiBreak next = BreakClass(part[j]);
      if (next == AsciiBreak::kLetter) {  // most of a word: a run of letters
        do {
          count(j++);
        } while (j < n && BreakClass(part[j]) == AsciiBreak::kLetter);
        letter_status = true, number_status = false;
        previous = AsciiBreak::kLetter;
        continue;
      }
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
          letter_status = mid_letter, number_status = mid_number;
          previous = after;
          count(j + 1);  // the joiner itself is neither letter nor digit
          j += 2;
          continue;
        }
      }
      break;
    }
    uint32_t letters, lower_case, digits;
    if (j - i < kPackedLimit) {
      letters = static_cast<uint32_t>(packed & (kPackedLimit - 1));
      lower_case = static_cast<uint32_t>((packed >> 21) & (kPackedLimit - 1));
      digits = static_cast<uint32_t>(packed >> 42);
    } else {  // a "word" of two million characters or more: count again
      letters = lower_case = digits = 0;
      for (size_t k = i; k < j; ++k) {
        const CharFacts facts = facts_of(k);
        letters += facts.letter;
        lower_case += facts.lower;
        digits += facts.digit;
      }
    }
    Token& token = tokens->emplace_back();
    // No rule gives a lone '_' a word status: it is punctuation.
    token.kind = letter_status   ? TokenKind::kWord
                 : number_status ? TokenKind::kNumber
                                 : TokenKind::kPunct;
    token.start = span.start + i;
    token.end = span.start + j;
    token.space_before = space_before;
    space_before = false;
    token.folded = std::string_view(lower + i, j - i);
    if (token.kind != TokenKind::kPunct) {
      token.letters = letters;
      token.digits = digits;
      token.all_caps = letters > 0 && lower_case == 0;
      if (letters > 0) {
        size_t k = i;
        while (!facts_of(k).letter) ++k;
        token.capitalized = part[k] >= 'A' && part[k] <= 'Z';
      }
      if (letters + digits == 0) token.kind = TokenKind::kSymbol;  // "@"
    }
    i = j;
  }
}

}  // namespace plainlang
