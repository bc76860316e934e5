// plainlang: check patient messages from the command line.
//
//   plainlang check letter.txt            a person's summary
//   plainlang check --format json -       JSON from stdin
//   plainlang report a.txt b.txt -o r.html  one review page for both
//   plainlang serve --port 8080           the HTTP service (src/service/)
//
// Exit status of check and report: 0 every input meets the targets, 1 one
// or more does not, 2 a usage error or an input that could not be read (the
// others are still checked), 130 interrupted (every line written is whole).
// serve: 0 after SIGTERM or SIGINT once requests in flight are answered, 2
// when it cannot start.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <atomic>
#include <thread>

#include <CLI/CLI.hpp>

#include "cli/inputs.h"
#include "cli/unknown_command.h"
#include "plainlang/analyzer.h"
#include "plainlang/batch.h"
#include "plainlang/lexicon.h"
#include "plainlang/output.h"
#include "plainlang/version.h"
#include "service/service.h"

namespace {

constexpr int kMeetsTargets = 0;
constexpr int kMissesTargets = 1;
constexpr int kInputError = 2;
// How long `serve` waits on SIGTERM for the requests in flight.
constexpr int kDrainSeconds = 10;
constexpr int kInterrupted = 130;  // 128 + SIGINT, as shells report it

// Set by SIGINT: stop between two chunks of inputs, so every output line is
// whole. An atomic, not a volatile sig_atomic_t: the signal may arrive on a
// worker thread of the batch while the main thread reads the flag.
std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");
void OnInterrupt(int) { interrupted = true; }

// What `check` and `report` share: the targets, the vocabulary and the
// cores to use.
struct AnalysisOptions {
  plainlang::AnalyzerOptions analyzer;
  std::vector<std::string> term_files, abbreviation_files, allow_files;
  std::vector<std::string> skipped_items;  // communication items not judged
  int threads = 0;                         // 0 = every core this process may run on
};

// `check` reads and analyses its inputs a chunk at a time: a chunk's texts
// on every core (AnalyzeBatch), its records written in input order before
// the next chunk is read. Memory holds one chunk, output starts at once, and
// Ctrl-C is answered within a chunk's time.
constexpr size_t kChunkInputs = 256;
constexpr size_t kChunkBytes = size_t{16} << 20;

struct CheckOptions {
  std::vector<std::string> inputs;
  std::string files_from;  // a list of paths, one per line; "-" is stdin
  std::string format = "text";
  bool explain = false;
  // Inputs longer than this are analysed in passes that keep none of their
  // findings (AnalyzeToJson and the like): a report of a long input dense in
  // jargon takes over ten times its size.
  size_t stream_above = size_t{16} << 20;
  AnalysisOptions analysis;
};

struct ReportOptions {
  std::vector<std::string> inputs;
  std::string output;  // empty: stdout, allowed for one input only
  AnalysisOptions analysis;
};

// The default lexicon with the user's files on top; nullopt (after a
// `file:line: reason` on stderr) when one of them is bad.
// Says that the output could not be written, once, and gives the exit
// status for it.
int OutputFailed() {
  const int code = errno;
  std::cerr << "plainlang: cannot write the output: " << std::strerror(code != 0 ? code : EIO)
            << "\n";
  return kInputError;
}

std::optional<plainlang::Analyzer> MakeAnalyzer(const AnalysisOptions& options) {
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
    return std::nullopt;
  }
  plainlang::AnalyzerOptions analyzer_options = options.analyzer;
  for (size_t k = 0; k < plainlang::kCommunicationItemCount; ++k) {
    const auto name =
        plainlang::CommunicationItemName(static_cast<plainlang::CommunicationItem>(k));
    for (const std::string& skipped : options.skipped_items) {
      if (skipped == name) analyzer_options.checklist_items[k] = false;
    }
  }
  return plainlang::Analyzer(lexicon, analyzer_options);
}

// The name a report gives an input: none for stdin alone, "<stdin>" among
// several.
std::string SourceName(const std::string& input, bool several) {
  if (input != "-") return input;
  return several ? "<stdin>" : "";
}

// One line (or block, for text) per input, in order, including the inputs
// that could not be read; a summary on stderr when there are several.
int RunCheck(const CheckOptions& options) {
  std::optional<plainlang::Analyzer> analyzer = MakeAnalyzer(options.analysis);
  if (!analyzer) return kInputError;

  std::vector<std::string> arguments = options.inputs;
  if (arguments.empty() && options.files_from.empty()) arguments.push_back("-");
  const std::vector<plainlang::cli::Input> inputs =
      plainlang::cli::ExpandInputs(arguments, options.files_from);
  const bool several = inputs.size() > 1;
  const size_t max_bytes = plainlang::InputLimit(options.analysis.analyzer);
  std::signal(SIGINT, OnInterrupt);
  if (options.format == "csv") std::cout << plainlang::CsvHeader() << "\n";
  size_t meet = 0, miss = 0, failed = 0, done = 0;
  for (size_t first = 0; first < inputs.size() && !interrupted;) {
    std::vector<std::string> texts;
    std::vector<plainlang::BatchInput> batch;  // a read error goes in place of the text
    size_t bytes = 0;
    while (first + texts.size() < inputs.size() && texts.size() < kChunkInputs &&
           bytes < kChunkBytes && !interrupted) {
      std::string& text = texts.emplace_back();
      plainlang::cli::ReadText(inputs[first + texts.size() - 1], max_bytes, &text,
                               &batch.emplace_back().error);
      bytes += text.size();
    }
    // The texts stay put now. A long one that was read whole is analysed on
    // its own below; one that could not be read keeps its error row.
    auto streamed_input = [&](size_t k) {
      return texts[k].size() > options.stream_above && batch[k].error.empty();
    };
    for (size_t k = 0; k < texts.size(); ++k) {
      if (!streamed_input(k)) batch[k].text = texts[k];
    }
    plainlang::BatchOptions batch_options;
    batch_options.threads = options.analysis.threads;
    batch_options.features = false;
    const std::vector<plainlang::Report> reports =
        plainlang::AnalyzeBatch(*analyzer, batch, batch_options).reports;
    for (size_t k = 0; k < reports.size(); ++k) {
      const std::string source = SourceName(inputs[first + k].name, several);
      auto write = [](std::string_view piece) {
        std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      };
      // A record is formatted whole and written at once, except JSON, which
      // goes out in pieces as it is made (a report of millions of findings
      // is not held twice), and a long input's, made in passes.
      std::string record;
      plainlang::Report streamed;
      const plainlang::Report* report = &reports[k];
      if (streamed_input(k)) {
        report = &streamed;
        if (options.format == "json") {
          streamed = plainlang::AnalyzeToJson(*analyzer, texts[k], source, write);
          record = "\n";
        } else if (options.format == "csv") {
          streamed = plainlang::AnalyzeToCsvRow(*analyzer, texts[k], source, &record);
          record += "\n";
        } else {
          streamed = plainlang::AnalyzeToText(*analyzer, texts[k], source, options.explain, write);
        }
      } else if (options.format == "json") {
        plainlang::WriteJson(*report, source, write);
        record = "\n";
      } else if (options.format == "csv") {
        record = plainlang::ToCsvRow(*report, source) + "\n";
      } else {
        record = plainlang::ToText(*report, texts[k], source, options.explain);
      }
      const bool is_error = !report->error.empty();
      std::cout << record;
      if (is_error) {
        std::cerr << "plainlang: " << report->error << "\n";
        ++failed;
      } else if (report->verdict.meets_target) {
        ++meet;
      } else {
        ++miss;
      }
      ++done;
    }
    // A full disk or a closed pipe ("| head -1" with SIGPIPE ignored): stop,
    // rather than analyse the rest for nobody.
    if (!std::cout.flush()) return OutputFailed();
    first += reports.size();
  }
  if (several || interrupted) {
    std::cerr << "plainlang: checked " << done << " of " << inputs.size() << " inputs: " << meet
              << " meet the targets, " << miss << " do not (or have no text), " << failed
              << " could not be read" << (interrupted ? " (interrupted)" : "") << "\n";
  }
  if (options.format == "text" && meet + miss > 0) {
    std::cout << "health grade: " << plainlang::kHealthGradeMeaning << "\n";
  }
  if (interrupted) return kInterrupted;
  if (failed > 0) return kInputError;
  return miss > 0 ? kMissesTargets : kMeetsTargets;
}

// Writes one HTML page for every input, those that could not be read
// included; the exit status is check's.
int RunReport(const ReportOptions& options) {
  std::vector<std::string> arguments = options.inputs;
  if (arguments.empty()) arguments.push_back("-");
  const std::vector<plainlang::cli::Input> inputs = plainlang::cli::ExpandInputs(arguments, "");
  if (inputs.size() > 1 && options.output.empty()) {
    std::cerr << "plainlang: several inputs make one page; name it with -o FILE "
                 "(or -o - for stdout)\n";
    return kInputError;
  }
  std::optional<plainlang::Analyzer> analyzer = MakeAnalyzer(options.analysis);
  if (!analyzer) return kInputError;

  const bool several = inputs.size() > 1;
  // An input that could not be read goes in the batch with its reason, as
  // in check, and keeps its place on the page as an error report.
  std::vector<std::string> sources, texts(inputs.size());
  std::vector<plainlang::BatchInput> batch(inputs.size());
  int failed = 0;
  const size_t max_bytes = plainlang::InputLimit(options.analysis.analyzer);
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (!plainlang::cli::ReadText(inputs[i], max_bytes, &texts[i], &batch[i].error)) {
      std::cerr << "plainlang: " << batch[i].error << "\n";
      ++failed;
    }
    batch[i].text = texts[i];
    sources.push_back(SourceName(inputs[i].name, several));
  }
  if (inputs.empty()) return kInputError;
  plainlang::BatchOptions batch_options;
  batch_options.threads = options.analysis.threads;
  batch_options.features = false;
  const std::vector<plainlang::Report> reports =
      plainlang::AnalyzeBatch(*analyzer, batch, batch_options).reports;
  int status = kMeetsTargets;
  for (const plainlang::Report& report : reports) {
    if (!report.verdict.meets_target) status = kMissesTargets;
  }
  std::vector<plainlang::HtmlDocument> documents;
  for (size_t i = 0; i < reports.size(); ++i) {
    documents.push_back({sources[i], texts[i], reports[i]});
  }
  std::string page = plainlang::ToHtml(documents);
  if (options.output.empty() || options.output == "-") {
    std::cout << page;
    if (!std::cout.flush()) return OutputFailed();
  } else {
    std::ofstream out(options.output, std::ios::binary);
    out << page;
    out.close();
    if (!out) {
      std::cerr << "plainlang: cannot write '" << options.output << "'\n";
      return kInputError;
    }
  }
  return failed > 0 ? kInputError : status;
}

// --target-grade, --max-jargon and --long-sentence, in the service's
// ranges; `serve` takes them as the defaults of requests that set none.
void AddTargetOptions(CLI::App* command, plainlang::AnalyzerOptions* options,
                      const std::string& prefix) {
  command
      ->add_option("--target-grade", options->target_grade,
                   prefix + "highest acceptable health grade (0..20: " +
                       std::string(plainlang::kHealthGradeMeaning) + ")")
      ->check(CLI::Range(plainlang::kTargetGradeRange.low, plainlang::kTargetGradeRange.high))
      ->capture_default_str();
  command
      ->add_option("--max-jargon", options->max_jargon,
                   prefix + "highest acceptable jargon density, 0..1")
      ->check(CLI::Range(plainlang::kMaxJargonRange.low, plainlang::kMaxJargonRange.high))
      ->capture_default_str();
  command
      ->add_option("--long-sentence", options->long_sentence_words,
                   prefix + "sentences with more words are findings")
      ->check(CLI::Range(plainlang::kLongSentenceRange.low, plainlang::kLongSentenceRange.high))
      ->capture_default_str();
  command
      ->add_option("--min-communication", options->min_communication,
                   prefix + "lowest acceptable communication score, 0..100; 0 is off")
      ->check(
          CLI::Range(plainlang::kMinCommunicationRange.low, plainlang::kMinCommunicationRange.high))
      ->capture_default_str();
}

// The targets and vocabulary options, the same for every command.
void AddAnalysisOptions(CLI::App* command, AnalysisOptions* options) {
  AddTargetOptions(command, &options->analyzer, "");
  std::vector<std::string> item_names;
  for (size_t k = 0; k < plainlang::kCommunicationItemCount; ++k) {
    item_names.emplace_back(
        plainlang::CommunicationItemName(static_cast<plainlang::CommunicationItem>(k)));
  }
  command
      ->add_option("--skip-item", options->skipped_items,
                   "a communication item not to judge (repeatable), e.g. acknowledges_patient")
      ->check(CLI::IsMember(item_names))
      ->allow_extra_args(false);
  command
      ->add_option("--max-bytes", options->analyzer.max_input_bytes,
                   "longest message read; a longer one is an error row")
      ->check(CLI::Range(plainlang::kMaxInputBytesRange.low, plainlang::kMaxInputBytesRange.high))
      ->capture_default_str();
  command->add_option("--threads", options->threads, "inputs analysed at once; 0 = one per core")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  command
      ->add_option("--terms,--lexicon", options->term_files,
                   "extra terms (TSV: term, plain, definition, familiarity, ...)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  command
      ->add_option("--abbreviations", options->abbreviation_files,
                   "extra abbreviations (TSV: abbreviation, expansions, plain, ...)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  command
      ->add_option("--allow", options->allow_files,
                   "words your patients know, never flagged (one per line)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
}

struct ServeOptions {
  plainlang::ServiceOptions service;
  std::string token_file;
};

// The token is the file's first line; trailing spaces and line ends are not
// part of it.
bool ReadToken(const std::string& path, std::string* token, std::string* error) {
  // A secret others on the machine can read is no secret: said, not refused,
  // since a container may mount it so on purpose.
  struct stat info {};
  if (stat(path.c_str(), &info) == 0 && (info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    std::cerr << "plainlang serve: warning: the token file '" << path
              << "' can be read by other users (chmod 600 it)\n";
  }
  std::string contents;
  if (!plainlang::cli::ReadInput(path, 1 << 16, &contents, error)) return false;
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
    std::chrono::steady_clock::time_point deadline;
    while (!served) {
      int signal = sigtimedwait(&stop_signals, nullptr, &poll);
      if (signal > 0 && !stopping) {
        std::cerr << "plainlang serve: " << (signal == SIGINT ? "SIGINT" : "SIGTERM")
                  << ", answering requests in flight, then stopping" << std::endl;
        stopping = true;
        deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kDrainSeconds);
      }
      if (stopping) service.Stop();
      // A client that never finishes its request must not keep the service
      // from stopping: past the drain time it exits without it.
      if (stopping && std::chrono::steady_clock::now() > deadline) {
        std::cerr << "plainlang serve: stopped after " << kDrainSeconds
                  << " s with connections still open" << std::endl;
        std::_Exit(0);
      }
    }
  });
  const bool clean = service.Run();
  served = true;
  watcher.join();
  std::cerr << "plainlang serve: stopped" << std::endl;
  return clean ? 0 : kInputError;
}

// The subcommands' names, in the order --help lists them.
std::vector<std::string> CommandNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(command->get_name());
  }
  return names;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"plainlang: how hard is a patient message to read, and what to write instead"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(plainlang::kVersion),
                       "print the version (" + std::string(plainlang::kVersion) + ") and exit");
  CheckOptions options;
  CLI::App* check = app.add_subcommand("check", "analyse messages (files, or - for stdin)");
  check->add_option("inputs", options.inputs,
                    "files, directories or glob patterns to check; - or nothing reads stdin");
  check->add_option("--files-from", options.files_from,
                    "also check the paths listed in this file, one per line (- is stdin)");
  check->add_option("--format", options.format, "text, json (one object per line) or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  check->add_flag("--explain", options.explain, "text format: print the evidence for each finding");
  check
      ->add_option("--stream-above", options.stream_above,
                   "analyse an input longer than this many bytes in passes that keep none of "
                   "its findings (same output, less memory, two or three times the time)")
      ->check(CLI::Range(size_t{0}, plainlang::kMaxInputBytesRange.high))
      ->capture_default_str();
  AddAnalysisOptions(check, &options.analysis);

  ReportOptions report_options;
  CLI::App* report = app.add_subcommand(
      "report", "write an HTML review page: highlighted findings, suggestions, scores");
  report->add_option("inputs", report_options.inputs, "files to review; - or nothing reads stdin");
  report->add_option("-o,--output", report_options.output,
                     "the HTML file to write; - or nothing is stdout (one input only)");
  AddAnalysisOptions(report, &report_options.analysis);
  ServeOptions serve_options;
  CLI::App* serve = app.add_subcommand(
      "serve", "HTTP service: POST /v1/analyze, a review page at /, see openapi.yaml");
  serve
      ->add_option("--host", serve_options.service.host,
                   "address to listen on; beyond loopback needs --token-file")
      ->capture_default_str();
  serve->add_option("--port", serve_options.service.port, "port; 0 picks a free one")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve
      ->add_option("--threads", serve_options.service.threads,
                   "analyses run at once; 0 = one per core")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  serve
      ->add_option("--max-body", serve_options.service.max_body_bytes,
                   "largest request body in bytes (larger gets 413)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30))
      ->capture_default_str();
  serve
      ->add_option("--max-connections", serve_options.service.max_connections,
                   "connections accepted and not yet answered; more wait to be accepted")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20))
      ->capture_default_str();
  serve
      ->add_option("--token-file", serve_options.token_file,
                   "file whose first line is the token every request must send "
                   "as 'Authorization: Bearer <token>'")
      ->check(CLI::ExistingFile);
  AddTargetOptions(serve, &serve_options.service.analyzer, "default: ");
  // The top level takes only --help and --version, so any other first
  // argument must name a command.
  const std::vector<std::string> commands = CommandNames(app);
  if (argc > 1) {
    const std::string_view first = argv[1];
    if (first != "-h" && first != "--help" && first != "--version" &&
        std::find(commands.begin(), commands.end(), first) == commands.end()) {
      std::cerr << plainlang::cli::UnknownCommandMessage(first, commands);
      return kInputError;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    if (app.get_subcommands().empty()) {             // no arguments at all
      std::cerr << plainlang::cli::UnknownCommandMessage("", commands);
      return kInputError;
    }
    std::cerr << "plainlang: " << e.what() << " (see plainlang "
              << (report->parsed()  ? "report"
                  : serve->parsed() ? "serve"
                                    : "check")
              << " --help)\n";
    return kInputError;
  }
  if (serve->parsed()) return RunServe(serve_options);
  return report->parsed() ? RunReport(report_options) : RunCheck(options);
}
