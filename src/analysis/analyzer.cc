#include "plainlang/analyzer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <memory>
#include <limits>
#include <string>
#include <new>
#include <set>
#include <span>

#include "analysis/notation.h"
#include "lexicon/byte_arena.h"
#include "lexicon/lexicon_index.h"
#include "lexicon/matcher.h"
#include "text/segmenter.h"
#include "text/syllables.h"
#include "text/utf8_text.h"

namespace plainlang {
namespace {

// How well a patient knows a word, from its everyday frequency: Zipf 2.5 or
// rarer -> 0, Zipf 4.5 or commoner -> 1, linear between. The lexicon
// generator uses the same rule (data/README.md).
double ZipfFamiliarity(double zipf) { return std::clamp((zipf - 2.5) / 2.0, 0.0, 1.0); }

// Unknown words rarer than this, built on a medical affix, are jargon.
constexpr double kAffixJargonZipf = 3.0;
// Affixes shorter than these are too ambiguous to judge a word by.
constexpr size_t kMinSuffix = 3, kMinPrefix = 4;
// What is left of a word beside its affix must be at least this long.
constexpr size_t kMinStem = 3;

// Small words that may sit inside an expanded abbreviation without adding
// a letter: "Department OF Health".
constexpr std::array<std::string_view, 9> kLinkWords = {"of",  "and", "the", "in", "for",
                                                         "to",  "with", "on", "a"};

bool IsLinkWord(std::string_view word) {
  return std::find(kLinkWords.begin(), kLinkWords.end(), word) != kLinkWords.end();
}

// Term categories that are not medical: rare ones are complex words.
bool IsGeneralCategory(std::string_view category) {
  return category == "general" || category.empty();
}

// Two byte tests, which inline, rather than a substr that may throw: this
// runs for every word.
std::string_view StripPossessive(std::string_view folded) {
  const size_t n = folded.size();
  if (n > 2 && folded[n - 2] == '\'' && folded[n - 1] == 's') folded.remove_suffix(2);
  return folded;
}

// The medical affix `word` is built on, or nullptr.
const Affix* MedicalAffix(const Lexicon::Index& index, std::string_view word) {
  if (word.empty()) return nullptr;
  for (const Affix* suffix : index.suffixes_by_last[static_cast<unsigned char>(word.back())]) {
    if (suffix->affix.size() >= kMinSuffix && word.size() >= suffix->affix.size() + kMinStem &&
        word.substr(word.size() - suffix->affix.size()) == suffix->affix) {
      return suffix;
    }
  }
  for (const Affix* prefix : index.prefixes_by_first[static_cast<unsigned char>(word.front())]) {
    if (prefix->affix.size() >= kMinPrefix && word.size() >= prefix->affix.size() + kMinStem &&
        word.substr(0, prefix->affix.size()) == prefix->affix) {
      return prefix;
    }
  }
  return nullptr;
}

// Whether a word is written like an acronym: two or more capitals making at
// least half its letters ("TCHP", "LMICs", "HbA1c"), and not a Roman numeral.
bool LooksLikeAcronym(std::string_view written, const Token& token) {
  if (token.letters < 2 || !token.capitalized) return false;
  size_t capitals = 0, numeral_letters = 0;
  for (char c : written) {
    if (c >= 'A' && c <= 'Z') ++capitals;
    switch (c) {
      case 'I': case 'V': case 'X': case 'L': case 'C': case 'D': case 'M':
        ++numeral_letters;
    }
  }
  if (numeral_letters == token.letters && token.letters <= 4) return false;  // II, XIV
  return capitals >= 2 && 2 * capitals >= token.letters;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The Schwartz & Hearst (2003) test of a definition: the long form's
// letters account for every letter and digit of the short form, in order,
// the short form's first at the start of a word; and the long form has at
// most min(|SF| + 5, 2 |SF|) words. "complete blood count" accounts for
// CBC, "hemoglobin A1c" for HbA1c; "blood thinner" does not for BID.
bool AccountsFor(std::string_view long_form, std::string_view short_form) {
  // A plural "LMICs" is spelled out by "... countries", without an "s".
  if (short_form.size() > 2 && short_form.back() == 's' &&
      short_form[short_form.size() - 2] >= 'A' && short_form[short_form.size() - 2] <= 'Z') {
    short_form.remove_suffix(1);
  }
  size_t letters = 0;
  for (char c : short_form) letters += IsAsciiAlnum(c);
  if (letters < 2) return false;
  size_t words = 0;
  for (size_t k = 0; k < long_form.size(); ++k) {
    words += IsAsciiAlnum(long_form[k]) && (k == 0 || !IsAsciiAlnum(long_form[k - 1]));
  }
  if (words == 0 || words > std::min(letters + 5, 2 * letters)) return false;
  // Walks both back from their ends; `l` is how much of the long form is
  // still unread.
  size_t first_letter = 0;
  while (!IsAsciiAlnum(short_form[first_letter])) ++first_letter;
  size_t l = long_form.size();
  for (size_t s = short_form.size(); s-- > 0;) {
    const char c = LowerAscii(short_form[s]);
    if (!IsAsciiAlnum(c)) continue;
    const bool first = s == first_letter;
    bool found = false;
    while (l > 0 && !found) {
      --l;
      const bool at_word_start = l == 0 || !IsAsciiAlnum(long_form[l - 1]);
      found = LowerAscii(long_form[l]) == c && (!first || at_word_start);
    }
    if (!found) return false;
  }
  return true;
}

// Whether a gloss says what one of an abbreviation's senses says: it holds
// a plain wording or expansion, or shares a word of four or more letters
// with one ("PO (by mouth)", "BID (twice daily)").
bool GlossMatches(std::string_view gloss, std::span<const std::string_view> senses) {
  const std::string folded = FoldCase(gloss);
  for (std::string_view sense : senses) {
    const std::string wording = FoldCase(sense);
    if (wording.size() >= 4 && folded.find(wording) != std::string::npos) return true;
    for (size_t k = 0; k < wording.size();) {
      while (k < wording.size() && !IsAsciiAlnum(wording[k])) ++k;
      size_t end = k;
      while (end < wording.size() && IsAsciiAlnum(wording[end])) ++end;
      if (end - k >= 4 && !IsLinkWord(std::string_view(wording).substr(k, end - k))) {
        const std::string_view word = std::string_view(wording).substr(k, end - k);
        for (size_t at = folded.find(word); at != std::string::npos;
             at = folded.find(word, at + 1)) {
          const bool starts = at == 0 || !IsAsciiAlnum(folded[at - 1]);
          if (starts) return true;
        }
      }
      k = end;
    }
  }
  return false;
}

// Whether the words before tokens[open] ("complete blood count (") define
// the abbreviation: by the Schwartz & Hearst test, or by reading as one of
// its listed expansions.
bool DefinedBefore(std::string_view text, const std::vector<Token>& tokens, size_t open,
                   std::string_view written, std::span<const std::string_view> expansions) {
  // The long form's words, back from the parenthesis over hyphens and slashes.
  size_t first = open, words = 0;
  while (first > 0 && words < 16) {
    const Token& token = tokens[first - 1];
    if (!token.is_word() && token.folded != "-" && token.folded != "/" && token.folded != "'") break;
    words += token.is_word();
    --first;
  }
  if (first < open) {
    // Try the shortest long form first, growing word by word.
    for (size_t k = open; k-- > first;) {
      if (!tokens[k].is_word()) continue;
      const std::string_view long_form =
          text.substr(tokens[k].start, tokens[open - 1].end - tokens[k].start);
      if (AccountsFor(long_form, written)) return true;
    }
  }
  for (std::string_view expansion : expansions) {
    std::string folded = FoldCase(expansion);
    std::string before;
    for (size_t k = open; k-- > 0;) {
      before = before.empty() ? std::string(tokens[k].folded)
                              : std::string(tokens[k].folded) + " " + before;
      if (before.size() >= folded.size()) break;
    }
    if (before == folded) return true;
  }
  return false;
}

// How many different values `values` holds; sorts it.
template <typename T>
size_t DistinctCount(std::vector<T>& values) {
  std::sort(values.begin(), values.end());
  return static_cast<size_t>(std::unique(values.begin(), values.end()) - values.begin());
}

// Word endings of the USAN stems that name a medicine's class ("-gliflozin",
// "-mab", "-sartan"; facts from the USAN Council's list of stems): a rare
// word built on one is a medicine name the table lacks, and medicine names
// are not jargon.
constexpr std::string_view kMedicineStems[] = {
    // A stem that ends another ("mab" ends "zumab") makes the longer one
    // needless: the shorter asks for fewer letters before it.
    "mab",      "nib",      "ciclib",  "parib",    "zomib",     "gliflozin", "gliptin",
    "glutide",  "glinide",  "glitazone", "formin", "pril",      "sartan",    "olol",
    "alol",     "dipine",   "statin",  "azole",    "cillin",    "mycin",     "micin",
    "oxacin",   "cycline",  "prazole", "tidine",   "semide",    "thiazide",  "parin",
    "xaban",    "gatran",   "lukast",  "terol",    "sonide",    "olone",     "asone",
    "caine",    "vir",      "cept",    "triptan",  "setron",    "azepam",    "zolam",
    "oxetine",  "pramine",  "triptyline", "peridone", "apine",  "afil",      "dronate",
    "tropium",  "profen",   "coxib",   "fenac",    "grel",      "plase",     "kinra",
    "platin",   "taxel",    "rubicin", "trexate",  "fungin",    "tadine",    "clone",
    "barbital", "pidem",    "lamide",  "tretin",   "zosin",     "nacin",     "quine",
    "tril",     "dopa",     "succinate", "tartrate", "maleate", "mesylate",  "besylate",
    "fumarate", "tropine",  "ispro",   "anoate"};

bool HasMedicineStem(std::string_view word) {
  // The stems by their last letter: a term's word is checked against the
  // few that could end it, not all eighty.
  static const std::array<std::vector<std::string_view>, 256> by_last = [] {
    std::array<std::vector<std::string_view>, 256> stems;
    for (std::string_view stem : kMedicineStems) {
      stems[static_cast<unsigned char>(stem.back())].push_back(stem);
    }
    return stems;
  }();
  if (word.empty()) return false;
  for (std::string_view stem : by_last[static_cast<unsigned char>(word.back())]) {
    if (word.size() >= stem.size() + 3 && word.ends_with(stem)) return true;
  }
  return false;
}

// Whether a sentence is one to six words, each capitalised: a clinic's or
// department's name on a signature line, or a heading.
bool IsTitleCaseLine(const std::vector<Token>& tokens) {
  size_t words = 0;
  for (const Token& token : tokens) {
    if (!token.is_word() || token.letters == 0) continue;
    if (!token.capitalized || ++words > 6) return false;
  }
  return words > 0;
}

// What the findings of one report view besides the lexicon's own text.
struct FindingStorage {
  std::shared_ptr<const Lexicon> lexicon;
  std::string input;  // a copy of the message: findings' text
  // Words made for findings ("23 words", a folded word): a few short ones a
  // report, so small blocks.
  ByteArena made{256};
  std::string_view Keep(std::string_view word) { return made.Copy(word); }
};

// A known abbreviation that is still shorthand to write out: an acronym
// (capitals only, two or more) below the familiarity of units and everyday
// abbreviations (TV, OK, a.m.: 0.95), or any other below 0.75, under units
// of measure (mg, mL, kg: 0.80): note shorthand for ordinary words (tab,
// wk, Rx).
bool IsKnownShorthand(const Abbreviation& entry) {
  if (entry.familiarity >= 0.95f) return false;
  if (entry.familiarity < 0.75f) return true;
  size_t capitals = 0;
  for (char c : entry.written) {
    if (c >= 'a' && c <= 'z') return false;
    capitals += c >= 'A' && c <= 'Z';
  }
  return capitals >= 2;
}

constexpr std::string_view kKnownShorthandAdvice =
    "a well-known abbreviation; spell it out the first time you use it";

// The alternatives a statistics finding offers.
constexpr std::string_view kStatisticsAlternatives[] = {
    "say in words what the result means for the reader",
    "for example: 3 in 10 people who took it felt better"};

// The working vectors of the sentence being analysed. Each thread keeps one
// set from message to message: grown afresh for every message they cost a
// dozen allocations a message, and fresh pages to fault in.
struct SentenceScratch {
  std::vector<Token> tokens;
  std::string folded;                     // what the tokens' folded forms view
  TokenLookups lookups;
  std::vector<LexiconMatch> matches;
  std::vector<Span> windows;  // where notation may be (NotationWindows)
  std::vector<NotationMatch> notation;  // what stands there (FindNotation)

  // After a message: a huge sentence's buffers are not kept for the next
  // (a line of a million characters may hold few tokens).
  void Trim() {
    constexpr size_t kKeptTokens = size_t{1} << 14, kKeptBytes = size_t{1} << 20;
    if (tokens.capacity() > kKeptTokens || folded.capacity() > kKeptBytes) {
      *this = SentenceScratch();
    }
  }
};

SentenceScratch& ThreadScratch() {
  // On the heap, like the syllable cache: see CachedEstimateSyllables.
  thread_local std::unique_ptr<SentenceScratch> scratch;
  if (!scratch) scratch = std::make_unique<SentenceScratch>();
  return *scratch;
}

struct SentenceFacts {
  Counts counts;
  int64_t jargon_words = 0;
};

class MessageAnalysis {
 public:
  MessageAnalysis(std::shared_ptr<const Lexicon> lexicon, const AnalyzerOptions& options,
                  const Utf8Text& text)
      : index_(lexicon->index()),
        options_(options),
        text_(text),
        text_view_(text.text()),
        storage_(std::make_shared<FindingStorage>()) {
    storage_->lexicon = std::move(lexicon);
  }

  // Also when the analysis ran out of memory: its buffers go first.
  ~MessageAnalysis() { scratch_.Trim(); }

  Report Run();

 private:
  void AnalyzeSentence(SentenceSpan span);
  void AddTermFinding(const LexiconMatch& match, const Term& term, bool sentence_start,
                      SentenceFacts& facts);
  void AddAbbreviationFinding(const LexiconMatch& match, SentenceFacts& facts);
  bool IsCredential(size_t first, size_t end) const;
  // Whether a line break stands between tokens_[a] and the later tokens_[b].
  bool LineBreakBetween(size_t a, size_t b) const {
    return text_view_.substr(tokens_[a].end, tokens_[b].start - tokens_[a].end).find('\n') !=
           std::string_view::npos;
  }
  void AddWordFinding(size_t i, FindingKind kind, std::string_view term, std::string_view distinct,
                      std::string_view definition, double familiarity, double certainty,
                      std::string_view source, SentenceFacts& facts);
  int SenseFromContext(std::span<const std::string_view> senses);
  // Whether a word can get no finding of its own, told without a call:
  // not a word of letters, allowed, or a common lower-case word. Most words
  // of a message are the last. `word` is WordOf(i), `syllables`
  // WordSyllables of it.
  bool PlainlyFamiliar(const Token& token, const WordEntry* word, int syllables) const {
    if (token.kind != TokenKind::kWord || token.digits > 0) return true;
    if (word == nullptr) return false;
    return word->allowed || (!token.capitalized && TooCommonForFinding(word->zipf, syllables));
  }
  // Whether a word this frequent can be neither an affix finding nor a
  // complex word.
  bool TooCommonForFinding(double zipf, int syllables) const {
    return zipf >= kAffixJargonZipf && (zipf >= options_.complex_word_zipf || syllables < 3);
  }
  // The findings of a word PlainlyFamiliar did not pass over.
  void ClassifyWord(size_t i, const WordEntry* word, int syllables, bool sentence_start,
                    SentenceFacts& facts);
  // A rare word the other rules pass over that is jargon by derivation or by
  // not being general English; false when it is neither.
  bool AddRareWordFinding(size_t i, std::string_view base, const WordEntry* word,
                          double familiarity, bool sentence_start, SentenceFacts& facts);
  bool BeforeADose(size_t i) const;
  bool AddLetterFinding(size_t i, SentenceFacts& facts);
  // The entry of tokens_[i], or of its base word for a possessive.
  const WordEntry* WordOf(size_t i) const;
  int SyllablesOf(size_t i) const;
  bool AddAcronymFinding(size_t i, double zipf, SentenceFacts& facts);
  bool ExplainedAfter(size_t end, std::string_view written, const Abbreviation* entry) const;
  // `words` words of jargon known with `familiarity`: in the sentence, the
  // message, and the density's familiarity-weighted sum.
  void CountJargon(int64_t words, double familiarity, SentenceFacts& facts) {
    facts.jargon_words += words;
    report_.jargon.jargon_words += words;
    weighted_jargon_words_ += static_cast<double>(words) * (1 - familiarity);
  }
  void AddNotationFinding(size_t first, size_t end, NotationKind kind, SentenceFacts& facts);
  void CountWord(const Token& token, int syllables, bool sentence_start, Counts& counts);
  Finding& NewFinding(FindingKind kind, size_t first_token, size_t end_token);
  void MapOffsets();

  const Lexicon::Index& index_;
  const AnalyzerOptions& options_;
  const Utf8Text& text_;
  const std::string_view text_view_;  // text_.text(), which is asked for every word
  std::shared_ptr<FindingStorage> storage_;
  std::string_view split_advice_;  // the long-sentence suggestion, made once
  BreakRules word_rules_ = BreakRules::kFast;  // for Tokenize, as SplitSentences found
  Report report_;
  // Of the sentence being analysed (see SentenceScratch).
  SentenceScratch& scratch_ = ThreadScratch();
  std::vector<Token>& tokens_ = scratch_.tokens;
  std::string& folded_ = scratch_.folded;
  std::vector<const WordEntry*>& entries_ = scratch_.lookups.entries;
  std::vector<LexiconMatch>& matches_ = scratch_.matches;
  // Abbreviations the text has explained. Sets: usually empty (no cost),
  // and a message that defines thousands must not take quadratic time.
  std::set<uint32_t> defined_;
  std::set<std::string> defined_acronyms_;  // the same for acronyms no table holds
  bool shouting_ = false;               // the sentence is written in capitals
  bool title_case_line_ = false;        // the sentence is a few capitalised words
  // Distinct jargon flagged: lexicon terms and abbreviations by id, words
  // judged by their affix by the 64-bit hash of their spelling. Vectors
  // sorted once at the end: a std::set cost a heap node per finding.
  std::vector<uint32_t> distinct_terms_, distinct_abbreviations_;
  std::vector<uint64_t> distinct_words_;
  double weighted_jargon_words_ = 0;
  // Hashes of the message's words of 4+ letters, sorted; made when first needed.
  std::vector<uint64_t> message_words_;
};

Finding& MessageAnalysis::NewFinding(FindingKind kind, size_t first_token, size_t end_token) {
  Finding& finding = report_.findings.emplace_back();
  finding.kind = kind;
  finding.start = tokens_[first_token].start;  // text() offsets until MapOffsets
  finding.end = tokens_[end_token - 1].end;
  return finding;
}

// Word tokens in tokens[first, end); with `lexical` only those holding a
// letter, which is what the jargon density counts ("type 4" is one).
size_t CountWords(const std::vector<Token>& tokens, size_t first, size_t end,
                  bool lexical = false) {
  size_t words = 0;
  for (size_t k = first; k < end; ++k) {
    words += tokens[k].is_word() && (!lexical || tokens[k].letters > 0);
  }
  return words;
}

void MessageAnalysis::AddTermFinding(const LexiconMatch& match, const Term& term,
                                     bool sentence_start, SentenceFacts& facts) {
  if (term.category == "medicine" || term.familiarity >= options_.jargon_familiarity) return;
  // A line of capitalised words only is a signature's or a heading's:
  // "Westbrook Dermatology", "Interventional Radiology".
  if (title_case_line_ && term.category != "register") return;
  // A one-word term built on a medicine's USAN stem is a medicine name that
  // a source files as a term ("infliximab").
  if (match.end - match.first == 1 && HasMedicineStem(term.term)) return;
  // Capitalised right after another word, a term is the name of a
  // department or a clinic ("see Dermatology", "the Anticoagulation
  // Clinic"), as a capitalised word is a name to ClassifyWord; after a
  // colon, a dash or a line break it is a heading's or a list's first word.
  const Token& first = tokens_[match.first];
  if (first.capitalized && !first.all_caps && !sentence_start && match.first > 0 &&
      tokens_[match.first - 1].is_word() && !LineBreakBetween(match.first - 1, match.first)) {
    return;
  }
  if (match.end - match.first == 1 && entries_[match.first] != nullptr &&
      entries_[match.first]->allowed) {
    return;
  }
  bool general = IsGeneralCategory(term.category);
  Finding& finding = NewFinding(general ? FindingKind::kComplexWord : FindingKind::kJargon,
                                match.first, match.end);
  finding.term = term.term;
  if (!term.plain.empty()) finding.suggestion = term.plain.front();
  finding.alternatives = term.plain;
  finding.definition = term.definition;
  finding.familiarity = term.familiarity;
  finding.source = term.source;
  finding.severity = general ? 0.5 * (1 - term.familiarity) : 1 - term.familiarity;
  if (!general) {
    size_t words = CountWords(tokens_, match.first, match.end, /*lexical=*/true);
    CountJargon(static_cast<int64_t>(words), term.familiarity, facts);
    distinct_terms_.push_back(match.id);
  }
}

// Whether a parenthesis opening at tokens_[end] defines the abbreviation
// written before it: its words account for the letters ("CBC (complete
// blood count)", Schwartz & Hearst), or it glosses one of the senses of
// `entry`, the abbreviation's row when the table has one ("BID (twice a
// day)"). Any other parenthesis is about something else:
// "Clopidogrel 75 mg PO BID (blood thinner)".
bool MessageAnalysis::ExplainedAfter(size_t end, std::string_view written,
                                     const Abbreviation* entry) const {
  // An explanation is a few words; looking further would make a sentence of
  // "CBC ( CBC ( ..." quadratic.
  constexpr size_t kLongestExplanation = 30;
  if (end + 1 >= tokens_.size() || tokens_[end].folded != "(") return false;
  const size_t limit = std::min(tokens_.size(), end + 1 + kLongestExplanation);
  for (size_t k = end + 1; k < limit; ++k) {
    if (tokens_[k].folded != ")") continue;
    if (CountWords(tokens_, end + 1, k) == 0) return false;
    const std::string_view inside =
        text_view_.substr(tokens_[end + 1].start, tokens_[k - 1].end - tokens_[end + 1].start);
    return AccountsFor(inside, written) ||
           (entry != nullptr &&
            (GlossMatches(inside, entry->plain) || GlossMatches(inside, entry->expansions)));
  }
  return false;
}

// An acronym no table holds ("TCHP", "LMICs"): unexplained, it is as opaque
// as a listed one, and we cannot say what it stands for. Returns false when
// the word is a common one written in capitals ("USA"), left to the caller.
bool MessageAnalysis::AddAcronymFinding(size_t i, double zipf, SentenceFacts& facts) {
  const Token& token = tokens_[i];
  std::string_view written = text_view_.substr(token.start, token.end - token.start);
  const double familiarity = ZipfFamiliarity(zipf);
  if (familiarity >= options_.jargon_familiarity) return false;
  std::string key(written);
  if (key.size() > 2 && key.back() == 's') key.pop_back();  // LMICs is LMIC
  const bool in_parentheses = i > 0 && i + 1 < tokens_.size() &&
                              tokens_[i - 1].folded == "(" && tokens_[i + 1].folded == ")";
  if ((in_parentheses && DefinedBefore(text_view_, tokens_, i - 1, written, {})) ||
      ExplainedAfter(i + 1, written, nullptr)) {
    defined_acronyms_.insert(key);
  }
  if (defined_acronyms_.count(key) || IsCredential(i, i + 1)) return true;

  // Less sure than a listed abbreviation: severity 0.8 of its share.
  AddWordFinding(i, FindingKind::kAbbreviation, written, key,
                 "an abbreviation plainlang does not know; write out what it stands for",
                 familiarity, 0.8, "unlisted", facts);
  return true;
}

// A finding for one word that no table lists, judged by a rule: an
// unlisted acronym, a word on a medical affix, a rare word. `distinct` is
// what counts it once however often it stands; `certainty` scales its
// severity, 1 - familiarity.
void MessageAnalysis::AddWordFinding(size_t i, FindingKind kind, std::string_view term,
                                     std::string_view distinct, std::string_view definition,
                                     double familiarity, double certainty,
                                     std::string_view source, SentenceFacts& facts) {
  Finding& finding = NewFinding(kind, i, i + 1);
  finding.term = storage_->Keep(term);
  finding.definition = definition;
  finding.familiarity = familiarity;
  finding.severity = certainty * (1 - familiarity);
  finding.source = source;
  CountJargon(1, familiarity, facts);
  distinct_words_.push_back(WordTable::Hash(distinct));
}

// "q6h", "95% CI", "ACE inhibitor": one finding and one jargon word however
// many tokens.
void MessageAnalysis::AddNotationFinding(size_t first, size_t end, NotationKind kind,
                                         SentenceFacts& facts) {
  const NotationInfo& info = InfoOf(kind);
  Finding& finding = NewFinding(FindingKind::kJargon, first, end);
  finding.term = info.term;
  const std::string plain = PlainNotation(
      kind, text_view_.substr(finding.start, finding.end - finding.start));
  if (!plain.empty()) {
    finding.suggestion = storage_->Keep(plain);
  } else if (kind == NotationKind::kStatistics) {
    finding.suggestion = kStatisticsAlternatives[0];
    finding.alternatives = kStatisticsAlternatives;
  } else {
    finding.suggestion = info.suggestion;
  }
  finding.definition = info.definition;
  finding.familiarity = 0;
  finding.severity = info.severity;
  finding.source = info.source;
  CountJargon(1, 0, facts);
  distinct_words_.push_back(WordTable::Hash(FoldCase(text_view_.substr(finding.start, finding.end - finding.start))));
}

// The sense of an ambiguous abbreviation that the rest of the message
// supports: at least half of its words of four or more letters (and one at
// least) stand in the message. -1 when no sense or more than one is.
int MessageAnalysis::SenseFromContext(std::span<const std::string_view> senses) {
  if (message_words_.empty()) {
    // The message's words once, as hashes of their folded forms and of
    // their singulars ("androgens" supports "androgen").
    std::string folded(text_view_);
    for (char& c : folded) c = LowerAscii(c);
    for (size_t at = 0; at < folded.size();) {
      while (at < folded.size() && !IsAsciiAlnum(folded[at])) ++at;
      size_t end = at;
      while (end < folded.size() && IsAsciiAlnum(folded[end])) ++end;
      std::string_view word = std::string_view(folded).substr(at, end - at);
      if (word.size() >= 4) {
        message_words_.push_back(WordTable::Hash(word));
        if (word.back() == 's') {
          message_words_.push_back(WordTable::Hash(word.substr(0, word.size() - 1)));
        }
      }
      at = end;
    }
    message_words_.push_back(0);  // not empty once made
    std::sort(message_words_.begin(), message_words_.end());
  }
  int chosen = -1;
  for (size_t k = 0; k < senses.size(); ++k) {
    const std::string sense = FoldCase(senses[k]);
    size_t words = 0, present = 0;
    for (size_t at = 0; at < sense.size();) {
      while (at < sense.size() && !IsAsciiAlnum(sense[at])) ++at;
      size_t end = at;
      while (end < sense.size() && IsAsciiAlnum(sense[end])) ++end;
      const std::string_view word = std::string_view(sense).substr(at, end - at);
      if (word.size() >= 4 && !IsLinkWord(word)) {
        ++words;
        present += std::binary_search(message_words_.begin(), message_words_.end(),
                                      WordTable::Hash(word));
      }
      at = end;
    }
    if (words == 0 || present == 0 || 2 * present < words) continue;
    if (chosen >= 0) return -1;  // two senses fit: the context does not tell
    chosen = static_cast<int>(k);
  }
  return chosen;
}

// Whether tokens_[first, end), an abbreviation, is among the credentials
// after a name: "Dana Ruiz, NP", "Omar Haddad, MD, PhD", "Lee Park, MSN,
// FNP-BC". The list runs from a comma after a capitalised name to the end
// of its line, and holds only words with capitals, hyphens, slashes and
// commas. Signatures are not jargon.
bool MessageAnalysis::IsCredential(size_t first, size_t end) const {
  auto in_list = [this](const Token& token) {
    return token.folded == "," || token.folded == "-" || token.folded == "/" ||
           (token.is_word() && token.capitalized && token.letters == 1 &&
            token.end - token.start == 1) ||  // the C of PA-C
           (token.is_word() && token.capitalized && token.letters >= 2 &&
            token.letters + token.digits == token.end - token.start &&
            std::any_of(text_view_.begin() + static_cast<std::ptrdiff_t>(token.start) + 1,
                        text_view_.begin() + static_cast<std::ptrdiff_t>(token.end),
                        [](char c) { return c >= 'A' && c <= 'Z'; }));
  };
  // A list of credentials is a few tokens long; looking further would make
  // a sentence of "MRI, MRI, MRI, ..." quadratic.
  constexpr size_t kLongestList = 16;
  const size_t lowest = first > kLongestList ? first - kLongestList : 0;
  size_t k = first;
  while (k > lowest && in_list(tokens_[k - 1]) && tokens_[k - 1].folded != "," &&
         !LineBreakBetween(k - 1, k)) {
    --k;
  }
  // Back over earlier credentials of the same list, to the comma after the name.
  while (k >= lowest + 2 && tokens_[k - 1].folded == "," && tokens_[k - 2].folded != "," &&
         in_list(tokens_[k - 2])) {
    k -= 2;
    while (k > lowest && in_list(tokens_[k - 1]) && tokens_[k - 1].folded != ",") --k;
  }
  if (k < 2 || tokens_[k - 1].folded != ",") return false;
  const Token& name = tokens_[k - 2];
  if (!name.is_word() || !name.capitalized || name.all_caps) return false;
  // The list ends the line, or a comma ends it before a clinic's name
  // ("Luis Herrera, RN, Heart Failure Clinic").
  for (size_t j = end; j < tokens_.size(); ++j) {
    if (j >= end + kLongestList) return false;
    if (LineBreakBetween(j - 1, j)) return true;
    if (!in_list(tokens_[j])) return tokens_[j].folded == "." || tokens_[j - 1].folded == ",";
  }
  return true;
}

void MessageAnalysis::AddAbbreviationFinding(const LexiconMatch& match, SentenceFacts& facts) {
  const Abbreviation& entry = index_.abbreviations[match.id];
  std::string_view written = text_view_.substr(
      tokens_[match.first].start, tokens_[match.end - 1].end - tokens_[match.first].start);
  // "complete blood count (CBC)": the definition itself and what follows are
  // explained. "BID (twice a day)": explained where it stands and after.
  bool in_parentheses = match.first > 0 && match.end < tokens_.size() &&
                        tokens_[match.first - 1].folded == "(" && tokens_[match.end].folded == ")";
  if (in_parentheses &&
      DefinedBefore(text_view_, tokens_, match.first - 1, written, entry.expansions)) {
    defined_.insert(match.id);
  }
  if (ExplainedAfter(match.end, written, &entry)) defined_.insert(match.id);
  if (defined_.count(match.id) || IsCredential(match.first, match.end)) return;
  // A widely known acronym (MRI, ICU, ER) is still an acronym: plain-language
  // guidance is to spell it out at first use. It gets a finding of low
  // severity and weighs little in the density.
  const bool known = entry.familiarity >= options_.jargon_familiarity;
  if (known && !IsKnownShorthand(entry)) return;
  const WordEntry* written_entry = match.end - match.first == 1
                                      ? entries_[match.first]
                                      : index_.FindWord(FoldCase(written));
  if (written_entry != nullptr && written_entry->allowed) return;

  Finding& finding = NewFinding(FindingKind::kAbbreviation, match.first, match.end);
  finding.term = entry.written;
  finding.expansions = entry.expansions;
  // Our plain wording is for the usual sense. Without it, of several senses
  // the one the message's own words point to ("RA" in a message about
  // joints and arthritis); none when they point to none or to several.
  const int sense = entry.expansions.size() > 1 && entry.plain.empty()
                        ? SenseFromContext(entry.expansions)
                        : -1;
  if (!entry.plain.empty()) {
    // Plain wording when we have it, for the usual sense.
    finding.suggestion = entry.plain.front();
    finding.alternatives = entry.plain;
  } else if (entry.expansions.size() == 1) {
    finding.suggestion = entry.expansions.front();
  } else if (sense >= 0) {
    finding.suggestion = entry.expansions[static_cast<size_t>(sense)];
    if (!known) {
      finding.definition = storage_->Keep("here most likely: " + std::string(finding.suggestion));
    }
  } else if (!known) {
    // Ambiguous: say so rather than show one sense as if sure.
    std::string senses = "ambiguous: it may mean ";
    for (size_t k = 0; k < entry.expansions.size() && k < 4; ++k) {
      senses += (k == 0 ? "" : k + 1 == std::min<size_t>(entry.expansions.size(), 4) ? " or " : ", ");
      senses += entry.expansions[k];
    }
    senses += "; write out the one you mean";
    finding.definition = storage_->Keep(senses);
  }
  if (known) {
    finding.definition = kKnownShorthandAdvice;
  } else if (finding.definition.empty() && entry.expansions.size() == 1 && !entry.plain.empty() &&
             entry.plain.front() != entry.expansions.front()) {
    finding.definition = entry.expansions.front();
  }
  finding.familiarity = entry.familiarity;
  finding.source = entry.source;
  finding.severity = known ? 0.1 : 0.9 * (1 - entry.familiarity);
  // One word to a reader, as in CountWord; a known acronym weighs at most
  // 0.1 of one, whatever its familiarity says.
  CountJargon(1, known ? std::max(entry.familiarity, 0.9f) : entry.familiarity, facts);
  distinct_abbreviations_.push_back(match.id);
}

// The word's entry, or for a possessive ("patient's") its base word's.
const WordEntry* FindWordOrBase(const Lexicon::Index& index, const Token& token,
                                const WordEntry* entry) {
  if (entry != nullptr || token.kind != TokenKind::kWord) return entry;
  std::string_view base = StripPossessive(token.folded);
  return base.size() == token.folded.size() ? nullptr : index.FindWord(base);
}

// EstimateSyllables with a memory: its rules cost some 1,700 instructions a
// word, and the words the dictionary lacks (drug names, abbreviations,
// coinages) recur within a message and across the next ones. Each thread
// keeps the last word seen in each of 2,048 slots, compared in full.
int CachedEstimateSyllables(std::string_view word) {
  struct Slot {
    uint8_t size = 0xFF;  // no word yet
    int8_t syllables = 0;
    char word[30];
  };
  constexpr size_t kSlots = 2048;  // 64 KiB a thread
  if (word.size() > sizeof(Slot::word)) return EstimateSyllables(word);
  // On the heap: a large thread_local array would take static TLS space,
  // which a Python extension loaded late may not get.
  thread_local std::unique_ptr<std::array<Slot, kSlots>> cache;
  if (!cache) cache = std::make_unique<std::array<Slot, kSlots>>();
  Slot& slot = (*cache)[WordTable::Hash(word) & (kSlots - 1)];
  if (slot.size == word.size() && std::memcmp(slot.word, word.data(), word.size()) == 0) {
    return slot.syllables;
  }
  const int syllables = EstimateSyllables(word);
  slot.size = static_cast<uint8_t>(word.size());
  slot.syllables = static_cast<int8_t>(std::min(syllables, 127));
  std::memcpy(slot.word, word.data(), word.size());
  return syllables;
}

// `word` is the entry FindWordOrBase gives the token.
int WordSyllables(const Token& token, const WordEntry* word) {
  if (token.kind == TokenKind::kNumber) return 1;
  if (word != nullptr && word->syllables >= 0) return std::max<int>(1, word->syllables);
  return std::max(1, CachedEstimateSyllables(StripPossessive(token.folded)));
}

const WordEntry* MessageAnalysis::WordOf(size_t i) const {
  return FindWordOrBase(index_, tokens_[i], entries_[i]);
}

int MessageAnalysis::SyllablesOf(size_t i) const { return WordSyllables(tokens_[i], WordOf(i)); }

// Whether a word of three or more syllables is "complex" in Gunning's sense,
// which leaves out names and words made long only by an -ed, -es or -ing
// ending (the first stem the dictionary knows decides). Out of line:
// CountWord runs for every word, this for few.
[[gnu::noinline]] bool IsComplexWord(const Lexicon::Index& index, const Token& token,
                                     int syllables, bool sentence_start) {
  if (token.capitalized && !token.all_caps && !sentence_start) return false;  // a name
  const std::string_view word = token.folded;
  const bool inflected = (word.size() > 4 && (word.ends_with("ed") || word.ends_with("es"))) ||
                         (word.size() > 5 && word.ends_with("ing"));
  if (inflected) {
    InflectionStems stems(word);
    for (size_t k = 1; k < stems.size(); ++k) {  // stems[0] is the word itself
      const WordEntry* stem = index.FindWord(stems[k]);
      if (stem != nullptr && stem->syllables > 0) return stem->syllables >= 3;
    }
  }
  return syllables >= 3;
}

// Inline, and its counts without branches: it runs for every word.
[[gnu::always_inline]] inline void MessageAnalysis::CountWord(const Token& token, int syllables,
                                                             bool sentence_start, Counts& counts) {
  ++counts.words;
  counts.numbers += token.letters == 0;
  counts.syllables += syllables;
  counts.letters += token.letters;
  counts.characters += token.letters + token.digits;
  counts.long_words += token.letters > 6;
  counts.monosyllabic_words += syllables == 1;
  if (syllables >= 3) {
    ++counts.polysyllabic_words;
    if (IsComplexWord(index_, token, syllables, sentence_start)) ++counts.complex_words;
  }
}

void MessageAnalysis::ClassifyWord(size_t i, const WordEntry* word, int syllables,
                                   bool sentence_start, SentenceFacts& facts) {
  const Token& token = tokens_[i];
  std::string_view base = StripPossessive(token.folded);
  if (!shouting_ &&
      LooksLikeAcronym(text_view_.substr(token.start, token.end - token.start), token) &&
      AddAcronymFinding(i, word != nullptr ? word->zipf : 0, facts)) {
    return;
  }
  if (token.letters == 1 && token.end - token.start == 1 && AddLetterFinding(i, facts)) return;
  // A capitalised word inside a sentence is most likely a name.
  if (token.capitalized && !sentence_start) return;
  // Entries made only for term or abbreviation keys carry no frequency;
  // an inflected word takes its stem's ("biopsies" -> "biopsy").
  if (word == nullptr || word->zipf == 0) {
    InflectionStems stems(base);
    for (size_t k = 1; k < stems.size(); ++k) {
      const WordEntry* stem = index_.FindWord(stems[k]);
      if (stem != nullptr && stem->zipf > 0) {
        word = stem;
        break;
      }
    }
  }
  const double zipf = word != nullptr ? word->zipf : 0;
  if (TooCommonForFinding(zipf, syllables)) return;
  const double familiarity = ZipfFamiliarity(zipf);
  if (zipf < kAffixJargonZipf) {
    if (const Affix* affix = MedicalAffix(index_, base)) {
      // Less sure than a listed term: severity 0.8 of its share.
      AddWordFinding(i, FindingKind::kJargon, base, base, affix->description, familiarity, 0.8,
                     affix->source, facts);
      return;
    }
  }
  if (zipf < kAffixJargonZipf &&
      AddRareWordFinding(i, base, word, familiarity, sentence_start, facts)) {
    return;
  }
  if (zipf < options_.complex_word_zipf && syllables >= 3) {
    Finding& finding = NewFinding(FindingKind::kComplexWord, i, i + 1);
    finding.term = storage_->Keep(base);
    finding.familiarity = familiarity;
    finding.severity = 0.25 + 0.25 * (1 - familiarity);
    finding.source = zipf > 0 ? "wordfreq" : "unknown word";
  }
}


// One capital letter as clinicians use it: sex after an age ("72 yo F"), a
// side before a body part ("R knee", "R>L"), a lab flag after a value
// ("TSH 9.8 H", "Hgb 10.8 L,"), potassium before a value ("K >5.0"). The
// table cannot list them: one letter is too short to be a key.
bool MessageAnalysis::AddLetterFinding(size_t i, SentenceFacts& facts) {
  const char letter = text_view_[tokens_[i].start];
  auto word_at = [this](size_t k) -> const Token* {
    return k < tokens_.size() ? &tokens_[k] : nullptr;
  };
  const Token* before = i > 0 ? &tokens_[i - 1] : nullptr;
  const Token* after = word_at(i + 1);
  const bool number_before = before != nullptr && before->letters == 0 && before->digits > 0;
  const bool line_ends = after == nullptr || LineBreakBetween(i, i + 1);
  const bool list_mark_after =
      line_ends || after->folded == "," || after->folded == ";" || after->folded == ")" ||
      after->folded == "(" || after->folded == ".";
  std::string_view sense;
  switch (letter) {
    case 'F': case 'M':
      if (before != nullptr && (before->folded == "yo" || before->folded == "o" ||
                                before->folded == "old" || number_before)) {
        sense = letter == 'F' ? "female" : "male";
      }
      break;
    case 'H':
      if (number_before && list_mark_after) sense = "high";
      break;
    case 'L':
      if (number_before && list_mark_after && !(after != nullptr && after->folded == "(")) {
        sense = "low";
        break;
      }
      [[fallthrough]];
    case 'R':
      if (!number_before && after != nullptr && !line_ends &&
          ((after->is_word() && after->letters > 0 && !after->capitalized) ||
           after->folded == ">" || after->folded == "<")) {
        sense = letter == 'R' ? "right" : "left";
      }
      break;
    case 'K':
      if (after != nullptr && !line_ends &&
          ((after->letters == 0 && after->digits > 0) || after->folded == ">" ||
           after->folded == "<" || after->folded == ",")) {
        sense = "potassium";
      }
      break;
  }
  if (sense.empty()) return false;
  Finding& finding = NewFinding(FindingKind::kAbbreviation, i, i + 1);
  finding.term = storage_->Keep(text_view_.substr(tokens_[i].start, 1));
  finding.suggestion = sense;
  finding.definition = "one letter standing for a word; write the word";
  finding.familiarity = 0.2;
  finding.severity = 0.7;
  finding.source = "pattern:letter";
  CountJargon(1, 0.2, facts);
  distinct_words_.push_back(WordTable::Hash(sense));
  return true;
}

// Whether a dose follows tokens_[i] within three words ("sacubitril 24 mg",
// "lispro 4 units"): then the word names a medicine.
bool MessageAnalysis::BeforeADose(size_t i) const {
  static constexpr std::string_view kDoseUnits[] = {"mg",  "mcg",   "g",      "units",  "unit",
                                                     "ml",  "%",     "puffs",  "tablet", "tablets"};
  size_t words = 0;
  for (size_t k = i + 1; k + 1 < tokens_.size() && words < 4; ++k) {
    if (!tokens_[k].is_word()) continue;
    ++words;
    if (tokens_[k].letters == 0 && tokens_[k].digits > 0) {
      const std::string_view unit = tokens_[k + 1].folded;
      return std::find(std::begin(kDoseUnits), std::end(kDoseUnits), unit) != std::end(kDoseUnits);
    }
  }
  return false;
}

bool MessageAnalysis::AddRareWordFinding(size_t i, std::string_view base, const WordEntry* word,
                                         double familiarity, bool sentence_start,
                                         SentenceFacts& facts) {
  // By derivation: an adverb of a jargon term ("bilaterally", "focally").
  if (base.size() >= 7 && base.ends_with("ly")) {
    const WordEntry* stem = index_.FindWord(base.substr(0, base.size() - 2));
    if (stem != nullptr && !stem->terms.empty()) {
      const Term& term = index_.terms[stem->terms.front()];
      if (!IsGeneralCategory(term.category) && term.category != "medicine" &&
          term.familiarity < options_.jargon_familiarity) {
        LexiconMatch match;
        match.first = i;
        match.end = i + 1;
        match.id = stem->terms.front();
        AddTermFinding(match, term, sentence_start, facts);
        return true;
      }
    }
  }
  // Not general English: the pronouncing dictionary, 125,000 everyday words
  // and names, lacks it ("paraspinal", "euvolemic", "postictal"), as the
  // lexicon build judges ICD words. Short words are too often typing slips
  // or units, and a medicine name the table lacks is no jargon.
  const Token& token = tokens_[i];
  // Capitalised, even first in a sentence: a name or a brand more often
  // than not ("Anjali", "Trelegy"). No word of a language is longer than
  // forty letters; a longer one is a run of letters, a complex word at most.
  if (token.letters < 6 || token.letters > 40 || token.digits > 0 || token.capitalized) {
    return false;
  }
  if (base.size() != token.folded.size()) return false;  // a possessive: a name's
  if (word != nullptr && word->syllables >= 0) return false;
  InflectionStems stems(base);  // "faints", "gargles": forms of English words
  for (size_t k = 1; k < stems.size(); ++k) {
    const WordEntry* stem = index_.FindWord(stems[k]);
    if (stem != nullptr && stem->syllables >= 0) return false;
  }
  if (HasMedicineStem(base) || BeforeADose(i)) return false;
  for (char c : base) {
    if (!(c >= 'a' && c <= 'z') && c != '-' && c != '\'') return false;  // a name in a script of its own
  }
  // Less sure than a listed term or an affix: severity 0.6 of its share.
  AddWordFinding(i, FindingKind::kJargon, base, base,
                 "a rare word that is not everyday English, likely medical", familiarity, 0.6,
                 "rare word", facts);
  return true;
}

void MessageAnalysis::AnalyzeSentence(SentenceSpan span) {
  const size_t first_finding = report_.findings.size();
  Tokenize(text_view_, span, &tokens_, &folded_, word_rules_);
  LookUpTokens(index_, tokens_, &scratch_.lookups);
  SentenceFacts facts;
  shouting_ = IsShouted(tokens_);
  title_case_line_ = IsTitleCaseLine(tokens_);
  std::vector<NotationMatch>& notation = scratch_.notation;
  notation.clear();
  size_t next_notation = 0;
  NotationWindows(tokens_, scratch_.lookups, &scratch_.windows);
  if (!scratch_.windows.empty()) {
    // The sentence is the context: a pattern neither starts before it nor
    // runs past it.
    const std::string_view sentence = text_view_.substr(0, span.end);
    for (Span window : scratch_.windows) {
      window.start = std::max(window.start, span.start);
      FindNotation(sentence, window, index_, &notation);
    }
  }
  MatchLexicon(index_, text_view_, tokens_, scratch_.lookups, shouting_, &matches_);
  const std::vector<LexiconMatch>& matches = matches_;
  size_t next_match = 0;
  bool sentence_start = true;
  for (size_t i = 0; i < tokens_.size();) {
    while (next_notation < notation.size() && notation[next_notation].start < tokens_[i].start) {
      ++next_notation;  // began inside a lexicon match
    }
    if (next_notation < notation.size() && notation[next_notation].start == tokens_[i].start) {
      const NotationMatch found = notation[next_notation++];
      size_t end = i;
      while (end < tokens_.size() && tokens_[end].start < found.end) ++end;
      // A lexicon entry as long or longer wins: it has plain wording.
      const bool lexicon_wins = next_match < matches.size() && matches[next_match].first == i &&
                                matches[next_match].end >= end;
      if (!lexicon_wins) {
        while (next_match < matches.size() && matches[next_match].first < end) ++next_match;
        AddNotationFinding(i, end, found.kind, facts);
        for (size_t k = i; k < end; ++k) {
          if (!tokens_[k].is_word()) continue;
          CountWord(tokens_[k], SyllablesOf(k), sentence_start && k == i, facts.counts);
        }
        sentence_start = false;
        i = end;
        continue;
      }
    }
    if (next_match < matches.size() && matches[next_match].first == i) {
      const LexiconMatch& match = matches[next_match++];
      if (match.type == LexiconMatch::Type::kTerm) {
        AddTermFinding(match, index_.terms[match.id], sentence_start, facts);
      } else {
        AddAbbreviationFinding(match, facts);
      }
      if (match.type == LexiconMatch::Type::kAbbreviation) {
        // "f/u" is one word to a reader, though ICU sees "f", "/", "u".
        Token word = tokens_[match.first];
        int syllables = 0;
        word.letters = word.digits = 0;
        for (size_t k = match.first; k < match.end; ++k) {
          if (!tokens_[k].is_word()) continue;
          word.letters += tokens_[k].letters;
          word.digits += tokens_[k].digits;
          syllables += SyllablesOf(k);
        }
        CountWord(word, syllables, sentence_start, facts.counts);
      } else {
        for (size_t k = match.first; k < match.end; ++k) {
          if (!tokens_[k].is_word()) continue;
          CountWord(tokens_[k], SyllablesOf(k),
                    sentence_start && k == match.first, facts.counts);
        }
      }
      sentence_start = false;
      i = match.end;
      continue;
    }
    if (tokens_[i].is_word()) {
      // The entry and syllables once per word: counting and classifying
      // both need them.
      const WordEntry* word = WordOf(i);
      const int syllables = WordSyllables(tokens_[i], word);
      CountWord(tokens_[i], syllables, sentence_start, facts.counts);
      if (!PlainlyFamiliar(tokens_[i], word, syllables)) {
        ClassifyWord(i, word, syllables, sentence_start, facts);
      }
      sentence_start = false;
    }
    ++i;
  }
  if (facts.counts.words == 0) return;  // a line of punctuation is not a sentence
  facts.counts.sentences = 1;
  report_.counts += facts.counts;

  Sentence& sentence = report_.sentences.emplace_back();
  sentence.start = span.start;
  sentence.end = span.end;
  sentence.words = facts.counts.words;
  sentence.grade = SentenceGrade(facts.counts);
  sentence.jargon_words = facts.jargon_words;
  if (facts.counts.words > options_.long_sentence_words) {
    // Before the sentence's other findings, keeping findings in start order.
    Finding& finding = *report_.findings.emplace(report_.findings.begin() + first_finding);
    finding.kind = FindingKind::kLongSentence;
    finding.start = span.start;
    finding.end = span.end;
    finding.term = storage_->Keep(std::to_string(facts.counts.words) + " words");
    if (split_advice_.empty()) {
      split_advice_ = storage_->Keep("split into sentences of at most " +
                                     std::to_string(options_.long_sentence_words) + " words");
    }
    finding.suggestion = split_advice_;
    double limit = options_.long_sentence_words;
    finding.severity =
        std::clamp(0.3 + (static_cast<double>(facts.counts.words) - limit) / (2 * limit), 0.3, 1.0);
  }
}

// Offsets so far index text(); the report promises the caller's bytes and
// UTF-16 units. Sentences ascend and do not overlap, nor do the findings
// inside them, so one forward cursor serves each; a long-sentence finding
// spans exactly its sentence and copies the sentence's offsets.
void MessageAnalysis::MapOffsets() {
  std::string_view input = text_.input();
  const bool ascii = text_.is_ascii();  // UTF-16 offsets equal byte offsets
  Utf16Offsets sentence_cursor(input), finding_cursor(input);
  for (Sentence& s : report_.sentences) {
    s.start = text_.ToInputOffset(s.start);
    s.end = text_.ToInputOffset(s.end);
    s.start_utf16 = ascii ? s.start : sentence_cursor(s.start);
    s.end_utf16 = ascii ? s.end : sentence_cursor(s.end);
  }
  // The findings' text views a copy of the message the report keeps.
  if (!report_.findings.empty()) storage_->input.assign(input);
  const std::string_view kept = storage_->input;
  size_t sentence = 0;
  for (Finding& f : report_.findings) {
    f.start = text_.ToInputOffset(f.start);
    f.end = text_.ToInputOffset(f.end);
    if (f.kind == FindingKind::kLongSentence) {
      while (report_.sentences[sentence].start != f.start) ++sentence;
      f.start_utf16 = report_.sentences[sentence].start_utf16;
      f.end_utf16 = report_.sentences[sentence].end_utf16;
    } else {
      f.start_utf16 = ascii ? f.start : finding_cursor(f.start);
      f.end_utf16 = ascii ? f.end : finding_cursor(f.end);
    }
    f.text = kept.substr(f.start, f.end - f.start);
    f.storage = storage_;
  }
}

Report MessageAnalysis::Run() {
  report_.verdict.target_grade = options_.target_grade;
  report_.verdict.max_jargon = options_.max_jargon;
  if (text_.invalid_sequences() > 0) {
    report_.warnings.push_back("replaced " + std::to_string(text_.invalid_sequences()) +
                               " invalid UTF-8 sequence(s) with U+FFFD");
  }
  const std::vector<SentenceSpan> spans =
      SplitSentences(text_view_, BreakRules::kFast, &word_rules_);
  report_.sentences.reserve(spans.size());
  // Messages carry about a finding every 90 bytes: room for the first few
  // spares growing the vector (and moving its findings) four times, and a
  // large message still starts with no more than 16.
  report_.findings.reserve(std::min<size_t>(text_view_.size() / 64, 16));
  for (SentenceSpan span : spans) AnalyzeSentence(span);


  report_.readability = ScoreReadability(report_.counts, &report_.warnings);
  // Numbers are words to the formulas but carry no vocabulary, so a table
  // of results does not dilute the jargon in the words around it.
  report_.jargon.density =
      report_.counts.lexical_words() > 0
          ? weighted_jargon_words_ / static_cast<double>(report_.counts.lexical_words())
          : 0;
  report_.jargon.distinct_terms = static_cast<int64_t>(
      DistinctCount(distinct_terms_) + DistinctCount(distinct_abbreviations_) +
      DistinctCount(distinct_words_));
  const GradeModel& model =
      options_.grade_model ? *options_.grade_model : GradeModel::Default();
  report_.readability.health_grade = model.Predict(report_);
  report_.verdict.meets_target =
      report_.readability.health_grade <= options_.target_grade + 1e-9 &&
      report_.jargon.density <= options_.max_jargon + 1e-12;
  MapOffsets();
  return std::move(report_);
}

}  // namespace

// What an ErrorReport's one warning begins with.
constexpr std::string_view kErrorPrefix = "error: ";

std::string_view FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kJargon: return "jargon";
    case FindingKind::kAbbreviation: return "abbreviation";
    case FindingKind::kComplexWord: return "complex_word";
    case FindingKind::kLongSentence: return "long_sentence";
  }
  return "unknown";
}

Analyzer::Analyzer(AnalyzerOptions options) : Analyzer(Lexicon::Default(), options) {}

Analyzer::Analyzer(std::shared_ptr<const Lexicon> lexicon, AnalyzerOptions options)
    : lexicon_(lexicon ? std::move(lexicon) : Lexicon::Default()), options_(options) {}

Report Analyzer::Analyze(std::string_view input) const {
  const size_t limit = InputLimit(options_);
  if (input.size() > limit) {
    return ErrorReport(options_, "the message is " + std::to_string(input.size()) +
                                     " bytes, over the limit of " + std::to_string(limit) +
                                     " (max_input_bytes)");
  }
  try {
    Utf8Text text(input);
    return MessageAnalysis(lexicon_, options_, text).Run();
  } catch (const std::bad_alloc&) {
    // Analysis never fails: a message too large for memory still gets a
    // report saying so.
    return ErrorReport(options_, "out of memory: the message was not analysed");
  }
}

std::optional<std::string_view> ErrorReason(const Report& report) {
  if (report.warnings.empty() || !report.warnings.front().starts_with(kErrorPrefix)) {
    return std::nullopt;
  }
  return std::string_view(report.warnings.front()).substr(kErrorPrefix.size());
}

Report ErrorReport(const AnalyzerOptions& options, std::string_view reason) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  Report report;
  ReadabilityScores& r = report.readability;
  r.flesch_reading_ease = r.flesch_kincaid_grade = r.smog = r.gunning_fog = r.coleman_liau =
      r.ari = r.forcast = r.linsear_write = r.lix = r.consensus_grade = r.health_grade = kNaN;
  report.jargon.density = kNaN;
  report.verdict.target_grade = options.target_grade;
  report.verdict.max_jargon = options.max_jargon;
  report.verdict.meets_target = false;
  report.warnings.push_back(std::string(kErrorPrefix) + std::string(reason));
  return report;
}

}  // namespace plainlang
