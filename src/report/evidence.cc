#include "report/evidence.h"

#include <cmath>
#include <cstdio>

namespace plainlang {

std::string Format(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::string GradeText(double grade) {
  if (std::isnan(grade)) return "none";
  return grade >= 19.95 ? "20+" : Format("%.1f", grade);
}

std::string_view VerdictText(const Verdict& verdict) {
  if (!verdict.judged) return "no text to judge";
  return verdict.meets_target ? "meets the target" : "NEEDS WORK";
}

std::string Evidence(const Finding& f) {
  const std::string_view source = f.source;
  const std::string familiarity = Format("familiarity %.2f", f.familiarity);
  switch (f.kind) {
    case FindingKind::kLongSentence: return "more words than the limit for one sentence";
    case FindingKind::kAbbreviation:
      return "abbreviation listed by " + std::string(source) + ", " + familiarity +
             ", not defined earlier in the text" +
             (f.expansions.size() > 1 ? "; " + std::to_string(f.expansions.size()) + " senses"
                                      : std::string());
    case FindingKind::kJargon:
      if (source.starts_with("affix:")) {
        return "not in the lexicon; rare in everyday English (" + familiarity +
               ") and built on the medical word part '" + std::string(source.substr(6)) + "'";
      }
      return "medical term listed by " + std::string(source) + ", " + familiarity;
    case FindingKind::kComplexWord:
      if (source == "wordfreq" || source == "unknown word") {
        return std::string(source == "wordfreq" ? "rare in everyday English"
                                                : "not in any word list") +
               " (" + familiarity + ") and 3 or more syllables";
      }
      return "general word listed by " + std::string(source) + " with a plainer alternative, " +
             familiarity;
  }
  return "";
}

}  // namespace plainlang
