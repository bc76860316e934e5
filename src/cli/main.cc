// plainlang: check patient messages from the command line.
//
//   plainlang check letter.txt            a person's summary
//   plainlang check --format json -       JSON from stdin
//   plainlang serve --port 8080           the HTTP service (src/service/)
//
// Exit status of check: 0 every input meets the targets, 1 one or more does
// not, 2 a usage error or an input that could not be read. serve: 0 after
// SIGTERM or SIGINT once requests in flight are answered, 2 when it cannot
// start.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <signal.h>

#include <atomic>
#include <thread>

#include <CLI/CLI.hpp>

#include "plainlang/analyzer.h"
#include "plainlang/lexicon.h"
#include "plainlang/output.h"
#include "service/service.h"

namespace {

constexpr int kMeetsTargets = 0;
constexpr int kMissesTargets = 1;
constexpr int kInputError = 2;

bool ReadInput(const std::string& name, std::string* contents, std::string* error) {
  if (name == "-") {
    contents->assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::error_code error_code;
  if (std::filesystem::is_directory(name, error_code)) {
    *error = "'" + name + "' is a directory";
    return false;
  }
  std::ifstream in(name, std::ios::binary);
  if (!in) {
    *error = "cannot open '" + name + "'";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    *error = "cannot read '" + name + "'";
    return false;
  }
  *contents = std::move(buffer).str();
  return true;
}

struct CheckOptions {
  std::vector<std::string> inputs;
  std::string format = "text";
  bool explain = false;
  plainlang::AnalyzerOptions analyzer;
  std::vector<std::string> term_files, abbreviation_files, allow_files;
};

int RunCheck(const CheckOptions& options) {
  std::vector<std::pair<plainlang::TableKind, std::string>> overlays;
  for (const auto& f : options.term_files) overlays.emplace_back(plainlang::TableKind::kTerms, f);
  for (const auto& f : options.abbreviation_files) {
    overlays.emplace_back(plainlang::TableKind::kAbbreviations, f);
  }
  for (const auto& f : options.allow_files) overlays.emplace_back(plainlang::TableKind::kAllow, f);
  std::shared_ptr<const plainlang::Lexicon> lexicon;
  try {
    lexicon = overlays.empty() ? plainlang::Lexicon::Default()
                               : plainlang::Lexicon::DefaultWithOverlays(overlays);
  } catch (const plainlang::LexiconError& error) {
    std::cerr << "plainlang: " << error.what() << "\n";
    return kInputError;
  }
  plainlang::Analyzer analyzer(lexicon, options.analyzer);

  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("-");
  const bool several = inputs.size() > 1;
  if (options.format == "csv") std::cout << plainlang::CsvHeader() << "\n";
  int status = kMeetsTargets;
  int failed = 0;
  for (const std::string& name : inputs) {
    std::string text, error;
    if (!ReadInput(name, &text, &error)) {
      std::cerr << "plainlang: " << error << "\n";
      ++failed;
      continue;
    }
    plainlang::Report report = analyzer.Analyze(text);
    std::string source = (name == "-" && !several) ? "" : (name == "-" ? "<stdin>" : name);
    if (options.format == "json") {
      std::cout << plainlang::ToJson(report, source) << "\n";
    } else if (options.format == "csv") {
      std::cout << plainlang::ToCsvRow(report, source) << "\n";
    } else {
      std::cout << plainlang::ToText(report, text, source, options.explain);
    }
    if (!report.verdict.meets_target) status = kMissesTargets;
  }
  std::cout.flush();
  return failed > 0 ? kInputError : status;
}

struct ServeOptions {
  plainlang::ServiceOptions service;
  std::string token_file;
};

// The token is the file's first line; trailing spaces and line ends are not
// part of it.
bool ReadToken(const std::string& path, std::string* token, std::string* error) {
  std::string contents;
  if (!ReadInput(path, &contents, error)) return false;
  *token = contents.substr(0, contents.find('\n'));
  while (!token->empty() && (token->back() == '\r' || token->back() == ' ')) token->pop_back();
  if (token->size() < 16) {
    *error = "the token in '" + path + "' must be at least 16 characters";
    return false;
  }
  return true;
}

int RunServe(ServeOptions options) {
  if (!options.token_file.empty()) {
    std::string error;
    if (!ReadToken(options.token_file, &options.service.token, &error)) {
      std::cerr << "plainlang serve: " << error << "\n";
      return kInputError;
    }
  }
  // Signals are taken by one watcher thread (sigtimedwait), never by a
  // handler: stopping the server is not async-signal-safe. Block them before
  // any thread starts so every thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  plainlang::Service service(plainlang::Lexicon::Default(), options.service);
  std::string error;
  if (!service.Bind(&error)) {
    std::cerr << "plainlang serve: " << error << "\n";
    return kInputError;
  }
  const std::string& host = options.service.host;
  const bool ipv6 = host.find(':') != std::string::npos;
  std::cerr << "plainlang serve: listening on http://" << (ipv6 ? "[" + host + "]" : host) << ":"
            << service.port() << "/ with " << service.threads() << " workers"
            << (options.service.token.empty() ? "" : ", bearer token required") << std::endl;

  std::atomic<bool> served{false};
  std::thread watcher([&] {
    const timespec poll{0, 100'000'000};
    bool stopping = false;
    while (!served) {
      int signal = sigtimedwait(&stop_signals, nullptr, &poll);
      if (signal > 0 && !stopping) {
        std::cerr << "plainlang serve: " << (signal == SIGINT ? "SIGINT" : "SIGTERM")
                  << ", answering requests in flight, then stopping" << std::endl;
        stopping = true;
      }
      if (stopping) service.Stop();
    }
  });
  const bool clean = service.Run();
  served = true;
  watcher.join();
  std::cerr << "plainlang serve: stopped" << std::endl;
  return clean ? 0 : kInputError;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"plainlang: how hard is a patient message to read, and what to write instead"};
  app.require_subcommand(1);
  CheckOptions options;
  CLI::App* check = app.add_subcommand("check", "analyse messages (files, or - for stdin)");
  check->add_option("inputs", options.inputs, "files to check; - or nothing reads stdin");
  check->add_option("--format", options.format, "text, json (one object per line) or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  check->add_option("--target-grade", options.analyzer.target_grade,
                    "highest acceptable health grade")
      ->check(CLI::Range(0.0, 20.0))
      ->capture_default_str();
  check->add_option("--max-jargon", options.analyzer.max_jargon,
                    "highest acceptable jargon density, 0..1")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  check->add_option("--long-sentence", options.analyzer.long_sentence_words,
                    "sentences with more words are findings")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  check->add_flag("--explain", options.explain,
                  "text format: print the evidence for each finding");
  check->add_option("--terms,--lexicon", options.term_files,
                    "extra terms (TSV: term, plain, definition, familiarity, ...)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  check->add_option("--abbreviations", options.abbreviation_files,
                    "extra abbreviations (TSV: abbreviation, expansions, plain, ...)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  check->add_option("--allow", options.allow_files,
                    "words your patients know, never flagged (one per line)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  ServeOptions serve_options;
  CLI::App* serve = app.add_subcommand(
      "serve", "HTTP service: POST /v1/analyze, a review page at /, see openapi.yaml");
  serve->add_option("--host", serve_options.service.host,
                    "address to listen on; beyond loopback needs --token-file")
      ->capture_default_str();
  serve->add_option("--port", serve_options.service.port, "port; 0 picks a free one")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve->add_option("--threads", serve_options.service.threads,
                    "requests served at once; 0 = one per core")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  serve->add_option("--max-body", serve_options.service.max_body_bytes,
                    "largest request body in bytes (larger gets 413)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30))
      ->capture_default_str();
  serve->add_option("--token-file", serve_options.token_file,
                    "file whose first line is the token every request must send "
                    "as 'Authorization: Bearer <token>'")
      ->check(CLI::ExistingFile);
  serve->add_option("--target-grade", serve_options.service.analyzer.target_grade,
                    "default highest acceptable health grade")
      ->check(CLI::Range(0.0, 20.0))
      ->capture_default_str();
  serve->add_option("--max-jargon", serve_options.service.analyzer.max_jargon,
                    "default highest acceptable jargon density, 0..1")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  serve->add_option("--long-sentence", serve_options.service.analyzer.long_sentence_words,
                    "default: sentences with more words are findings")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::cerr << "plainlang: " << e.what() << " (see plainlang --help)\n";
    return kInputError;
  }
  if (serve->parsed()) return RunServe(serve_options);
  return RunCheck(options);
}
