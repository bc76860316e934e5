// The communication checklist on messages written to show each item, among
// them the wording PEMAT's guide gives for direct address.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "plainlang/analyzer.h"
#include "plainlang/report.h"

namespace plainlang {
namespace {

const Analyzer& SharedAnalyzer() {
  static const Analyzer analyzer;
  return analyzer;
}

const CommunicationItemResult& Item(const Report& report, CommunicationItem item) {
  return report.communication.items[static_cast<size_t>(item)];
}

std::string Spanned(const std::string& text, const CommunicationSpan& span) {
  return text.substr(span.start, span.end - span.start);
}

// A passive is a form of "be" or "get" and a participle that is no
// adjective: the participle is the match's last word, whatever the space
// before it.
TEST(CommunicationTest, PassivesButNotParticiplesUsedAsAdjectives) {
  const std::string text =
      "We are pleased with your progress. Your dose was\tchanged today. She is not   worried. "
      "The refill is already sent.";
  const Report report = SharedAnalyzer().Analyze(text);
  const CommunicationItemResult& active = Item(report, CommunicationItem::kActiveVoice);
  ASSERT_EQ(active.evidence.size(), 2u);
  EXPECT_EQ(Spanned(text, active.evidence[0]), "was\tchanged");
  EXPECT_EQ(Spanned(text, active.evidence[1]), "is already sent");
  EXPECT_FALSE(active.meets);
}

TEST(CommunicationTest, PematDirectAddress) {
  // AHRQ PEMAT, item 21: "Take your medicine when you eat your meals" meets
  // it; "Medicine should be taken at mealtimes" does not.
  const Report direct = SharedAnalyzer().Analyze("Take your medicine when you eat your meals.");
  EXPECT_TRUE(Item(direct, CommunicationItem::kCallToAction).meets);
  EXPECT_TRUE(Item(direct, CommunicationItem::kDirectAddress).applies);
  EXPECT_TRUE(Item(direct, CommunicationItem::kDirectAddress).meets);
  const Report impersonal = SharedAnalyzer().Analyze("Medicine should be taken at mealtimes.");
  EXPECT_TRUE(Item(impersonal, CommunicationItem::kDirectAddress).applies);
  EXPECT_FALSE(Item(impersonal, CommunicationItem::kDirectAddress).meets);
  EXPECT_FALSE(Item(impersonal, CommunicationItem::kActiveVoice).meets);
}

TEST(CommunicationTest, StigmatizingWordsGetAPersonFirstAlternative) {
  const std::string text =
      "Pt is non-compliant with insulin and refused the flu shot. Your diabetic diet is fine.";
  const Report report = SharedAnalyzer().Analyze(text);
  const CommunicationItemResult& item = Item(report, CommunicationItem::kNoStigmatizingLanguage);
  EXPECT_FALSE(item.meets);
  ASSERT_EQ(item.evidence.size(), 2u);  // not "diabetic diet"
  EXPECT_EQ(Spanned(text, item.evidence[0]), "non-compliant");
  EXPECT_FALSE(item.evidence[0].suggestion.empty());
  EXPECT_EQ(Spanned(text, item.evidence[1]), "refused");
  // "The insurance denied the claim" is not about the patient.
  const Report insurer = SharedAnalyzer().Analyze("Your insurance denied the claim for the scan.");
  EXPECT_TRUE(Item(insurer, CommunicationItem::kNoStigmatizingLanguage).meets);
}

TEST(CommunicationTest, ResultsAndNumbersNeedAPlainMeaning) {
  const std::string bare = "Your A1c was 7.9%. The chest x-ray was unremarkable.";
  const Report report = SharedAnalyzer().Analyze(bare);
  const auto& numbers = Item(report, CommunicationItem::kNumbersExplained);
  EXPECT_TRUE(numbers.applies);
  EXPECT_FALSE(numbers.meets);
  ASSERT_EQ(numbers.evidence.size(), 1u);
  EXPECT_EQ(Spanned(bare, numbers.evidence[0]), "A1c was 7.9");
  const auto& results = Item(report, CommunicationItem::kUnambiguousResults);
  EXPECT_FALSE(results.meets);
  ASSERT_EQ(results.evidence.size(), 1u);
  EXPECT_EQ(Spanned(bare, results.evidence[0]), "unremarkable");
  EXPECT_FALSE(results.evidence[0].suggestion.empty());

  const Report explained = SharedAnalyzer().Analyze(
      "Your A1c was 7.9%, a little above the goal of 7%. The chest x-ray was normal.");
  EXPECT_TRUE(Item(explained, CommunicationItem::kNumbersExplained).meets);
  EXPECT_TRUE(Item(explained, CommunicationItem::kUnambiguousResults).meets);
  // A dose and a phone number are not numbers to explain.
  const Report doses = SharedAnalyzer().Analyze("Take 2 tablets of 500 mg. Call 555-0134.");
  EXPECT_FALSE(Item(doses, CommunicationItem::kNumbersExplained).applies);
}

TEST(CommunicationTest, SafetyNetNeedsTheSignAndWhatToDo) {
  const Report full = SharedAnalyzer().Analyze(
      "Start lisinopril 10 mg daily. If you feel dizzy or faint, call us at 555-0134.");
  EXPECT_TRUE(Item(full, CommunicationItem::kSafetyNet).applies);
  EXPECT_TRUE(Item(full, CommunicationItem::kSafetyNet).meets);
  EXPECT_TRUE(Item(full, CommunicationItem::kContactInfo).meets);
  EXPECT_TRUE(Item(full, CommunicationItem::kActionSpecific).meets);
  const Report missing = SharedAnalyzer().Analyze("Start lisinopril 10 mg daily.");
  EXPECT_TRUE(Item(missing, CommunicationItem::kSafetyNet).applies);
  EXPECT_FALSE(Item(missing, CommunicationItem::kSafetyNet).meets);
  // "Call us with any questions" is contact, not a safety net.
  const Report questions =
      SharedAnalyzer().Analyze("Your cholesterol is normal. Call us with any questions.");
  EXPECT_FALSE(Item(questions, CommunicationItem::kSafetyNet).applies);
  EXPECT_TRUE(Item(questions, CommunicationItem::kContactInfo).meets);
}

TEST(CommunicationTest, NothingToDoIsNotAMissingAction) {
  const Report report = SharedAnalyzer().Analyze(
      "Hi Tom, all of your blood counts are normal. There is nothing you need to do.");
  EXPECT_FALSE(Item(report, CommunicationItem::kCallToAction).applies);
  EXPECT_FALSE(Item(report, CommunicationItem::kDirectAddress).applies);
  EXPECT_TRUE(Item(report, CommunicationItem::kAcknowledgesPatient).meets);  // the name
}

TEST(CommunicationTest, ScoreIsTheShareOfApplicableItemsMet) {
  const Report report = SharedAnalyzer().Analyze(
      "Hi Ana, thanks for your message. Your test was negative. Take the pills twice a day.");
  int applies = 0, meets = 0;
  for (const CommunicationItemResult& item : report.communication.items) {
    applies += item.applies;
    meets += item.meets;
  }
  ASSERT_GT(applies, 0);
  EXPECT_DOUBLE_EQ(report.communication.score, 100.0 * meets / applies);
  EXPECT_TRUE(std::isnan(SharedAnalyzer().Analyze("   ").communication.score));
  EXPECT_TRUE(std::isnan(ErrorReport(AnalyzerOptions(), "x").communication.score));
}

TEST(CommunicationTest, ItemsCanBeTurnedOffAndAMinimumJoinsTheVerdict) {
  const std::string text = "Take 2 pills daily.";  // no contact, no acknowledgement
  AnalyzerOptions options;
  const Report all = Analyzer(options).Analyze(text);
  EXPECT_TRUE(all.verdict.meets_target);
  EXPECT_FALSE(Item(all, CommunicationItem::kContactInfo).meets);
  options.checklist_items[static_cast<size_t>(CommunicationItem::kContactInfo)] = false;
  const Report fewer = Analyzer(options).Analyze(text);
  EXPECT_FALSE(Item(fewer, CommunicationItem::kContactInfo).applies);
  EXPECT_GT(fewer.communication.score, all.communication.score);
  options.min_communication = 99;
  const Report strict = Analyzer(options).Analyze(text);
  EXPECT_LT(strict.communication.score, 99);
  EXPECT_FALSE(strict.verdict.meets_target);
  options.checklist_items.fill(false);
  options.min_communication = 0;
  const Report none = Analyzer(options).Analyze(text);
  EXPECT_TRUE(std::isnan(none.communication.score));
  for (const CommunicationItemResult& item : none.communication.items) {
    EXPECT_FALSE(item.applies);
    EXPECT_TRUE(item.evidence.empty());
  }
  EXPECT_TRUE(none.verdict.meets_target);
}

}  // namespace
}  // namespace plainlang
