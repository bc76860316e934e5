#include "lexicon/word_table.h"

#include <cstring>

namespace plainlang {

WordTable::WordTable() : slots_(1024) {}

uint64_t WordTable::Hash(std::string_view word) {
  // FNV-1a, then a final mix so the low bits used for slots are well spread.
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : word) h = (h ^ c) * 1099511628211ULL;
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ULL;
  return h ^ (h >> 32);
}

size_t WordTable::Slot(std::string_view word, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const uint32_t tag = static_cast<uint32_t>(hash >> 32);
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const Slot_& s = slots_[slot];
    if (s.index == 0) return slot;
    if (s.tag == tag && entries_[s.index - 1].word == word) return slot;
  }
}

const WordEntry* WordTable::Find(std::string_view word) const {
  uint32_t index = slots_[Slot(word, Hash(word))].index;
  return index == 0 ? nullptr : &entries_[index - 1];
}

WordEntry& WordTable::FindOrAdd(std::string_view word, bool stable) {
  const uint64_t hash = Hash(word);
  size_t slot = Slot(word, hash);
  if (slots_[slot].index != 0) return entries_[slots_[slot].index - 1];
  if ((entries_.size() + 1) * 2 > slots_.size()) {  // keep the load under 1/2
    Rehash(slots_.size() * 2);
    slot = Slot(word, hash);
  }
  WordEntry& entry = entries_.emplace_back();
  entry.word = stable ? word : std::string_view(copies_.emplace_back(word));
  entry.hash = hash;
  slots_[slot] = {static_cast<uint32_t>(entries_.size()), static_cast<uint32_t>(hash >> 32)};
  return entry;
}

void WordTable::reserve(size_t count) {
  size_t slot_count = slots_.size();
  while (count * 2 > slot_count) slot_count *= 2;
  if (slot_count != slots_.size()) Rehash(slot_count);
}

void WordTable::Rehash(size_t slot_count) {
  slots_.assign(slot_count, Slot_{});
  const size_t mask = slot_count - 1;
  for (size_t i = 0; i < entries_.size(); ++i) {
    const uint64_t hash = entries_[i].hash;
    size_t slot = hash & mask;
    while (slots_[slot].index != 0) slot = (slot + 1) & mask;
    slots_[slot] = {static_cast<uint32_t>(i + 1), static_cast<uint32_t>(hash >> 32)};
  }
}

}  // namespace plainlang
