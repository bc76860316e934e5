#include "plainlang/lexicon.h"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>

#include "lexicon/lexicon_index.h"
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

std::string_view Embedded(const char* begin, const char* end) {
  return std::string_view(begin, static_cast<size_t>(end - begin));
}

// Overlay terms written without a familiarity are taken to be jargon.
constexpr double kDefaultTermFamiliarity = 0.2;
constexpr double kDefaultAbbreviationFamiliarity = 0.2;

// Terms of one word are filed under it; longer terms under their first two
// words, so that a common first word ("blood") does not make the matcher
// try every term it starts.
void AddTerm(Lexicon::Index& index, Term term, const TsvRow* row) {
  if (term.tokens.empty()) {
    if (row != nullptr) row->Fail("field 'term' holds no word");
    return;
  }
  WordEntry* key = &index.words.FindOrAdd(term.tokens.front(), /*stable=*/false);
  if (term.tokens.size() > 1) {
    key->starts_longer_terms = true;
    key = &index.words.FindOrAdd(TermPairKey(term.tokens[0], term.tokens[1]), /*stable=*/false);
  }
  for (uint32_t id : key->terms) {
    if (index.terms[id].tokens == term.tokens) {  // a later row replaces an earlier one
      index.terms[id] = std::move(term);
      return;
    }
  }
  key->terms.push_back(static_cast<uint32_t>(index.terms.size()));
  index.longest_term_tokens = std::max(index.longest_term_tokens, term.tokens.size());
  index.terms.push_back(std::move(term));
}

void LoadTerms(Lexicon::Index& index, std::string_view contents, std::string_view file) {
  enum { kTerm, kCategory, kFamiliarity, kPlain, kDefinition, kSource };
  static const std::vector<TsvColumn> columns = {
      {"term", true},  {"category", false},   {"familiarity", false},
      {"plain", false}, {"definition", false}, {"source", false}};
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
    term.tokens = TermTokens(FoldCase(term.term));
    AddTerm(index, std::move(term), &row);
  });
}

void LoadMedicines(Lexicon::Index& index, std::string_view contents, std::string_view file) {
  enum { kName, kClass };
  static const std::vector<TsvColumn> columns = {{"name", true}, {"class", false}};
  ForEachTsvRow(contents, file, columns, [&](const TsvRow& row) {
    Term term;
    term.term = row.field(kName);
    if (term.term.empty()) row.Fail("field 'name' is empty");
    term.category = "medicine";
    term.familiarity = 1;  // a patient knows the name of their medicine
    term.definition = row.field(kClass);
    term.source = "drugcentral";
    term.tokens = TermTokens(FoldCase(term.term));
    AddTerm(index, std::move(term), &row);
    ++index.medicines;
  });
}

void LoadAbbreviations(Lexicon::Index& index, std::string_view contents,
                       std::string_view file) {
  enum { kAbbreviation, kExpansions, kPlain, kCase, kFamiliarity, kSource };
  static const std::vector<TsvColumn> columns = {
      {"abbreviation", true}, {"expansions", false},  {"plain", false},
      {"case", false},        {"familiarity", false}, {"source", false}};
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
    WordEntry& word = index.words.FindOrAdd(key, /*stable=*/false);
    if (word.abbreviation >= 0) {
      index.abbreviations[word.abbreviation] = std::move(entry);
    } else {
      word.abbreviation = static_cast<int32_t>(index.abbreviations.size());
      index.abbreviations.push_back(std::move(entry));
    }
  });
}

void LoadWords(Lexicon::Index& index, std::string_view contents, std::string_view file) {
  enum { kWord, kZipf, kSyllables };
  static const std::vector<TsvColumn> columns = {
      {"word", true}, {"zipf", false}, {"syllables", false}};
  index.words.reserve(index.words.size() + contents.size() / 14);
  ForEachTsvRow(contents, file, columns, [&](const TsvRow& row) {
    std::string_view word = row.field(kWord);
    if (word.empty()) row.Fail("field 'word' is empty");
    // The generator writes folded words; fold anything else once, here.
    std::string folded = FoldCase(word);
    WordEntry& entry = folded == word ? index.words.FindOrAdd(word, /*stable=*/true)
                                      : index.words.FindOrAdd(folded, /*stable=*/false);
    entry.zipf = static_cast<float>(row.number(kZipf, 0, 8, 0));
    entry.syllables = static_cast<int8_t>(row.number(kSyllables, 0, 30, -1));
  });
}

void LoadAffixes(Lexicon::Index& index, std::string_view contents, std::string_view file) {
  enum { kAffix, kPosition, kMeaning };
  static const std::vector<TsvColumn> columns = {
      {"affix", true}, {"position", true}, {"meaning", false}};
  ForEachTsvRow(contents, file, columns, [&](const TsvRow& row) {
    std::string affix = FoldCase(row.field(kAffix));
    affix.erase(std::remove(affix.begin(), affix.end(), '-'), affix.end());
    if (affix.empty()) row.Fail("field 'affix' is empty");
    std::string_view position = row.field(kPosition);
    Affix entry{std::move(affix), row.field(kMeaning)};
    if (position == "prefix") {
      index.prefixes.push_back(std::move(entry));
    } else if (position == "suffix") {
      index.suffixes.push_back(std::move(entry));
    } else if (position != "root") {
      row.Fail("field 'position' must be 'prefix', 'suffix' or 'root', got '" +
               std::string(position) + "'");
    }
  });
  // The longest affix that fits a word explains it best ("-ectomy" before "-tomy").
  auto longest_first = [](const Affix& a, const Affix& b) { return a.affix.size() > b.affix.size(); };
  std::stable_sort(index.prefixes.begin(), index.prefixes.end(), longest_first);
  std::stable_sort(index.suffixes.begin(), index.suffixes.end(), longest_first);
}

void LoadAllow(Lexicon::Index& index, std::string_view contents, std::string_view file) {
  static const std::vector<TsvColumn> columns = {{"word", true}};
  ForEachTsvRow(contents, file, columns, [&](const TsvRow& row) {
    std::string word = FoldCase(row.field(0));
    if (word.empty()) row.Fail("field 'word' is empty");
    WordEntry& entry = index.words.FindOrAdd(word, /*stable=*/false);
    if (!entry.allowed) ++index.allowed;
    entry.allowed = true;
  });
}

std::shared_ptr<Lexicon> BuildDefault() {
  auto lexicon = std::make_shared<Lexicon>();
  lexicon->Load(TableKind::kTerms,
                Embedded(plainlang_table_terms, plainlang_table_terms_end), "terms.tsv");
  lexicon->Load(TableKind::kMedicines,
                Embedded(plainlang_table_medicines, plainlang_table_medicines_end),
                "medicines.tsv");
  lexicon->Load(TableKind::kAbbreviations,
                Embedded(plainlang_table_abbreviations, plainlang_table_abbreviations_end),
                "abbreviations.tsv");
  lexicon->Load(TableKind::kWords,
                Embedded(plainlang_table_words, plainlang_table_words_end), "words.tsv");
  lexicon->Load(TableKind::kAffixes,
                Embedded(plainlang_table_affixes, plainlang_table_affixes_end), "affixes.tsv");
  return lexicon;
}

}  // namespace

std::string TermPairKey(std::string_view first, std::string_view second) {
  std::string key;
  key.reserve(first.size() + 1 + second.size());
  key.append(first).append(1, ' ').append(second);
  return key;
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
  Tokenize(folded_term, SentenceSpan{0, folded_term.size()}, &pieces);
  for (Token& piece : pieces) tokens.push_back(std::move(piece.folded));
  return tokens;
}

Lexicon::Lexicon() : index_(std::make_unique<Index>()) {}
Lexicon::~Lexicon() = default;

void Lexicon::Load(TableKind kind, std::string_view contents, std::string_view file_name) {
  // The index keeps views into the table text, so it keeps the text.
  std::string_view text = index_->blobs.emplace_back(contents);
  switch (kind) {
    case TableKind::kTerms: LoadTerms(*index_, text, file_name); break;
    case TableKind::kAbbreviations: LoadAbbreviations(*index_, text, file_name); break;
    case TableKind::kMedicines: LoadMedicines(*index_, text, file_name); break;
    case TableKind::kWords: LoadWords(*index_, text, file_name); break;
    case TableKind::kAffixes: LoadAffixes(*index_, text, file_name); break;
    case TableKind::kAllow: LoadAllow(*index_, text, file_name); break;
  }
}

std::shared_ptr<const Lexicon> Lexicon::Default() {
  static const std::shared_ptr<const Lexicon> lexicon = BuildDefault();
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
