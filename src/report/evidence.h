// What the text and HTML reports share: why a finding was made, in words,
// so both give the same reason, and how they print a number.
#ifndef PLAINLANG_REPORT_EVIDENCE_H_
#define PLAINLANG_REPORT_EVIDENCE_H_

#include <string>
#include <string_view>

#include "plainlang/report.h"

namespace plainlang {

// One clause naming the evidence: where the term is listed and its
// familiarity, or the rule that judged an unlisted word.
std::string Evidence(const Finding& finding);

// `value` printed with a printf `format` of one double ("%.1f").
std::string Format(const char* format, double value);

// A health grade as people read it: one decimal, "20+" at the top of the
// scale, "none" when there is none (NaN).
std::string GradeText(double grade);

// The verdict in a few words: "meets the target", "NEEDS WORK", or
// "no text to judge" for an unjudged verdict.
std::string_view VerdictText(const Verdict& verdict);

}  // namespace plainlang

#endif  // PLAINLANG_REPORT_EVIDENCE_H_
