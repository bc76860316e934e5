#include "text/syllable_cache.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

#include "lexicon/word_table.h"
#include "text/syllables.h"

namespace plainlang {

int CachedEstimateSyllables(std::string_view word) {
  struct Slot {
    uint8_t size = 0xFF;  // no word yet
    int8_t syllables = 0;
    char word[30];
  };
  constexpr size_t kSlots = 2048;  // 64 KiB a thread
  if (word.size() > sizeof(Slot::word)) return EstimateSyllables(word);
  // On the heap: a large thread_local array would take static TLS space,
  // which a Python extension loaded late may not get.
  thread_local std::unique_ptr<std::array<Slot, kSlots>> cache;
  if (!cache) cache = std::make_unique<std::array<Slot, kSlots>>();
  Slot& slot = (*cache)[WordTable::Hash(word) & (kSlots - 1)];
  if (slot.size == word.size() && std::memcmp(slot.word, word.data(), word.size()) == 0) {
    return slot.syllables;
  }
  const int syllables = EstimateSyllables(word);
  slot.size = static_cast<uint8_t>(word.size());
  slot.syllables = static_cast<int8_t>(std::min(syllables, 127));
  std::memcpy(slot.word, word.data(), word.size());
  return syllables;
}

}  // namespace plainlang
