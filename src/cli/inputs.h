// The command's inputs: which messages a list of arguments names, and
// reading each without letting one bad file stop the rest.
#ifndef PLAINLANG_CLI_INPUTS_H_
#define PLAINLANG_CLI_INPUTS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace plainlang::cli {

// One message to check: a file, or "-" for stdin; `error` is set when the
// argument named nothing readable (a missing file, an empty glob).
struct Input {
  std::string name;
  std::string error;
};

// Expands the arguments in order: "-" stays stdin; a directory gives every
// regular file below it (sorted, hidden files skipped); an argument with
// * ? or [ that is not a file is a glob pattern; `files_from` (a path, or
// "-" for stdin) adds one path per line. Nothing is dropped: an argument
// that names nothing becomes an Input with an error.
std::vector<Input> ExpandInputs(const std::vector<std::string>& arguments,
                                const std::string& files_from);

// Reads one input whole. False with *error set ("cannot open 'x': No such
// file or directory") when it cannot; a file over max_bytes is not read.
bool ReadInput(const std::string& name, size_t max_bytes, std::string* contents,
               std::string* error);

// The same for an expanded input; one that named nothing fails with its
// own error.
bool ReadInput(const Input& input, size_t max_bytes, std::string* contents, std::string* error);

// ReadInput, then a text saved as UTF-16 or UTF-32 with a byte-order mark
// decoded to UTF-8 (the report's offsets then index the UTF-8).
bool ReadText(const Input& input, size_t max_bytes, std::string* contents, std::string* error);

}  // namespace plainlang::cli

#endif  // PLAINLANG_CLI_INPUTS_H_
