#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lexicon/table_loaders.h"
#include "lexicon/tsv_table.h"
#include "text/segmenter.h"

namespace plainlang {
namespace {

// A row of a words table whose word is yet to be added; see WordRowAdder.
struct PendingWord {
  std::string_view word;  // in the table text, when it needs no folding
  std::string folded;     // otherwise its folded form
  uint64_t hash = 0;
  float zipf = 0;
  int8_t syllables = -1;
  bool has_zipf = false, has_syllables = false;  // read without error
};

// Adds the rows of a words table to the word table. Nearly every row adds a
// word, and each addition would wait on a slot of a table of megabytes that
// is not in cache; so a row's slot is prefetched when the row is read and
// its word added kAhead rows later, in row order, which gives the same table
// as adding each at once.
class WordRowAdder {
 public:
  explicit WordRowAdder(WordTable& words) : words_(words) {}
  // Rows it holds refer to it.
  WordRowAdder(const WordRowAdder&) = delete;
  WordRowAdder& operator=(const WordRowAdder&) = delete;

  // Starts the row of `word` (a non-empty field, as written; see
  // NeedsFolding); the caller sets the numbers on the result as it reads them.
  PendingWord& Push(std::string_view word, bool needs_folding) {
    if (read_ - added_ == kAhead) AddOldest();
    // Halfway along, a row's slot has arrived: fetch the entry it points to.
    if (read_ - added_ >= kAhead / 2) {
      words_.PrefetchEntry(pending_[(read_ - kAhead / 2) % kAhead].hash);
    }
    PendingWord& row = pending_[read_++ % kAhead];
    // The generator writes folded words, which are viewed in the table
    // text; anything else is folded once, here.
    row.word = word;
    row.folded.clear();
    if (needs_folding) {
      std::string folded = FoldCase(word);
      if (folded != word) row.folded = std::move(folded);
    }
    row.hash = WordTable::Hash(row.folded.empty() ? row.word : row.folded);
    words_.Prefetch(row.hash);
    row.has_zipf = row.has_syllables = false;
    return row;
  }

  // Adds every row pushed, each with the numbers set on it: after an error,
  // the table is as adding each row at once would have left it.
  void Flush() {
    while (added_ < read_) AddOldest();
  }

 private:
  void AddOldest() {
    PendingWord& row = pending_[added_++ % kAhead];
    WordEntry& entry = row.folded.empty()
                           ? words_.FindOrAdd(row.word, row.hash, /*stable=*/true)
                           : words_.FindOrAdd(row.folded, row.hash, /*stable=*/false);
    if (row.has_zipf) entry.zipf = row.zipf;
    if (row.has_syllables) entry.syllables = row.syllables;
  }

  static constexpr size_t kAhead = 16;
  WordTable& words_;
  std::array<PendingWord, kAhead> pending_;
  size_t read_ = 0, added_ = 0;
};

constexpr double kMaxZipf = 8, kMaxSyllables = 30;

// A number cell of the plain form in [0, max]; empty gives `fallback`.
bool PlainNumberCell(std::string_view cell, double max, double fallback, double* value) {
  if (cell.empty()) {
    *value = fallback;
    return true;
  }
  return TsvRow::ParsePlainDecimal(cell, value) && *value >= 0 && *value <= max;
}

unsigned DigitValue(char c) { return static_cast<unsigned>(static_cast<unsigned char>(c) - '0'); }

// PlainNumberCell for a zipf cell, with the form the generator writes
// ("3.49") read directly: that is ParsePlainDecimal's m / 10^2, and within
// [0, 8] exactly when m <= 800.
bool ZipfCell(std::string_view cell, double* zipf) {
  if (cell.size() == 4 && cell[1] == '.') {
    const unsigned whole = DigitValue(cell[0]), tenths = DigitValue(cell[2]),
                   hundredths = DigitValue(cell[3]);
    const unsigned mantissa = whole * 100 + tenths * 10 + hundredths;
    if (whole < 10 && tenths < 10 && hundredths < 10 && mantissa <= 800) {
      *zipf = static_cast<double>(mantissa) / 1e2;
      return true;
    }
  }
  return PlainNumberCell(cell, kMaxZipf, 0, zipf);
}

// PlainNumberCell for a syllables cell, with the forms the generator writes
// (nothing, or one digit) read directly.
bool SyllablesCell(std::string_view cell, double* syllables) {
  if (cell.empty()) {
    *syllables = -1;
    return true;
  }
  if (cell.size() == 1 && DigitValue(cell[0]) < 10) {
    *syllables = DigitValue(cell[0]);
    return true;
  }
  return PlainNumberCell(cell, kMaxSyllables, -1, syllables);
}

// NeedsFolding of the `size` <= 16 bytes at `p`, which has 16 readable bytes.
bool NeedsFolding16(const char* p, size_t size) {
#if defined(__SSE2__)
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i capitals = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('A' - 1)),
                                         _mm_cmplt_epi8(bytes, _mm_set1_epi8('Z' + 1)));
  // movemask of the bytes themselves flags those >= 0x80.
  const uint32_t flagged =
      static_cast<uint32_t>(_mm_movemask_epi8(capitals) | _mm_movemask_epi8(bytes));
  return (flagged & ((uint32_t{1} << size) - 1)) != 0;
#else
  return NeedsFolding(std::string_view(p, size));
#endif
}

// Reads a words table as the generator writes it: the header
// "word\tzipf\tsyllables" first, then rows of a word with no space or
// carriage return at its ends, a plain number and a plain number or nothing,
// each in range, with LF line ends. Such rows mean here what they mean to
// ForEachTsvRow, and are read with a fraction of the work. Returns the
// number of the first line not of that form, which with the lines after it
// is left to ForEachTsvRow; 0 when there is none.
int ReadPlainWordRows(std::string_view contents, WordRowAdder& adder) {
  constexpr std::string_view kHeader = "word\tzipf\tsyllables\n";
  if (contents.substr(0, kHeader.size()) != kHeader ||
      contents.find('\0') != std::string_view::npos) {
    return 1;
  }
  const char* const data = contents.data();
  const size_t size = contents.size();
  auto trimmable = [](char c) { return c == ' ' || c == '\r'; };
  TsvDelimiters delimiters(contents, kHeader.size());
  int line = 1;
  for (size_t begin = kHeader.size(); begin < size;) {
    ++line;
    const size_t word_end = delimiters.Next();
    if (word_end == begin || word_end == size || data[word_end] != '\t' || data[begin] == '#' ||
        trimmable(data[begin]) || trimmable(data[word_end - 1])) {
      return line;
    }
    const size_t zipf_end = delimiters.Next();
    if (zipf_end == size || data[zipf_end] != '\t') return line;
    const size_t syllables_end = delimiters.Next();
    if (syllables_end != size && data[syllables_end] != '\n') return line;
    const std::string_view zipf_cell = contents.substr(word_end + 1, zipf_end - word_end - 1);
    const std::string_view syllables_cell =
        contents.substr(zipf_end + 1, syllables_end - zipf_end - 1);
    double zipf, syllables;
    if (!ZipfCell(zipf_cell, &zipf) || !SyllablesCell(syllables_cell, &syllables)) return line;
    std::string_view word = contents.substr(begin, word_end - begin);
    const bool needs_folding = word.size() <= 16 && size - begin >= 16
                                   ? NeedsFolding16(word.data(), word.size())
                                   : NeedsFolding(word);
    PendingWord& row = adder.Push(word, needs_folding);
    row.zipf = static_cast<float>(zipf);
    row.syllables = static_cast<int8_t>(syllables);
    row.has_zipf = row.has_syllables = true;
    begin = syllables_end + 1;
  }
  return 0;
}

}  // namespace

void LoadWords(Lexicon::Index& index, std::string_view contents, std::string_view file) {
  enum { kWord, kZipf, kSyllables };
  static const std::vector<TsvColumn> columns = {
      {"word", true}, {"zipf", false}, {"syllables", false}};
  index.words.reserve(index.words.size() + MaxRows(contents));
  WordRowAdder adder(index.words);
  const int first_general_line = ReadPlainWordRows(contents, adder);
  if (first_general_line > 0) {
    try {
      ForEachTsvRow(contents, file, columns, [&](const TsvRow& row) {
        if (row.line() < first_general_line) return;  // read above
        std::string_view word = row.field(kWord);
        if (word.empty()) row.Fail("field 'word' is empty");
        PendingWord& pending = adder.Push(word, NeedsFolding(word));
        pending.zipf = static_cast<float>(row.number(kZipf, 0, kMaxZipf, 0));
        pending.has_zipf = true;
        pending.syllables = static_cast<int8_t>(row.number(kSyllables, 0, kMaxSyllables, -1));
        pending.has_syllables = true;
      });
    } catch (const LexiconError&) {
      adder.Flush();
      throw;
    }
  }
  adder.Flush();
}

void LoadAffixes(Lexicon::Index& index, std::string_view contents, std::string_view file) {
  enum { kAffix, kPosition, kMeaning };
  static const std::vector<TsvColumn> columns = {
      {"affix", true}, {"position", true}, {"meaning", false}};
  ForEachTsvRow(contents, file, columns, [&](const TsvRow& row) {
    std::string affix = FoldCase(row.field(kAffix));
    affix.erase(std::remove(affix.begin(), affix.end(), '-'), affix.end());
    if (affix.empty()) row.Fail("field 'affix' is empty");
    const std::string_view position = row.field(kPosition);
    if (position == "root") return;  // roots are listed, not used to judge words
    if (position != "prefix" && position != "suffix") {
      row.Fail("field 'position' must be 'prefix', 'suffix' or 'root', got '" +
               std::string(position) + "'");
    }
    const bool suffix = position == "suffix";
    const std::string_view meanings = row.field(kMeaning);
    const std::string_view meaning = meanings.substr(0, meanings.find('|'));
    Affix entry;
    entry.description = "a medical word built on '" + (suffix ? "-" + affix : affix + "-") + "'" +
                        (meaning.empty() ? "" : " (" + std::string(meaning) + ")");
    entry.source = "affix:" + affix;
    entry.affix = std::move(affix);
    (suffix ? index.suffixes : index.prefixes).push_back(std::move(entry));
  });
  // The longest affix that fits a word explains it best ("-ectomy" before "-tomy").
  auto longest_first = [](const Affix& a, const Affix& b) {
    return a.affix.size() > b.affix.size();
  };
  std::stable_sort(index.prefixes.begin(), index.prefixes.end(), longest_first);
  std::stable_sort(index.suffixes.begin(), index.suffixes.end(), longest_first);
  for (auto& bucket : index.suffixes_by_last) bucket.clear();
  for (auto& bucket : index.prefixes_by_first) bucket.clear();
  // Never empty: a row with an empty affix is refused above.
  for (const Affix& suffix : index.suffixes) {
    index.suffixes_by_last[static_cast<unsigned char>(suffix.affix.back())].push_back(&suffix);
  }
  for (const Affix& prefix : index.prefixes) {
    index.prefixes_by_first[static_cast<unsigned char>(prefix.affix.front())].push_back(&prefix);
  }
}

// An allow-list is plain text, one word per line (what a clinic would type
// into a file); '#' starts a comment line, and a first line reading "word"
// is taken for a TSV header and skipped.
void LoadAllow(Lexicon::Index& index, std::string_view contents, std::string_view file) {
  int line_number = 0;
  bool first = true;
  for (size_t begin = 0; begin < contents.size();) {
    size_t newline = contents.find('\n', begin);
    if (newline == std::string_view::npos) newline = contents.size();
    std::string_view line = contents.substr(begin, newline - begin);
    begin = newline + 1;
    ++line_number;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    const bool header = first && line == "word";
    first = false;
    if (header) continue;
    if (line.find('\t') != std::string_view::npos || line.find('\0') != std::string_view::npos) {
      throw LexiconError(std::string(file), line_number,
                         "an allow-list holds one word per line, without tabs");
    }
    WordEntry& entry = index.words.FindOrAdd(FoldCase(line), /*stable=*/false);
    if (!entry.allowed) ++index.allowed;
    entry.allowed = true;
  }
}

}  // namespace plainlang
