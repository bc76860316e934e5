// plainlang: check patient messages from the command line.
//
//   plainlang check letter.txt            a person's summary
//   plainlang check --format json -       JSON from stdin
//   plainlang report a.txt b.txt -o r.html  one review page for both
//
// Exit status: 0 every input meets the targets, 1 one or more does not,
// 2 a usage error or an input that could not be read (the others are still
// checked), 130 interrupted (every line written is whole).
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/inputs.h"
#include "plainlang/analyzer.h"
#include "plainlang/lexicon.h"
#include "plainlang/output.h"

namespace {

constexpr int kMeetsTargets = 0;
constexpr int kMissesTargets = 1;
constexpr int kInputError = 2;
constexpr int kInterrupted = 130;  // 128 + SIGINT, as shells report it

// Set by SIGINT: stop between two inputs, so every output line is whole.
volatile std::sig_atomic_t interrupted = 0;
void OnInterrupt(int) { interrupted = 1; }

// What `check` and `report` share: the targets and the vocabulary.
struct AnalysisOptions {
  plainlang::AnalyzerOptions analyzer;
  std::vector<std::string> term_files, abbreviation_files, allow_files;
};

struct CheckOptions {
  std::vector<std::string> inputs;
  std::string files_from;  // a list of paths, one per line; "-" is stdin
  std::string format = "text";
  bool explain = false;
  AnalysisOptions analysis;
};

struct ReportOptions {
  std::vector<std::string> inputs;
  std::string output;  // empty: stdout, allowed for one input only
  AnalysisOptions analysis;
};

// The default lexicon with the user's files on top; nullopt (after a
// `file:line: reason` on stderr) when one of them is bad.
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
  return plainlang::Analyzer(lexicon, options.analyzer);
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
  const size_t max_bytes = std::min(options.analysis.analyzer.max_input_bytes,
                                    plainlang::kMaxInputBytes);
  std::signal(SIGINT, OnInterrupt);
  if (options.format == "csv") std::cout << plainlang::CsvHeader() << "\n";
  size_t meet = 0, miss = 0, failed = 0, done = 0;
  for (const plainlang::cli::Input& input : inputs) {
    if (interrupted) break;
    std::string text, error = input.error;
    const std::string source = SourceName(input.name, several);
    if (error.empty()) plainlang::cli::ReadInput(input.name, max_bytes, &text, &error);
    plainlang::Report report = error.empty()
                                   ? analyzer->Analyze(text)
                                   : plainlang::ErrorReport(analyzer->options(), error);
    const bool is_error =
        !report.warnings.empty() && report.warnings.front().rfind("error: ", 0) == 0;
    // The whole record is formatted first and written at once.
    std::string record;
    if (options.format == "json") {
      record = plainlang::ToJson(report, source) + "\n";
    } else if (options.format == "csv") {
      record = plainlang::ToCsvRow(report, source) + "\n";
    } else if (is_error) {
      record = (source.empty() ? "" : source + ": ") + report.warnings.front() + "\n";
    } else {
      record = plainlang::ToText(report, text, source, options.explain);
    }
    std::cout << record;
    if (is_error) {
      std::cerr << "plainlang: " << report.warnings.front().substr(7) << "\n";
      ++failed;
    } else if (report.verdict.meets_target) {
      ++meet;
    } else {
      ++miss;
    }
    ++done;
  }
  std::cout.flush();
  if (several || interrupted) {
    std::cerr << "plainlang: checked " << done << " of " << inputs.size() << " inputs: " << meet
              << " meet the targets, " << miss << " do not, " << failed
              << " could not be read" << (interrupted ? " (interrupted)" : "") << "\n";
  }
  if (interrupted) return kInterrupted;
  if (failed > 0) return kInputError;
  return miss > 0 ? kMissesTargets : kMeetsTargets;
}

// Writes one HTML page for every input that could be read; the exit status
// is check's.
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
  std::vector<std::string> sources, texts;
  std::vector<plainlang::Report> reports;
  int status = kMeetsTargets;
  int failed = 0;
  const size_t max_bytes = std::min(options.analysis.analyzer.max_input_bytes,
                                    plainlang::kMaxInputBytes);
  for (const plainlang::cli::Input& input : inputs) {
    std::string text, error = input.error;
    if (!error.empty() || !plainlang::cli::ReadInput(input.name, max_bytes, &text, &error)) {
      std::cerr << "plainlang: " << error << "\n";
      ++failed;
      continue;
    }
    reports.push_back(analyzer->Analyze(text));
    if (!reports.back().verdict.meets_target) status = kMissesTargets;
    sources.push_back(SourceName(input.name, several));
    texts.push_back(std::move(text));
  }
  if (reports.empty()) return kInputError;
  std::vector<plainlang::HtmlDocument> documents;
  for (size_t i = 0; i < reports.size(); ++i) {
    documents.push_back({sources[i], texts[i], reports[i]});
  }
  std::string page = plainlang::ToHtml(documents);
  if (options.output.empty() || options.output == "-") {
    std::cout << page;
    std::cout.flush();
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

// The targets and vocabulary options, the same for every command.
void AddAnalysisOptions(CLI::App* command, AnalysisOptions* options) {
  command->add_option("--target-grade", options->analyzer.target_grade,
                      "highest acceptable health grade")
      ->check(CLI::Range(0.0, 20.0))
      ->capture_default_str();
  command->add_option("--max-jargon", options->analyzer.max_jargon,
                      "highest acceptable jargon density, 0..1")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command->add_option("--max-bytes", options->analyzer.max_input_bytes,
                      "longest message read; a longer one is an error row")
      ->check(CLI::Range(size_t{1}, plainlang::kMaxInputBytes))
      ->capture_default_str();
  command->add_option("--long-sentence", options->analyzer.long_sentence_words,
                      "sentences with more words are findings")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  command->add_option("--terms,--lexicon", options->term_files,
                      "extra terms (TSV: term, plain, definition, familiarity, ...)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  command->add_option("--abbreviations", options->abbreviation_files,
                      "extra abbreviations (TSV: abbreviation, expansions, plain, ...)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  command->add_option("--allow", options->allow_files,
                      "words your patients know, never flagged (one per line)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"plainlang: how hard is a patient message to read, and what to write instead"};
  app.require_subcommand(1);
  CheckOptions options;
  CLI::App* check = app.add_subcommand("check", "analyse messages (files, or - for stdin)");
  check->add_option("inputs", options.inputs,
                    "files, directories or glob patterns to check; - or nothing reads stdin");
  check->add_option("--files-from", options.files_from,
                    "also check the paths listed in this file, one per line (- is stdin)");
  check->add_option("--format", options.format, "text, json (one object per line) or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  check->add_flag("--explain", options.explain,
                  "text format: print the evidence for each finding");
  AddAnalysisOptions(check, &options.analysis);

  ReportOptions report_options;
  CLI::App* report = app.add_subcommand(
      "report", "write an HTML review page: highlighted findings, suggestions, scores");
  report->add_option("inputs", report_options.inputs, "files to review; - or nothing reads stdin");
  report->add_option("-o,--output", report_options.output,
                     "the HTML file to write; - or nothing is stdout (one input only)");
  AddAnalysisOptions(report, &report_options.analysis);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::cerr << "plainlang: " << e.what() << " (see plainlang "
              << (report->parsed() ? "report" : "check") << " --help)\n";
    return kInputError;
  }
  return report->parsed() ? RunReport(report_options) : RunCheck(options);
}
