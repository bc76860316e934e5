// Text for an HTML page: any bytes made valid UTF-8 that HTML allows, and
// escaped for text and attribute values alike.
#ifndef PLAINLANG_REPORT_HTML_TEXT_H_
#define PLAINLANG_REPORT_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace plainlang {

// Valid UTF-8 whatever comes in: each maximal invalid sequence becomes
// U+FFFD (as the engine and browsers read it), and so does each control
// character HTML does not allow in text, NUL included.
std::string Repaired(std::string_view bytes);

// Escapes valid UTF-8 for HTML text and attribute values alike.
void AppendEscaped(std::string& out, std::string_view text);

// Any bytes, as safe HTML text.
void AppendText(std::string& out, std::string_view bytes);
std::string Text(std::string_view bytes);

// The text with its first letter a capital: "The school grade ..." from
// "the school grade ...".
std::string Capitalized(std::string_view text);

}  // namespace plainlang

#endif  // PLAINLANG_REPORT_HTML_TEXT_H_
