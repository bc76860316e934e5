// Finding lexicon entries in a sentence's tokens: longest match of multi-word
// terms (case-folded, simple inflections) and abbreviations (their own case
// rules), left to right, never overlapping.
#ifndef PLAINLANG_LEXICON_MATCHER_H_
#define PLAINLANG_LEXICON_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon_index.h"
#include "text/segmenter.h"
#include "text/word_forms.h"

namespace plainlang {

struct LexiconMatch {
  enum class Type : uint8_t { kTerm, kAbbreviation };
  Type type = Type::kTerm;
  size_t first = 0, end = 0;  // token indices [first, end)
  uint32_t id = 0;            // into Index::terms or Index::abbreviations
};

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

// `text` is what the tokens' offsets index; `lookups` are theirs.
// `all_caps_sentence` disables case-exact abbreviations whose lower-case
// word is common (Zipf 4.5 or more, or of unknown frequency), which in
// shouted text are ordinary words ("CALL US"); rarer ones still match
// ("CT ABDOMEN").
std::vector<LexiconMatch> MatchLexicon(const Lexicon::Index& index, std::string_view text,
                                       const std::vector<Token>& tokens,
                                       const TokenLookups& lookups, bool all_caps_sentence);
// The same into *matches (cleared first), reusing its capacity.
void MatchLexicon(const Lexicon::Index& index, std::string_view text,
                  const std::vector<Token>& tokens, const TokenLookups& lookups,
                  bool all_caps_sentence, std::vector<LexiconMatch>* matches);

}  // namespace plainlang

#endif  // PLAINLANG_LEXICON_MATCHER_H_
