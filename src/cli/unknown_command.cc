#include "cli/unknown_command.h"

#include <algorithm>
#include <cstddef>

#include "text/byte_scan.h"

namespace plainlang::cli {
namespace {

// Edits between two words (insert, delete, replace, swap two neighbours),
// ASCII letters compared without case.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const bool same = LowerAscii(a[i - 1]) == LowerAscii(b[j - 1]);
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && LowerAscii(a[i - 1]) == LowerAscii(b[j - 2]) &&
          LowerAscii(a[i - 2]) == LowerAscii(b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string UnknownCommandMessage(std::string_view first_argument,
                                  const std::vector<std::string>& commands) {
  std::string message = "plainlang: ";
  if (first_argument.empty()) {
    message += "a command is required";
  } else if (first_argument[0] == '-') {
    message += "a command must come before '" + std::string(first_argument) + "'";
  } else {
    message += "unknown command '" + std::string(first_argument) + "'";
    // At most two edits, and fewer for short words: two edits turn any
    // two-letter word into any other.
    std::string closest;
    size_t best = std::min<size_t>(2, first_argument.size() / 2);
    for (const std::string& command : commands) {
      const size_t distance = EditDistance(first_argument, command);
      if (distance <= best && (closest.empty() || distance < best)) {
        closest = command;
        best = distance;
      }
    }
    if (!closest.empty()) message += "; did you mean '" + closest + "'?";
  }
  message += "\nplainlang: the commands are ";
  for (size_t k = 0; k < commands.size(); ++k) {
    message += k == 0 ? "" : k + 1 == commands.size() ? " and " : ", ";
    message += commands[k];
  }
  return message + " (see plainlang --help)\n";
}

}  // namespace plainlang::cli
