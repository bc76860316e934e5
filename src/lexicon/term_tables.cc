#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "lexicon/table_loaders.h"
#include "lexicon/tsv_table.h"
#include "text/segmenter.h"

namespace plainlang {
namespace {

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
      next.pair_key =
          written_keys.pair.empty() ? PairKeyIn(written, tokens[0], tokens[1]) : written_keys.pair;
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
        do ++p;
        while (p != end && byte_at(p) == TermByte::kWord);
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

// data/README.md defines each.
constexpr std::array<std::string_view, 11> kTermCategories = {
    "condition",      "symptom",  "procedure", "test",    "anatomy", "named",
    "medicine_class", "research", "register",  "general", "other"};

std::string CategoryList() {
  std::string list;
  for (std::string_view category : kTermCategories) {
    if (!list.empty()) list += category == kTermCategories.back() ? " or " : ", ";
    list += category;
  }
  return list;
}

}  // namespace

void LoadTerms(Lexicon::Index& index, std::string_view contents, std::string_view file) {
  enum { kTerm, kCategory, kFamiliarity, kPlain, kDefinition, kSource };
  static const std::vector<TsvColumn> columns = {{"term", true},         {"category", true},
                                                 {"familiarity", false}, {"plain", false},
                                                 {"definition", false},  {"source", false}};
  const size_t rows = MaxRows(contents);
  ReserveMore(index.terms, rows);
  index.words.reserve(index.words.size() + 2 * rows);  // a first word and a pair per term
  TermFiler filer(index, rows);
  try {
    ForEachTsvRow(contents, file, columns, [&](const TsvRow& row) {
      Term term;
      term.term = row.field(kTerm);
      if (term.term.empty()) row.Fail("field 'term' is empty");
      // A term of punctuation alone would match no word, or every dash.
      if (std::none_of(term.term.begin(), term.term.end(), [](char c) {
            return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
                   static_cast<unsigned char>(c) >= 0x80;
          })) {
        row.Fail("field 'term' holds no letter or digit");
      }
      term.category = row.field(kCategory);
      // The category decides how a term is judged (a medical term, or an
      // everyday word judged by its frequency), so a guess is worse than a
      // refusal.
      if (std::find(kTermCategories.begin(), kTermCategories.end(), term.category) ==
          kTermCategories.end()) {
        row.Fail("field 'category' must be one of " + CategoryList() + ", got '" +
                 std::string(term.category) + "'");
      }
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

void LoadAbbreviations(Lexicon::Index& index, std::string_view contents, std::string_view file) {
  enum { kAbbreviation, kExpansions, kPlain, kCase, kFamiliarity, kSource };
  static const std::vector<TsvColumn> columns = {{"abbreviation", true}, {"expansions", false},
                                                 {"plain", false},       {"case", false},
                                                 {"familiarity", false}, {"source", false}};
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
    entry.familiarity =
        static_cast<float>(row.number(kFamiliarity, 0, 1, kDefaultAbbreviationFamiliarity));
    entry.source = row.field(kSource);
    WordEntry& word = FindOrAddKey(index, key, entry.written);
    if (word.abbreviation >= 0) {
      index.abbreviations[word.abbreviation] = std::move(entry);
    } else {
      word.abbreviation = static_cast<int32_t>(index.abbreviations.size());
      index.abbreviations.push_back(std::move(entry));
    }
    // The flag goes on the first token the segmenter will see ("p" of "P/C
    // ratio", "q4" of "q4-6 hrs"), which is what the matcher looks up.
    if (key.find(' ') != std::string::npos) {
      const std::vector<std::string> tokens = TermTokens(key);
      if (!tokens.empty()) {
        index.words.FindOrAdd(tokens.front(), /*stable=*/false).starts_spaced_abbreviation = true;
      }
    }
  });
}

}  // namespace plainlang
