#include "plainlang/lexicon.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <functional>
#include <mutex>
#include <sstream>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lexicon/lexicon_index.h"
#include "lexicon/matcher.h"
#include "lexicon/tsv_table.h"
#include "text/segmenter.h"

// The default tables, linked in by embedded_tables.S (see CMakeLists.txt).
extern "C" {
#define PLAINLANG_TABLE(name) \
  extern const char plainlang_table_##name[]; \
  extern const char plainlang_table_##name##_end[];
PLAINLANG_TABLE(terms)
PLAINLANG_TABLE(abbreviations)
PLAINLANG_TABLE(medicines)
PLAINLANG_TABLE(words)
PLAINLANG_TABLE(affixes)
#undef PLAINLANG_TABLE
}

namespace plainlang {
namespace {

struct EmbeddedTable {
  TableKind kind;
  std::string_view contents;
  std::string_view file_name;
};

// The default tables in the order the default lexicon loads them.
std::array<EmbeddedTable, 5> EmbeddedTables() {
  auto view = [](const char* begin, const char* end) {
    return std::string_view(begin, static_cast<size_t>(end - begin));
  };
  return {{
      {TableKind::kTerms, view(plainlang_table_terms, plainlang_table_terms_end), "terms.tsv"},
      {TableKind::kMedicines, view(plainlang_table_medicines, plainlang_table_medicines_end),
       "medicines.tsv"},
      {TableKind::kAbbreviations,
       view(plainlang_table_abbreviations, plainlang_table_abbreviations_end),
       "abbreviations.tsv"},
      {TableKind::kWords, view(plainlang_table_words, plainlang_table_words_end), "words.tsv"},
      {TableKind::kAffixes, view(plainlang_table_affixes, plainlang_table_affixes_end),
       "affixes.tsv"},
  }};
}

// MaxTsvRows of `contents`. The embedded tables never change, so theirs
// are counted once per process.
size_t MaxRows(std::string_view contents) {
  static const std::array<size_t, 5> embedded_rows = [] {
    std::array<size_t, 5> rows;
    for (size_t i = 0; i < rows.size(); ++i) rows[i] = MaxTsvRows(EmbeddedTables()[i].contents);
    return rows;
  }();
  const std::array<EmbeddedTable, 5> tables = EmbeddedTables();
  for (size_t i = 0; i < tables.size(); ++i) {
    const std::string_view table = tables[i].contents;
    if (contents.data() == table.data() && contents.size() == table.size()) return embedded_rows[i];
  }
  return MaxTsvRows(contents);
}

// The default lexicon loads every embedded table in turn. Room for all of
// them at the first saves growing the word table, and rehashing it, twice
// more. Words of words.tsv include those of nearly every term.
void ReserveForEmbeddedTables(Lexicon::Index& index) {
  size_t terms = 0, words = 0;
  for (const EmbeddedTable& table : EmbeddedTables()) {
    const size_t rows = MaxRows(table.contents);
    if (table.kind == TableKind::kTerms || table.kind == TableKind::kMedicines) terms += rows;
    if (table.kind == TableKind::kTerms || table.kind == TableKind::kWords) words += rows;
  }
  index.terms.reserve(terms);
  index.words.reserve(words);
}

// True when `text` lies within one of the embedded tables, which live as
// long as the program.
bool IsEmbedded(std::string_view text) {
  std::less_equal<const char*> not_after;
  for (const EmbeddedTable& table : EmbeddedTables()) {
    if (not_after(table.contents.data(), text.data()) &&
        not_after(text.data() + text.size(), table.contents.data() + table.contents.size())) {
      return true;
    }
  }
  return false;
}

// Overlay terms written without a familiarity are taken to be jargon.
constexpr double kDefaultTermFamiliarity = 0.2;
constexpr double kDefaultAbbreviationFamiliarity = 0.2;

// Room for `more` elements, growing at least twofold so that loading
// several small tables in turn does not move every element each time.
template <typename T>
void ReserveMore(std::vector<T>& elements, size_t more) {
  const size_t needed = elements.size() + more;
  if (needed > elements.capacity()) elements.reserve(std::max(needed, elements.capacity() * 2));
}

// False when FoldCase surely leaves `text` as it is: ASCII without capitals.
bool NeedsFolding(std::string_view text) {
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
WordEntry& FindOrAddKey(Lexicon::Index& index, std::string_view key, std::string_view written) {
  size_t at = written.find(key);
  return at == std::string_view::npos ? index.words.FindOrAdd(key, /*stable=*/false)
                                      : index.words.FindOrAdd(written.substr(at, key.size()),
                                                              /*stable=*/true);
}

// Where the first two tokens stand joined as in their pair key (one
// kPairSeparator) in `written`, the pair key viewed there; empty when they
// do not.
std::string_view PairKeyIn(std::string_view written, std::string_view first,
                           std::string_view second) {
  for (size_t at = written.find(first); at != std::string_view::npos;
       at = written.find(first, at + 1)) {
    std::string_view rest = written.substr(at + first.size());
    if (rest.size() > second.size() && rest[0] == kPairSeparator &&
        rest.substr(1, second.size()) == second) {
      return written.substr(at, first.size() + 1 + second.size());
    }
  }
  return {};
}

// Where a term's keys (see TermFiler) stand in the term as written, when
// the tokenizer of the common case saw them there; empty views otherwise.
struct WrittenKeys {
  std::string_view first, pair;
};

// A term read from a table and waiting to be filed; see TermFiler.
struct PendingTerm {
  Term term;
  // The keys it is filed under (see TermFiler), viewed in the table text
  // where that holds them ("stable"), else in term.tokens or pair_copy.
  std::string_view first_key, pair_key;
  bool first_stable = false, pair_stable = false;
  std::string pair_copy;
  uint64_t first_hash = 0, pair_hash = 0;
  uint32_t fingerprint = 0;  // of all its tokens; see TermFiler::FileOldest
};

// Files the terms of one table. Terms of one word are filed under it; longer
// terms under their first two words, so that a common first word ("blood")
// does not make the matcher try every term it starts. A later term with the
// same tokens replaces an earlier one.
//
// Each term's keys are hashed and their slots prefetched when it is read,
// and it is filed kAhead terms later, in row order: the same index as
// filing each at once, without waiting on memory for every key.
class TermFiler {
 public:
  // `rows`: about as many terms as the table has.
  TermFiler(Lexicon::Index& index, size_t rows)
      : index_(index), first_id_(static_cast<uint32_t>(index.terms.size())) {
    fingerprints_.reserve(rows);
  }
  // Terms it holds view its members.
  TermFiler(const TermFiler&) = delete;
  TermFiler& operator=(const TermFiler&) = delete;

  // Takes a term with at least one token; `term.term` must view text the
  // index keeps, and `written_keys` view into it.
  void Push(Term term, WrittenKeys written_keys) {
    if (read_ - filed_ == kAhead) FileOldest();
    // Halfway along, a term's slots have arrived: fetch the entries they
    // point to (a common first word is filed under often).
    if (read_ - filed_ >= kAhead / 2) {
      const PendingTerm& halfway = pending_[(read_ - kAhead / 2) % kAhead];
      index_.words.PrefetchEntry(halfway.first_hash);
      if (halfway.term.tokens.size() > 1) index_.words.PrefetchEntry(halfway.pair_hash);
    }
    PendingTerm& next = pending_[read_++ % kAhead];
    next.term = std::move(term);
    const std::vector<std::string>& tokens = next.term.tokens;
    const std::string_view written = next.term.term;
    // Keys are mostly pieces of the term as written ("blood pressure" in
    // "high blood pressure"); those are viewed there rather than copied.
    if (written_keys.first.empty()) {
      const size_t at = written.find(tokens[0]);
      if (at != std::string_view::npos) written_keys.first = written.substr(at, tokens[0].size());
    }
    next.first_stable = !written_keys.first.empty();
    next.first_key = next.first_stable ? written_keys.first : std::string_view(tokens[0]);
    next.first_hash = WordTable::Hash(next.first_key);
    index_.words.Prefetch(next.first_hash);
    uint64_t fingerprint = next.first_hash;
    if (tokens.size() > 1) {
      next.pair_key = written_keys.pair.empty() ? PairKeyIn(written, tokens[0], tokens[1])
                                                : written_keys.pair;
      next.pair_stable = !next.pair_key.empty();
      if (!next.pair_stable) {
        PairKeyBuffer buffer;
        next.pair_copy = TermPairKey(tokens[0], tokens[1], &buffer);
        next.pair_key = next.pair_copy;
      }
      next.pair_hash = WordTable::Hash(next.pair_key);
      index_.words.Prefetch(next.pair_hash);
      fingerprint = next.pair_hash;
      for (size_t i = 2; i < tokens.size(); ++i) {
        fingerprint = (fingerprint ^ WordTable::Hash(tokens[i])) * 0x9E3779B97F4A7C15ULL;
      }
    }
    next.fingerprint = static_cast<uint32_t>(fingerprint >> 32);
  }

  // Files every term pushed.
  void Flush() {
    while (filed_ < read_) FileOldest();
  }

 private:
  void FileOldest() {
    PendingTerm& next = pending_[filed_++ % kAhead];
    Term& term = next.term;
    WordTable& words = index_.words;
    WordEntry* key = &words.FindOrAdd(next.first_key, next.first_hash, next.first_stable);
    if (term.tokens.size() > 1) {
      key->second_words |= WordEntry::SecondWordBits(WordTable::Hash(term.tokens[1]));
      key = &words.FindOrAdd(next.pair_key, next.pair_hash, next.pair_stable);
    }
    // The terms filed under a pair share its two tokens, and a few pairs
    // ("stage i") file hundreds: the fingerprints of this table's terms
    // spare comparing tokens with each of them.
    for (uint32_t id : key->terms) {
      if (id >= first_id_ && fingerprints_[id - first_id_] != next.fingerprint) continue;
      const Term& other = index_.terms[id];
      if (other.tokens.size() == term.tokens.size() &&
          std::equal(other.tokens.begin(), other.tokens.end(), term.tokens.begin())) {
        index_.terms[id] = std::move(term);  // a later row replaces an earlier one
        return;
      }
    }
    index_.words.AddTermId(*key, static_cast<uint32_t>(index_.terms.size()));
    fingerprints_.push_back(next.fingerprint);
    index_.longest_term_tokens = std::max(index_.longest_term_tokens, term.tokens.size());
    index_.terms.push_back(std::move(term));
  }

  static constexpr size_t kAhead = 8;
  Lexicon::Index& index_;
  const uint32_t first_id_;             // the id of the first term this table adds
  std::vector<uint32_t> fingerprints_;  // of the terms it adds, by id - first_id_
  std::array<PendingTerm, kAhead> pending_;
  size_t read_ = 0, filed_ = 0;
};

// How WrittenTermTokens treats each byte of a term.
enum class TermByte : uint8_t { kOther, kWord, kSpace, kHyphen };

constexpr std::array<TermByte, 256> MakeTermBytes() {
  std::array<TermByte, 256> bytes{};
  for (int c = 'a'; c <= 'z'; ++c) bytes[c] = TermByte::kWord;
  for (int c = '0'; c <= '9'; ++c) bytes[c] = TermByte::kWord;
  bytes[' '] = TermByte::kSpace;
  bytes['-'] = TermByte::kHyphen;
  return bytes;
}
constexpr std::array<TermByte, 256> kTermBytes = MakeTermBytes();

// The tokens of a term as written in a table. Most are lower-case ASCII
// words, digits, spaces and hyphens; they are split here in one pass as the
// segmenter would split them: letters and digits run together (UAX #29
// WB5, WB8-10), a hyphen stands alone and spaces separate; `keys` is set
// for them. The rest go through TermTokens.
std::vector<std::string> WrittenTermTokens(std::string_view written, WrittenKeys* keys) {
  auto general = [written] {
    return NeedsFolding(written) ? TermTokens(FoldCase(written)) : TermTokens(written);
  };
  auto byte_at = [](const char* p) { return kTermBytes[static_cast<unsigned char>(*p)]; };
  struct Piece {  // left uninitialised: filling 24 string_views costs more than the split
    const char* data;
    size_t size;
  };
  Piece pieces[24];  // far more than any term has
  size_t count = 0;
  const char* const end = written.data() + written.size();
  for (const char* p = written.data(); p != end;) {
    const char* piece = p;
    switch (byte_at(p)) {
      case TermByte::kSpace: ++p; continue;
      case TermByte::kHyphen: ++p; break;
      case TermByte::kWord:
        do ++p; while (p != end && byte_at(p) == TermByte::kWord);
        break;
      case TermByte::kOther: return general();
    }
    if (count == std::size(pieces)) return general();
    pieces[count++] = {piece, static_cast<size_t>(p - piece)};
  }
  std::vector<std::string> tokens;
  tokens.reserve(count);
  for (size_t i = 0; i < count; ++i) tokens.emplace_back(pieces[i].data, pieces[i].size);
  if (count > 0) keys->first = std::string_view(pieces[0].data, pieces[0].size);
  if (count > 1 && pieces[1].data == pieces[0].data + pieces[0].size + 1 &&
      pieces[0].data[pieces[0].size] == ' ') {
    keys->pair = std::string_view(pieces[0].data, pieces[0].size + 1 + pieces[1].size);
  }
  return tokens;
}

void LoadTerms(Lexicon::Index& index, std::string_view contents, std::string_view file) {
  enum { kTerm, kCategory, kFamiliarity, kPlain, kDefinition, kSource };
  static const std::vector<TsvColumn> columns = {
      {"term", true},  {"category", false},   {"familiarity", false},
      {"plain", false}, {"definition", false}, {"source", false}};
  const size_t rows = MaxRows(contents);
  ReserveMore(index.terms, rows);
  index.words.reserve(index.words.size() + 2 * rows);  // a first word and a pair per term
  TermFiler filer(index, rows);
  try {
    ForEachTsvRow(contents, file, columns, [&](const TsvRow& row) {
      Term term;
      term.term = row.field(kTerm);
      if (term.term.empty()) row.Fail("field 'term' is empty");
      term.category = row.field(kCategory);
      term.familiarity =
          static_cast<float>(row.number(kFamiliarity, 0, 1, kDefaultTermFamiliarity));
      term.plain = SplitBars(row.field(kPlain));
      term.definition = row.field(kDefinition);
      term.source = row.field(kSource);
      WrittenKeys keys;
      term.tokens = WrittenTermTokens(term.term, &keys);
      if (term.tokens.empty()) row.Fail("field 'term' holds no word");
      filer.Push(std::move(term), keys);
    });
  } catch (const LexiconError&) {
    filer.Flush();  // the rows before the bad one, as filing each at once would have
    throw;
  }
  filer.Flush();
}

void LoadMedicines(Lexicon::Index& index, std::string_view contents, std::string_view file) {
  enum { kName, kClass };
  static const std::vector<TsvColumn> columns = {{"name", true}, {"class", false}};
  const size_t rows = MaxRows(contents);
  ReserveMore(index.terms, rows);
  index.words.reserve(index.words.size() + 2 * rows);
  TermFiler filer(index, rows);
  try {
    ForEachTsvRow(contents, file, columns, [&](const TsvRow& row) {
      Term term;
      term.term = row.field(kName);
      if (term.term.empty()) row.Fail("field 'name' is empty");
      term.category = "medicine";
      term.familiarity = 1;  // a patient knows the name of their medicine
      term.definition = row.field(kClass);
      term.source = "drugcentral";
      WrittenKeys keys;
      term.tokens = WrittenTermTokens(term.term, &keys);
      if (term.tokens.empty()) row.Fail("field 'term' holds no word");
      filer.Push(std::move(term), keys);
      ++index.medicines;
    });
  } catch (const LexiconError&) {
    filer.Flush();
    throw;
  }
  filer.Flush();
}

void LoadAbbreviations(Lexicon::Index& index, std::string_view contents,
                       std::string_view file) {
  enum { kAbbreviation, kExpansions, kPlain, kCase, kFamiliarity, kSource };
  static const std::vector<TsvColumn> columns = {
      {"abbreviation", true}, {"expansions", false},  {"plain", false},
      {"case", false},        {"familiarity", false}, {"source", false}};
  const size_t rows = MaxRows(contents);
  ReserveMore(index.abbreviations, rows);
  index.words.reserve(index.words.size() + rows);
  ForEachTsvRow(contents, file, columns, [&](const TsvRow& row) {
    Abbreviation entry;
    entry.written = row.field(kAbbreviation);
    std::string key = AbbreviationKey(entry.written);
    if (key.empty()) row.Fail("field 'abbreviation' is empty");
    entry.expansions = SplitBars(row.field(kExpansions));
    entry.plain = SplitBars(row.field(kPlain));
    if (entry.expansions.empty() && entry.plain.empty()) {
      row.Fail("abbreviation '" + std::string(entry.written) +
               "' needs an 'expansions' or a 'plain' field");
    }
    std::string_view case_rule = row.field(kCase);
    if (case_rule == "exact") {
      entry.exact_case = true;
    } else if (!case_rule.empty() && case_rule != "any") {
      row.Fail("field 'case' must be 'exact' or 'any', got '" + std::string(case_rule) + "'");
    }
    entry.familiarity = static_cast<float>(
        row.number(kFamiliarity, 0, 1, kDefaultAbbreviationFamiliarity));
    entry.source = row.field(kSource);
    WordEntry& word = FindOrAddKey(index, key, entry.written);
    if (word.abbreviation >= 0) {
      index.abbreviations[word.abbreviation] = std::move(entry);
    } else {
      word.abbreviation = static_cast<int32_t>(index.abbreviations.size());
      index.abbreviations.push_back(std::move(entry));
    }
  });
}

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
  auto longest_first = [](const Affix& a, const Affix& b) { return a.affix.size() > b.affix.size(); };
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

std::shared_ptr<Lexicon> BuildDefault() {
  auto lexicon = std::make_shared<Lexicon>();
  for (const EmbeddedTable& table : EmbeddedTables()) {
    lexicon->Load(table.kind, table.contents, table.file_name);
  }
  return lexicon;
}

}  // namespace

std::string AbbreviationKey(std::string_view text) {
  std::string key = FoldCase(text);
  key.erase(std::remove(key.begin(), key.end(), '.'), key.end());
  return key;
}

std::vector<std::string> TermTokens(std::string_view folded_term) {
  std::vector<std::string> tokens;
  bool simple = std::all_of(folded_term.begin(), folded_term.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ';
  });
  if (simple) {  // most terms: words and spaces, split as ICU would
    size_t count = 0;
    for (size_t i = 0; i < folded_term.size(); ++i) {
      count += folded_term[i] != ' ' && (i == 0 || folded_term[i - 1] == ' ');
    }
    tokens.reserve(count);
    size_t begin = 0;
    while (begin < folded_term.size()) {
      size_t space = folded_term.find(' ', begin);
      if (space == std::string_view::npos) space = folded_term.size();
      if (space > begin) tokens.emplace_back(folded_term.substr(begin, space - begin));
      begin = space + 1;
    }
    return tokens;
  }
  std::vector<Token> pieces;
  std::string folded;
  Tokenize(folded_term, SentenceSpan{0, folded_term.size()}, &pieces, &folded);
  for (const Token& piece : pieces) tokens.emplace_back(piece.folded);
  return tokens;
}

Lexicon::Lexicon() : index_(std::make_unique<Index>()) {}
Lexicon::~Lexicon() = default;

void Lexicon::Load(TableKind kind, std::string_view contents, std::string_view file_name) {
  // The index keeps views into the table text, so it keeps a copy of the
  // text, unless that is an embedded table: those outlive every index.
  const bool embedded = IsEmbedded(contents);
  std::string_view text = embedded ? contents : index_->blobs.emplace_back(contents);
  if (embedded && index_->terms.empty() && index_->words.size() == 0) {
    ReserveForEmbeddedTables(*index_);
  }
  switch (kind) {
    case TableKind::kTerms: LoadTerms(*index_, text, file_name); break;
    case TableKind::kAbbreviations: LoadAbbreviations(*index_, text, file_name); break;
    case TableKind::kMedicines: LoadMedicines(*index_, text, file_name); break;
    case TableKind::kWords: LoadWords(*index_, text, file_name); break;
    case TableKind::kAffixes: LoadAffixes(*index_, text, file_name); break;
    case TableKind::kAllow: LoadAllow(*index_, text, file_name); break;
  }
  // What each word's stems lead to depends on the whole table: made again
  // after a table that adds terms (which stems may now lead to) or
  // frequencies (which words are marked), and for the default lexicon only
  // after words.tsv, the last embedded table of those (EmbeddedTables; a
  // test checks the result against a fresh pass). Abbreviations and
  // allow-lists change neither, and an overlay of them costs no pass.
  const bool changes_marks =
      kind == TableKind::kTerms || kind == TableKind::kMedicines || kind == TableKind::kWords;
  if (changes_marks && (!embedded || kind == TableKind::kWords)) {
    MarkStemsThatStartTerms(index_.get());
  }
}

std::shared_ptr<const Lexicon> Lexicon::Default() {
  // Deliberately never destroyed: freeing a quarter of a million entries at
  // exit would cost a short-lived command such as `plainlang check` more
  // time than its whole analysis, and the operating system reclaims the
  // memory anyway. Still reachable through this reference, so leak checkers
  // do not report it.
  static const std::shared_ptr<const Lexicon>& lexicon =
      *new std::shared_ptr<const Lexicon>(BuildDefault());
  return lexicon;
}

std::shared_ptr<const Lexicon> Lexicon::DefaultWithOverlays(
    const std::vector<std::pair<TableKind, std::string>>& files) {
  std::shared_ptr<Lexicon> lexicon = BuildDefault();
  for (const auto& [kind, path] : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LexiconError(path, 0, "cannot open the file");
    std::ostringstream contents;
    contents << in.rdbuf();
    lexicon->Load(kind, contents.str(), path);
  }
  return lexicon;
}

Lexicon::Sizes Lexicon::sizes() const {
  Sizes sizes;
  sizes.terms = index_->terms.size() - index_->medicines;
  sizes.medicines = index_->medicines;
  sizes.abbreviations = index_->abbreviations.size();
  sizes.words = index_->words.size();
  sizes.affixes = index_->prefixes.size() + index_->suffixes.size();
  sizes.allowed = index_->allowed;
  return sizes;
}

}  // namespace plainlang
