#include "report/html_text.h"

#include "text/utf8_text.h"

namespace plainlang {

std::string Repaired(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  RepairUtf8(bytes, [&out](std::string_view utf8, UChar32 c, size_t) {
    const bool allowed = (c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\f') &&
                         !(c >= 0x7F && c <= 0x9F);
    out += allowed ? utf8 : kReplacementCharacter;
  });
  return out;
}

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

void AppendText(std::string& out, std::string_view bytes) { AppendEscaped(out, Repaired(bytes)); }

std::string Text(std::string_view bytes) {
  std::string out;
  AppendText(out, bytes);
  return out;
}

std::string Capitalized(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace plainlang
