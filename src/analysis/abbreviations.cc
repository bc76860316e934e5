// The classifier's rules for abbreviations (classifier.h): which sense a
// listed one has here, whether the message defines or spells it out,
// acronyms no table lists, and the capitals that are names, credentials,
// clinics, studies or stressed words rather than shorthand.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "analysis/classifier.h"
#include "analysis/counter.h"
#include "analysis/notation.h"
#include "text/byte_scan.h"

namespace plainlang {
namespace {

// Small words that may sit inside an expanded abbreviation without adding
// a letter: "Department OF Health".
constexpr std::array<std::string_view, 9> kLinkWords = {"of", "and",  "the", "in", "for",
                                                        "to", "with", "on",  "a"};

bool IsLinkWord(std::string_view word) { return IsListed(kLinkWords, word); }

// Whether a word is written like an acronym: two or more capitals making at
// least half its letters ("TCHP", "LMICs", "HbA1c"), and not a Roman numeral.
bool LooksLikeAcronym(std::string_view written, const Token& token) {
  if (token.letters < 2) return false;
  if (!token.capitalized) {
    // One or two lower-case letters before the capitals qualify an
    // acronym: sIgE, hrHPV, pMMR, cPRA.
    const size_t first_capital = written.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    if (first_capital == 0 || first_capital > 2 || first_capital == std::string_view::npos ||
        !std::all_of(written.begin(), written.end(), IsAsciiAlnum)) {
      return false;
    }
  }
  size_t capitals = 0, numeral_letters = 0;
  for (char c : written) {
    if (c >= 'A' && c <= 'Z') ++capitals;
    switch (c) {
      case 'I':
      case 'V':
      case 'X':
      case 'L':
      case 'C':
      case 'D':
      case 'M': ++numeral_letters;
    }
  }
  if (numeral_letters == token.letters && token.letters <= 4) return false;  // II, XIV
  return capitals >= 2 && 2 * capitals >= token.letters;
}

// An acronym without the "s" of its plural: "LMICs" is LMIC, spelled out
// by "... countries"; "ARDS" keeps its S.
std::string_view WithoutPluralS(std::string_view acronym) {
  const size_t n = acronym.size();
  if (n > 2 && acronym[n - 1] == 's' && acronym[n - 2] >= 'A' && acronym[n - 2] <= 'Z') {
    acronym.remove_suffix(1);
  }
  return acronym;
}

// The Schwartz & Hearst (2003) test of a definition: the long form's
// letters account for every letter and digit of the short form, in order,
// the short form's first at the start of a word; and the long form has at
// most min(|SF| + 5, 2 |SF|) words. "complete blood count" accounts for
// CBC, "hemoglobin A1c" for HbA1c; "blood thinner" does not for BID.
bool AccountsFor(std::string_view long_form, std::string_view short_form) {
  short_form = WithoutPluralS(short_form);
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

// Whether a gloss says what one of an abbreviation's expansions says: it
// holds the expansion's wording ("PO (by mouth)"), or shares a word of four
// or more letters with it that our plain wording lacks ("BID (twice
// daily)": "daily"). A word our plain wording shares would let the plain
// wording define the abbreviation ("ODT (tablet that melts in the mouth)":
// "tablet"), and explained jargon stays jargon.
bool GlossMatches(std::string_view gloss, std::span<const std::string_view> expansions,
                  std::span<const std::string_view> plain) {
  const std::string folded = FoldCase(gloss);
  std::vector<std::string> plain_folded;
  std::vector<std::string_view> plain_words;
  for (std::string_view wording : plain) plain_folded.push_back(FoldCase(wording));
  for (const std::string& wording : plain_folded) {
    ForEachWord(wording, [&plain_words](std::string_view word) { plain_words.push_back(word); });
  }
  for (std::string_view expansion : expansions) {
    const std::string folded_expansion = FoldCase(expansion);
    // Words in the expansion's own brackets are not the sense: "twice a
    // day (bis in die)", "by mouth (per os)".
    std::string_view wording = folded_expansion;
    wording = wording.substr(0, std::min(wording.size(), wording.find('(')));
    while (!wording.empty() && wording.back() == ' ') wording.remove_suffix(1);
    if (wording.size() >= 4 && folded.find(wording) != std::string::npos) return true;
    bool shared = false;
    ForEachWord(wording, [&](std::string_view word) {
      if (shared || word.size() < 4 || IsLinkWord(word) || IsListed(plain_words, word)) return;
      for (size_t at = folded.find(word); at != std::string::npos && !shared;
           at = folded.find(word, at + 1)) {
        shared = at == 0 || !IsAsciiAlnum(folded[at - 1]);
      }
    });
    if (shared) return true;
  }
  return false;
}

// Whether the words before tokens[open] read as one of the abbreviation's
// listed expansions ("twice daily (BID)").
bool ReadsAsExpansionBefore(std::span<const Token> tokens, size_t open,
                            std::span<const std::string_view> expansions) {
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

// Whether the words before tokens[open] ("complete blood count (") define
// the abbreviation: by the Schwartz & Hearst test, or by reading as one of
// its listed expansions.
bool DefinedBefore(std::string_view text, std::span<const Token> tokens, size_t open,
                   std::string_view written, std::span<const std::string_view> expansions) {
  // The long form's words, back from the parenthesis over hyphens and slashes.
  size_t first = open, words = 0;
  while (first > 0 && words < 16) {
    const Token& token = tokens[first - 1];
    if (!token.is_word() && token.folded != "-" && token.folded != "/" && token.folded != "'")
      break;
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
  return ReadsAsExpansionBefore(tokens, open, expansions);
}

// Whether the words right before tokens[comma] start with the letters of
// `written`, one word a letter ("bacterial vaginosis, or BV"), "of" and
// "the" skipped, or read as a listed expansion. Stricter than Schwartz &
// Hearst: after ", or" an alternative is as likely as a definition
// ("medicine, or IM shots", "go home today, or HD").
bool InitialsBefore(std::span<const Token> tokens, size_t comma, std::string_view written,
                    std::span<const std::string_view> expansions) {
  if (ReadsAsExpansionBefore(tokens, comma, expansions)) return true;
  std::string letters;
  for (char c : WithoutPluralS(written)) {  // "UTIs", not "BPS"
    if (IsAsciiAlnum(c)) letters += LowerAscii(c);
  }
  size_t k = comma;
  for (size_t letter = letters.size(); letter-- > 0;) {
    while (k > 0 && (tokens[k - 1].folded == "-" || tokens[k - 1].folded == "of" ||
                     tokens[k - 1].folded == "the")) {
      --k;
    }
    if (k == 0 || !tokens[k - 1].is_word() || tokens[k - 1].folded[0] != letters[letter]) {
      return false;
    }
    --k;
  }
  return true;
}

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

}  // namespace

// Whether a parenthesis opening at tokens_[end] defines the abbreviation
// written before it: its words account for the letters ("CBC (complete
// blood count)", Schwartz & Hearst), or it says one of the expansions of
// `entry`, the abbreviation's row when the table has one ("BID (twice a
// day)"). Our plain wording in brackets explains without defining ("SCDs
// (leg squeeze sleeves)"): explained jargon stays jargon. Any other
// parenthesis is about something else: "Clopidogrel 75 mg PO BID (blood
// thinner)".
bool Classifier::ExplainedAfter(size_t end, std::string_view written,
                                const Abbreviation* entry) const {
  // An explanation is a few words; looking further would make a sentence of
  // "CBC ( CBC ( ..." quadratic.
  constexpr size_t kLongestExplanation = 30;
  if (end + 1 >= tokens_.size() || tokens_[end].folded != "(") return false;
  const size_t limit = std::min(tokens_.size(), end + 1 + kLongestExplanation);
  for (size_t k = end + 1; k < limit; ++k) {
    if (tokens_[k].folded != ")") continue;
    if (CountWords(tokens_, end + 1, k) == 0) return false;
    // A parenthesis that writes the abbreviation again restates it
    // ("2 tabs PO BID (1,000 mg BID)"): Schwartz & Hearst's long form
    // never holds its short form.
    for (size_t w = end + 1; w < k; ++w) {
      if (Written(tokens_[w]) == written) return false;
    }
    const std::string_view inside =
        text_.substr(tokens_[end + 1].start, tokens_[k - 1].end - tokens_[end + 1].start);
    return AccountsFor(inside, written) ||
           (entry != nullptr && GlossMatches(inside, entry->expansions, entry->plain));
  }
  return false;
}

// An acronym no table holds ("TCHP", "LMICs"): unexplained, it is as opaque
// as a listed one, and we cannot say what it stands for. Returns false when
// the word is not written as an acronym, or is a common one written in
// capitals ("USA"), left to the caller.
bool Classifier::AddAcronymFinding(size_t i, double zipf) {
  const Token& token = tokens_[i];
  std::string_view written = Written(token);
  if (shouting_ || !LooksLikeAcronym(written, token)) return false;
  const double familiarity = ZipfFamiliarity(zipf);
  if (familiarity >= options_.jargon_familiarity) return false;
  const std::string key(WithoutPluralS(written));
  const bool in_parentheses = i > 0 && i + 1 < tokens_.size() && tokens_[i - 1].folded == "(" &&
                              tokens_[i + 1].folded == ")";
  if ((in_parentheses && DefinedBefore(text_, tokens_, i - 1, written, {})) ||
      (AfterCommaOr(i) && InitialsBefore(tokens_, i - 2, written, {})) ||
      ExplainedAfter(i + 1, written, nullptr)) {
    defined_acronyms_.insert(key);
  }
  if (defined_acronyms_.count(key) || IsCredential(i, i + 1) || NamesAStudy(i, i + 1, true) ||
      IsGeneralAbbreviation(i)) {
    return true;
  }

  // Less sure than a listed abbreviation: severity 0.8 of its share.
  AddWordFinding(i, FindingKind::kAbbreviation, written, key,
                 "an abbreviation plainlang does not know; write out what it stands for",
                 familiarity, 0.8, "unlisted");
  return true;
}

// Whether tokens_[first, end), in capitals, is a research study's name:
// "the HEARTWISE study", "ORCHID trial", "ABX-212 study", "a study called
// NORTHSTAR-2". Names are not jargon. Before "study" or "trial", a short
// acronym is most often the test or treatment studied ("the MBS study",
// "a TOV trial", "your BRCA-2 study"): an unlisted one (`unlisted`) is a
// name when it is five letters or more or carries a code's number, a
// listed one only with a code's number of three digits or more. After
// "called" or "named", so is the name of a law, a program or a group ("a
// law called GINA", "a program called WIC"): things that are not care.
bool Classifier::NamesAStudy(size_t first, size_t end, bool unlisted) const {
  static constexpr std::string_view kStudies[] = {"study", "trial", "studies", "trials"};
  static constexpr std::string_view kBodies[] = {
      "law",   "program",  "programme",    "app",     "website",
      "group", "campaign", "organization", "charity", "foundation"};
  const Token& name = tokens_[first];
  if (!name.all_caps) return false;
  if (CalledAfter(first, kStudies) || CalledAfter(first, kBodies)) return true;
  size_t k = end;
  const bool coded = k + 1 < tokens_.size() && tokens_[k].folded == "-" &&
                     !tokens_[k].space_before && !tokens_[k + 1].space_before &&
                     tokens_[k + 1].digits > 0 && (unlisted || tokens_[k + 1].digits >= 3);
  if (coded) k += 2;
  const bool named = coded || (unlisted && end == first + 1 && name.letters >= 5);
  return named && k < tokens_.size() && IsListed(kStudies, tokens_[k].folded);
}

// The sense of an ambiguous abbreviation that the rest of the message
// supports: at least half of its words of four or more letters (and one at
// least) stand in the message. -1 when no sense or more than one is.
int Classifier::SenseFromContext(std::span<const std::string_view> senses) {
  if (message_words_.empty()) {
    // The message's words once, as hashes of their folded forms and of
    // their singulars ("androgens" supports "androgen").
    std::string folded(text_);
    for (char& c : folded) c = LowerAscii(c);
    ForEachWord(folded, [this](std::string_view word) {
      if (word.size() < 4) return;
      message_words_.push_back(WordTable::Hash(word));
      if (word.back() == 's') {
        message_words_.push_back(WordTable::Hash(word.substr(0, word.size() - 1)));
      }
    });
    message_words_.push_back(0);  // not empty once made
    std::sort(message_words_.begin(), message_words_.end());
  }
  int chosen = -1;
  for (size_t k = 0; k < senses.size(); ++k) {
    const std::string sense = FoldCase(senses[k]);
    size_t words = 0, present = 0;
    ForEachWord(sense, [&](std::string_view word) {
      if (word.size() < 4 || IsLinkWord(word)) return;
      ++words;
      present +=
          std::binary_search(message_words_.begin(), message_words_.end(), WordTable::Hash(word));
    });
    if (words == 0 || present == 0 || 2 * present < words) continue;
    if (chosen >= 0) return -1;  // two senses fit: the context does not tell
    chosen = static_cast<int>(k);
  }
  return chosen;
}

namespace {

// The share of the words of `spelled`, in lower case (four letters or
// more, no link word), that `expansion` holds too, a word told by its
// first five letters: "randomised controlled trials" and "randomized
// controlled trial" share all; "acute chest syndrome" and "acute coronary
// syndrome" two of three.
double SharedWording(std::string_view spelled, std::string_view expansion) {
  const std::string other = LowerAscii(expansion);
  size_t words = 0, shared = 0;
  ForEachWord(spelled, [&](std::string_view word) {
    if (word.size() < 4 || IsLinkWord(word)) return;
    ++words;
    bool found = false;
    ForEachWord(other, [&](std::string_view candidate) {
      found = found || (candidate.size() >= 4 && candidate.substr(0, 5) == word.substr(0, 5));
    });
    shared += found;
  });
  return words == 0 ? 0 : static_cast<double>(shared) / static_cast<double>(words);
}

// The listed sense that `spelled`, the words that spell an acronym out,
// name: the one sharing the most of their words, at least half; -1 for
// none (a sense the tables lack: "continuous androgen suppression" is not
// "clinical activity score").
int ListedSenseOf(std::string_view spelled, std::span<const std::string_view> expansions) {
  const std::string lower = LowerAscii(spelled);
  int best = -1;
  double best_share = 0.5;
  for (size_t k = 0; k < expansions.size(); ++k) {
    const double share = SharedWording(lower, expansions[k]);
    if (share > best_share || (best < 0 && share >= best_share)) {
      best = static_cast<int>(k);
      best_share = share;
    }
  }
  return best;
}

// Link words that may stand inside a spelled-out acronym, skipped or
// giving their letter ("rupture of membranes" for ROM, "Department of
// Health" for DH). Not "and", which joins words that happen to spell one
// ("pain and runny nose" for PRN).
constexpr std::string_view kSpellingLinks[] = {"of", "the", "for", "in", "on", "to"};

}  // namespace

// The words of letters that end at byte `end` of the message, up to
// `count` of them, going back while only spaces and hyphens part them (a
// line break or a mark ends the run), in the order written.
void Classifier::WordsBefore(size_t end, size_t count, std::vector<MessageWord>* words) const {
  words->clear();
  size_t at = end;
  while (words->size() < count && at > 0 && IsAsciiLetter(text_[at - 1])) {
    size_t start = at;
    bool capitals = true;
    while (start > 0 && IsAsciiLetter(text_[start - 1])) capitals &= text_[--start] <= 'Z';
    MessageWord& word = words->emplace_back();
    word.start = start;
    word.length = at - start;
    word.initial = LowerAscii(text_[start]);
    word.capitals = capitals;
    const std::string_view written = text_.substr(start, word.length);
    word.link =
        std::any_of(std::begin(kSpellingLinks), std::end(kSpellingLinks),
                    [written](std::string_view link) { return EqualsLowerAscii(written, link); });
    at = start;
    while (at > 0 && (text_[at - 1] == ' ' || text_[at - 1] == '-')) --at;
  }
  std::reverse(words->begin(), words->end());
}

// The end (one past the last) of a run of `words` from `w` on that spells
// `written` from its letter `letter`, or 0. A link word is skipped or
// gives its letter; at most one is skipped in a row.
size_t Classifier::SpellingEnd(std::span<const MessageWord> words, size_t w, size_t letter,
                               std::string_view written, bool skipped_link) {
  if (letter == written.size()) return w;
  if (w >= words.size()) return 0;
  const MessageWord& word = words[w];
  const bool starts_right = word.initial == LowerAscii(written[letter]);
  if (word.link) {
    if (letter == 0) return 0;  // a run opens with a word of its own
    if (starts_right) {
      if (const size_t end = SpellingEnd(words, w + 1, letter + 1, written, false); end > 0) {
        return end;
      }
    }
    return skipped_link ? 0 : SpellingEnd(words, w + 1, letter, written, true);
  }
  // A word in capitals is an acronym itself, not one spelled out.
  if (!starts_right || word.length < 3 || word.capitals) return 0;
  return SpellingEnd(words, w + 1, letter + 1, written, false);
}

// The words of the message that spell out `written`, an acronym of three
// to six capitals: one word a letter, in order, link words between
// (SpellingEnd), nothing but spaces and hyphens between; empty when there
// are none. They say which sense the message means, whatever the tables
// list ("continuous androgen suppression" for CAS). Words that happen to
// spell an acronym are mostly everyday ("pain, runny nose" for PRN), so
// the run must end with a term of the tables of two or more words that the
// message used before ("androgen suppression"; the analyser's own matches,
// term_spans_), and hold a word rarer than Zipf 4.0 or read as one of the
// listed `expansions` word for word ("acute chest syndrome" for ACS). The
// first such run counts.
std::string_view Classifier::SpelledOutInText(std::string_view written,
                                              std::span<const std::string_view> expansions) {
  // Each acronym costs a look at the terms before it; prose names far
  // fewer, and the cap bounds a message made of acronyms.
  constexpr size_t kMostSpelledOut = 32;
  if (written.size() < 3 || written.size() > 6 ||
      !std::all_of(written.begin(), written.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return {};
  }
  // An acronym looked for before: only the terms since then are new.
  auto looked = std::find_if(spelled_out_.begin(), spelled_out_.end(),
                             [written](const SpelledOut& s) { return s.acronym == written; });
  if (looked != spelled_out_.end() && !looked->run.empty()) return looked->run;
  if (looked == spelled_out_.end()) {
    if (spelled_out_.size() >= kMostSpelledOut) return {};
    looked = spelled_out_.insert(spelled_out_.end(), {std::string(written), {}, 0});
  }
  const size_t from = looked->terms_seen;
  looked->terms_seen = term_spans_.size();
  std::string_view found;
  std::vector<MessageWord> words;
  std::string run;  // the run's words, folded, spaced
  const char initial = LowerAscii(written[0]);
  const char last_letter = LowerAscii(written.back());
  for (size_t t = from; t < term_spans_.size() && found.empty(); ++t) {
    const auto [term_start, term_end] = term_spans_[t];
    // Most terms leave here: the run's last word, the term's, gives the
    // acronym's last letter.
    size_t last_word = term_end;
    while (last_word > term_start && IsAsciiAlnum(text_[last_word - 1])) --last_word;
    if (last_word == term_end || LowerAscii(text_[last_word]) != last_letter) continue;
    WordsBefore(term_end, 2 * written.size(), &words);
    for (size_t first = 0; first < words.size() && found.empty(); ++first) {
      // The run holds the whole term.
      if (words[first].start > term_start) break;
      if (words[first].initial != initial ||
          SpellingEnd(words, first, 0, written, false) != words.size()) {
        continue;
      }
      run.clear();
      bool rare = false;
      for (size_t w = first; w < words.size(); ++w) {
        const std::string word = FoldCase(text_.substr(words[w].start, words[w].length));
        const WordEntry* entry = index_.FindWord(word);
        rare = rare || entry == nullptr || entry->zipf < 4.0;
        run += (run.empty() ? "" : " ") + word;
      }
      // `run` is folded: lower case, as SharedWording asks.
      if (rare || std::any_of(expansions.begin(), expansions.end(), [&run](std::string_view e) {
            return SharedWording(run, e) == 1.0;
          })) {
        found = text_.substr(words[first].start, term_end - words[first].start);
      }
    }
  }
  looked->run = found;
  return found;
}

// Whether an abbreviation names a field of care or a place of it, by the
// last word of one of its senses: "GI" (gastroenterology), "OB/GYN", "ENT"
// (ear, nose, and throat), "ER" (emergency room). Treatments and units
// ("CBT", therapy; "IU", unit) are not fields.
bool NamesAField(const Abbreviation& entry) {
  static constexpr std::string_view kFieldEndings[] = {"logy", "iatry", "ics"};
  static constexpr std::string_view kPlaces[] = {"medicine", "department", "room",
                                                 "throat",   "surgery",    "rehabilitation"};
  return std::any_of(entry.expansions.begin(), entry.expansions.end(), [](std::string_view sense) {
    const size_t space = sense.find_last_of(" /");
    const std::string last =
        LowerAscii(space == std::string_view::npos ? sense : sense.substr(space + 1));
    return EndsWithAny(last, kFieldEndings) || IsListed(kPlaces, last);
  });
}

// Whether tokens_[first, end), an abbreviation of a field of care, ends a
// clinic's name after a place's name: "Riverbend GI", "Lakeview OB/GYN".
// The name is a capitalised word that is no everyday word (none of the
// pronouncing dictionary as common as Zipf 3.0: not "Monday PT", "Home
// PT", "Weekly CBT", "Your GI doctor"), no term or medicine ("Metformin
// ER") and no title; not after "the" ("the Mercy ED" is the hospital's
// unit, shorthand still) nor right before a number ("Peto OR 2.3").
// Names of clinics are not jargon.
bool Classifier::NamesAClinic(size_t first, size_t end, const Abbreviation& entry) const {
  if (first == 0 || !tokens_[first].space_before || LineBreakBetween(first - 1, first)) {
    return false;
  }
  const Token& name = tokens_[first - 1];
  if (!name.is_word() || !name.capitalized || name.all_caps || name.digits > 0 ||
      IsPersonalTitle(name.folded)) {
    return false;
  }
  const WordEntry* word = entries_[first - 1];
  if (word != nullptr && (!word->terms.empty() || word->allowed ||
                          (word->syllables >= 0 && word->zipf >= kUncommonNameZipf))) {
    return false;
  }
  if (first >= 2 && tokens_[first - 2].folded == "the") return false;
  if (end < tokens_.size() && tokens_[end].kind == TokenKind::kNumber) return false;
  return NamesAField(entry);
}

// Whether a one-token abbreviation written with dots is general English,
// not clinical shorthand: a time of day ("8 A.M.", "p.m."), a country
// ("U.K.", "U.S.A."), "U.S." where a place is meant ("lives in the U.S.",
// "U.S. rules") and "Washington, D.C." in capitals. In messages about
// care "the U.S." is more often the ultrasound ("The U.S. of your
// gallbladder", "bring the U.S. report"), and "d.c." discontinues ("Per
// Dr. Washington, d.c. the lisinopril"). And "ID", identification, where
// it names a card or a number ("pacemaker ID card", "photo ID", "member ID
// number"), not the infectious-disease clinic ("ID clinic 9/23").
bool Classifier::IsGeneralAbbreviation(size_t i) const {
  static constexpr std::string_view kAlways[] = {"a.m", "p.m", "u.k", "u.s.a"};
  // What a country has: "U.S. rules", "U.S. citizens".
  static constexpr std::string_view kOfACountry[] = {
      "rules",    "guidelines", "guideline",  "citizens", "citizen", "residents",
      "resident", "government", "dollars",    "law",      "laws",    "army",
      "military", "navy",       "department", "census",   "states",  "population"};
  // Where one is: "in the U.S.", "outside the U.S.".
  static constexpr std::string_view kWhere[] = {"in",      "to",         "from",   "across",
                                                "outside", "throughout", "within", "around"};
  static constexpr std::string_view kIdentifies[] = {"card",   "cards", "badge", "bracelet",
                                                     "number", "tag",   "band",  "wristband"};
  const Token& token = tokens_[i];
  if (Written(token) == "ID") {
    return (i + 1 < tokens_.size() && IsListed(kIdentifies, tokens_[i + 1].folded)) ||
           (i > 0 && (tokens_[i - 1].folded == "photo" || tokens_[i - 1].folded == "picture"));
  }
  if (!token.has_dot) return false;
  const std::string_view folded = token.folded;
  if (IsListed(kAlways, folded)) return true;
  if (folded == "u.s") {
    // The last dot may stand alone as a token: "U.S" "." "rules".
    size_t next = i + 1;
    if (next < tokens_.size() && tokens_[next].folded == ".") ++next;
    return (i > 1 && tokens_[i - 1].folded == "the" && IsListed(kWhere, tokens_[i - 2].folded)) ||
           (next < tokens_.size() && IsListed(kOfACountry, tokens_[next].folded));
  }
  if (Written(token) == "D.C") {
    size_t k = i;
    if (k > 0 && tokens_[k - 1].folded == ",") --k;
    return k > 0 && tokens_[k - 1].folded == "washington" &&
           !(k > 1 && (IsPersonalTitle(tokens_[k - 2].folded) || tokens_[k - 2].folded == "."));
  }
  return false;
}

// An abbreviation no table rates is this familiar (lexicon_index.h).
constexpr float kUnratedFamiliarity = Abbreviation{}.familiarity;

// Whether tokens_[first, end), an abbreviation, is among the credentials
// after a name: "Dana Ruiz, NP", "Omar Haddad, MD, PhD", "Lee Park, MSN,
// FNP-BC". The list runs from a comma after a capitalised name to the end
// of its line, and holds only words with capitals, hyphens, slashes and
// commas; a licence of the care team may end it before more words
// (IsLicenceOfANamedPerson). Signatures are not jargon.
bool Classifier::IsCredential(size_t first, size_t end) const {
  auto in_list = [this](const Token& token) {
    return token.folded == "," || token.folded == "-" || token.folded == "/" ||
           (token.is_word() && token.capitalized && token.letters == 1 &&
            token.end - token.start == 1) ||  // the C of PA-C
           (token.is_word() && token.capitalized && token.letters >= 2 &&
            token.letters + token.digits == token.end - token.start &&
            std::any_of(text_.begin() + static_cast<std::ptrdiff_t>(token.start) + 1,
                        text_.begin() + static_cast<std::ptrdiff_t>(token.end),
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
  // A licence of the care team right after a name's comma is one before a
  // preposition, a bracket or a title too: "This is Dana, RN with the
  // anesthesia team", "Nadia, RN Case Manager", "Denise Moreau, RN
  // (555-0188)". The name is no everyday word ("Next, SLP will assess").
  if (k == first && IsLicenceOfANamedPerson(first, end)) return true;
  // The list ends the line, or a comma ends it before a clinic's name or a
  // title, which may open with capitals ("Luis Herrera, RN, Heart Failure
  // Clinic", "Bea Lim, RN, ECT Nurse Coordinator").
  bool comma_after = false;  // the list goes on after this abbreviation
  for (size_t j = end; j < tokens_.size(); ++j) {
    if (j >= end + kLongestList) return false;
    if (LineBreakBetween(j - 1, j)) return true;
    if (in_list(tokens_[j])) {
      comma_after |= tokens_[j].folded == ",";
      continue;
    }
    if (tokens_[j].folded == "." || tokens_[j - 1].folded == ",") return true;
    // A title opening with capitals after the list's last comma: only
    // capitalised words from there to the end of the line, no full stop
    // ("Hi Ana, MRI, EKG Thursday and labs Friday." is no signature).
    if (!comma_after) return false;
    for (size_t t = j; t < tokens_.size() && !LineBreakBetween(t - 1, t); ++t) {
      if (tokens_[t].is_word() ? !tokens_[t].capitalized : tokens_[t].folded == ".") return false;
    }
    return true;
  }
  return true;
}

// Whether tokens_[first, end), an abbreviation after a capitalised word and
// a comma, is a licence of the care team after a person's name (IsCredential).
bool Classifier::IsLicenceOfANamedPerson(size_t first, size_t end) const {
  static constexpr std::string_view kLicences[] = {
      "rn",  "lpn",    "lvn", "np",  "aprn",  "fnp",  "cnm",  "crna", "md",   "pa",  "pa-c",
      "rph", "pharmd", "rd",  "rdn", "cdces", "lcsw", "lmft", "lpc",  "psyd", "dds", "dmd",
      "dpt", "otr",    "slp", "rrt", "ibclc", "msw",  "bsn",  "msn",  "dnp",  "phd", "cma"};
  static constexpr std::string_view kPrepositions[] = {"with", "at", "in", "from", "for", "on"};
  std::string_view written = tokens_[first].folded;
  std::string joined;  // a licence of several tokens: "PA-C"
  if (end - first > 1) {
    joined =
        FoldCase(text_.substr(tokens_[first].start, tokens_[end - 1].end - tokens_[first].start));
    written = joined;
  }
  if (!IsListed(kLicences, written)) return false;
  const WordEntry* name = entries_[first - 2];
  if (name != nullptr && name->zipf >= kStressedWordZipf) return false;  // "Next,", "Also,"
  if (end >= tokens_.size() || LineBreakBetween(end - 1, end)) return true;
  const Token& after = tokens_[end];
  return after.folded == "(" || after.folded == "," || after.folded == "." ||
         (after.is_word() && after.capitalized) || IsListed(kPrepositions, after.folded);
}

// Whether tokens_[i], a word in capitals, is a verb that gives an order,
// stressed: opening its line or its list item with a word, or a colon and
// a word, after it ("STOP lisinopril", "- NO NSAIDs", "STOP: ibuprofen"),
// or closing its clause after "then", or after a colon that follows a
// medicine on its line ("x 2 more weeks, then STOP", "Nystatin 5 mL:
// STOP, finished"; not "Procedure: STOP, 9 weeks", "Gas: NO, 20 ppm").
bool Classifier::StressedInstruction(size_t i) const {
  static constexpr std::string_view kStressedOrders[] = {
      "stop",  "do",    "don't", "hold",   "take",     "call",   "avoid", "start", "keep",
      "skip",  "wait",  "use",   "bring",  "continue", "resume", "go",    "eat",   "drink",
      "check", "never", "give",  "remove", "wear",     "tell",   "no"};
  const std::string_view word = tokens_[i].folded;
  if (!IsListed(kStressedOrders, word)) return false;
  const bool line_ends = i + 1 >= tokens_.size() || LineBreakBetween(i, i + 1);
  const bool clause_ends =
      line_ends || tokens_[i + 1].folded == "," || tokens_[i + 1].folded == ".";
  if (i > 0 && !LineBreakBetween(i - 1, i) && clause_ends &&
      (tokens_[i - 1].folded == "then" ||
       (tokens_[i - 1].folded == ":" &&
        MedicineEarlierOnLine(i - 1, /*classes_and_acronyms=*/false)))) {
    return true;
  }
  if (line_ends) return false;
  // A list's heading ("STOP: ibuprofen") has a word after its colon.
  if (tokens_[i + 1].folded == ":") {
    if (i + 2 >= tokens_.size() || LineBreakBetween(i + 1, i + 2) || !tokens_[i + 2].is_word() ||
        IsNumber(tokens_[i + 2])) {
      return false;
    }
  } else if (!tokens_[i + 1].is_word()) {
    return false;
  }
  auto opens_line = [this](size_t k) { return k == 0 || LineBreakBetween(k - 1, k); };
  if (opens_line(i)) return true;
  // After a list's mark that opens its line ("- STOP", "• HOLD"), or a
  // list's number that does ("5. STOP", "1) HOLD"), not "(3.5) STOP" or
  // "Procedure: STOP at 9 weeks".
  const std::string_view before = tokens_[i - 1].folded;
  if (before == "-" || before == "*" || before == "\u2022") return opens_line(i - 1);
  if (before == "." || before == ")") {
    return i >= 2 && IsNumber(tokens_[i - 2]) && opens_line(i - 2);
  }
  return false;
}

void Classifier::AddAbbreviationFinding(const LexiconMatch& match) {
  const Abbreviation& entry = index_.abbreviations[match.id];
  // A sources' abbreviation (not ours) that spells an everyday word in
  // capitals ("STOP", "DO", "FAST") may be that word, stressed: it needs a
  // clinical sentence (FinishSentence).
  const Token& first = tokens_[match.first];
  const WordEntry* word = match.end - match.first == 1 ? entries_[match.first] : nullptr;
  std::string_view written = text_.substr(first.start, tokens_[match.end - 1].end - first.start);
  // So does shorthand written in another case than listed ("fx" for "Fx",
  // "Wt" for "wt", the matcher's CaseAllows): "hx of hip fx", not "fx
  // chain".
  const bool other_case = entry.exact_case && word != nullptr && !first.has_dot &&
                          written != entry.written && written.size() == entry.written.size();
  // And so does our shorthand that spells a common word (Zipf 4.0) in lower
  // case, unless a count comes before it: "2 caps PO qHS", "one cap", but
  // "a crown, or cap".
  const bool spelt_as_word = !first.capitalized && word != nullptr && word->syllables >= 0 &&
                             word->zipf >= 4.0 && entry.source.starts_with("plainlang") &&
                             !(match.first > 0 && IsCount(tokens_[match.first - 1]));
  const bool everyday_word =
      other_case || spelt_as_word ||
      (first.all_caps && word != nullptr && word->zipf >= kStressedWordZipf &&
       !entry.source.starts_with("plainlang"));
  // A verb in capitals opening an instruction is the verb stressed, even in
  // a clinical sentence: "STOP lisinopril", "- DO take it", "DO NOT eat".
  if (everyday_word && !other_case && StressedInstruction(match.first)) return;
  if (match.end - match.first == 1 && IsGeneralAbbreviation(match.first)) return;
  bool brand = false;
  const ProductModifier* modifier =
      match.end - match.first == 1 ? ProductModifierAt(match.first, &brand) : nullptr;
  if (modifier != nullptr && brand) return;
  // Any other, even "mg" or a defined one, is clinical writing.
  if (!everyday_word) clinical_sentence_ = true;
  // "complete blood count (CBC)": the definition itself and what follows are
  // explained. "BID (twice a day)": explained where it stands and after.
  bool in_parentheses = match.first > 0 && match.end < tokens_.size() &&
                        tokens_[match.first - 1].folded == "(" && tokens_[match.end].folded == ")";
  if (in_parentheses && DefinedBefore(text_, tokens_, match.first - 1, written, entry.expansions)) {
    defined_.insert(match.id);
  }
  if (AfterCommaOr(match.first) &&
      InitialsBefore(tokens_, match.first - 2, written, entry.expansions)) {
    defined_.insert(match.id);
  }
  if (ExplainedAfter(match.end, written, &entry)) defined_.insert(match.id);
  if (defined_.count(match.id) || IsCredential(match.first, match.end)) return;
  if (NamesAClinic(match.first, match.end, entry) || NamesAStudy(match.first, match.end, false)) {
    return;
  }
  // A name in title case after a title is a person's ("Dr. Hannah Ibe").
  if (!first.all_caps && AfterAPersonalTitle(match, /*past_first_name=*/true)) {
    return;
  }
  // A widely known acronym (MRI, ICU, ER) is still an acronym: plain-language
  // guidance is to spell it out at first use. It gets a finding of low
  // severity and weighs little in the density.
  // Everyday abbreviations ("p.m.", "TV") are never flagged, even as a
  // product's modifier ("Tylenol PM"); a known acronym after a medicine is
  // its form, not the acronym ("metformin ER").
  const bool familiar = entry.familiarity >= options_.jargon_familiarity;
  if (familiar && !IsKnownShorthand(entry)) return;
  const bool known = familiar && modifier == nullptr;
  const WordEntry* written_entry =
      match.end - match.first == 1 ? entries_[match.first] : index_.FindWord(FoldCase(written));
  if (written_entry != nullptr && written_entry->allowed) return;

  Finding& finding = NewFinding(FindingKind::kAbbreviation, match.first, match.end);
  finding.term = entry.written;
  finding.expansions = entry.expansions;
  // The message may write the acronym's words out itself: that is its
  // sense here, listed or not ("continuous androgen suppression ... CAS").
  // Our plain wording is for the usual sense, the first listed. Without
  // either, of several senses the one the message's own words point to
  // ("RA" in a message about joints and arthritis); none when they point
  // to none or to several.
  const std::string_view spelled_out =
      known ? std::string_view() : SpelledOutInText(written, entry.expansions);
  const int spelled_sense = spelled_out.empty() ? -1 : ListedSenseOf(spelled_out, entry.expansions);
  if (modifier != nullptr) {
    finding.suggestion = modifier->plain;
    finding.definition = modifier->meaning;
  } else if (!spelled_out.empty() && (spelled_sense != 0 || entry.plain.empty())) {
    // The message's own words when the tables lack the sense, else the
    // listed sense they name; our plain wording is for the first.
    finding.suggestion = spelled_sense < 0 ? storage_->Keep(LowerAscii(spelled_out))
                                           : entry.expansions[static_cast<size_t>(spelled_sense)];
    finding.definition = storage_->Keep("here: " + std::string(finding.suggestion) +
                                        ", as the message writes it out");
  } else if (!entry.plain.empty()) {
    finding.suggestion = entry.plain.front();
    finding.alternatives = entry.plain;
  } else if (entry.expansions.size() == 1) {
    finding.suggestion = entry.expansions.front();
  } else if (const int sense = SenseFromContext(entry.expansions); sense >= 0) {
    finding.suggestion = entry.expansions[static_cast<size_t>(sense)];
    if (!known) {
      finding.definition = storage_->Keep("here most likely: " + std::string(finding.suggestion));
    }
  } else if (!known) {
    // Ambiguous: say so rather than show one sense as if sure.
    std::string senses = "ambiguous: it may mean ";
    for (size_t k = 0; k < entry.expansions.size() && k < 4; ++k) {
      senses += (k == 0                                                  ? ""
                 : k + 1 == std::min<size_t>(entry.expansions.size(), 4) ? " or "
                                                                         : ", ");
      senses += entry.expansions[k];
    }
    senses += "; write out the one you mean";
    finding.definition = storage_->Keep(senses);
  }
  if (known) {
    finding.definition = kKnownShorthandAdvice;
    // Where the message already writes our plain wording ("HIV", "CT scan"),
    // the advice left is to spell the acronym out.
    const std::string_view here = text_.substr(first.start);
    const std::string_view plain = finding.suggestion;
    if (!entry.expansions.empty() && here.size() >= plain.size() &&
        std::equal(plain.begin(), plain.end(), here.begin(),
                   [](char a, char b) { return LowerAscii(a) == LowerAscii(b); })) {
      finding.suggestion =
          storage_->Keep(std::string(entry.expansions.front()) + " (" + std::string(written) + ")");
    }
  } else if (finding.definition.empty() && entry.expansions.size() == 1 && !entry.plain.empty() &&
             entry.plain.front() != entry.expansions.front()) {
    finding.definition = entry.expansions.front();
  }
  // A modifier is as little known as an abbreviation no table rates.
  const float listed_familiarity = modifier != nullptr ? kUnratedFamiliarity : entry.familiarity;
  finding.familiarity = listed_familiarity;
  finding.source = entry.source;
  finding.severity = known ? 0.1 : 0.9 * (1 - listed_familiarity);
  // A word to a reader for each run of glued tokens ("f/u" one, "alk phos"
  // two), as TakeMatch counts them; a known acronym weighs at most 0.1 of
  // one, whatever its familiarity says.
  int64_t words = 0;
  for (size_t k = match.first; k < match.end; k = GluedRunEnd(tokens_, k, match.end)) ++words;
  const double familiarity = known ? std::max(entry.familiarity, 0.9f) : listed_familiarity;
  if (everyday_word) {
    deferred_.push_back({findings_.size() - 1, match.id, words, familiarity, true});
    return;
  }
  CountJargon(words, familiarity);
  tally_.abbreviations.push_back(match.id);
}

}  // namespace plainlang
