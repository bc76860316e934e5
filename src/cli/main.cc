// plainlang: check patient messages from the command line.
//
//   plainlang check letter.txt            a person's summary
//   plainlang check --format json -       JSON from stdin
//   plainlang report a.txt b.txt -o r.html  one review page for both
//
// Exit status: 0 every input meets the targets, 1 one or more does not,
// 2 a usage error or an input that could not be read.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "plainlang/analyzer.h"
#include "plainlang/lexicon.h"
#include "plainlang/output.h"

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

// What `check` and `report` share: the targets and the vocabulary.
struct AnalysisOptions {
  plainlang::AnalyzerOptions analyzer;
  std::vector<std::string> term_files, abbreviation_files, allow_files;
};

struct CheckOptions {
  std::vector<std::string> inputs;
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

int RunCheck(const CheckOptions& options) {
  std::optional<plainlang::Analyzer> analyzer = MakeAnalyzer(options.analysis);
  if (!analyzer) return kInputError;

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
    plainlang::Report report = analyzer->Analyze(text);
    std::string source = SourceName(name, several);
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

// Writes one HTML page for every input that could be read; the exit status
// is check's.
int RunReport(const ReportOptions& options) {
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("-");
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
  for (const std::string& name : inputs) {
    std::string text, error;
    if (!ReadInput(name, &text, &error)) {
      std::cerr << "plainlang: " << error << "\n";
      ++failed;
      continue;
    }
    reports.push_back(analyzer->Analyze(text));
    if (!reports.back().verdict.meets_target) status = kMissesTargets;
    sources.push_back(SourceName(name, several));
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
  check->add_option("inputs", options.inputs, "files to check; - or nothing reads stdin");
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
