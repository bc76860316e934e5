// Finding lexicon entries in a sentence's tokens: longest match of multi-word
// terms (case-folded, simple inflections) and abbreviations (their own case
// rules), left to right, never overlapping.
#ifndef PLAINLANG_LEXICON_MATCHER_H_
#define PLAINLANG_LEXICON_MATCHER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon_index.h"
#include "text/segmenter.h"

namespace plainlang {

struct LexiconMatch {
  enum class Type : uint8_t { kTerm, kAbbreviation };
  Type type = Type::kTerm;
  size_t first = 0, end = 0;  // token indices [first, end)
  uint32_t id = 0;            // into Index::terms or Index::abbreviations
};

// Forms a folded word may be an inflection of, most likely first: the word
// itself, then the word without a possessive, then singular and -ed/-ing
// stems ("biopsies" -> "biopsy", "stented" -> "stent", "dosing" -> "dose").
// Stems shorter than three letters are not produced. Holds at most six
// forms in place: no allocation for words of up to 15 bytes.
class InflectionStems {
 public:
  explicit InflectionStems(std::string_view folded);
  const std::string* begin() const { return forms_.data(); }
  const std::string* end() const { return forms_.data() + count_; }
  size_t size() const { return count_; }
  const std::string& operator[](size_t k) const { return forms_[k]; }

 private:
  void Add(std::string_view stem, std::string_view ending = {});
  void AddUndoubled(std::string_view stem);

  std::array<std::string, 6> forms_;
  size_t count_ = 0;
};

// The US spelling of a folded word written the British way, or the word
// itself: "oedema" -> "edema", "anaemia" -> "anemia", "tumour" -> "tumor",
// "randomised" -> "randomized", "centre" -> "center". A mechanical respelling:
// callers use it only to look up words the lexicon does not hold as written.
std::string UsSpelling(std::string_view folded);
// Whether UsSpelling may change `folded`; false for most words, cheaply.
bool MayBeBritishSpelling(std::string_view folded);

// `text` is what the tokens' offsets index; `entries[i]` is
// index.FindWord(tokens[i].folded), looked up once by the caller.
// `all_caps_sentence` disables case-exact abbreviations, which in shouted
// text are ordinary words.
std::vector<LexiconMatch> MatchLexicon(const Lexicon::Index& index, std::string_view text,
                                       const std::vector<Token>& tokens,
                                       const std::vector<const WordEntry*>& entries,
                                       bool all_caps_sentence);
// The same into *matches (cleared first), reusing its capacity.
void MatchLexicon(const Lexicon::Index& index, std::string_view text,
                  const std::vector<Token>& tokens, const std::vector<const WordEntry*>& entries,
                  bool all_caps_sentence, std::vector<LexiconMatch>* matches);

}  // namespace plainlang

#endif  // PLAINLANG_LEXICON_MATCHER_H_
