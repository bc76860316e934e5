// The command's answer to a first argument that names no command: CLI11
// alone says only "A subcommand is required".
#ifndef PLAINLANG_CLI_UNKNOWN_COMMAND_H_
#define PLAINLANG_CLI_UNKNOWN_COMMAND_H_

#include <string>
#include <string_view>
#include <vector>

namespace plainlang::cli {

// The lines to print (each starts with "plainlang: ") when `first_argument`
// is not one of `commands`: that it is unknown, the closest command when a
// typo or two away ("did you mean 'check'?"), and the list of commands.
// An empty `first_argument` means none was given; an option (-x) means one
// came before the command.
std::string UnknownCommandMessage(std::string_view first_argument,
                                  const std::vector<std::string>& commands);

}  // namespace plainlang::cli

#endif  // PLAINLANG_CLI_UNKNOWN_COMMAND_H_
