// Why a finding was made, in words: shared by the text and HTML reports so
// both give the same reason.
#ifndef PLAINLANG_REPORT_EVIDENCE_H_
#define PLAINLANG_REPORT_EVIDENCE_H_

#include <string>

#include "plainlang/report.h"

namespace plainlang {

// One clause naming the evidence: where the term is listed and its
// familiarity, or the rule that judged an unlisted word.
std::string Evidence(const Finding& finding);

}  // namespace plainlang

#endif  // PLAINLANG_REPORT_EVIDENCE_H_
