#include "lexicon/word_table.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace plainlang {
namespace {

constexpr size_t kInitialSlots = 1024;

int Log2(size_t power_of_two) { return __builtin_ctzll(power_of_two); }

constexpr size_t kLargeArray = size_t{1} << 20;
constexpr size_t kHugePage = size_t{2} << 20;

size_t RoundUp(size_t n, size_t multiple) { return (n + multiple - 1) / multiple * multiple; }

}  // namespace

void* AllocateLarge(size_t bytes) {
  if (bytes < kLargeArray) return ::operator new(bytes);
  // Whole huge pages, aligned as they must be; from malloc, so that leak
  // checkers still see the pointers the arrays hold.
  const size_t size = RoundUp(bytes, kHugePage);
  void* memory = std::aligned_alloc(kHugePage, size);
  if (memory == nullptr) throw std::bad_alloc();
#if defined(MADV_HUGEPAGE)
  // Only advice: without huge pages the memory works as well, more slowly.
  madvise(memory, size, MADV_HUGEPAGE);
#endif
  return memory;
}

void FreeLarge(void* memory, size_t bytes) {
  if (bytes < kLargeArray) {
    ::operator delete(memory);
  } else {
    std::free(memory);
  }
}

static_assert(sizeof(WordEntry) == 64, "one cache line; see WordEntry's comment");
// Freeing the table then frees its blocks without visiting every entry.
static_assert(std::is_trivially_destructible_v<WordEntry>);

void WordTable::AddTermId(WordEntry& entry, uint32_t id) {
  TermIds& ids = entry.terms;
  if (ids.size_ == 0) {
    ids.first_ = id;
    ids.size_ = 1;
    return;
  }
  if (ids.size_ == 1 || std::has_single_bit(ids.size_)) {  // full: 2, 4, 8, ... ids
    // The old list is left in its block: lists longer than one are few.
    auto* grown =
        static_cast<uint32_t*>(kept_.Allocate(ids.size_ * 2 * sizeof(uint32_t), alignof(uint32_t)));
    std::copy(ids.begin(), ids.end(), grown);
    ids.spilled_ = grown;
  }
  ids.spilled_[ids.size_++] = id;
}

WordTable::WordTable() : slots_(kInitialSlots), home_shift_(32 - Log2(kInitialSlots)) {}

WordEntry& WordTable::Add(size_t slot, std::string_view word, uint64_t hash, bool stable) {
  if ((size_ + 1) * 2 > slots_.size()) {  // keep the load under 1/2
    Rehash(slots_.size() * 2);
    slot = Slot(word, hash);
  }
  if (size_ % kChunkSize == 0) chunks_.emplace_back().reserve(kChunkSize);
  WordEntry& added = chunks_.back().emplace_back();
  if (word.size() <= sizeof added.short_word) {
    // Entries never move (chunks are never grown), so viewing itself is safe.
    if (!word.empty()) std::memcpy(added.short_word, word.data(), word.size());
    added.word = std::string_view(added.short_word, word.size());
  } else {
    added.word = stable ? word : kept_.Copy(word);
  }
  ++size_;
  slots_[slot] = {static_cast<uint32_t>(size_), Tag(hash)};
  return added;
}

void WordTable::reserve(size_t count) {
  size_t slot_count = slots_.size();
  while (count * 2 > slot_count) slot_count *= 2;
  if (slot_count != slots_.size()) Rehash(slot_count);
  chunks_.reserve((count + kChunkSize - 1) / kChunkSize);
}

void WordTable::Rehash(size_t slot_count) {
  const Slots old = std::exchange(slots_, Slots(slot_count));
  home_shift_ = 32 - Log2(slot_count);
  const size_t mask = slot_count - 1;
  for (const Slot_& s : old) {
    if (s.index == 0) continue;
    size_t slot = s.tag >> home_shift_;
    while (slots_[slot].index != 0) slot = (slot + 1) & mask;
    slots_[slot] = s;
  }
}

}  // namespace plainlang
