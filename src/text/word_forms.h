// The forms of an English word the lexicon may hold it under: its
// inflection stems and its US spelling.
#ifndef PLAINLANG_TEXT_WORD_FORMS_H_
#define PLAINLANG_TEXT_WORD_FORMS_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace plainlang {

// Forms a folded word may be an inflection of, most likely first: the word
// itself, then the word without a possessive, then singular and -ed/-ing
// stems ("biopsies" -> "biopsy", "stented" -> "stent", "dosing" -> "dose").
// Stems shorter than three letters are not produced. Every form is a prefix
// of the word, viewed in place, but for at most one that adds a letter
// ("biops" + "y", "dos" + "e"), made in room of its own: the matcher stems
// words by the hundred thousand, and six strings a word cost more than the
// lookups they served. The forms view `folded`, which must outlive this.
class InflectionStems {
 public:
  explicit InflectionStems(std::string_view folded);
  InflectionStems(const InflectionStems&) = delete;  // forms may view room_
  InflectionStems& operator=(const InflectionStems&) = delete;
  const std::string_view* begin() const { return forms_.data(); }
  const std::string_view* end() const { return forms_.data() + count_; }
  size_t size() const { return count_; }
  std::string_view operator[](size_t k) const { return forms_[k]; }

 private:
  // Adds `stem` followed by `letter`, when not 0.
  void Add(std::string_view stem, char letter = 0);
  void AddUndoubled(std::string_view stem);

  std::array<std::string_view, 6> forms_;
  size_t count_ = 0;
  char room_[32];       // the form that adds a letter, when it fits
  std::string longer_;  // that form when it does not
};

// Whether `folded` ends like an inflected English word (-s, -ed, -ing, a
// possessive); only those are worth stemming. Inline, and the tests combined
// without branches: the matcher asks it of nearly every word, and which
// ending a word has is anybody's guess.
inline bool MayBeInflected(std::string_view folded) {
  const size_t n = folded.size();
  if (n < 4) return false;
  const char last = folded[n - 1], before = folded[n - 2], third = folded[n - 3];
  return (last == 's') | (last == '\'') | ((before == 'e') & (last == 'd')) |
         ((third == 'i') & (before == 'n') & (last == 'g'));
}

// The US spelling of a folded word written the British way, or the word
// itself: "oedema" -> "edema", "anaemia" -> "anemia", "tumour" -> "tumor",
// "randomised" -> "randomized", "centre" -> "center". A mechanical respelling:
// callers use it only to look up words the lexicon does not hold as written.
std::string UsSpelling(std::string_view folded);
// Whether UsSpelling may change `folded`; false for most words, cheaply.
bool MayBeBritishSpelling(std::string_view folded);

}  // namespace plainlang

#endif  // PLAINLANG_TEXT_WORD_FORMS_H_
