// Small pieces of memory kept together until their arena ends: the word
// table's copies of words and lists of term ids, and the words a report's
// findings make. Pieces never move, so views of them stay valid; one block
// holds many, so a piece costs no allocation of its own; an arena that
// keeps nothing allocates nothing.
#ifndef PLAINLANG_LEXICON_BYTE_ARENA_H_
#define PLAINLANG_LEXICON_BYTE_ARENA_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace plainlang {

class ByteArena {
 public:
  // Blocks of `block_size` bytes, or of one piece when it is larger.
  explicit ByteArena(size_t block_size) : block_size_(block_size) {}
  ByteArena(const ByteArena&) = delete;
  ByteArena& operator=(const ByteArena&) = delete;

  // Room for `bytes` aligned to `align` (a power of two).
  void* Allocate(size_t bytes, size_t align) {
    size_t padding = (align - reinterpret_cast<uintptr_t>(free_) % align) % align;
    if (padding + bytes > free_size_) {
      // operator new[] aligns a block for any type.
      const size_t size = std::max(block_size_, bytes);
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
      free_ = blocks_.back().get();
      free_size_ = size;
      padding = 0;
    }
    void* piece = free_ + padding;
    free_ += padding + bytes;
    free_size_ -= padding + bytes;
    return piece;
  }

  bool empty() const { return blocks_.empty(); }

  // A copy of `bytes` kept here.
  std::string_view Copy(std::string_view bytes) {
    char* copy = static_cast<char*>(Allocate(bytes.size(), 1));
    if (!bytes.empty()) std::memcpy(copy, bytes.data(), bytes.size());
    return std::string_view(copy, bytes.size());
  }

 private:
  size_t block_size_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;  // the unused tail of the last block
  size_t free_size_ = 0;
};

}  // namespace plainlang

#endif  // PLAINLANG_LEXICON_BYTE_ARENA_H_
