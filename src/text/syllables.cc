#include "text/syllables.h"

#include <algorithm>
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

bool IsPlainVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Consonant-initial suffixes of one syllable each. Splitting them off lets
// the silent-e rules see the stem: safe|ly, hope|less, base|ment.
constexpr std::array<std::string_view, 8> kSuffixes = {
    "ly", "ness", "less", "ful", "ment", "ments", "man", "men"};

// Word starts where a prefix ends in a vowel before another vowel:
// co|ordinate, re|act, pre|existing.
constexpr std::array<std::string_view, 8> kPrefixHiatus = {
    "coag", "coe", "coinc", "coord", "deact", "preex", "preop", "reac"};

// Syllables in a run of folded letters, by counting vowel groups and
// correcting for the spellings English writes with more or fewer vowels
// than it speaks.
class Run {
 public:
  explicit Run(std::string_view letters) : w_(letters), stem_(letters) {}

  int Syllables() {
    int suffixes = 0;
    for (bool stripped = true; stripped && suffixes < 3;) {
      stripped = false;
      for (std::string_view suffix : kSuffixes) {
        if (stem_.size() > suffix.size() + 1 && stem_.ends_with(suffix) &&
            HasVowel(stem_.substr(0, stem_.size() - suffix.size()))) {
          stem_.remove_suffix(suffix.size());
          ++suffixes;
          stripped = true;
          break;
        }
      }
    }
    int count = 0;
    for (size_t i = 0; i < stem_.size(); ++i) {
      if (IsVowel(i) && (i == 0 || !IsVowel(i - 1) || Splits(i))) ++count;
    }
    if (count > 1 && SilentFinalE(suffixes > 0)) --count;
    // -ism, -asm, rhythm: the m is a syllable of its own.
    if (StemEndsWith("sm") || StemEndsWith("sms") || StemEndsWith("thm")) {
      ++count;
    }
    // Mc is said "mac" (McCartney).
    if (w_.starts_with("mc") && !IsVowel(2)) ++count;
    // -ically drops the a: clin-i-cal-ly is said clin-ick-ly.
    if (suffixes > 0 && StemEndsWith("ical") && w_.ends_with("ly")) --count;
    return (count > 0 ? count : 1) + suffixes;
  }

 private:
  char At(size_t i) const { return i < w_.size() ? w_[i] : '\0'; }
  std::string_view Rest(size_t i) const { return stem_.substr(std::min(i, stem_.size())); }
  bool StemEndsWith(std::string_view suffix) const {
    return stem_.ends_with(suffix);
  }

  static bool HasVowel(std::string_view letters) {
    for (char c : letters) {
      if (IsPlainVowel(c) || c == 'y' || IsAccented(c)) return true;
    }
    return false;
  }

  bool IsVowel(size_t i) const {
    const char c = At(i);
    if (IsAccented(c)) return true;
    switch (c) {
      case 'a': case 'e': case 'i': case 'o':
        return true;
      case 'u': {
        // The u of "qu" is a w, and that of a final -gue is silent.
        if (i == 0) return true;
        if (At(i - 1) == 'q') return false;
        const std::string_view rest = Rest(i + 1);
        return !(At(i - 1) == 'g' && (rest == "e" || rest == "es" || rest == "ed"));
      }
      case 'y':
        // A y before a vowel is a consonant at the start ("yes") and between
        // vowels ("player").
        if (!IsPlainVowel(At(i + 1))) return true;
        return i > 0 && !IsPlainVowel(At(i - 1));
      default:
        return false;
    }
  }

  // Whether the vowel at i starts a syllable although the letter before it
  // is a vowel too (hiatus: di-a-be-tes, bi-o-lo-gy, vi-de-o).
  bool Splits(size_t i) const {
    const char a = At(i - 1);
    const char b = At(i);
    if (IsAccented(b)) return true;
    if (IsAccented(a)) return false;
    for (std::string_view prefix : kPrefixHiatus) {
      if (w_.starts_with(prefix) && (i == 2 || (i == 3 && prefix[0] == 'p'))) return true;
    }
    const char before = i >= 2 ? At(i - 2) : '\0';
    const char after = At(i + 1);
    const std::string_view rest = Rest(i);
    // -cia-, -tio-, -sio-, -gio- are said sha, shun, zhun, jun.
    const bool softened = before == 'c' || before == 't' || before == 's' ||
                          before == 'g';
    const bool earlier_vowel = HasVowel(w_.substr(0, i - 1));
    if (b == 'i' && (rest == "ing" || rest == "ist" || rest == "ism" ||
                     rest == "ists" || rest == "isms")) {
      return true;  // be-ing, go-ing, athe-ist
    }
    switch (a << 8 | b) {
      case 'i' << 8 | 'a':
        return !softened || after == 't';  // appre-ci-ate
      case 'i' << 8 | 'o':
        return !((softened || before == 'x') && (after == 'n' || after == 'u')) &&
               !(i >= 3 && (before == 'l' || before == 'n') && after == 'n');
      case 'i' << 8 | 'u':
        return true;
      case 'i' << 8 | 'e':
        if ((rest == "er" || rest == "ers" || rest == "est") && earlier_vowel) return true;
        if (after == 't') return true;  // di-et, anxi-ety
        return after == 'n' && !softened && (At(i + 2) == 't' || At(i + 2) == 'c');
      case 'e' << 8 | 'o':
        return !(i >= 3 && (before == 'g' || before == 'c'));
      case 'e' << 8 | 'a':
        if (rest.starts_with("ation")) return true;
        if (before == 'r' && i >= 3 && At(i - 3) == 'c' && after == 't') return true;
        return earlier_vowel && before != 'c' &&
               (rest == "a" || rest == "as" || rest == "an" || rest == "ans");
      case 'u' << 8 | 'a':
        return before != 'g';
      case 'u' << 8 | 'o':
        return after == 'u';  // contin-u-ous
      case 'u' << 8 | 'i':
        return after == 't' && (At(i + 2) == 'y' || At(i + 2) == 'i');
      case 'u' << 8 | 'e':
        return rest == "er" || rest == "ers" || rest == "est";
      case 'y' << 8 | 'i':
        return true;
      case 'y' << 8 | 'e':
        return after == 'r' && before != 'w';
      case 'o' << 8 | 'e':
        return rest == "ey";
      default:
        return false;
    }
  }

  bool SilentFinalE(bool suffixed) const {
    const size_t n = stem_.size();
    const size_t e = StemEndsWith("e") ? n - 1
                     : (StemEndsWith("es") || StemEndsWith("ed")) ? n - 2
                                                                  : n;
    if (e == n || e == 0 || IsVowel(e - 1)) return false;
    const char before = At(e - 1);
    const char before2 = e >= 2 ? At(e - 2) : '\0';
    // Syllabic -le and -re after a consonant: ta-ble, ac-re, ta-bles.
    if ((before == 'l' || before == 'r') && e >= 2 && !IsVowel(e - 2) &&
        before2 != before && before2 != 'r' && before2 != 'w') {
      return false;
    }
    if (e == n - 2 && At(n - 1) == 'd') {
      // -ed is voiced after t and d, and before a suffix: alleg-ed-ly.
      return !suffixed && before != 't' && before != 'd';
    }
    if (e == n - 2) {
      // -es is voiced after a sibilant: pla-ces, jud-ges, bo-xes, chur-ches.
      return !(before == 's' || before == 'x' || before == 'z' ||
               before == 'c' || before == 'g' ||
               (before == 'h' && (before2 == 'c' || before2 == 's')));
    }
    return true;
  }

  std::string_view w_;
  std::string_view stem_;
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
