// Reading each kind of table into a Lexicon::Index, for Lexicon::Load:
// terms, medicines and abbreviations (term_tables.cc), words, affixes and
// allow-lists (word_rows.cc). Private to the library.
#ifndef PLAINLANG_LEXICON_TABLE_LOADERS_H_
#define PLAINLANG_LEXICON_TABLE_LOADERS_H_

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include "lexicon/lexicon_index.h"

namespace plainlang {

// Each reads `contents`, the text of a table named `file` that the index
// keeps alive, and throws LexiconError naming the file, line and field of
// the first bad row.
void LoadTerms(Lexicon::Index& index, std::string_view contents, std::string_view file);
void LoadMedicines(Lexicon::Index& index, std::string_view contents, std::string_view file);
void LoadAbbreviations(Lexicon::Index& index, std::string_view contents, std::string_view file);
void LoadWords(Lexicon::Index& index, std::string_view contents, std::string_view file);
void LoadAffixes(Lexicon::Index& index, std::string_view contents, std::string_view file);
void LoadAllow(Lexicon::Index& index, std::string_view contents, std::string_view file);

// MaxTsvRows of `contents`, counted once per process for an embedded table
// (lexicon.cc).
size_t MaxRows(std::string_view contents);

// Overlay terms written without a familiarity are taken to be jargon.
inline constexpr double kDefaultTermFamiliarity = 0.2;
inline constexpr double kDefaultAbbreviationFamiliarity = 0.2;

// Room for `more` elements, growing at least twofold so that loading
// several small tables in turn does not move every element each time.
template <typename T>
void ReserveMore(std::vector<T>& elements, size_t more) {
  const size_t needed = elements.size() + more;
  if (needed > elements.capacity()) elements.reserve(std::max(needed, elements.capacity() * 2));
}

// False when FoldCase surely leaves `text` as it is: ASCII without capitals.
inline bool NeedsFolding(std::string_view text) {
  bool needs = false;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    needs |= (byte - unsigned{'A'} < 26) | (byte >= 0x80);
  }
  return needs;
}

// The entry keyed by `key`. Keys are mostly pieces of the term as the table
// writes it ("blood pressure" in "high blood pressure"); those are viewed in
// the table text, which the index keeps, instead of copied.
inline WordEntry& FindOrAddKey(Lexicon::Index& index, std::string_view key,
                               std::string_view written) {
  size_t at = written.find(key);
  return at == std::string_view::npos ? index.words.FindOrAdd(key, /*stable=*/false)
                                      : index.words.FindOrAdd(written.substr(at, key.size()),
                                                              /*stable=*/true);
}

}  // namespace plainlang

#endif  // PLAINLANG_LEXICON_TABLE_LOADERS_H_
