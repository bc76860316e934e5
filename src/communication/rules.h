// The compiled rules of the communication stage: the curated lists of
// data/communication/ as RE2 alternations, and the patterns written here
// for the grammar no list can hold. Built once, then only read.
#ifndef PLAINLANG_COMMUNICATION_RULES_H_
#define PLAINLANG_COMMUNICATION_RULES_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace plainlang {

// A word or phrase of stigmatizing.tsv.
struct StigmatizingTerm {
  std::string alternative;
  std::string context;  // "", "noun", "near:a,b", "before:treatment", "patient"
};

// A word of result_words.tsv.
struct ResultWord {
  std::string plain;
  std::vector<std::string> gloss_words;  // any of them in the sentence explains it
};

struct CommunicationRules {
  std::unordered_map<std::string, StigmatizingTerm> stigmatizing;  // by lower-case term
  std::unordered_map<std::string, ResultWord> result_words;        // by lower-case term
  std::unique_ptr<RE2> stigmatizing_terms, result_terms;           // each term, word-bounded
  // phrases.tsv, one alternation per item.
  std::unique_ptr<RE2> acknowledges, safety_sign, safety_action, contact, timing, impersonal,
      number_meaning;
  // Written here: the grammar.
  std::unique_ptr<RE2> greeting, instruction, no_action, timing_extra, conditional, only_questions,
      passive, lab_number, not_measurement, result_cue, result_judgement, clinical_change, decision,
      treatment_after, predicative_before, noun_after;

  // The patterns a sentence is first checked against, in one set: one pass
  // over the sentence says which match, and only those are run alone.
  enum Feature {
    kGreeting,
    kInstruction,
    kNoAction,
    kImpersonal,
    kTiming,
    kTimingExtra,
    kResultCue,
    kResultJudgement,
    kSign,
    kAction,
    kConditional,
    kOnlyQuestions,
    kContact,
    kDecision,
    kChange,
    kAcknowledges,
    kNumberMeaning,
    kStigmatizing,
    kResultTerms,
    kLabNumber,
    kPassive,
    kFeatureCount
  };
  std::unique_ptr<RE2::Set> features;

  static const CommunicationRules& Get();
};

}  // namespace plainlang

#endif  // PLAINLANG_COMMUNICATION_RULES_H_
