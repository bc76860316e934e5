#include "plainlang/lexicon.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <sstream>

#include "lexicon/lexicon_index.h"
#include "lexicon/table_loaders.h"
#include "lexicon/tsv_table.h"
#include "text/segmenter.h"
#include "text/word_forms.h"

// The default tables, linked in by embedded_tables.S (see CMakeLists.txt).
extern "C" {
#define PLAINLANG_TABLE(name)                 \
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
       view(plainlang_table_abbreviations, plainlang_table_abbreviations_end), "abbreviations.tsv"},
      {TableKind::kWords, view(plainlang_table_words, plainlang_table_words_end), "words.tsv"},
      {TableKind::kAffixes, view(plainlang_table_affixes, plainlang_table_affixes_end),
       "affixes.tsv"},
  }};
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

// Rarer words keep the answer "maybe": together they are a small share of
// what messages say, and marking all 58,000 inflected words of words.tsv
// costs a lookup, a wait on memory, per stem; the 19,000 this common cost
// little (BM_LoadDefaultLexicon in benchmarks/README.md).
constexpr float kStemsMarkedFromZipf = 2.5f;

// Sets WordEntry::stems_start_terms and stems_file_terms for every entry of
// `index`, once the terms they depend on are all there. The matcher only
// reads the marks.
void MarkStemsThatStartTerms(Lexicon::Index* index) {
  const WordTable& words = index->words;
  index->words.ForEach([&words](WordEntry& entry) {
    // LongestTerm asks only of words that may be inflected.
    if (entry.zipf < kStemsMarkedFromZipf || !MayBeInflected(entry.word)) {
      entry.stems_start_terms = true;
      entry.stems_file_terms = true;
      return;
    }
    const InflectionStems stems(entry.word);
    bool leads = false, files = false;
    for (size_t k = 1; k < stems.size(); ++k) {
      const WordEntry* stem = words.Find(stems[k]);
      if (stem == nullptr) continue;
      leads = leads || stem->starts_terms();
      files = files || !stem->terms.empty();
    }
    entry.stems_start_terms = leads;
    entry.stems_file_terms = files;
  });
}

std::shared_ptr<Lexicon> BuildDefault() {
  auto lexicon = std::make_shared<Lexicon>();
  for (const EmbeddedTable& table : EmbeddedTables()) {
    lexicon->Load(table.kind, table.contents, table.file_name);
  }
  return lexicon;
}

// The longest line an overlay may have: a term with its plain wordings and
// definition fits in far less, and a gigabyte line would cost four.
constexpr size_t kMaxOverlayLine = 64 * 1024;

// What an overlay must be before its rows are read: valid UTF-8 in lines
// ending LF or CR LF (a table saved with lone CRs would read as one line,
// hence no rows, with no error), none longer than kMaxOverlayLine.
void CheckOverlayText(std::string_view text, std::string_view file) {
  int line = 1;
  size_t line_start = 0;
  for (size_t at = 0; at < text.size();) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c == '\n') {
      ++line;
      line_start = ++at;
      continue;
    }
    if (c == '\r' && (at + 1 == text.size() || text[at + 1] != '\n')) {
      throw LexiconError(std::string(file), line,
                         "a line ends in CR alone; save the table with LF line ends");
    }
    if (at - line_start > kMaxOverlayLine) {
      throw LexiconError(std::string(file), line,
                         "the line is over " + std::to_string(kMaxOverlayLine) + " bytes");
    }
    if (c < 0x80) {
      ++at;
      continue;
    }
    UChar32 code = 0;
    int32_t i = 0;
    const int32_t length = static_cast<int32_t>(std::min<size_t>(text.size() - at, 4));
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data() + at), i, length, code);
    if (code < 0) throw LexiconError(std::string(file), line, "the line is not valid UTF-8");
    at += static_cast<size_t>(i);
  }
}

}  // namespace

// The embedded tables never change, so their rows are counted once per
// process.
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
  if (!embedded) CheckOverlayText(contents, file_name);
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

// The largest overlay table read: the default tables together are 16 MB.
constexpr uintmax_t kMaxOverlayBytes = uintmax_t{256} << 20;

std::shared_ptr<const Lexicon> Lexicon::DefaultWithOverlays(
    const std::vector<std::pair<TableKind, std::string>>& files) {
  std::shared_ptr<Lexicon> lexicon = BuildDefault();
  for (const auto& [kind, path] : files) {
    // A table is a regular file of bounded size: /dev/zero or a FIFO named
    // by mistake must not read until memory runs out or wait forever.
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
      throw LexiconError(
          path, 0,
          std::filesystem::exists(path, error) ? "not a regular file" : "cannot open the file");
    }
    const uintmax_t size = std::filesystem::file_size(path, error);
    if (!error && size > kMaxOverlayBytes) {
      throw LexiconError(path, 0,
                         "the table is " + std::to_string(size) + " bytes, over the limit of " +
                             std::to_string(kMaxOverlayBytes));
    }
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
