// The lexicon's hash table of word forms: lookups, stable entries, term id
// lists, word comparison and hashing, and the large-array allocator.
#include "lexicon/word_table.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace plainlang {
namespace {

TEST(WordTableTest, AnEmptyTableFindsNothing) {
  const WordTable table;
  EXPECT_EQ(table.size(), 0u);
  EXPECT_EQ(table.Find("dyspnea"), nullptr);
  EXPECT_EQ(table.Find(""), nullptr);
}

TEST(WordTableTest, FindOrAddAddsOnceAndFindFindsIt) {
  WordTable table;
  WordEntry& added = table.FindOrAdd("edema", /*stable=*/false);
  EXPECT_EQ(added.word, "edema");
  EXPECT_EQ(table.size(), 1u);
  EXPECT_EQ(&table.FindOrAdd("edema", false), &added);
  EXPECT_EQ(table.size(), 1u);
  EXPECT_EQ(table.Find("edema"), &added);
  EXPECT_EQ(table.Find("edema", WordTable::Hash("edema")), &added);
  EXPECT_EQ(table.Find("edem"), nullptr);
  EXPECT_EQ(table.Find("edemas"), nullptr);
}

TEST(WordTableTest, ANewEntryHoldsTheDefaults) {
  WordTable table;
  const WordEntry& entry = table.FindOrAdd("apnea", false);
  EXPECT_TRUE(entry.terms.empty());
  EXPECT_EQ(entry.zipf, 0);
  EXPECT_EQ(entry.abbreviation, -1);
  EXPECT_EQ(entry.second_words, 0u);
  EXPECT_EQ(entry.syllables, -1);
  EXPECT_FALSE(entry.allowed);
  EXPECT_TRUE(entry.stems_start_terms);  // until the loaded table is marked
  EXPECT_FALSE(entry.starts_terms());
  EXPECT_FALSE(entry.starts_longer_terms());
}

TEST(WordTableTest, ShortWordsLiveInTheEntryAndLongOnesAreCopiedUnlessStable) {
  WordTable table;
  const std::string short_word(14, 's');  // the most an entry holds itself
  const std::string long_word = "electroencephalography";
  const std::string stable_word = "esophagogastroduodenoscopy";
  const WordEntry& in_place = table.FindOrAdd(short_word, true);
  const WordEntry& copied = table.FindOrAdd(long_word, false);
  const WordEntry& viewed = table.FindOrAdd(stable_word, true);
  EXPECT_EQ(in_place.word.data(), in_place.short_word);
  EXPECT_EQ(copied.word, long_word);
  EXPECT_NE(copied.word.data(), long_word.data());
  EXPECT_EQ(viewed.word.data(), stable_word.data());
}

TEST(WordTableTest, ACopiedWordOutlivesTheCallersString) {
  WordTable table;
  {
    std::string temporary = "cholecystectomy-and-more";
    table.FindOrAdd(temporary, false);
    temporary.assign(temporary.size(), '#');
  }
  const WordEntry* entry = table.Find("cholecystectomy-and-more");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->word, "cholecystectomy-and-more");
}

TEST(WordTableTest, EmptyAndBinaryWordsAreKeys) {
  WordTable table;
  const std::string with_nul("a\0b", 3);
  table.FindOrAdd("", false).zipf = 1;
  table.FindOrAdd(with_nul, false).zipf = 2;
  table.FindOrAdd("a", false).zipf = 3;
  ASSERT_NE(table.Find(""), nullptr);
  EXPECT_EQ(table.Find("")->zipf, 1);
  EXPECT_EQ(table.Find(with_nul)->zipf, 2);
  EXPECT_EQ(table.Find("a")->zipf, 3);
  EXPECT_EQ(table.Find(std::string_view("a\0", 2)), nullptr);
}

TEST(WordTableTest, EntriesStayPutWhileTheTableGrows) {
  WordTable table;
  WordEntry* first = &table.FindOrAdd("word0", false);
  first->zipf = 5.5f;
  std::vector<const WordEntry*> entries;
  constexpr int kWords = 100'000;  // many rehashes and more than one chunk
  for (int i = 0; i < kWords; ++i) {
    entries.push_back(&table.FindOrAdd("word" + std::to_string(i), false));
  }
  EXPECT_EQ(table.size(), static_cast<size_t>(kWords));
  EXPECT_EQ(entries[0], first);
  EXPECT_EQ(first->zipf, 5.5f);
  for (int i = 0; i < kWords; i += 997) {
    const std::string word = "word" + std::to_string(i);
    EXPECT_EQ(table.Find(word), entries[i]) << word;
    EXPECT_EQ(entries[i]->word, word);
  }
}

TEST(WordTableTest, ReserveKeepsWhatIsThereAndRoomForMore) {
  WordTable table;
  table.FindOrAdd("kept", false).abbreviation = 7;
  table.reserve(50'000);
  EXPECT_EQ(table.size(), 1u);
  ASSERT_NE(table.Find("kept"), nullptr);
  EXPECT_EQ(table.Find("kept")->abbreviation, 7);
  for (int i = 0; i < 50'000; ++i) table.FindOrAdd("w" + std::to_string(i), false);
  EXPECT_EQ(table.size(), 50'001u);
  EXPECT_NE(table.Find("w49999"), nullptr);
}

TEST(WordTableTest, ForEachVisitsEntriesInTheOrderAdded) {
  WordTable table;
  for (std::string_view word : {"renal", "hepatic", "cardiac", "pulmonary"}) {
    table.FindOrAdd(word, true);
  }
  table.FindOrAdd("renal", true);  // not added again
  std::vector<std::string_view> seen;
  table.ForEach([&](WordEntry& entry) { seen.push_back(entry.word); });
  EXPECT_EQ(seen, (std::vector<std::string_view>{"renal", "hepatic", "cardiac", "pulmonary"}));
  const WordTable& read_only = table;
  size_t count = 0;
  read_only.ForEach([&](const WordEntry&) { ++count; });
  EXPECT_EQ(count, 4u);
}

TEST(WordTableTest, TermIdsKeepTheirOrderPastEveryGrowth) {
  WordTable table;
  WordEntry& entry = table.FindOrAdd("blood", false);
  std::vector<uint32_t> expected;
  for (uint32_t id = 100; id < 140; ++id) {
    table.AddTermId(entry, id);
    expected.push_back(id);
    ASSERT_EQ(std::vector<uint32_t>(entry.terms.begin(), entry.terms.end()), expected);
  }
  EXPECT_EQ(entry.terms.size(), 40u);
  EXPECT_EQ(entry.terms.front(), 100u);
  EXPECT_EQ(entry.terms.back(), 139u);
  EXPECT_EQ(entry.terms[17], 117u);
  EXPECT_EQ(entry.terms.data(), entry.terms.begin());
  EXPECT_TRUE(entry.starts_terms());
}

TEST(WordTableTest, EachEntryHasItsOwnTermIds) {
  WordTable table;
  WordEntry& heart = table.FindOrAdd("heart", false);
  WordEntry& lung = table.FindOrAdd("lung", false);
  table.AddTermId(heart, 1);
  table.AddTermId(lung, 2);
  table.AddTermId(heart, 3);
  table.AddTermId(lung, 4);
  table.AddTermId(lung, 5);
  EXPECT_EQ(std::vector<uint32_t>(heart.terms.begin(), heart.terms.end()),
            (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(std::vector<uint32_t>(lung.terms.begin(), lung.terms.end()),
            (std::vector<uint32_t>{2, 4, 5}));
}

TEST(WordTableTest, SameWordComparesEveryByteOfEveryLength) {
  for (size_t n = 0; n <= 40; ++n) {
    const std::string a(n, 'x');
    EXPECT_TRUE(WordTable::SameWord(a, std::string(n, 'x'))) << n;
    EXPECT_FALSE(WordTable::SameWord(a, std::string(n + 1, 'x'))) << n;
    for (size_t at = 0; at < n; ++at) {
      std::string b = a;
      b[at] = 'y';
      EXPECT_FALSE(WordTable::SameWord(a, b)) << n << " differs at " << at;
    }
  }
}

TEST(WordTableTest, HashIsStableAndTellsCloseWordsApart) {
  EXPECT_EQ(WordTable::Hash("myocardial"), WordTable::Hash(std::string("myocardial")));
  // Every prefix and every one-letter change of a word hashes differently:
  // lengths 1 to 3, 4 to 7 and 8 up are each read their own way.
  const std::string word = "pneumonoultramicroscopic";
  std::set<uint64_t> hashes;
  size_t words = 0;
  for (size_t n = 0; n <= word.size(); ++n) {
    hashes.insert(WordTable::Hash(word.substr(0, n)));
    ++words;
    for (size_t at = 0; at < n; ++at) {
      std::string changed = word.substr(0, n);
      changed[at] ^= 0x20;
      hashes.insert(WordTable::Hash(changed));
      ++words;
    }
  }
  EXPECT_EQ(hashes.size(), words);
  EXPECT_NE(WordTable::Hash(""), WordTable::Hash(std::string_view("\0", 1)));
}

TEST(WordEntryTest, SecondWordBitsAreOneOrTwoBitsOfTheHash) {
  for (std::string_view word : {"pressure", "attack", "failure", "sugar", "a"}) {
    const uint64_t bits = WordEntry::SecondWordBits(WordTable::Hash(word));
    EXPECT_GE(std::popcount(bits), 1) << word;
    EXPECT_LE(std::popcount(bits), 2) << word;
  }
  EXPECT_EQ(WordEntry::SecondWordBits(0), uint64_t{1});
  EXPECT_EQ(WordEntry::SecondWordBits(1 | 2 << 6), (uint64_t{1} << 1) | (uint64_t{1} << 2));
}

TEST(WordEntryTest, MayPrecedeHoldsForEverySecondWordFiled) {
  WordTable table;
  WordEntry& blood = table.FindOrAdd("blood", false);
  EXPECT_FALSE(blood.MayPrecede(WordTable::Hash("pressure")));
  for (std::string_view second : {"pressure", "sugar", "clot"}) {
    blood.second_words |= WordEntry::SecondWordBits(WordTable::Hash(second));
  }
  EXPECT_TRUE(blood.starts_longer_terms());
  EXPECT_TRUE(blood.starts_terms());
  for (std::string_view second : {"pressure", "sugar", "clot"}) {
    EXPECT_TRUE(blood.MayPrecede(WordTable::Hash(second))) << second;
  }
}

TEST(LargeArrayTest, SmallAndLargeBlocksAreUsableAndLargeOnesHugePageAligned) {
  for (size_t bytes : {size_t{64}, (size_t{1} << 20) - 1, size_t{1} << 20, size_t{5} << 20}) {
    void* memory = AllocateLarge(bytes);
    ASSERT_NE(memory, nullptr);
    auto* data = static_cast<unsigned char*>(memory);
    data[0] = 1;
    data[bytes - 1] = 2;
    EXPECT_EQ(data[0] + data[bytes - 1], 3);
    if (bytes >= (size_t{1} << 20)) {
      EXPECT_EQ(reinterpret_cast<uintptr_t>(memory) % (size_t{2} << 20), 0u) << bytes;
    }
    FreeLarge(memory, bytes);
  }
}

TEST(LargeArrayTest, TheAllocatorServesVectors) {
  std::vector<uint64_t, LargeArrayAllocator<uint64_t>> values(300'000, 7);  // > 1 MiB
  values.back() = 9;
  EXPECT_EQ(values.front() + values.back(), 16u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(values.data()) % (size_t{2} << 20), 0u);
  EXPECT_TRUE(LargeArrayAllocator<int>() == LargeArrayAllocator<char>());
}

}  // namespace
}  // namespace plainlang
