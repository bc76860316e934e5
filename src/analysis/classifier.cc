#include "analysis/classifier.h"

#include <algorithm>
#include <array>
#include <string>

#include "analysis/counter.h"
#include "text/byte_scan.h"

namespace plainlang {
namespace {

// Affixes shorter than these are too ambiguous to judge a word by.
constexpr size_t kMinSuffix = 3, kMinPrefix = 4;
// What is left of a word beside its affix must be at least this long.
constexpr size_t kMinStem = 3;

// Term categories that are not medical: rare ones are complex words.
bool IsGeneralCategory(std::string_view category) {
  return category == "general" || category.empty();
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

// Whether a sentence is one to six words, each capitalised: a clinic's or
// department's name on a signature line, or a heading. A label and its
// value ("RUQ US: Cholelithiasis", "Dx: Graves Disease") is neither: the
// words after the colon are the report's content; nor is a table's row.
bool IsTitleCaseLine(const std::vector<Token>& tokens, const TokenLookups& lookups) {
  size_t words = 0, all_caps = 0;
  bool colon = false;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& token = tokens[k];
    if (token.folded == ":") colon = words > 0;
    // A term and its value is a lab result's line ("Platelets 210",
    // "Platelets: 210"); a place and its number is an address's ("Suite
    // 300").
    if (IsNumber(token) && k > 0) {
      size_t label = tokens[k - 1].folded == ":" && k > 1 ? k - 2 : k - 1;
      // A code's number belongs to its name ("Ki-67 15%"), which may begin
      // its term rather than file it.
      const bool code = label >= 2 && tokens[label].letters == 0 && tokens[label - 1].folded == "-";
      if (code) label -= 2;
      const WordEntry* entry = lookups.entries[label];
      if (tokens[label].letters > 0 && entry != nullptr &&
          (code ? entry->starts_terms() : !entry->terms.empty())) {
        return false;
      }
    }
    // A table's cells: "RPR      Reactive      Nonreactive".
    if (k > 0 && NextCell(tokens[k - 1], token)) return false;
    if (!token.is_word() || token.letters == 0) continue;
    if (!token.capitalized || ++words > 6 || colon) return false;
    all_caps += token.all_caps;
  }
  // A line of several words all in capitals is a report's heading ("MRI
  // KNEE WITHOUT CONTRAST"), whose terms count.
  return words > 0 && !(words >= 2 && all_caps == words);
}

// The alternatives a statistics finding offers.
constexpr std::string_view kStatisticsAlternatives[] = {
    "say in words what the result means for the reader",
    "for example: 3 in 10 people who took it felt better"};

}  // namespace

Classifier::Classifier(std::shared_ptr<const Lexicon> lexicon, const AnalyzerOptions& options,
                       std::string_view text, std::vector<Finding>* findings)
    : index_(lexicon->index()),
      options_(options),
      text_(text),
      findings_(*findings),
      storage_(std::make_shared<FindingStorage>()) {
  storage_->lexicon = std::move(lexicon);
}

void Classifier::ReleaseFindings() {
  if (storage_->made.empty()) return;
  auto fresh = std::make_shared<FindingStorage>();
  fresh->lexicon = storage_->lexicon;
  storage_ = std::move(fresh);
  split_advice_ = {};
}

void Classifier::StartSentence(const std::vector<Token>& tokens, const TokenLookups& lookups,
                               bool shouting) {
  tokens_ = tokens;
  entries_ = lookups.entries;
  shouting_ = shouting;
  title_case_line_ = IsTitleCaseLine(tokens, lookups);
  // The line under a signer's name and credential names where they work:
  // "Mei Tanaka, RN\nPre-Admission Testing".
  signer_unit_line_ =
      title_case_line_ && previous_.signed_off &&
      std::ranges::count(text_.substr(previous_.end, tokens.front().start - previous_.end), '\n') ==
          1;
  sentence_jargon_words_ = 0;
  sentence_weighted_jargon_ = 0;
  // A number is a reading, a dose, a date or a time: clinical writing.
  clinical_sentence_ = std::any_of(tokens.begin(), tokens.end(),
                                   [](const Token& token) { return token.digits > 0; });
  deferred_.clear();
}

namespace {

// Whether `text` names what a word of clinical sense is said of in
// everyday words: a test or its result, a sample, the body or a part of it,
// a sore or an illness ("The test was negative", "The belly is tender",
// "Her condition is stable", "The culture grew nothing"). The parts are the
// everyday ones the annotation guideline lists and their neighbours. Reads
// the text's ASCII words itself, as it runs only for a sentence that needs
// it and for the one before, whose tokens are gone by then.
bool NamesATestOrTheBody(std::string_view text) {
  // Singular forms, sorted, for the binary search; a plural is looked up
  // without its "s" ("lumps", "ankles").
  static constexpr std::string_view kSaidOf[] = {
      "abdomen",   "ankle",     "area",     "arm",       "belly",    "bladder",  "bleeding",
      "blood",     "bloodwork", "body",     "bone",      "bowel",    "brain",    "breast",
      "breathing", "bruise",    "bump",     "checkup",   "chest",    "colon",    "condition",
      "cough",     "count",     "covid",    "disease",   "ear",      "elbow",    "exam",
      "eye",       "feet",      "fever",    "finger",    "flu",      "fluid",    "foot",
      "gene",      "grew",      "grown",    "growth",    "hand",     "head",     "hearing",
      "heart",     "heartbeat", "hip",      "ill",       "illness",  "incision", "infection",
      "joint",     "kidney",    "knee",     "lab",       "leg",      "level",    "liver",
      "lump",      "lung",      "mole",     "mono",      "mouth",    "muscle",   "neck",
      "nose",      "oxygen",    "pain",     "panel",     "pap",      "patient",  "pressure",
      "pulse",     "rash",      "reading",  "recovery",  "report",   "result",   "sample",
      "scan",      "scar",      "screen",   "screening", "shoulder", "sick",     "site",
      "skin",      "sore",      "specimen", "spine",     "spot",     "stitches", "stomach",
      "stool",     "strep",     "sugar",    "swab",      "swelling", "symptom",  "temperature",
      "test",      "tested",    "testing",  "throat",    "toe",      "tummy",    "urine",
      "vision",    "vitals",    "weight",   "wound",     "wrist"};
  static_assert(std::ranges::is_sorted(kSaidOf));
  const auto listed = [](std::string_view word) {
    return std::binary_search(std::begin(kSaidOf), std::end(kSaidOf), word);
  };
  bool found = false;
  // A word with a digit never counts: its sentence is clinical already.
  ForEachWord(text, [&](std::string_view word) {
    char lower[16];
    if (found || word.size() > sizeof lower) return;  // longer than any listed word
    LowerAscii(word, lower);
    const std::string_view folded(lower, word.size());
    found = listed(folded) || (folded.ends_with('s') && listed(folded.substr(0, word.size() - 1)));
  });
  return found;
}

}  // namespace

void Classifier::FinishSentence() {
  // A word readers know only in its clinical sense ("positive", "stable":
  // familiarity below the threshold) needs less: a sentence that names a
  // test or the body in everyday words ("The belly is tender"), or follows
  // a clinical one or such a one in its paragraph ("We checked your strep
  // swab. It was positive."). A blank line starts a new paragraph, unless
  // a heading ends before it ("Strep test\n\nPositive."); a line of
  // punctuation ("---") is no sentence between. Such a word kept makes its
  // sentence clinical, as it did before it had to wait: "The belly is
  // tender and the lump has resolved."
  const bool has_words =
      std::any_of(tokens_.begin(), tokens_.end(), [](const Token& t) { return t.is_word(); });
  bool about_care = clinical_sentence_, clinical = clinical_sentence_;
  if (!clinical && has_words &&
      std::any_of(deferred_.begin(), deferred_.end(), [this](const DeferredFinding& word) {
        return !word.abbreviation && word.familiarity < options_.jargon_familiarity;
      })) {
    const size_t start = tokens_.front().start;
    const std::string_view gap = text_.substr(previous_.end, start - previous_.end);
    const bool after =
        previous_.end > 0 && (previous_.heading || FirstBlankLine(gap) == std::string_view::npos);
    about_care = NamesATestOrTheBody(text_.substr(start, tokens_.back().end - start));
    clinical =
        about_care ||
        (after && (previous_.about_care || NamesATestOrTheBody(text_.substr(
                                               previous_.start, previous_.end - previous_.start))));
  }
  if (has_words) {
    // A heading or a label ends on a word or a colon, not a stop.
    const bool heading = tokens_.back().is_word() || tokens_.back().folded == ":";
    // A signer's line closes a message, after a sentence of its text; at
    // its top, a name and credential are its author's, over a heading ("Ana
    // Ruiz, MD\nDischarge Summary").
    const size_t last = tokens_.size() - 1;
    const bool signed_off =
        previous_.end > 0 && tokens_.back().capitalized && IsCredential(last, last + 1);
    previous_ = {tokens_.front().start, tokens_.back().end, about_care, heading, signed_off};
  }
  if (clinical) {
    for (const DeferredFinding& word : deferred_) {
      CountJargon(word.words, word.familiarity);
      (word.abbreviation ? tally_.abbreviations : tally_.terms).push_back(word.id);
    }
  } else {
    // Back to front, so the indices still hold; they are the sentence's
    // own findings, near the vector's end.
    for (auto word = deferred_.rbegin(); word != deferred_.rend(); ++word) {
      findings_.erase(findings_.begin() + static_cast<std::ptrdiff_t>(word->finding));
    }
  }
  deferred_.clear();
}

Finding& Classifier::NewFinding(FindingKind kind, size_t first_token, size_t end_token) {
  Finding& finding = findings_.emplace_back();
  finding.kind = kind;
  finding.start = tokens_[first_token].start;  // text() offsets until MapOffsets
  finding.end = tokens_[end_token - 1].end;
  return finding;
}

void Classifier::AddTermFinding(const LexiconMatch& match, bool sentence_start,
                                bool pattern_found) {
  if (match.end - match.first >= 2 && term_spans_.size() < kMostTermSpans) {
    term_spans_.emplace_back(tokens_[match.first].start, tokens_[match.end - 1].end);
  }
  AddTermFinding(match, index_.terms[match.id], sentence_start, pattern_found);
}

void Classifier::AddTermFinding(const LexiconMatch& match, const Term& term, bool sentence_start,
                                bool pattern_found) {
  // A register term with an everyday sense is jargon only in a clinical
  // sentence (FinishSentence): one word readers know ("solid", "resolved"),
  // or an adjective of results that everyday English uses in another sense
  // ("you sounded positive", "the weather looks stable"), which also counts
  // where the sentence names a test or the body.
  const bool everyday_sense =
      term.category == "register" &&
      ((match.end - match.first == 1 && term.familiarity >= options_.jargon_familiarity) ||
       EverydayRegisterWording(match));
  // A term of a medical category, however familiar ("blood pressure"),
  // marks clinical writing; one of the sources' catch-all that readers know
  // ("will", "alcohol", "assessment") does not.
  const bool known_other =
      term.category == "other" && term.familiarity >= options_.jargon_familiarity;
  if (!everyday_sense && !known_other && !IsGeneralCategory(term.category)) {
    clinical_sentence_ = true;
  }
  if (term.category == "medicine" ||
      (term.familiarity >= options_.jargon_familiarity && !everyday_sense)) {
    // A medicine's capitals are its form ("Depakote ER", "Toprol XL").
    if (term.category != "medicine") AddAcronymsInside(match);
    return;
  }
  // A line of capitalised words only is a signature's or a heading's:
  // "Westbrook Dermatology", "Interventional Radiology". Register words
  // count in headings, and so do phrases they open ("DISCHARGE
  // INSTRUCTIONS", "Hospital Discharge Summary"), but not under a signer's
  // credential, where the line names a unit ("Pre-Admission Testing").
  if (signer_unit_line_ ||
      (title_case_line_ && term.category != "register" && !OpensWithRegisterWord(match))) {
    return;
  }
  // A one-word term built on a medicine's USAN stem is a medicine name that
  // a source files as a term ("infliximab"), and so is a salt after a
  // medicine's name ("prednisolone acetate", "norethindrone acetate").
  if (match.end - match.first == 1 &&
      (HasMedicineStem(term.term) ||
       (IsSaltWord(term.term) && match.first > 0 && FiledAsMedicine(match.first - 1)))) {
    return;
  }
  // The sources' catch-all files substances too ("urea", "collagenase"),
  // by their definitions: written as a product is prescribed, one is a
  // medicine's name.
  if (match.end - match.first == 1 && term.category == "other" &&
      DefinesASubstance(term.definition) && PrescribedAsAMedicine(match.first)) {
    return;
  }
  if (NamesADepartment(match, sentence_start, pattern_found) || AfterAPersonalTitle(match) ||
      ExplainedByAnExample(match)) {
    return;
  }
  // "Hold" is the order to pause a medicine only where it orders one: "hold
  // metformin", "hold it the day before", "Eliquis: hold 48 h"; not "the
  // bands that hold the ankle", "hold still", nor "holds", which describes
  // ("the splint holds it in place").
  if (term.term == "hold" && (tokens_[match.first].folded == "holds" || !OrdersAMedicine(match))) {
    return;
  }
  if (term.term == "flush" && FlushesAFace(match)) return;
  if (OtherWordThanRegister(match, term)) return;
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
  if (general) return;
  const auto words = static_cast<int64_t>(CountWords(tokens_, match.first, match.end,
                                                     /*lexical=*/true));
  if (everyday_sense) {
    deferred_.push_back({findings_.size() - 1, match.id, words, term.familiarity, false});
    return;
  }
  CountJargon(words, term.familiarity);
  tally_.terms.push_back(match.id);
}

// Whether a register term is one of the adjectives of results and states
// that everyday English uses in another sense, alone or with only linking
// words around it: "positive", "looks stable", "positive for", "is
// stable". Ours, after the annotation guideline's rule 7 and the senses
// Gotlieb et al. 2022 found lay readers miss. Not nouns of tests and
// devices ("echo", "port", "culture"), whose everyday senses messages do
// not use, nor "hold" (OrdersAMedicine), nor "came back negative", which
// only a result does.
bool Classifier::EverydayRegisterWording(const LexiconMatch& match) const {
  static constexpr std::string_view kEverydayAdjectives[] = {
      "impressive", "negative",    "oriented", "positive",
      "productive", "progressive", "stable",   "tender"};
  static constexpr std::string_view kLinking[] = {
      "is",      "was",     "are",      "were",  "be",     "been", "being", "look",
      "looks",   "looked",  "seem",     "seems", "seemed", "stay", "stays", "stayed",
      "remain",  "remains", "remained", "feel",  "feels",  "felt", "sound", "sounds",
      "sounded", "very",    "more",     "for",   "to",     "with"};
  bool adjective = false;
  for (size_t k = match.first; k < match.end; ++k) {
    if (!tokens_[k].is_word()) continue;
    const std::string_view word = tokens_[k].folded;
    if (IsListed(kLinking, word)) continue;
    if (adjective || !IsListed(kEverydayAdjectives, word)) return false;
    adjective = true;
  }
  return adjective;
}

// Whether a one-word register term is written here as another word: the
// name of a thing or a quality ("trace", "tender") reached through a verb's
// ending ("a heart tracing", "we traced the call", "tendering"). A verb of
// the register, defined "To ...", keeps its sense through its endings:
// "holding your metoprolol", "precipitated by".
bool Classifier::OtherWordThanRegister(const LexiconMatch& match, const Term& term) const {
  if (term.category != "register" || match.end - match.first != 1 ||
      term.definition.starts_with("To ")) {
    return false;
  }
  const std::string_view written = tokens_[match.first].folded;
  const auto verb_ending = [](std::string_view word) {
    return word.ends_with("ing") || word.ends_with("ed");
  };
  return written != term.term && verb_ending(written) && !verb_ending(term.term);
}

// The category of the term tokens_[k] is filed under first, or "".
std::string_view Classifier::CategoryOf(size_t k) const {
  const WordEntry* entry = entries_[k];
  return entry == nullptr || entry->terms.empty() ? std::string_view()
                                                  : index_.terms[entry->terms.front()].category;
}

// Whether "flush" at `match` is a face's, not the rinsing of a line or a
// port, which is the default ("Flush daily", "after yesterday's flush"): a
// verb of feeling or looking just before it, a few describing words
// between ("you may feel flushed", "look a little flushed", "feel a warm
// flush") or a side effect's verb ("can cause flushing"); "hot flushes";
// "flushed" as a state something makes a person take ("can make you sick
// and flushed"); or the face or sweating within three words ("facial
// flushing", "sweating or flushing", "flushing of the face"). Words further
// away describe something else ("fever or sweats, or if the port will not
// flush"), and redness and skin are no sign: a port's skin reddens too.
bool Classifier::FlushesAFace(const LexiconMatch& match) const {
  static constexpr std::string_view kFeelOrLook[] = {
      "feel",    "feels",   "felt",   "feeling", "look",   "looks",   "looked",
      "looking", "seem",    "seems",  "seemed",  "appear", "appears", "appeared",
      "become",  "becomes", "became", "turn",    "turns",  "turned"};
  static constexpr std::string_view kCause[] = {"cause", "causes", "caused", "causing"};
  static constexpr std::string_view kBetween[] = {
      "a",    "an",       "warm",   "hot", "very", "quite", "little", "bit", "slightly",
      "more", "somewhat", "really", "so",  "too",  "all",   "some",   "mild"};
  static constexpr std::string_view kFaceWords[] = {"face",   "faces", "facial",  "cheek",
                                                    "cheeks", "sweat", "sweats",  "sweating",
                                                    "sweaty", "blush", "blushing"};
  static constexpr std::string_view kMake[] = {"make", "makes", "made", "making"};
  static constexpr std::string_view kPerson[] = {"you", "him", "her", "them"};
  constexpr size_t kFaceWindow = 3, kStateWindow = 8;
  for (size_t k = match.first, between = 0; k-- > 0 && between <= 3; ++between) {
    const std::string_view word = tokens_[k].folded;
    if (IsListed(kFeelOrLook, word) || IsListed(kCause, word)) return true;
    if (word == "hot" && k + 1 == match.first) return true;  // "hot flushes"
    if (!IsListed(kBetween, word)) break;
  }
  if (tokens_[match.first].folded == "flushed") {
    for (size_t k = match.first; k-- > 1 && match.first - k <= kStateWindow;) {
      if (IsListed(kPerson, tokens_[k].folded) && IsListed(kMake, tokens_[k - 1].folded)) {
        return true;
      }
    }
  }
  const size_t from = match.first > kFaceWindow ? match.first - kFaceWindow : 0;
  const size_t to = std::min(tokens_.size(), match.end + kFaceWindow);
  for (size_t k = from; k < to; ++k) {
    if (IsListed(kFaceWords, tokens_[k].folded)) return true;
  }
  return false;
}

// Whether the term is explained on the spot by an everyday example after
// a comma: "clear liquids, like water or apple juice", "such as water".
// Not "like" meaning "as" before a pronoun, a determiner or a quantity
// ("atelectasis, like I mentioned", "edema, like the last time", "like
// most nodules", "like normal"), nor an example without a comma or a rare
// one ("agonists, such as guanfacine").
bool Classifier::ExplainedByAnExample(const LexiconMatch& match) const {
  // Besides the determiners (kDeterminers).
  static constexpr std::string_view kNoExample[] = {
      "these",  "those", "it",     "them", "i",      "me",    "you",    "we",   "us",    "he",
      "she",    "they",  "most",   "many", "some",   "all",   "any",    "each", "every", "other",
      "others", "last",  "before", "ever", "always", "usual", "normal", "when", "what",  "if",
      "so",     "said",  "in",     "on",   "at",     "for",   "with",   "to",   "from",  "of"};
  size_t k = match.end;
  if (k >= tokens_.size() || tokens_[k].folded != ",") return false;
  ++k;
  if (k < tokens_.size() && tokens_[k].folded == "like") {
    ++k;
  } else if (k + 1 < tokens_.size() && tokens_[k].folded == "such" &&
             tokens_[k + 1].folded == "as") {
    k += 2;
  } else {
    return false;
  }
  if (k < tokens_.size() && (tokens_[k].folded == "a" || tokens_[k].folded == "an")) ++k;
  if (k >= tokens_.size() || !tokens_[k].is_word() || tokens_[k].digits > 0) return false;
  const WordEntry* example = entries_[k];
  return example != nullptr && example->zipf >= kEverydayExampleZipf &&
         !IsListed(kDeterminers, tokens_[k].folded) && !IsListed(kNoExample, tokens_[k].folded);
}

// Whether the term matched opens with a word that is a register term by
// itself ("discharge summary").
bool Classifier::OpensWithRegisterWord(const LexiconMatch& match) const {
  const WordEntry* lead = entries_[match.first];
  if (match.end - match.first < 2 || lead == nullptr) return false;
  return std::any_of(lead->terms.begin(), lead->terms.end(),
                     [this](uint32_t id) { return index_.terms[id].category == "register"; });
}

// A familiar term can hold an acronym in capitals ("CT scan", "MRI
// machine"): the acronym still gets its finding (a known one's is gentle),
// as it would alone.
void Classifier::AddAcronymsInside(const LexiconMatch& match) {
  if (shouting_) return;  // every word is in capitals
  for (size_t k = match.first; k < match.end; ++k) {
    const Token& token = tokens_[k];
    if (!token.all_caps || token.letters < 2) continue;
    const Abbreviation* entry = index_.FindAbbreviation(AbbreviationKey(Written(token)));
    if (entry == nullptr) continue;
    LexiconMatch acronym;
    acronym.type = LexiconMatch::Type::kAbbreviation;
    acronym.first = k;
    acronym.end = k + 1;
    acronym.id = static_cast<uint32_t>(entry - index_.abbreviations.data());
    AddAbbreviationFinding(acronym);
  }
}

// A finding for one word that no table lists, judged by a rule: an
// unlisted acronym, a word on a medical affix, a rare word. `distinct` is
// what counts it once however often it stands; `certainty` scales its
// severity, 1 - familiarity.
void Classifier::AddWordFinding(size_t i, FindingKind kind, std::string_view term,
                                std::string_view distinct, std::string_view definition,
                                double familiarity, double certainty, std::string_view source) {
  clinical_sentence_ = true;
  Finding& finding = NewFinding(kind, i, i + 1);
  finding.term = storage_->Keep(term);
  finding.definition = definition;
  finding.familiarity = familiarity;
  finding.severity = certainty * (1 - familiarity);
  finding.source = source;
  CountJargon(1, familiarity);
  tally_.rule_words.push_back(WordTable::Hash(distinct));
}

// "q6h", "95% CI", "ACE inhibitor": one finding and one jargon word however
// many tokens.
void Classifier::AddNotationFinding(size_t first, size_t end, NotationKind kind) {
  clinical_sentence_ = true;
  // A grade or a stage whose meaning the message gives has had the advice
  // its finding would give: "grade 2 out of 3", "The stage tells how far
  // the cancer has spread".
  if (kind == NotationKind::kGradeStage &&
      ScaleExplainedAround(text_, tokens_[first].start, tokens_[end - 1].end)) {
    return;
  }
  const NotationInfo& info = InfoOf(kind);
  Finding& finding = NewFinding(FindingKind::kJargon, first, end);
  finding.term = info.term;
  const std::string plain =
      PlainNotation(kind, text_.substr(finding.start, finding.end - finding.start));
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
  // One jargon word however many tokens, if any holds a letter: the density
  // counts words of letters only, and "2+" or "2/6" alone is none.
  CountJargon(CountWords(tokens_, first, end, /*lexical=*/true) > 0 ? 1 : 0, 0);
  tally_.rule_words.push_back(
      WordTable::Hash(FoldCase(text_.substr(finding.start, finding.end - finding.start))));
}

void Classifier::ClassifyWord(size_t i, const WordEntry* word, int syllables, bool sentence_start) {
  const Token& token = tokens_[i];
  std::string_view base = StripPossessive(token.folded);
  if (AddAcronymFinding(i, word != nullptr ? word->zipf : 0) || token.digits > 0) return;
  if (token.letters == 1 && token.end - token.start == 1 && AddLetterFinding(i)) return;
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
      // "Cholestyramine 4 g packet"
      if (HasChemicalEnding(base) && PrescribedAsAMedicine(i)) return;
      // Less sure than a listed term: severity 0.8 of its share.
      AddWordFinding(i, FindingKind::kJargon, base, base, affix->description, familiarity, 0.8,
                     affix->source);
      return;
    }
  }
  if (zipf < kAffixJargonZipf && AddRareWordFinding(i, base, word, familiarity, sentence_start)) {
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

// Whether tokens_[i] is named after one of `nouns` and "called" or
// "named": "a pill called clomiphene", "a study called NORTHSTAR-2".
bool Classifier::CalledAfter(size_t i, std::span<const std::string_view> nouns) const {
  return i >= 2 && (tokens_[i - 1].folded == "called" || tokens_[i - 1].folded == "named") &&
         IsListed(nouns, tokens_[i - 2].folded);
}

// Whether a word the pronouncing dictionary lacks is built from everyday
// words, as the lexicon build's medical-text rule judges them: an everyday
// word (Zipf 3.5 or more) with a native ending ("strainer", "chalky",
// "achiness") or the prefix un- ("untwist"), or two everyday words run
// together ("cleanout", "bedside").
bool Classifier::EverydayByDerivation(std::string_view word) const {
  static constexpr std::string_view kNativeEndings[] = {"ers",  "er",   "y",   "ish",
                                                        "ness", "less", "ful", "ly"};
  auto everyday = [this](std::string_view w, double zipf) {
    const WordEntry* entry = index_.FindWord(w);
    return entry != nullptr && entry->zipf >= zipf;
  };
  for (std::string_view ending : kNativeEndings) {
    if (word.size() < ending.size() + 4 || !word.ends_with(ending)) continue;
    const std::string_view stem = word.substr(0, word.size() - ending.size());
    if (everyday(stem, 3.5) || everyday(std::string(stem) + "e", 3.5)) return true;
    // a y turned i before the ending: "sleepier"
    if (stem.ends_with('i') && everyday(std::string(stem.substr(0, stem.size() - 1)) + "y", 3.5)) {
      return true;
    }
  }
  // The native prefix of undoing or not, on an everyday word of five
  // letters or more, as the build's rule asks: "untwist", "unready".
  if (word.size() >= 7 && word.starts_with("un") && everyday(word.substr(2), 3.5)) return true;
  // The first part has four letters or more ("non", "pre" are prefixes:
  // "noncontrast", "premedication" stay); a last part of three letters
  // must be as common as "out" or "day" (Zipf 5.0: "triptan" stays).
  auto part = [&everyday](std::string_view w) { return everyday(w, w.size() > 3 ? 4.0 : 5.0); };
  for (size_t cut = 4; cut + 3 <= word.size(); ++cut) {
    if (part(word.substr(0, cut)) && part(word.substr(cut))) return true;
  }
  return false;
}

// Whether `word` is the British spelling of a word of the pronouncing
// dictionary, or of one of its forms ("summarised", "sterilised",
// "kilogrammes"): the rare-word rule spares it as it spares the US word.
bool Classifier::IsBritishSpellingOfAWord(std::string_view word) const {
  if (!MayBeBritishSpelling(word)) return false;
  const std::string us = UsSpelling(word);
  if (us == word) return false;
  InflectionStems forms(us);
  return std::any_of(forms.begin(), forms.end(), [this](std::string_view form) {
    const WordEntry* entry = index_.FindWord(form);
    return entry != nullptr && entry->syllables >= 0;
  });
}

bool Classifier::AddRareWordFinding(size_t i, std::string_view base, const WordEntry* word,
                                    double familiarity, bool sentence_start) {
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
        AddTermFinding(match, term, sentence_start);
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
  // than not ("Anjali", "Trelegy", "Synthroid is fine", "Vishal called").
  // No word of a language is longer than forty letters; a longer one is a
  // run of letters, a complex word at most.
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
  if (IsBritishSpellingOfAWord(base)) return false;  // "summarised", "kilogramme"
  // A word the message has named as a medicine stays one: "a new medicine
  // called elagolix ... when you start elagolix". Only a naming counts: a
  // dose nearby is a weaker sign, for that sentence alone.
  const uint64_t hash = WordTable::Hash(base);
  if (named_medicines_.count(hash)) return false;
  if (NamedAsAMedicine(i)) {
    named_medicines_.insert(hash);
    return false;
  }
  if (HasMedicineStem(base) || BeforeADose(i) ||
      (HasChemicalEnding(base) && PrescribedAsAMedicine(i)) || EndsAMedicinesName(i, base) ||
      NamesASaltedMedicine(i, base) || EverydayByDerivation(base)) {
    return false;
  }
  for (char c : base) {
    if (!(c >= 'a' && c <= 'z') && c != '-' && c != '\'')
      return false;  // a name in a script of its own
  }
  // Less sure than a listed term or an affix: severity 0.6 of its share.
  AddWordFinding(i, FindingKind::kJargon, base, base,
                 "a rare word that is not everyday English, likely medical", familiarity, 0.6,
                 "rare word");
  return true;
}

void Classifier::AddLongSentenceFinding(size_t position, size_t start, size_t end, int64_t words) {
  Finding& finding = *findings_.emplace(findings_.begin() + static_cast<std::ptrdiff_t>(position));
  finding.kind = FindingKind::kLongSentence;
  finding.start = start;
  finding.end = end;
  finding.term = storage_->Keep(std::to_string(words) + " words");
  if (split_advice_.empty()) {
    split_advice_ = storage_->Keep("split into sentences of at most " +
                                   std::to_string(options_.long_sentence_words) + " words");
  }
  finding.suggestion = split_advice_;
  const double limit = options_.long_sentence_words;
  finding.severity = std::clamp(0.3 + (static_cast<double>(words) - limit) / (2 * limit), 0.3, 1.0);
}

}  // namespace plainlang
