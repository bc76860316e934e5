#include "cli/inputs.h"

#include <glob.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

namespace plainlang::cli {
namespace {

namespace fs = std::filesystem;

bool IsHidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

void AddDirectory(const std::string& directory, std::vector<Input>* inputs) {
  std::vector<std::string> files;
  std::error_code error;
  fs::recursive_directory_iterator it(directory, fs::directory_options::skip_permission_denied,
                                      error);
  if (error) {
    inputs->push_back({directory, "cannot list '" + directory + "': " + error.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) break;
    if (IsHidden(it->path())) {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(error)) files.push_back(it->path().string());
  }
  if (error) {
    inputs->push_back({directory, "cannot list '" + directory + "': " + error.message()});
  }
  std::sort(files.begin(), files.end());
  for (std::string& file : files) inputs->push_back({std::move(file), ""});
}

void AddArgument(const std::string& argument, std::vector<Input>* inputs) {
  std::error_code error;
  if (argument == "-") {
    inputs->push_back({argument, ""});
  } else if (fs::is_directory(argument, error)) {
    AddDirectory(argument, inputs);
  } else if (!fs::exists(argument, error) && argument.find_first_of("*?[") != std::string::npos) {
    glob_t matches{};
    const int status = glob(argument.c_str(), GLOB_MARK, nullptr, &matches);
    if (status == 0) {
      for (size_t i = 0; i < matches.gl_pathc; ++i) {
        std::string path = matches.gl_pathv[i];
        if (!path.empty() && path.back() == '/') {
          AddDirectory(path, inputs);
        } else {
          inputs->push_back({std::move(path), ""});
        }
      }
    } else {
      inputs->push_back({argument, "no file matches '" + argument + "'"});
    }
    globfree(&matches);
  } else {
    inputs->push_back({argument, ""});  // a missing file fails when read
  }
}

}  // namespace

std::vector<Input> ExpandInputs(const std::vector<std::string>& arguments,
                                const std::string& files_from) {
  std::vector<Input> inputs;
  for (const std::string& argument : arguments) AddArgument(argument, &inputs);
  if (!files_from.empty()) {
    std::ifstream file;
    std::istream* list = &std::cin;
    if (files_from != "-") {
      file.open(files_from);
      if (!file) {
        inputs.push_back(
            {files_from, "cannot open the list '" + files_from + "': " + std::strerror(errno)});
        return inputs;
      }
      list = &file;
    }
    for (std::string line; std::getline(*list, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) inputs.push_back({line, ""});
    }
  }
  return inputs;
}

bool ReadInput(const std::string& name, size_t max_bytes, std::string* contents,
               std::string* error) {
  if (name == "-") {
    contents->assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::error_code code;
  if (fs::is_directory(name, code)) {
    *error = "'" + name + "' is a directory";
    return false;
  }
  std::ifstream in(name, std::ios::binary);
  if (!in) {
    *error = "cannot open '" + name + "': " + std::strerror(errno);
    return false;
  }
  // The size first, so an oversized file is refused without reading it.
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size > 0 && static_cast<size_t>(size) > max_bytes) {
    *error = "'" + name + "' is " + std::to_string(size) + " bytes, over the limit of " +
             std::to_string(max_bytes) + " (--max-bytes)";
    return false;
  }
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    contents->resize(static_cast<size_t>(size));
    in.read(contents->data(), size);
    contents->resize(static_cast<size_t>(in.gcount()));
  } else {  // a pipe or /proc file reports no size: read to the end
    contents->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (in.bad()) {
    *error = "cannot read '" + name + "'";
    return false;
  }
  return true;
}

bool ReadInput(const Input& input, size_t max_bytes, std::string* contents, std::string* error) {
  if (!input.error.empty()) {
    *error = input.error;
    return false;
  }
  return ReadInput(input.name, max_bytes, contents, error);
}

}  // namespace plainlang::cli
