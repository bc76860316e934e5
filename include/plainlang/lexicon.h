// The vocabulary the analyser knows: medical terms with familiarity and plain
// alternatives, clinical abbreviations, medicine names, everyday word
// frequencies with syllable counts, and medical affixes.
//
// Tables are tab-separated text with a header row naming the columns; the
// formats are documented in data/README.md. The default tables are compiled
// into the library, so Lexicon::Default() needs no file, path or network.
#ifndef PLAINLANG_LEXICON_H_
#define PLAINLANG_LEXICON_H_

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace plainlang {

// Thrown when a table cannot be loaded. The message reads
// "<file>:<line>: <reason>"; the parts are available separately.
class LexiconError : public std::runtime_error {
 public:
  LexiconError(std::string file, int line, std::string reason);
  const std::string& file() const { return file_; }
  int line() const { return line_; }  // 1-based; 0 when not about one line
  const std::string& reason() const { return reason_; }

 private:
  std::string file_;
  int line_;
  std::string reason_;
};

// The kinds of table a Lexicon is built from.
enum class TableKind {
  kTerms,          // term, category, familiarity, plain, definition, source
  kAbbreviations,  // abbreviation, expansions, plain, case, familiarity, source
  kMedicines,      // name, class
  kWords,          // word, zipf, syllables
  kAffixes,        // affix, position, meaning, example
  kAllow,          // plain text, one word per line: words this audience
                   // knows, never flagged
};

// Immutable once built; a const Lexicon is safe for concurrent use by
// multiple threads.
class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  // Copying would duplicate megabytes of tables; share a
  // std::shared_ptr<const Lexicon> instead.
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The tables embedded in the library, parsed on first use and shared.
  static std::shared_ptr<const Lexicon> Default();

  // A new lexicon holding the default tables plus the given overlays, each a
  // (kind, file path) pair read from disk. Later rows win over earlier ones
  // for the same key. Throws LexiconError naming file, line and field.
  static std::shared_ptr<const Lexicon> DefaultWithOverlays(
      const std::vector<std::pair<TableKind, std::string>>& files);

  // Adds the rows of one table held in memory; `file_name` is used in
  // errors only. Throws LexiconError. Not for use once shared.
  void Load(TableKind kind, std::string_view contents, std::string_view file_name);

  // Row counts of each table, for /v1/lexicon/info and tests.
  struct Sizes {
    size_t terms = 0, abbreviations = 0, medicines = 0, words = 0, affixes = 0, allowed = 0;
  };
  Sizes sizes() const;

  // Internal index used by the analyser.
  struct Index;
  const Index& index() const { return *index_; }

 private:
  std::unique_ptr<Index> index_;
};

}  // namespace plainlang

#endif  // PLAINLANG_LEXICON_H_
