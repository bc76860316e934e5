#include <array>
#include <limits>

#include "plainlang/report.h"

namespace plainlang {
namespace {

constexpr double kNoLimit = std::numeric_limits<double>::infinity();
// A value the report does not have (meets_target of an unjudged verdict).
constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

double Count(int64_t count) { return static_cast<double>(count); }

// A checklist item as a bool field: 1 or 0, NaN when it does not apply.
template <CommunicationItem kItem>
double ItemMet(const Report& r) {
  const CommunicationItemResult& item = r.communication.items[static_cast<size_t>(kItem)];
  return !item.applies ? kUnknown : item.meets ? 1.0 : 0.0;
}

// Captureless lambdas, so each field's reader is a plain function pointer.
#define PLAINLANG_READ(expression) [](const Report& r) -> double { return expression; }

constexpr std::array kFields = {
    // group, name, column, type, low, high, decimals, feature, doc, value
    ReportField{"readability", "flesch_reading_ease", "flesch_reading_ease", FieldType::kNumber, 0,
                100, 2, true, "Flesch reading ease: 0 (hard) to 100 (easy)",
                PLAINLANG_READ(r.readability.flesch_reading_ease)},
    ReportField{"readability", "flesch_kincaid_grade", "flesch_kincaid_grade", FieldType::kNumber,
                0, 20, 2, true, "Flesch-Kincaid grade level",
                PLAINLANG_READ(r.readability.flesch_kincaid_grade)},
    ReportField{"readability", "smog", "smog", FieldType::kNumber, 0, 20, 2, true,
                "SMOG grade (McLaughlin 1969)", PLAINLANG_READ(r.readability.smog)},
    ReportField{"readability", "gunning_fog", "gunning_fog", FieldType::kNumber, 0, 20, 2, true,
                "Gunning fog index", PLAINLANG_READ(r.readability.gunning_fog)},
    ReportField{"readability", "coleman_liau", "coleman_liau", FieldType::kNumber, 0, 20, 2, true,
                "Coleman-Liau index", PLAINLANG_READ(r.readability.coleman_liau)},
    ReportField{"readability", "ari", "ari", FieldType::kNumber, 0, 20, 2, true,
                "Automated Readability Index", PLAINLANG_READ(r.readability.ari)},
    ReportField{"readability", "forcast", "forcast", FieldType::kNumber, 0, 20, 2, true,
                "FORCAST grade", PLAINLANG_READ(r.readability.forcast)},
    ReportField{"readability", "linsear_write", "linsear_write", FieldType::kNumber, 0, 20, 2, true,
                "Linsear Write grade", PLAINLANG_READ(r.readability.linsear_write)},
    ReportField{"readability", "lix", "lix", FieldType::kNumber, 0, 100, 2, true,
                "LIX: 0 to 100, over 60 is very hard", PLAINLANG_READ(r.readability.lix)},
    ReportField{"readability", "consensus_grade", "consensus_grade", FieldType::kNumber, 0, 20, 2,
                true, "median of the seven grade-level formulas",
                PLAINLANG_READ(r.readability.consensus_grade)},
    ReportField{"readability", "health_grade", "health_grade", FieldType::kNumber, 0, 20, 2, true,
                "the health-readability grade (grade_model.h); the verdict's",
                PLAINLANG_READ(r.readability.health_grade)},
    ReportField{"jargon", "density", "jargon_density", FieldType::kNumber, 0, 1, 4, true,
                "share of words inside jargon findings, weighted by 1 - familiarity (0..1)",
                PLAINLANG_READ(r.jargon.density)},
    ReportField{"jargon", "distinct_terms", "distinct_terms", FieldType::kInteger, 0, kNoLimit, 0,
                true, "distinct jargon terms flagged",
                PLAINLANG_READ(Count(r.jargon.distinct_terms))},
    ReportField{"jargon", "jargon_words", "jargon_words", FieldType::kInteger, 0, kNoLimit, 0, true,
                "words inside jargon findings, unweighted",
                PLAINLANG_READ(Count(r.jargon.jargon_words))},
    ReportField{"counts", "words", "words", FieldType::kInteger, 0, kNoLimit, 0, true,
                "word and number tokens", PLAINLANG_READ(Count(r.counts.words))},
    ReportField{"counts", "sentences", "sentences", FieldType::kInteger, 0, kNoLimit, 0, true,
                "sentences holding at least one word", PLAINLANG_READ(Count(r.counts.sentences))},
    ReportField{"counts", "syllables", "syllables", FieldType::kInteger, 0, kNoLimit, 0, true,
                "syllables over all words", PLAINLANG_READ(Count(r.counts.syllables))},
    ReportField{"counts", "polysyllabic_words", "polysyllabic_words", FieldType::kInteger, 0,
                kNoLimit, 0, true, "words of 3+ syllables",
                PLAINLANG_READ(Count(r.counts.polysyllabic_words))},
    ReportField{"counts", "monosyllabic_words", "monosyllabic_words", FieldType::kInteger, 0,
                kNoLimit, 0, true, "words of exactly 1 syllable",
                PLAINLANG_READ(Count(r.counts.monosyllabic_words))},
    ReportField{"counts", "characters", "characters", FieldType::kInteger, 0, kNoLimit, 0, true,
                "letters and digits in words", PLAINLANG_READ(Count(r.counts.characters))},
    ReportField{"counts", "letters", "letters", FieldType::kInteger, 0, kNoLimit, 0, true,
                "letters in words", PLAINLANG_READ(Count(r.counts.letters))},
    ReportField{"counts", "complex_words", "complex_words", FieldType::kInteger, 0, kNoLimit, 0,
                true, "Gunning's complex words: 3+ syllables, not names, not by -ed/-es/-ing",
                PLAINLANG_READ(Count(r.counts.complex_words))},
    ReportField{"counts", "long_words", "long_words", FieldType::kInteger, 0, kNoLimit, 0, true,
                "words of more than 6 letters", PLAINLANG_READ(Count(r.counts.long_words))},
    ReportField{"counts", "numbers", "numbers", FieldType::kInteger, 0, kNoLimit, 0, true,
                "words without a letter", PLAINLANG_READ(Count(r.counts.numbers))},
    ReportField{"verdict", "target_grade", "target_grade", FieldType::kNumber, 0, 20, -1, false,
                "the highest acceptable health grade", PLAINLANG_READ(r.verdict.target_grade)},
    ReportField{"verdict", "max_jargon", "max_jargon", FieldType::kNumber, 0, 1, -1, false,
                "the highest acceptable jargon density (0..1)",
                PLAINLANG_READ(r.verdict.max_jargon)},
    ReportField{"verdict", "meets_target", "meets_target", FieldType::kBool, 0, 1, 0, true,
                "health grade <= target_grade and density <= max_jargon; null when unjudged",
                PLAINLANG_READ(!r.verdict.judged        ? kUnknown
                               : r.verdict.meets_target ? 1.0
                                                        : 0.0)},
    ReportField{"communication", "score", "communication_score", FieldType::kNumber, 0, 100, 1,
                true, "the share of the checklist items that apply which the message meets",
                PLAINLANG_READ(r.communication.score)},
    ReportField{
        "checklist", "main_message_first", "main_message_first", FieldType::kBool, 0, 1, 0, true,
        "the result, decision or action in the first two sentences; null when it does not apply",
        ItemMet<CommunicationItem::kMainMessageFirst>, false},
    ReportField{"checklist", "call_to_action", "call_to_action", FieldType::kBool, 0, 1, 0, true,
                "at least one instruction to the patient; null when it does not apply",
                ItemMet<CommunicationItem::kCallToAction>, false},
    ReportField{"checklist", "action_specific", "action_specific", FieldType::kBool, 0, 1, 0, true,
                "the actions say when, how often or how; null when it does not apply",
                ItemMet<CommunicationItem::kActionSpecific>, false},
    ReportField{"checklist", "safety_net", "safety_net", FieldType::kBool, 0, 1, 0, true,
                "warning signs and what to do then; null when it does not apply",
                ItemMet<CommunicationItem::kSafetyNet>, false},
    ReportField{"checklist", "contact_info", "contact_info", FieldType::kBool, 0, 1, 0, true,
                "how to reach the care team, or who will call; null when it does not apply",
                ItemMet<CommunicationItem::kContactInfo>, false},
    ReportField{"checklist", "direct_address", "direct_address", FieldType::kBool, 0, 1, 0, true,
                "instructions to the patient, not about them; null when it does not apply",
                ItemMet<CommunicationItem::kDirectAddress>, false},
    ReportField{"checklist", "active_voice", "active_voice", FieldType::kBool, 0, 1, 0, true,
                "instructions and findings in the active voice; null when it does not apply",
                ItemMet<CommunicationItem::kActiveVoice>, false},
    ReportField{"checklist", "numbers_explained", "numbers_explained", FieldType::kBool, 0, 1, 0,
                true,
                "each lab value or risk with a plain meaning nearby; null when it does not apply",
                ItemMet<CommunicationItem::kNumbersExplained>, false},
    ReportField{"checklist", "unambiguous_results", "unambiguous_results", FieldType::kBool, 0, 1,
                0, true, "results said plainly as good or bad news; null when it does not apply",
                ItemMet<CommunicationItem::kUnambiguousResults>, false},
    ReportField{"checklist", "no_stigmatizing_language", "no_stigmatizing_language",
                FieldType::kBool, 0, 1, 0, true,
                "no stigmatizing, blaming or doubting words; null when it does not apply",
                ItemMet<CommunicationItem::kNoStigmatizingLanguage>, false},
    ReportField{
        "checklist", "acknowledges_patient", "acknowledges_patient", FieldType::kBool, 0, 1, 0,
        true,
        "thanks, a feeling named, an apology, praise or their name; null when it does not apply",
        ItemMet<CommunicationItem::kAcknowledgesPatient>, false},
};

#undef PLAINLANG_READ

}  // namespace

std::span<const ReportField> ReportFields() { return kFields; }

std::string_view CommunicationItemName(CommunicationItem item) {
  switch (item) {
    case CommunicationItem::kMainMessageFirst: return "main_message_first";
    case CommunicationItem::kCallToAction: return "call_to_action";
    case CommunicationItem::kActionSpecific: return "action_specific";
    case CommunicationItem::kSafetyNet: return "safety_net";
    case CommunicationItem::kContactInfo: return "contact_info";
    case CommunicationItem::kDirectAddress: return "direct_address";
    case CommunicationItem::kActiveVoice: return "active_voice";
    case CommunicationItem::kNumbersExplained: return "numbers_explained";
    case CommunicationItem::kUnambiguousResults: return "unambiguous_results";
    case CommunicationItem::kNoStigmatizingLanguage: return "no_stigmatizing_language";
    case CommunicationItem::kAcknowledgesPatient: return "acknowledges_patient";
  }
  return "unknown";
}

std::string_view FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kJargon: return "jargon";
    case FindingKind::kAbbreviation: return "abbreviation";
    case FindingKind::kComplexWord: return "complex_word";
    case FindingKind::kLongSentence: return "long_sentence";
  }
  return "unknown";
}

}  // namespace plainlang
