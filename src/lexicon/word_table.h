// One hash table for every word form the lexicon knows, so that analysing a
// token costs one lookup: its frequency, syllables, the terms it starts, the
// abbreviation it spells and whether the audience knows it.
#ifndef PLAINLANG_LEXICON_WORD_TABLE_H_
#define PLAINLANG_LEXICON_WORD_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "lexicon/byte_arena.h"

namespace plainlang {

// An allocator for the table's two large arrays. From 1 MiB up it asks for
// 2 MiB transparent huge pages where Linux allows them: the default
// lexicon's 16 MiB of entries and slots would otherwise cost some 4,000 page
// faults to fill and a TLB miss on nearly every slot probed, about a third
// of its load time. Smaller arrays come from operator new.
void* AllocateLarge(size_t bytes);
void FreeLarge(void* memory, size_t bytes);

template <typename T>
struct LargeArrayAllocator {
  using value_type = T;
  LargeArrayAllocator() = default;
  template <typename U>
  LargeArrayAllocator(const LargeArrayAllocator<U>&) {}
  T* allocate(size_t n) { return static_cast<T*>(AllocateLarge(n * sizeof(T))); }
  void deallocate(T* p, size_t n) { FreeLarge(p, n * sizeof(T)); }
  template <typename U>
  bool operator==(const LargeArrayAllocator<U>&) const {
    return true;
  }
};

// The ids of the terms filed under a word, in the order they were filed;
// reads like a const std::vector<uint32_t>, and like WordEntry::word views
// memory of its table. Most words file one term or none, so the first id is
// held in place; longer lists live in blocks the table owns. A vector would
// cost a heap block for each of some 30,000 words, and a destructor run for
// each of 240,000 entries, to free at exit.
class TermIds {
 public:
  const uint32_t* begin() const { return size_ <= 1 ? &first_ : spilled_; }
  const uint32_t* end() const { return begin() + size_; }
  const uint32_t* data() const { return begin(); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  uint32_t operator[](size_t i) const { return begin()[i]; }
  uint32_t front() const { return *begin(); }
  uint32_t back() const { return end()[-1]; }

 private:
  friend class WordTable;  // which adds ids (WordTable::AddTermId)
  // Every id once there are two or more, in room for the next power of two.
  uint32_t* spilled_ = nullptr;
  uint32_t size_ = 0;
  uint32_t first_ = 0;  // the id while there is only one
};

// One cache line: analysing a message looks up several words for each word
// it reads, and a lookup that found its entry used to wait on memory three
// times (the slot, the entry, the word's bytes elsewhere). A word of up to
// 14 bytes, nearly all of them, is kept in the entry itself, so comparing it
// reads the line already fetched. The default lexicon holds about 240,000
// entries: 15 MiB, two huge pages more than at 48 bytes an entry.
struct WordEntry {
  std::string_view word;  // the folded form; views `short_word` when it fits
  // For a word: the one-word terms it spells. For a pair of words joined by
  // a space ("blood pressure"): the terms of two or more words they start.
  TermIds terms;
  float zipf = 0;             // everyday frequency, Zipf scale (0 = unseen, 7 = "the")
  int32_t abbreviation = -1;  // id of the abbreviation with this key
  // For a word that begins terms of two or more words, the SecondWordBits
  // of each of their second tokens; 0 for any other. Nearly half the words
  // of a message begin some term ("in situ", "high blood pressure"), but
  // with a word few; testing these bits spares the matcher looking up a
  // pair that cannot be there, a wait on memory for each.
  uint64_t second_words = 0;
  int8_t syllables = -1;     // from the pronouncing dictionary; -1 when unknown
  bool allowed : 1 = false;  // on an allow-list: never flagged
  // Whether one of the word's inflection stems (InflectionStems, after the
  // word itself) has an entry that starts_terms(), so that the matcher
  // should try them ("biopsies" -> "biopsy"). Made for the
  // whole table once it is loaded (MarkStemsThatStartTerms); until then
  // true, which only costs the lookups it spares.
  bool stems_start_terms : 1 = true;
  // The same for stems that are one-word terms themselves ("holding" ->
  // "hold"): the matcher tries them for a word that begins longer terms
  // only when none of those is written there.
  bool stems_file_terms : 1 = true;
  // Whether an abbreviation of several words begins with this one ("pulse
  // ox", "alk phos", "ad lib"), so that the matcher reads on past a space.
  bool starts_spaced_abbreviation : 1 = false;
  char short_word[14];  // the word's bytes, when it is this short

  bool starts_longer_terms() const { return second_words != 0; }
  // Whether a term may begin with this word: it files one or begins longer ones.
  bool starts_terms() const { return starts_longer_terms() || !terms.empty(); }
  // False when no term begins with this word and then `second`, whose
  // WordTable::Hash is `second_hash`; true when one may.
  bool MayPrecede(uint64_t second_hash) const {
    const uint64_t bits = SecondWordBits(second_hash);
    return (second_words & bits) == bits;
  }
  // Two bits of 64 picked by a word's hash (its low bits; slots use the high).
  static uint64_t SecondWordBits(uint64_t hash) {
    return (uint64_t{1} << (hash & 63)) | (uint64_t{1} << ((hash >> 6) & 63));
  }
};

// Open addressing with linear probing over entry indices; entries never
// move once added, so pointers to them stay valid after loading is done.
// Not thread-safe to fill; const lookups are safe from many threads.
class WordTable {
 public:
  WordTable();
  // Entries view words copied into this table's own blocks.
  WordTable(const WordTable&) = delete;
  WordTable& operator=(const WordTable&) = delete;

  // Inline, with an inline comparison: analysing a message looks up every
  // word, and a call to memcmp per probe cost more than the compare itself.
  const WordEntry* Find(std::string_view word) const { return Find(word, Hash(word)); }
  // The same with `hash` == Hash(word) computed ahead (see Prefetch).
  const WordEntry* Find(std::string_view word, uint64_t hash) const {
    const uint32_t index = slots_[Slot(word, hash)].index;
    return index == 0 ? nullptr : &entry(index - 1);
  }
  // The entry for `word`, added if new. `word` must outlive the table when
  // `stable`; otherwise the table keeps its own copy.
  WordEntry& FindOrAdd(std::string_view word, bool stable) {
    return FindOrAdd(word, Hash(word), stable);
  }
  // The same, with `hash` == Hash(word) computed ahead (see Prefetch).
  // Inline: the default lexicon calls it a quarter of a million times.
  WordEntry& FindOrAdd(std::string_view word, uint64_t hash, bool stable) {
    const size_t slot = Slot(word, hash);
    const uint32_t index = slots_[slot].index;
    return index == 0 ? Add(slot, word, hash, stable) : entry(index - 1);
  }
  // Starts fetching the slot a word of this hash goes to, so that a
  // FindOrAdd of it a few rows later does not wait on memory.
  void Prefetch(uint64_t hash) const { __builtin_prefetch(&slots_[Home(hash)]); }
  // After Prefetch, and before FindOrAdd: starts fetching the entry that
  // the word's slot holds, if it may be the word's.
  void PrefetchEntry(uint64_t hash) const {
    const Slot_ s = slots_[Home(hash)];
    if (s.tag == Tag(hash) && s.index != 0) __builtin_prefetch(&entry(s.index - 1));
  }
  // Files term `id` under `entry`, an entry of this table.
  void AddTermId(WordEntry& entry, uint32_t id);
  size_t size() const { return size_; }
  // Calls f(WordEntry&) for every entry, in the order they were added.
  template <typename F>
  void ForEach(F&& f) {
    for (uint32_t i = 0; i < size_; ++i) f(entry(i));
  }
  template <typename F>
  void ForEach(F&& f) const {
    for (uint32_t i = 0; i < size_; ++i) f(entry(i));
  }
  // Makes room for `count` entries in all, so that adding them never rehashes.
  void reserve(size_t count);

  // Whether two words are equal. Words are short: eight bytes a step, and
  // the last few bytes by two loads that overlap, as Hash reads them, rather
  // than a byte at a time.
  static bool SameWord(std::string_view a, std::string_view b) {
    const size_t n = a.size();
    if (n != b.size()) return false;
    auto same = [&](size_t at, auto width) {
      decltype(width) x, y;
      std::memcpy(&x, a.data() + at, sizeof x);
      std::memcpy(&y, b.data() + at, sizeof y);
      return x == y;
    };
    if (n >= 8) {
      for (size_t i = 0; i + 8 < n; i += 8) {
        if (!same(i, uint64_t{})) return false;
      }
      return same(n - 8, uint64_t{});
    }
    if (n >= 4) return same(0, uint32_t{}) && same(n - 4, uint32_t{});
    for (size_t i = 0; i < n; ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }

  // Eight bytes a step rather than one, and inline: the default lexicon
  // hashes a third of a million keys while it loads.
  static uint64_t Hash(std::string_view word) {
    constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
    auto load = [](const char* p, auto value) {
      std::memcpy(&value, p, sizeof value);
      return uint64_t{value};
    };
    const char* p = word.data();
    size_t n = word.size();
    uint64_t h = kMultiplier ^ n;
    for (; n >= 8; p += 8, n -= 8) {
      h = (h ^ load(p, uint64_t{})) * kMultiplier;
      h ^= h >> 32;
    }
    if (n >= 4) {  // two loads that overlap cover 4 to 7 bytes
      h ^= (load(p, uint32_t{}) << 32) | load(p + n - 4, uint32_t{});
    } else if (n > 0) {  // first, middle and last cover 1 to 3 bytes
      h ^= (uint64_t{static_cast<unsigned char>(p[0])} << 16) |
           (uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
           static_cast<unsigned char>(p[n - 1]);
    }
    // The finaliser of SplitMix64, so that every bit of the word reaches the
    // high half, which picks the slot.
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
    return h ^ (h >> 31);
  }

 private:
  // A slot keeps the high half of its entry's hash: it picks the slot, lets
  // a probe pass over other words without reading their entries, and lets a
  // rehash place the entry without hashing its word again.
  struct Slot_ {
    uint32_t index = 0;  // entry index + 1, or 0 when empty
    uint32_t tag = 0;    // the hash's high half
  };
  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }
  size_t Home(uint64_t hash) const { return Tag(hash) >> home_shift_; }
  const WordEntry& entry(uint32_t index) const {
    return chunks_[index / kChunkSize][index % kChunkSize];
  }
  WordEntry& entry(uint32_t index) { return chunks_[index / kChunkSize][index % kChunkSize]; }
  // The slot holding `word`, or the empty slot where its probe ends.
  size_t Slot(std::string_view word, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    const uint32_t tag = Tag(hash);
    for (size_t slot = Home(hash);; slot = (slot + 1) & mask) {
      const Slot_ s = slots_[slot];
      if (s.index == 0 || (s.tag == tag && SameWord(entry(s.index - 1).word, word))) return slot;
    }
  }
  // Adds `word`, not in the table, whose probe ended at the empty `slot`.
  WordEntry& Add(size_t slot, std::string_view word, uint64_t hash, bool stable);
  void Rehash(size_t slot_count);

  // Entries live in chunks reserved once and never grown past that, so
  // adding one moves none; a chunk fills one huge page.
  static constexpr uint32_t kChunkSize = (uint32_t{2} << 20) / sizeof(WordEntry);
  using Chunk = std::vector<WordEntry, LargeArrayAllocator<WordEntry>>;
  using Slots = std::vector<Slot_, LargeArrayAllocator<Slot_>>;
  std::vector<Chunk> chunks_;
  size_t size_ = 0;
  Slots slots_;         // a power of two of them, at most half full
  int home_shift_ = 0;  // 32 - log2(slots_.size())
  // Copies of words and lists of term ids, in blocks that never move.
  ByteArena kept_{64 * 1024};
};

}  // namespace plainlang

#endif  // PLAINLANG_LEXICON_WORD_TABLE_H_
