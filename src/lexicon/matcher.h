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

// The US spelling of a folded word written the British way, or the word
// itself: "oedema" -> "edema", "anaemia" -> "anemia", "tumour" -> "tumor",
// "randomised" -> "randomized", "centre" -> "center". A mechanical respelling:
// callers use it only to look up words the lexicon does not hold as written.
std::string UsSpelling(std::string_view folded);
// Whether UsSpelling may change `folded`; false for most words, cheaply.
bool MayBeBritishSpelling(std::string_view folded);

// Sets WordEntry::stems_start_terms for every entry of `index`. Lexicon::Load
// calls it once the terms it depends on are all there.
void MarkStemsThatStartTerms(Lexicon::Index* index);

// What the lexicon's word table holds for each token of a sentence, looked
// up once for the matcher and the analyser alike. For tokens that are not
// words, the hash is 0 and the entry null.
struct TokenLookups {
  std::vector<uint64_t> hashes;           // WordTable::Hash(token.folded)
  std::vector<const WordEntry*> entries;  // index.FindWord(token.folded)
};
// Replaces *lookups with those of `tokens`.
void LookUpTokens(const Lexicon::Index& index, const std::vector<Token>& tokens,
                  TokenLookups* lookups);

// Whether a sentence is written in capitals: 12 letters or more, 80% of
// them in words with no lower case. Its case tells nothing then.
bool IsShouted(const std::vector<Token>& tokens);

// `text` is what the tokens' offsets index; `lookups` are theirs.
// `all_caps_sentence` disables case-exact abbreviations, which in shouted
// text are ordinary words.
std::vector<LexiconMatch> MatchLexicon(const Lexicon::Index& index, std::string_view text,
                                       const std::vector<Token>& tokens,
                                       const TokenLookups& lookups, bool all_caps_sentence);
// The same into *matches (cleared first), reusing its capacity.
void MatchLexicon(const Lexicon::Index& index, std::string_view text,
                  const std::vector<Token>& tokens, const TokenLookups& lookups,
                  bool all_caps_sentence, std::vector<LexiconMatch>* matches);

}  // namespace plainlang

#endif  // PLAINLANG_LEXICON_MATCHER_H_
