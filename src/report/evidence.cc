#include "report/evidence.h"

#include <cstdio>

namespace plainlang {

std::string Format(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::string Evidence(const Finding& f) {
  const std::string source(f.source);
  const std::string familiarity = Format("familiarity %.2f", f.familiarity);
  switch (f.kind) {
    case FindingKind::kLongSentence:
      return "more words than the limit for one sentence";
    case FindingKind::kAbbreviation:
      return "abbreviation listed by " + source + ", " + familiarity +
             ", not defined earlier in the text" +
             (f.expansions.size() > 1 ? "; " + std::to_string(f.expansions.size()) + " senses"
                                      : std::string());
    case FindingKind::kJargon:
      if (f.source.rfind("affix:", 0) == 0) {
        return "not in the lexicon; rare in everyday English (" + std::string(familiarity) +
               ") and built on the medical word part '" + source.substr(6) + "'";
      }
      return "medical term listed by " + source + ", " + familiarity;
    case FindingKind::kComplexWord:
      if (f.source == "wordfreq" || f.source == "unknown word") {
        return std::string(f.source == "wordfreq" ? "rare in everyday English"
                                                  : "not in any word list") +
               " (" + familiarity + ") and 3 or more syllables";
      }
      return "general word listed by " + source + " with a plainer alternative, " +
             familiarity;
  }
  return "";
}

}  // namespace plainlang
