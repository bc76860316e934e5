// One hash table for every word form the lexicon knows, so that analysing a
// token costs one lookup: its frequency, syllables, the terms it starts, the
// abbreviation it spells and whether the audience knows it.
#ifndef PLAINLANG_LEXICON_WORD_TABLE_H_
#define PLAINLANG_LEXICON_WORD_TABLE_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace plainlang {

struct WordEntry {
  std::string_view word;   // the folded form
  uint64_t hash = 0;
  float zipf = 0;          // everyday frequency, Zipf scale (0 = unseen, 7 = "the")
  int8_t syllables = -1;   // from the pronouncing dictionary; -1 when unknown
  bool allowed = false;    // on an allow-list: never flagged
  int32_t abbreviation = -1;  // id of the abbreviation with this key
  // For a word: the one-word terms it spells. For a pair of words joined by
  // a space ("blood pressure"): the terms of two or more words they start.
  std::vector<uint32_t> terms;
  bool starts_longer_terms = false;  // a word that begins terms of 2+ words
};

// Open addressing with linear probing over entry indices; entries never
// move once added, so pointers to them stay valid after loading is done.
// Not thread-safe to fill; const lookups are safe from many threads.
class WordTable {
 public:
  WordTable();
  const WordEntry* Find(std::string_view word) const;
  // The entry for `word`, added if new. `word` must outlive the table when
  // `stable`; otherwise the table keeps its own copy.
  WordEntry& FindOrAdd(std::string_view word, bool stable);
  size_t size() const { return entries_.size(); }
  void reserve(size_t count);

  static uint64_t Hash(std::string_view word);

 private:
  size_t Slot(std::string_view word, uint64_t hash) const;
  void Rehash(size_t slot_count);

  // A slot keeps part of its entry's hash, so a probe rarely touches an
  // entry that is not the one sought.
  struct Slot_ {
    uint32_t index = 0;  // entry index + 1, or 0 when empty
    uint32_t tag = 0;    // the hash's high half
  };
  std::deque<WordEntry> entries_;  // a deque: growth never moves an entry
  std::vector<Slot_> slots_;
  std::deque<std::string> copies_;
};

}  // namespace plainlang

#endif  // PLAINLANG_LEXICON_WORD_TABLE_H_
