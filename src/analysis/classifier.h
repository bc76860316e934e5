// The classifier: which spans of a sentence a patient will likely not know,
// as findings with what to write instead. Lexicon matches become term and
// abbreviation findings, notation matches notation findings, and each other
// word is judged by rules (an acronym, one letter, a medical affix, a rare
// word, a complex word). It also tallies the jargon the scorer turns into
// the density.
#ifndef PLAINLANG_ANALYSIS_CLASSIFIER_H_
#define PLAINLANG_ANALYSIS_CLASSIFIER_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/notation.h"
#include "lexicon/byte_arena.h"
#include "lexicon/lexicon_index.h"
#include "lexicon/matcher.h"
#include "plainlang/analyzer.h"
#include "plainlang/report.h"
#include "text/segmenter.h"

namespace plainlang {

// A token of digits and no letters: a reading, a dose, a date's part.
inline bool IsNumber(const Token& token) { return token.letters == 0 && token.digits > 0; }

// Whether `token` stands three spaces or more after `before`: the next
// cell of a table laid out in columns ("RPR      Reactive"); two may be a
// slip of the keyboard.
inline bool NextCell(const Token& before, const Token& token) {
  return token.start >= before.end + 3;
}

// Whether a token counts: digits, or a number word to ten ("1 cap", "one
// cap").
inline bool IsCount(const Token& token) {
  static constexpr std::string_view kCountWords[] = {"one", "two",   "three", "four", "five",
                                                     "six", "seven", "eight", "nine", "ten"};
  return IsNumber(token) || IsListed(kCountWords, token.folded);
}

// A modifier a medicine's product name ends with for its release or
// strength, with what it means (medicines.cc).
struct ProductModifier {
  std::string_view folded, plain, meaning;
  // Read so after a brand the tables lack, too. Not those that also name a
  // department, a part of the heart or a place's service ("Bayview IR",
  // "Dilated LA", "Mercy ER"): these only after a listed medicine.
  bool after_unlisted_brands;
};

// Whether `word` ends with one of the USAN stems that name a medicine's
// class ("-gliflozin", "-sartan"): a generic name (medicines.cc).
bool HasMedicineStem(std::string_view word);
// Whether a term's definition makes it a substance, which a prescription's
// words may name ("A substance ...", "A type of enzyme ..."; medicines.cc).
bool DefinesASubstance(std::string_view definition);
// Whether `word` ends as a chemical's name does ("-ine", "-ate", "-ase";
// medicines.cc).
bool HasChemicalEnding(std::string_view word);
// Whether `word` is a salt or an ester a medicine's name may end with
// ("benzoyl peroxide", "prednisolone acetate"; medicines.cc).
bool IsSaltWord(std::string_view word);

// How well a patient knows a word, from its everyday frequency: Zipf 2.5 or
// rarer -> 0, Zipf 4.5 or commoner -> 1, linear between. The lexicon
// generator uses the same rule (data/README.md).
inline double ZipfFamiliarity(double zipf) { return std::clamp((zipf - 2.5) / 2.0, 0.0, 1.0); }

// Unknown words rarer than this, built on a medical affix, are jargon.
inline constexpr double kAffixJargonZipf = 3.0;
// Possessives of words this common name departments and clinics ("Women's",
// "Children's"), not eponyms (Classifier::Eponymous).
inline constexpr double kEverydayPossessiveZipf = 5.0;
// A one-word term capitalised inside a sentence and rarer than this, a name
// the pronouncing dictionary lists, is an eponym ("Mohs" 2.2, "Doppler"
// 3.1); first names are commoner ("Iris" 3.8, "Ruby" 4.0).
inline constexpr double kEponymZipf = 3.5;
// Names are rarer than everyday words ("Carpenter" 3.6, "After" 6.4).
inline constexpr double kEverydayNameZipf = 4.5;

// An example this common explains the term before it ("water" 5.52; not
// "broth" 3.39 alone, nor "ibuprofen" 2.93).
inline constexpr double kEverydayExampleZipf = 4.0;

// A word this common (Zipf: "stop" 5.52, "fast" 5.13, "do" 6.35) written in
// capitals may be the word, stressed, rather than an abbreviation.
inline constexpr double kStressedWordZipf = 5.0;

// The words that open a noun phrase: "the Romberg", "your Mallampati".
inline constexpr std::string_view kDeterminers[] = {"the",   "a",  "an",  "your", "his",  "her",
                                                    "their", "my", "our", "its",  "this", "that"};

// What the findings of one report view besides the lexicon's own text.
struct FindingStorage {
  std::shared_ptr<const Lexicon> lexicon;
  std::string input;  // a copy of the message: findings' text
  // Words made for findings ("23 words", a folded word): a few short ones a
  // report, so small blocks.
  ByteArena made{256};
  std::string_view Keep(std::string_view word) { return made.Copy(word); }
};

// The jargon of a message so far: what the density and distinct_terms are
// made of.
struct JargonTally {
  int64_t words = 0;          // words inside jargon findings, unweighted
  double weighted_words = 0;  // the same, each weighted by 1 - familiarity
  // Distinct jargon: lexicon terms and abbreviations by id, words judged by
  // a rule by the 64-bit hash of their spelling. Vectors sorted once at the
  // end: a std::set cost a heap node per finding.
  std::vector<uint32_t> terms, abbreviations;
  std::vector<uint64_t> rule_words;
};

// One per message; not thread-safe. Offsets of the findings it makes index
// `text` (the analyser maps them to the caller's input afterwards).
class Classifier {
 public:
  Classifier(std::shared_ptr<const Lexicon> lexicon, const AnalyzerOptions& options,
             std::string_view text, std::vector<Finding>* findings);

  // Before each sentence: its tokens and their lookups, which must stay put
  // until the next call.
  void StartSentence(const std::vector<Token>& tokens, const TokenLookups& lookups, bool shouting);
  // After the sentence's last finding and before its scores: a register
  // term with an everyday sense (a word readers know, familiarity at or
  // above the jargon threshold: "solid", "resolved", "course"; or an
  // adjective of results everyday English uses in another sense:
  // "positive", "looks stable"), and an abbreviation of the sources (not
  // ours) that spells an everyday word in capitals ("STOP", "BE FAST",
  // "FROM"), keep their finding only in a clinical sentence, one with other
  // medical words (a term of a medical category however familiar, a
  // medicine, another abbreviation, notation, a word judged jargon by rule,
  // a number). The adjectives count also where the sentence names a test
  // or the body in everyday words, or follows such a sentence or a clinical
  // one in its paragraph. Elsewhere the word has its everyday sense: "it is
  // solid", "STOP taking it and call us", "you sounded positive".
  void FinishSentence();
  // Jargon words found in the sentence since StartSentence, unweighted and
  // weighted by 1 - familiarity.
  int64_t sentence_jargon_words() const { return sentence_jargon_words_; }
  double sentence_weighted_jargon() const { return sentence_weighted_jargon_; }

  // `pattern_found`: a notation pattern found the same words too ("Rome IV
  // criteria", "Level II ultrasound"), so the term is no department's name.
  void AddTermFinding(const LexiconMatch& match, bool sentence_start, bool pattern_found = false);
  void AddAbbreviationFinding(const LexiconMatch& match);
  // "q6h", "95% CI", "ACE inhibitor" over tokens [first, end).
  void AddNotationFinding(size_t first, size_t end, NotationKind kind);
  // A sentence of `words` words longer than the option allows; inserted at
  // `position` of the findings, before the sentence's others.
  void AddLongSentenceFinding(size_t position, size_t start, size_t end, int64_t words);

  // Whether a word can get no finding of its own, told without a call: not
  // a word of letters, allowed, or a common lower-case word. Most words of
  // a message are the last. `word` is the token's entry (WordOrBase),
  // `syllables` WordSyllables of it.
  bool PlainlyFamiliar(const Token& token, const WordEntry* word, int syllables) const {
    if (token.digits > 0) return !MayBeCode(token);
    if (token.kind != TokenKind::kWord) return true;
    if (word == nullptr) return false;
    return word->allowed || (!token.capitalized && TooCommonForFinding(word->zipf, syllables));
  }
  // Of words and numbers with digits, only a code of three capitals or more
  // can be a finding ("CYP2D6", "PPD1"); "A1c", "3rd", "B12", "CO2", "H2O",
  // "CoQ10" and readings pass.
  bool MayBeCode(const Token& token) const {
    if (token.digits == 0 || token.letters < 3 || !token.capitalized) return false;
    size_t capitals = 0;
    for (char c : Written(token)) capitals += c >= 'A' && c <= 'Z';
    return capitals >= 3;
  }
  // The end of an eponym of two or three names joined by hyphens that
  // starts at tokens[i] ("Carpenter-Coustan", "Ferriman-Gallwey"), or 0
  // (names.cc).
  size_t EponymPairEnd(size_t i) const;
  // A chemical symbol as a lab test's name ("Mg 1.9"), which the word table
  // may allow as a unit ("mg"): asked before PlainlyFamiliar.
  bool AddLabSymbolFinding(size_t i);
  // "52M with gout": a word with digits PlainlyFamiliar passes over.
  bool AddAgeSexFinding(size_t i);
  // The findings of tokens[i], a word PlainlyFamiliar did not pass over.
  void ClassifyWord(size_t i, const WordEntry* word, int syllables, bool sentence_start);

  // After the findings so far were handed out and forgotten: the words made
  // for them stay in the storage they hold, and later findings' words go
  // to a new one, so that memory does not grow with the findings.
  void ReleaseFindings();

  JargonTally& tally() { return tally_; }
  const std::shared_ptr<FindingStorage>& storage() const { return storage_; }

 private:
  // Whether a word this frequent can be neither an affix finding nor a
  // complex word.
  bool TooCommonForFinding(double zipf, int syllables) const {
    return zipf >= kAffixJargonZipf && (zipf >= options_.complex_word_zipf || syllables < 3);
  }
  Finding& NewFinding(FindingKind kind, size_t first_token, size_t end_token);
  // `words` words of jargon known with `familiarity`.
  void CountJargon(int64_t words, double familiarity) {
    const double weighted = static_cast<double>(words) * (1 - familiarity);
    sentence_jargon_words_ += words;
    sentence_weighted_jargon_ += weighted;
    tally_.words += words;
    tally_.weighted_words += weighted;
  }
  void AddTermFinding(const LexiconMatch& match, const Term& term, bool sentence_start,
                      bool pattern_found = false);
  void AddAcronymsInside(const LexiconMatch& match);
  bool OpensWithRegisterWord(const LexiconMatch& match) const;
  // Names: eponyms, departments, clinics and places of care, people after
  // a title (names.cc).
  bool NamesADepartment(const LexiconMatch& match, bool sentence_start, bool pattern_found) const;
  bool BeforeAnOrganisation(size_t k) const;
  bool OpensAPlacesName(const LexiconMatch& match) const;
  bool NamesAnInstrument(const LexiconMatch& match) const;
  bool AfterAPersonalTitle(const LexiconMatch& match, bool past_first_name = false) const;
  const Token* WordBefore(size_t i) const;
  bool CapitalisedPhrase(const LexiconMatch& match) const;
  bool Eponymous(const LexiconMatch& match) const;
  bool FlushesAFace(const LexiconMatch& match) const;
  bool OtherWordThanRegister(const LexiconMatch& match, const Term& term) const;
  bool EverydayRegisterWording(const LexiconMatch& match) const;
  bool ExplainedByAnExample(const LexiconMatch& match) const;
  std::string_view CategoryOf(size_t k) const;
  bool IsLicenceOfANamedPerson(size_t first, size_t end) const;
  void AddWordFinding(size_t i, FindingKind kind, std::string_view term, std::string_view distinct,
                      std::string_view definition, double familiarity, double certainty,
                      std::string_view source);
  // A rare word the other rules pass over that is jargon by derivation or by
  // not being general English; false when it is neither.
  bool IsBritishSpellingOfAWord(std::string_view word) const;
  bool AddRareWordFinding(size_t i, std::string_view base, const WordEntry* word,
                          double familiarity, bool sentence_start);
  bool CalledAfter(size_t i, std::span<const std::string_view> nouns) const;
  bool EverydayByDerivation(std::string_view word) const;
  // Medicines' names and what they say of the words around them
  // (medicines.cc).
  bool OrdersAMedicine(const LexiconMatch& match) const;
  bool HeldInAPosition(size_t k) const;
  bool NamesAMedicine(size_t k) const;
  bool FiledAsMedicine(size_t k) const;
  bool MedicineEarlierOnLine(size_t i, bool classes_and_acronyms) const;
  bool NumberEarlierOnLine(size_t i) const;
  bool BeforeADose(size_t i) const;
  bool PrescribedAsAMedicine(size_t i) const;
  bool NamesASaltedMedicine(size_t i, std::string_view base) const;
  bool EndsAMedicinesName(size_t i, std::string_view base) const;
  bool NamedAsAMedicine(size_t i) const;
  const ProductModifier* ProductModifierAt(size_t i, bool* brand) const;
  bool UnlistedBrand(size_t k) const;
  // Single letters and symbols, SOAP headings (letters.cc).
  bool AddLetterFinding(size_t i);
  std::string_view SoapHeadingAt(size_t i);
  bool LabFlagAt(size_t i) const;
  bool PotassiumAt(size_t i) const;
  bool TemperatureAt(size_t i) const;
  bool OpensLine(size_t k) const;
  void AddShorthandFinding(size_t i, std::string_view word, std::string_view definition,
                           std::string_view source);
  // Abbreviations written out by rule (abbreviations.cc).
  bool AddAcronymFinding(size_t i, double zipf);
  bool ExplainedAfter(size_t end, std::string_view written, const Abbreviation* entry) const;
  bool IsCredential(size_t first, size_t end) const;
  bool IsGeneralAbbreviation(size_t i) const;
  bool NamesAClinic(size_t first, size_t end, const Abbreviation& entry) const;
  bool NamesAStudy(size_t first, size_t end, bool unlisted) const;
  bool StressedInstruction(size_t i) const;
  int SenseFromContext(std::span<const std::string_view> senses);
  // A word of letters, with what SpellingEnd asks of it.
  struct MessageWord {
    size_t start = 0, length = 0;
    char initial = 0;       // the first letter, lower case
    bool capitals = false;  // written all in capitals: an acronym itself
    bool link = false;      // "of", "the", ...: may stand inside a spelled-out acronym
  };
  void WordsBefore(size_t end, size_t count, std::vector<MessageWord>* words) const;
  static size_t SpellingEnd(std::span<const MessageWord> words, size_t w, size_t letter,
                            std::string_view written, bool skipped_link);
  std::string_view SpelledOutInText(std::string_view written,
                                    std::span<const std::string_view> expansions);
  // Whether a word, a comma and "or" come right before tokens[i]:
  // "bacterial vaginosis, or BV" may name the long form first, as a
  // parenthesis does (InitialsBefore).
  bool AfterCommaOr(size_t i) const {
    return i >= 3 && tokens_[i - 1].folded == "or" && tokens_[i - 2].folded == ",";
  }
  // Whether a line break stands between tokens[a] and the later tokens[b].
  bool LineBreakBetween(size_t a, size_t b) const {
    return text_.substr(tokens_[a].end, tokens_[b].start - tokens_[a].end).find('\n') !=
           std::string_view::npos;
  }
  // The token after tokens[i] on the same line, or null.
  const Token* NextOnLine(size_t i) const {
    return i + 1 < tokens_.size() && !LineBreakBetween(i, i + 1) ? &tokens_[i + 1] : nullptr;
  }
  std::string_view Written(const Token& token) const {
    return text_.substr(token.start, token.end - token.start);
  }

  const Lexicon::Index& index_;
  const AnalyzerOptions& options_;
  const std::string_view text_;
  std::vector<Finding>& findings_;
  std::shared_ptr<FindingStorage> storage_;
  JargonTally tally_;
  std::string_view split_advice_;  // the long-sentence suggestion, made once
  // Of the sentence (StartSentence).
  std::span<const Token> tokens_;
  std::span<const WordEntry* const> entries_;  // the tokens' lookups
  bool shouting_ = false;                      // written in capitals
  bool title_case_line_ = false;               // a few capitalised words
  bool signer_unit_line_ = false;              // such a line right under a signer's credential
  int64_t sentence_jargon_words_ = 0;
  double sentence_weighted_jargon_ = 0;
  bool clinical_sentence_ = false;  // holds medical words (FinishSentence)
  // The sentence before, in text() offsets: whether it was clinical or was
  // found to name a test or the body (else its text is read again when
  // needed), and whether it ended on a word or a colon, as a heading or a
  // label does (FinishSentence).
  struct PreviousSentence {
    size_t start = 0, end = 0;
    bool about_care = false, heading = false;
    bool signed_off = false;  // ends with a signer's credential: "Mei Tanaka, RN"
  };
  PreviousSentence previous_;
  // Of the message: whether it is a SOAP note (SoapHeadingAt), found once.
  std::optional<bool> soap_note_;
  // Findings that need a clinical sentence (register words of everyday
  // sense, sources' abbreviations that spell an everyday word), counted or
  // dropped by FinishSentence.
  struct DeferredFinding {
    size_t finding;  // index into findings_
    uint32_t id;     // into the index's terms, or its abbreviations
    int64_t words;
    double familiarity;
    bool abbreviation;
  };
  std::vector<DeferredFinding> deferred_;
  // Abbreviations the text has explained. Sets: usually empty (no cost),
  // and a message that defines thousands must not take quadratic time.
  std::set<uint32_t> defined_;
  std::set<std::string> defined_acronyms_;  // the same for acronyms no table holds
  // Hashes of the rare words the message has named as medicines
  // (NamedAsAMedicine). A set, as defined_: usually empty.
  std::set<uint64_t> named_medicines_;
  // Hashes of the message's words of 4+ letters, sorted; made when first needed.
  std::vector<uint64_t> message_words_;
  // Where the message's terms of two or more words were, in bytes, at
  // most kMostTermSpans: a spelled-out acronym ends with one
  // (SpelledOutInText).
  static constexpr size_t kMostTermSpans = 256;
  std::vector<std::pair<size_t, size_t>> term_spans_;
  // Acronyms looked for: the words that spell each out (empty for none
  // yet), and how many of term_spans_ were looked at.
  struct SpelledOut {
    std::string acronym;
    std::string_view run;
    size_t terms_seen = 0;
  };
  std::vector<SpelledOut> spelled_out_;
};

}  // namespace plainlang

#endif  // PLAINLANG_ANALYSIS_CLASSIFIER_H_
