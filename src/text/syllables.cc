#include "text/syllables.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace plainlang {
namespace {

// Letters are folded to ASCII before the rules run. An accented vowel becomes
// its upper-case base letter: the accent marks it as voiced and as the start
// of a new syllable (café, naïve, résumé). '_' stands for any other letter.
constexpr char kOtherLetter = '_';

// U+00C0..U+00FF; '.' marks the two that are not letters (× and ÷).
constexpr std::string_view kLatin1 =
    "AAAAAAAcEEEEIIIIdnOOOOO.OUUUUYts"
    "AAAAAAAcEEEEIIIIdnOOOOO.OUUUUYtY";
// U+0100..U+017F, in pairs of upper and lower case.
constexpr std::string_view kLatinExtendedA =
    "AAAAAAccccccccddddEEEEEEEEEEgggggggghhhhIIIIIIIIIIIIjjkkklllllllllln"
    "nnnnnnnnOOOOOOOOrrrrrrssssssssttttttUUUUUUUUUUUUwwYYYzzzzzzs";

// Decodes the code point at text[*pos] and advances *pos past it. Bytes that
// are not valid UTF-8 decode to U+FFFD.
char32_t NextCodePoint(std::string_view text, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t lead = byte(*pos);
  int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (lead >= 0x80 && lead < 0xC0) length = 0;
  if (length == 0 || *pos + length > text.size()) {
    ++*pos;
    return 0xFFFD;
  }
  char32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    if ((byte(*pos + i) & 0xC0) != 0x80) {
      ++*pos;
      return 0xFFFD;
    }
    code = (code << 6) | (byte(*pos + i) & 0x3F);
  }
  *pos += length;
  return code;
}

// The folded letter for a code point, 0 for an apostrophe (dropped: "they're"
// is one syllable) and ' ' for anything that separates letters.
char Fold(char32_t code) {
  if (code >= 'a' && code <= 'z') return static_cast<char>(code);
  if (code >= 'A' && code <= 'Z') return static_cast<char>(code - 'A' + 'a');
  if (code == '\'' || code == 0x2019 || code == 0x2018 || code == 0x02BC) {
    return 0;
  }
  if (code >= 0xC0 && code <= 0xFF) {
    const char folded = kLatin1[code - 0xC0];
    return folded == '.' ? ' ' : folded;
  }
  if (code >= 0x100 && code <= 0x17F) return kLatinExtendedA[code - 0x100];
  // Everything else below U+0250 is punctuation or a symbol, and so are the
  // General Punctuation to Miscellaneous Symbols blocks, CJK punctuation and
  // the specials (U+FFFD).
  if (code < 0x250 || (code >= 0x2000 && code < 0x2C00) ||
      (code >= 0x3000 && code < 0x3040) || code >= 0xFFF0) {
    return ' ';
  }
  return kOtherLetter;
}

bool IsAccented(char c) { return c >= 'A' && c <= 'Z'; }

// Syllables in a run of folded letters, by counting vowel groups and
// correcting for the spellings English writes with more or fewer vowels
// than it speaks.
class Run {
 public:
  explicit Run(std::string_view letters) : w_(letters) {}

  int Syllables() const {
    const size_t n = w_.size();
    int count = 0;
    for (size_t i = 0; i < n; ++i) {
      if (IsVowel(i) && (i == 0 || !IsVowel(i - 1) || Splits(i))) ++count;
    }
    if (count > 1 && SilentFinalE()) --count;
    return count > 0 ? count : 1;
  }

 private:
  char At(size_t i) const { return i < w_.size() ? w_[i] : '\0'; }
  bool EndsWith(std::string_view suffix) const { return w_.ends_with(suffix); }

  bool IsVowel(size_t i) const {
    const char c = At(i);
    if (IsAccented(c)) return true;
    switch (c) {
      case 'a': case 'e': case 'i': case 'o':
        return true;
      case 'u':
        // The u of "qu" is a w.
        return i == 0 || At(i - 1) != 'q';
      case 'y':
        // A y before a vowel is a consonant at the start ("yes") and between
        // vowels ("player").
        if (!IsPlainVowel(At(i + 1))) return true;
        return i > 0 && !IsPlainVowel(At(i - 1));
      default:
        return false;
    }
  }

  static bool IsPlainVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  // Whether the vowel at i starts a syllable although the letter before it
  // is a vowel too (hiatus: di-a-be-tes, bi-o-lo-gy, vi-de-o).
  bool Splits(size_t i) const {
    const char a = At(i - 1);
    const char b = At(i);
    if (IsAccented(b)) return true;
    if (IsAccented(a)) return false;
    const char before = i >= 2 ? At(i - 2) : '\0';
    const char after = At(i + 1);
    const bool softened = before == 'c' || before == 't' || before == 's' ||
                          before == 'g' || before == 'x';
    if (a == 'i' && b == 'a') return !softened;
    if (a == 'i' && b == 'o') return !(softened && (after == 'n' || after == 'u'));
    if (a == 'i' && b == 'u') return true;
    if (a == 'e' && b == 'o') return !(i >= 3 && (before == 'g' || before == 'c'));
    if (a == 'u' && b == 'a') return before != 'g';
    if (a == 'y' && b == 'i') return true;
    return false;
  }

  bool SilentFinalE() const {
    const size_t n = w_.size();
    const size_t e = EndsWith("e") ? n - 1 : (EndsWith("es") || EndsWith("ed")) ? n - 2 : n;
    if (e == n || e == 0 || IsVowel(e - 1)) return false;
    const char before = At(e - 1);
    // Syllabic -le and -re after a consonant: ta-ble, ac-re, ta-bles.
    if ((before == 'l' || before == 'r') && e >= 2 && !IsVowel(e - 2) &&
        At(e - 2) != before) {
      return false;
    }
    if (e == n - 2 && At(n - 1) == 'd') return before != 't' && before != 'd';
    if (e == n - 2) {
      // -es is voiced after a sibilant: pla-ces, jud-ges, bo-xes, chur-ches.
      return !(before == 's' || before == 'x' || before == 'z' ||
               before == 'c' || before == 'g' ||
               (before == 'h' && e >= 2 && (At(e - 2) == 'c' || At(e - 2) == 's')));
    }
    return true;
  }

  std::string_view w_;
};

}  // namespace

int EstimateSyllables(std::string_view word) {
  std::array<char, 64> letters;
  size_t length = 0;
  int total = 0;
  const auto flush = [&] {
    if (length > 0) total += Run(std::string_view(letters.data(), length)).Syllables();
    length = 0;
  };
  for (size_t pos = 0; pos < word.size();) {
    const char folded = Fold(NextCodePoint(word, &pos));
    if (folded == 0) continue;
    if (folded == ' ') {
      flush();
      continue;
    }
    // Longer runs are no English word; counting them in pieces is enough.
    if (length == letters.size()) flush();
    letters[length++] = folded;
  }
  flush();
  return total;
}

}  // namespace plainlang
