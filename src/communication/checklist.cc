#include "communication/checklist.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <limits>
#include <string>

#include "communication/rules.h"
#include "text/byte_scan.h"

namespace plainlang {
namespace {

// Participles used as adjectives after "be": a feeling or a state, not an
// action someone did ("we are pleased", "your ankle is swollen").
constexpr std::string_view kAdjectivalParticiples[] = {
    "pleased",     "concerned",  "worried",      "interested",  "tired",       "married",
    "supposed",    "used",       "located",      "based",       "related",     "involved",
    "prepared",    "excited",    "surprised",    "satisfied",   "scared",      "frightened",
    "confused",    "welcomed",   "open",         "even",        "often",       "swollen",
    "seven",       "eleven",     "listen",       "happen",      "garden",      "children",
    "women",       "kitchen",    "chicken",      "stressed",    "bored",       "relieved",
    "delighted",   "thrilled",   "disappointed", "embarrassed", "overwhelmed", "agitated",
    "discouraged", "encouraged", "frustrated",   "upset",       "limited",     "needed",
    "fed",         "red",        "bed",          "shed",        "sled",        "led",
    "wed",         "bled"};

bool IsAdjectival(std::string_view word) {
  return std::any_of(std::begin(kAdjectivalParticiples), std::end(kAdjectivalParticiples),
                     [word](std::string_view a) { return EqualsLowerAscii(word, a); });
}

// Whether `after` opens with what reads as a medicine's name: one long
// word that is not an everyday one ("failed nitrofurantoin", not "failed
// to", "failed the hearing screening").
bool BeforeAMedicineName(std::string_view after) {
  size_t at = 0;
  while (at < after.size() && after[at] == ' ') ++at;
  size_t end = at;
  while (end < after.size() &&
         ((after[end] >= 'a' && after[end] <= 'z') || (after[end] >= 'A' && after[end] <= 'Z'))) {
    ++end;
  }
  const std::string_view word = after.substr(at, end - at);
  static constexpr std::string_view kEveryday[] = {
      "because",  "before",    "during",  "attempt", "attempts", "appointment", "appointments",
      "delivery", "screening", "hearing", "vision",  "several",  "multiple",    "previous",
      "another",  "repeated",  "without", "despite", "against",  "twice",       "again"};
  if (word.size() < 6) return false;
  return std::none_of(
      std::begin(kEveryday), std::end(kEveryday),
      [word](std::string_view everyday) { return EqualsLowerAscii(word, everyday); });
}

bool Contains(const RE2& re, std::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

// Calls found(start, end) for each match of `re` in `text`, left to right,
// offsets into `text`. Only the whole match is asked for: RE2 then finds it
// with its DFA, where a capture would take its slower engines.
template <typename Found>
void ForEachMatch(const RE2& re, std::string_view text, Found found) {
  re2::StringPiece match;
  const re2::StringPiece whole(text.data(), text.size());
  size_t at = 0;
  while (at <= text.size() && re.Match(whole, at, text.size(), RE2::UNANCHORED, &match, 1)) {
    const size_t start = static_cast<size_t>(match.data() - text.data());
    const size_t end = start + match.size();
    found(start, end);
    at = end > at ? end : at + 1;
  }
}

// What the rules found in one sentence.
struct SentenceFacts {
  bool greeting = false, instruction = false, impersonal = false, timing = false;
  bool result = false, sign = false, action = false, contact = false, acknowledges = false;
  bool number = false, decision = false, change = false, no_action = false;
  bool safety_net = false;  // a warning sign and what to do then, in this sentence
};

class Checklist {
 public:
  Checklist(std::string_view text, std::span<const SentenceWords> sentences,
            std::span<const bool, kCommunicationItemCount> items, Communication* out)
      : rules_(CommunicationRules::Get()),
        text_(text),
        sentences_(sentences),
        items_(items),
        out_(*out) {}

  void Run();

 private:
  CommunicationItemResult& Item(CommunicationItem item) {
    return out_.items[static_cast<size_t>(item)];
  }
  void Flag(CommunicationItem item, size_t start, size_t end, std::string suggestion) {
    CommunicationSpan& span = Item(item).evidence.emplace_back();
    span.start = start;
    span.end = end;
    span.suggestion = std::move(suggestion);
  }
  SentenceFacts Read(const SentenceWords& sentence);
  void Stigmatizing(std::string_view sentence, size_t offset);
  void ResultWords(std::string_view sentence, size_t offset, bool result);
  void Numbers(std::string_view sentence, size_t offset, bool explained, bool* any);
  void Passives(std::string_view sentence, size_t offset);
  void Decide(const std::vector<SentenceFacts>& facts, bool any_number, bool any_result);

  const CommunicationRules& rules_;
  const std::string_view text_;
  const std::span<const SentenceWords> sentences_;
  const std::span<const bool, kCommunicationItemCount> items_;  // the items judged
  Communication& out_;
  std::vector<int> matched_;  // the features a sentence matches
};

SentenceFacts Checklist::Read(const SentenceWords& sentence) {
  using R = CommunicationRules;
  const std::string_view s = text_.substr(sentence.start, sentence.end - sentence.start);
  std::vector<int>& matched = matched_;
  matched.clear();
  rules_.features->Match(re2::StringPiece(s.data(), s.size()), &matched);
  std::array<bool, R::kFeatureCount> has{};
  for (int id : matched) has[static_cast<size_t>(id)] = true;
  SentenceFacts f;
  f.greeting = has[R::kGreeting] && sentence.words <= 8;
  f.no_action = has[R::kNoAction];
  f.instruction = !f.no_action && has[R::kInstruction];
  f.impersonal = has[R::kImpersonal];
  f.timing = has[R::kTiming] || has[R::kTimingExtra];
  f.result = has[R::kResultCue] && has[R::kResultJudgement];
  f.sign = has[R::kSign];
  f.action = has[R::kAction];
  f.safety_net = (f.sign && f.action) || (has[R::kConditional] && !has[R::kOnlyQuestions]);
  f.contact = has[R::kContact];
  f.decision = has[R::kDecision];
  f.change = has[R::kChange];
  // A greeting with a name ("Hi Maria,") acknowledges the patient.
  // A greeting with a name ("Hi Maria,", "Dear Mr. Cole") acknowledges the
  // patient, however long the line it opens.
  const std::string_view opening = s.substr(0, std::min<size_t>(s.size(), 30));
  f.acknowledges = has[R::kAcknowledges] ||
                   (has[R::kGreeting] && std::any_of(opening.begin() + 1, opening.end(),
                                                     [](char c) { return c >= 'A' && c <= 'Z'; }));
  if (has[R::kStigmatizing]) Stigmatizing(s, sentence.start);
  if (has[R::kResultTerms]) ResultWords(s, sentence.start, f.result);
  if (has[R::kLabNumber]) Numbers(s, sentence.start, has[R::kNumberMeaning], &f.number);
  if (has[R::kPassive]) Passives(s, sentence.start);
  return f;
}

void Checklist::Stigmatizing(std::string_view s, size_t offset) {
  ForEachMatch(*rules_.stigmatizing_terms, s, [&](size_t start, size_t end) {
    const auto entry = rules_.stigmatizing.find(LowerAscii(s.substr(start, end - start)));
    if (entry == rules_.stigmatizing.end()) return;
    const std::string& context = entry->second.context;
    const std::string_view before = s.substr(0, start), after = s.substr(end);
    bool counts = true;
    if (context == "noun") {
      // A noun for a person: not before the noun it describes ("diabetic
      // diet") and not after "is" ("is diabetic").
      counts =
          !Contains(*rules_.predicative_before, before) && !Contains(*rules_.noun_after, after);
    } else if (context.starts_with("before:")) {
      counts = Contains(*rules_.treatment_after, after) || BeforeAMedicineName(after);
    } else if (context.starts_with("near:")) {
      counts = false;
      const std::string lower = LowerAscii(s);
      for (size_t at = 5; at < context.size();) {
        size_t comma = context.find(',', at);
        if (comma == std::string::npos) comma = context.size();
        const std::string word = context.substr(at, comma - at);
        if (!word.empty() && lower.find(word) != std::string::npos) counts = true;
        at = comma + 1;
      }
    } else if (context == "patient") {
      // "Your insurance denied it", "the pharmacy refused": not the patient.
      const std::string near =
          LowerAscii(before.substr(before.size() > 30 ? before.size() - 30 : 0));
      for (std::string_view other :
           {"insurance", "pharmacy", "plan", "company", "we ", "i ", "lab", "provider", "office",
            "request", "claim", "refill", "authorization", "appeal"}) {
        if (near.find(other) != std::string::npos) counts = false;
      }
    }
    if (counts) {
      Flag(CommunicationItem::kNoStigmatizingLanguage, offset + start, offset + end,
           entry->second.alternative);
    }
  });
}

void Checklist::ResultWords(std::string_view s, size_t offset, bool result) {
  if (!result) return;  // "be positive" is no result
  const std::string lower = LowerAscii(s);
  ForEachMatch(*rules_.result_terms, s, [&](size_t start, size_t end) {
    const auto entry = rules_.result_words.find(lower.substr(start, end - start));
    if (entry == rules_.result_words.end()) return;
    for (const std::string& gloss : entry->second.gloss_words) {
      if (lower.find(gloss) != std::string::npos) return;  // explained in the sentence
    }
    Flag(CommunicationItem::kUnambiguousResults, offset + start, offset + end, entry->second.plain);
  });
}

void Checklist::Numbers(std::string_view s, size_t offset, bool explained, bool* any) {
  ForEachMatch(*rules_.lab_number, s, [&](size_t start, size_t end) {
    if (Contains(*rules_.not_measurement, s.substr(end))) return;  // "A1c in 3 months"
    *any = true;
    while (end > start && !((s[end - 1] >= '0' && s[end - 1] <= '9') || s[end - 1] == '%' ||
                            (s[end - 1] >= 'a' && s[end - 1] <= 'z') ||
                            (s[end - 1] >= 'A' && s[end - 1] <= 'Z'))) {
      --end;  // the unit's trailing space or mark
    }
    if (!explained) {
      Flag(CommunicationItem::kNumbersExplained, offset + start, offset + end,
           "say what it means: normal, high or low, or what it means for them");
    }
  });
}

void Checklist::Passives(std::string_view s, size_t offset) {
  ForEachMatch(*rules_.passive, s, [&](size_t start, size_t end) {
    // The participle ends the match, after the last space the pattern asks
    // for before it (RE2's \s is ASCII: tab, newline, form feed, return,
    // space).
    const std::string_view match = s.substr(start, end - start);
    const size_t space = match.find_last_of("\t\n\f\r ");
    if (IsAdjectival(match.substr(space + 1))) return;
    Flag(CommunicationItem::kActiveVoice, offset + start, offset + end,
         "say who does it: \"we changed your dose\", \"take it\"");
  });
}

void Checklist::Decide(const std::vector<SentenceFacts>& facts, bool any_number, bool any_result) {
  bool instruction = false, impersonal = false, timing_in_action = false, sign_and_action = false;
  bool contact = false, acknowledges = false, sign = false, change = false, main_first = false;
  bool no_action = false;
  size_t content = 0;  // sentences after the greeting
  for (size_t i = 0; i < facts.size(); ++i) {
    const SentenceFacts& f = facts[i];
    instruction |= f.instruction;
    impersonal |= f.impersonal;
    no_action |= f.no_action;
    // The timing may follow in the next sentence ("Take it daily. Start on Monday.").
    const bool timing_next = i + 1 < facts.size() && facts[i + 1].timing;
    timing_in_action |= (f.instruction || f.impersonal) && (f.timing || timing_next);
    const bool action_next = i + 1 < facts.size() && facts[i + 1].action;
    sign_and_action |= f.safety_net || (f.sign && action_next);
    sign |= f.sign;
    change |= f.change;
    contact |= f.contact;
    acknowledges |= f.acknowledges;
    // Greetings and courtesy lines ("Thanks for the update.") come before
    // the main message without taking its place.
    const bool courtesy = f.greeting || (f.acknowledges && !f.decision && !f.instruction);
    if (!courtesy && content < 2) {
      ++content;
      main_first |= f.instruction || f.impersonal || f.result || f.number || f.decision;
    }
  }
  auto set = [this](CommunicationItem item, bool applies, bool meets) {
    Item(item).applies = applies;
    Item(item).meets = applies && meets;
  };
  using I = CommunicationItem;
  set(I::kMainMessageFirst, true, main_first);
  // Instructions to the patient in the third person ("Pt to taper") are
  // still instructions; direct_address fails them.
  const bool acts = instruction || impersonal;
  set(I::kCallToAction, acts || !no_action, acts);
  set(I::kActionSpecific, acts, timing_in_action);
  set(I::kSafetyNet, sign || change || sign_and_action, sign_and_action);
  set(I::kContactInfo, true, contact);
  set(I::kDirectAddress, instruction || impersonal, !impersonal);
  set(I::kActiveVoice, true, Item(I::kActiveVoice).evidence.empty());
  set(I::kNumbersExplained, any_number, Item(I::kNumbersExplained).evidence.empty());
  set(I::kUnambiguousResults, any_result, Item(I::kUnambiguousResults).evidence.empty());
  set(I::kNoStigmatizingLanguage, true, Item(I::kNoStigmatizingLanguage).evidence.empty());
  set(I::kAcknowledgesPatient, true, acknowledges);
}

void Checklist::Run() {
  out_ = Communication();
  int64_t words = 0;
  for (const SentenceWords& sentence : sentences_) words += sentence.words;
  if (words == 0) {
    out_.score = std::numeric_limits<double>::quiet_NaN();
    return;
  }
  std::vector<SentenceFacts> facts;
  facts.reserve(sentences_.size());
  bool any_number = false, any_result = false;
  for (const SentenceWords& sentence : sentences_) {
    if (sentence.words == 0) continue;
    facts.push_back(Read(sentence));
    any_number |= facts.back().number;
    any_result |= facts.back().result;
  }
  Decide(facts, any_number, any_result);
  int applies = 0, meets = 0;
  for (size_t k = 0; k < kCommunicationItemCount; ++k) {
    CommunicationItemResult& item = out_.items[k];
    if (!items_[k]) item = CommunicationItemResult();  // turned off: does not apply
    applies += item.applies;
    meets += item.meets;
  }
  out_.score = applies > 0 ? 100.0 * meets / applies : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

void CheckCommunication(std::string_view text, std::span<const SentenceWords> sentences,
                        std::span<const bool, kCommunicationItemCount> items,
                        Communication* communication) {
  // With every item turned off nothing applies: no sentence is read and
  // the rules are not even built.
  if (std::none_of(items.begin(), items.end(), [](bool on) { return on; })) {
    *communication = Communication();
    communication->score = std::numeric_limits<double>::quiet_NaN();
    return;
  }
  Checklist(text, sentences, items, communication).Run();
}

}  // namespace plainlang
