#include "cli/inputs.h"

#include <fcntl.h>
#include <glob.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

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

// The regular files below `directory`, and an error row for each folder
// that cannot be listed: nothing below it is lost without a word.
void ListDirectory(const fs::path& directory, std::vector<Input>* files) {
  std::error_code error;
  fs::directory_iterator it(directory, error);
  if (error) {
    files->push_back(
        {directory.string(), "cannot list '" + directory.string() + "': " + error.message()});
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) break;
    if (IsHidden(it->path())) continue;
    std::error_code kind;
    if (it->is_directory(kind)) {
      ListDirectory(it->path(), files);
    } else if (it->is_regular_file(kind)) {
      files->push_back({it->path().string(), ""});
    }
  }
  if (error) {
    files->push_back(
        {directory.string(), "cannot list '" + directory.string() + "': " + error.message()});
  }
}

void AddDirectory(const std::string& directory, std::vector<Input>* inputs) {
  std::vector<Input> files;
  ListDirectory(directory, &files);
  std::sort(files.begin(), files.end(),
            [](const Input& a, const Input& b) { return a.name < b.name; });
  if (files.empty()) {
    inputs->push_back({directory, "no files in '" + directory + "'"});  // a gate must not pass
    return;
  }
  for (Input& file : files) inputs->push_back(std::move(file));
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

namespace {

// How long a FIFO or device may keep a batch waiting for its first byte.
constexpr int kFirstByteMillis = 2000;

std::string OverLimit(const std::string& name, const std::string& size, size_t max_bytes) {
  return "'" + name + "' is " + size + " bytes, over the limit of " + std::to_string(max_bytes) +
         " (--max-bytes)";
}

// Reads `fd` to its end, refusing more than max_bytes: a device or a pipe
// has no size to check first, and /dev/zero never ends.
bool ReadLimited(int fd, const std::string& name, size_t max_bytes, std::string* contents,
                 std::string* error) {
  contents->clear();
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      *error = "cannot read '" + name + "': " + std::strerror(errno);
      contents->clear();  // part of an input is not the input
      return false;
    }
    if (got == 0) return true;
    if (contents->size() + static_cast<size_t>(got) > max_bytes) {
      *error = OverLimit(name, "more than " + std::to_string(max_bytes), max_bytes);
      contents->clear();
      return false;
    }
    contents->append(buffer, static_cast<size_t>(got));
  }
}

// Appends code point `c` as UTF-8.
void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    *out += static_cast<char>(c);
  } else if (c < 0x800) {
    *out += static_cast<char>(0xC0 | (c >> 6));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out += static_cast<char>(0xE0 | (c >> 12));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (c >> 18));
    *out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Text saved as UTF-16 or UTF-32 with a byte-order mark (Windows editors do
// that) is decoded to UTF-8, which is what the engine reads; a bad unit
// becomes U+FFFD. False when `bytes` has no such mark.
bool DecodeUnicodeWithMark(const std::string& bytes, std::string* utf8) {
  auto byte = [&bytes](size_t k) { return static_cast<unsigned char>(bytes[k]); };
  const size_t n = bytes.size();
  size_t width = 0;
  bool little = false;
  if (n >= 4 && byte(0) == 0xFF && byte(1) == 0xFE && byte(2) == 0 && byte(3) == 0) {
    width = 4, little = true;
  } else if (n >= 4 && byte(0) == 0 && byte(1) == 0 && byte(2) == 0xFE && byte(3) == 0xFF) {
    width = 4;
  } else if (n >= 2 && byte(0) == 0xFF && byte(1) == 0xFE) {
    width = 2, little = true;
  } else if (n >= 2 && byte(0) == 0xFE && byte(1) == 0xFF) {
    width = 2;
  } else {
    return false;
  }
  auto unit = [&](size_t at) {
    char32_t value = 0;
    for (size_t k = 0; k < width; ++k) {
      value |= static_cast<char32_t>(byte(at + (little ? k : width - 1 - k))) << (8 * k);
    }
    return value;
  };
  utf8->clear();
  for (size_t at = width; at + width <= n; at += width) {
    char32_t c = unit(at);
    if (width == 2 && c >= 0xD800 && c <= 0xDBFF && at + 2 * width <= n) {
      const char32_t low = unit(at + width);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
        at += width;
      }
    }
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
    AppendUtf8(c, utf8);
  }
  if (n % width != 0) AppendUtf8(0xFFFD, utf8);  // cut short
  return true;
}

}  // namespace

bool ReadInput(const std::string& name, size_t max_bytes, std::string* contents,
               std::string* error) {
  if (name == "-") return ReadLimited(STDIN_FILENO, "<stdin>", max_bytes, contents, error);
  std::error_code code;
  if (fs::is_directory(name, code)) {
    *error = "'" + name + "' is a directory";
    return false;
  }
  // Not blocking on open: a FIFO with no writer would hold up the batch.
  const int fd = open(name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot open '" + name + "': " + std::strerror(errno);
    return false;
  }
  struct stat info {};
  bool ok = fstat(fd, &info) == 0;
  if (ok && S_ISREG(info.st_mode) && static_cast<uint64_t>(info.st_size) > max_bytes) {
    // The size first, so an oversized file is refused without reading it.
    *error = OverLimit(name, std::to_string(info.st_size), max_bytes);
    ok = false;
  } else if (ok && !S_ISREG(info.st_mode)) {
    // A FIFO or a device: wait a little for data, then read it blocking.
    pollfd wait{fd, POLLIN, 0};
    const int ready = poll(&wait, 1, kFirstByteMillis);
    if (ready == 0 || (wait.revents & POLLIN) == 0) {
      *error =
          ready == 0 ? "no data from '" + name + "' within 2 s" : "'" + name + "' has no writer";
      ok = false;
    }
  }
  if (ok) {
    // A regular file's size is known: room for it at once, not by doubling.
    if (S_ISREG(info.st_mode)) contents->reserve(static_cast<size_t>(info.st_size));
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    ok = ReadLimited(fd, name, max_bytes, contents, error);
  } else if (error->empty()) {
    *error = "cannot read '" + name + "': " + std::strerror(errno);
  }
  close(fd);
  return ok;
}

bool ReadText(const Input& input, size_t max_bytes, std::string* contents, std::string* error) {
  if (!ReadInput(input, max_bytes, contents, error)) return false;
  std::string utf8;
  if (DecodeUnicodeWithMark(*contents, &utf8)) *contents = std::move(utf8);
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
