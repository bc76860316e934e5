// The review page's communication panel: the checklist, each item met,
// missed or not applicable, with the words that fail it.
#ifndef PLAINLANG_REPORT_CHECKLIST_HTML_H_
#define PLAINLANG_REPORT_CHECKLIST_HTML_H_

#include <string>
#include <string_view>

#include "plainlang/report.h"

namespace plainlang {

// Appends the panel for `report`, whose offsets index `input`.
void AppendChecklist(std::string& out, const Report& report, std::string_view input);

}  // namespace plainlang

#endif  // PLAINLANG_REPORT_CHECKLIST_HTML_H_
