// The plainlang command: formats, exit status and error messages.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <sstream>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "plainlang/version.h"

namespace {

struct CommandResult {
  std::string out;
  int status = -1;
};

// Runs the command with `args` through the shell; stderr joins stdout.
CommandResult Plainlang(const std::string& args, const std::string& stdin_text = "") {
  // One file per test: ctest runs tests as parallel processes.
  std::string input = ::testing::TempDir() + "/plainlang_cli_stdin_" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".txt";
  std::ofstream(input) << stdin_text;
  std::string command = std::string(PLAINLANG_CLI) + " " + args + " < " + input + " 2>&1";
  CommandResult run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer;
  for (size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
    run.out.append(buffer.data(), n);
  int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

const std::string kExamples = std::string(PLAINLANG_SOURCE_DIR) + "/examples/";

TEST(CliTest, JsonFromStdinSlicesTheInputExactly) {
  const std::string message =
      "Your BP is elevated. Continue lisinopril 10 mg PO BID and f/u in 2 wks.\n";
  CommandResult run = Plainlang("check --format json -", message);
  EXPECT_EQ(run.status, 1);  // misses the jargon target
  nlohmann::json report = nlohmann::json::parse(run.out);
  std::vector<std::string> abbreviations;
  for (const auto& finding : report["findings"]) {
    size_t start = finding["start"], end = finding["end"];
    EXPECT_EQ(message.substr(start, end - start), finding["text"]);
    if (finding["kind"] == "abbreviation") {
      abbreviations.push_back(finding["text"]);
      EXPECT_FALSE(finding["expansions"].empty());
    }
  }
  EXPECT_EQ(abbreviations, (std::vector<std::string>{"BP", "PO", "BID", "f/u", "wks"}));
  EXPECT_TRUE(report["readability"]["consensus_grade"].is_number());
  EXPECT_FALSE(report.contains("source"));
}

TEST(CliTest, ExitStatusFollowsTheTargets) {
  EXPECT_EQ(Plainlang("check " + kExamples + "plain_message.txt").status, 0);
  EXPECT_EQ(Plainlang("check " + kExamples + "portal_message.txt").status, 1);
  // The plain message (health grade 3.6, no jargon) fails a stricter grade
  // target, and passes even when no jargon at all is allowed.
  EXPECT_EQ(Plainlang("check --target-grade 3 " + kExamples + "plain_message.txt").status, 1);
  EXPECT_EQ(Plainlang("check --max-jargon 0 " + kExamples + "plain_message.txt").status, 0);
}

TEST(CliTest, SeveralInputsGiveJsonLinesWithSource) {
  CommandResult run = Plainlang("check --format json " + kExamples + "plain_message.txt " +
                                kExamples + "portal_message.txt");
  EXPECT_EQ(run.status, 1);
  std::vector<std::string> sources;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("plainlang: ", 0) == 0) continue;  // the summary, from stderr
    sources.push_back(nlohmann::json::parse(line)["source"]);
  }
  EXPECT_EQ(sources, (std::vector<std::string>{kExamples + "plain_message.txt",
                                               kExamples + "portal_message.txt"}));
  EXPECT_NE(
      run.out.find(
          "plainlang: checked 2 of 2 inputs: 1 meet the targets, 1 do not (or have no text), 0 "
          "could not be read"),
      std::string::npos);
}

TEST(CliTest, CsvHasAHeaderAndOneRowPerInput) {
  CommandResult run =
      Plainlang("check --format csv " + kExamples + "plain_message.txt -", "Hello there.");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out.rfind("source,flesch_reading_ease,", 0), 0u);
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 4);  // with the summary
  EXPECT_NE(run.out.find("\n<stdin>,"), std::string::npos);
}

TEST(CliTest, TextFormatIsForAPerson) {
  CommandResult run = Plainlang("check -", "Take it PO BID.");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("NEEDS WORK"), std::string::npos);
  EXPECT_NE(run.out.find("PO                    abbreviation -> by mouth"), std::string::npos);
}

TEST(CliTest, UnreadableFileIsNamedAndOthersStillChecked) {
  CommandResult run =
      Plainlang("check --format json /nonexistent/letter.txt " + kExamples + "plain_message.txt");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.out.find("plainlang: cannot open '/nonexistent/letter.txt'"), std::string::npos);
  EXPECT_NE(run.out.find("\"source\":\"" + kExamples + "plain_message.txt\""), std::string::npos);
}

// A fresh folder under the test temp dir, with the given files in it.
std::string MakeFolder(const std::string& name,
                       const std::vector<std::pair<std::string, std::string>>& files) {
  const std::string folder = ::testing::TempDir() + "/plainlang_cli_" + name;
  std::filesystem::remove_all(folder);
  for (const auto& [path, contents] : files) {
    std::filesystem::create_directories(std::filesystem::path(folder + "/" + path).parent_path());
    std::ofstream(folder + "/" + path, std::ios::binary) << contents;
  }
  return folder;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(CliTest, DirectoriesGlobsAndListsExpandInOrder) {
  const std::string folder = MakeFolder("expand", {{"b.txt", "Take it PO."},
                                                   {"a.txt", "Rest today."},
                                                   {".hidden.txt", "BP."},
                                                   {"sub/c.txt", "Call us."},
                                                   {"list.txt", ""}});
  std::ofstream(folder + "/list.txt") << folder + "/a.txt\n\n" + folder + "/b.txt\r\n";
  CommandResult run = Plainlang("check --format csv " + folder + " '" + folder +
                                "/[ab].txt' --files-from " + folder + "/list.txt");
  std::vector<std::string> sources;
  for (const std::string& line : Lines(run.out)) {
    if (line.rfind(folder, 0) == 0) sources.push_back(line.substr(0, line.find(',')));
  }
  EXPECT_EQ(sources,
            (std::vector<std::string>{folder + "/a.txt", folder + "/b.txt", folder + "/list.txt",
                                      folder + "/sub/c.txt", folder + "/a.txt", folder + "/b.txt",
                                      folder + "/a.txt", folder + "/b.txt"}));
  EXPECT_NE(run.out.find("plainlang: checked 8 of 8 inputs: "), std::string::npos) << run.out;
  EXPECT_EQ(run.status, 1);  // "PO" misses the jargon target
}

TEST(CliTest, EveryInputGetsARowAndFailuresExitTwo) {
  const std::string folder =
      MakeFolder("errors", {{"ok.txt", "Rest today."}, {"big.txt", std::string(200, 'a')}});
  CommandResult run =
      Plainlang("check --format json --max-bytes 100 " + folder + "/ok.txt " + folder +
                "/missing.txt " + folder + "/big.txt '" + folder + "/*.none'");
  EXPECT_EQ(run.status, 2);
  std::vector<nlohmann::json> rows;
  for (const std::string& line : Lines(run.out)) {
    if (!line.empty() && line[0] == '{') rows.push_back(nlohmann::json::parse(line));
  }
  ASSERT_EQ(rows.size(), 4u) << run.out;
  EXPECT_EQ(rows[0]["source"], folder + "/ok.txt");
  EXPECT_TRUE(rows[0]["readability"]["health_grade"].is_number());
  EXPECT_TRUE(rows[0]["error"].is_null());
  EXPECT_EQ(rows[1]["error"],
            "cannot open '" + folder + "/missing.txt': No such file or directory");
  EXPECT_EQ(rows[1]["warnings"].size(), 0u);
  EXPECT_TRUE(rows[1]["readability"]["health_grade"].is_null());
  EXPECT_EQ(rows[2]["error"], "'" + folder +
                                  "/big.txt' is 200 bytes, over the limit of 100 "
                                  "(--max-bytes)");
  EXPECT_EQ(rows[3]["error"], "no file matches '" + folder + "/*.none'");
  EXPECT_NE(run.out.find("checked 4 of 4 inputs: 1 meet the targets, 0 do not (or have no text), 3 "
                         "could not be read"),
            std::string::npos);
}

TEST(CliTest, InterruptStopsBetweenInputsWithWholeLines) {
  // 200,000 entries of one small file: far longer than the wait below.
  const std::string folder = MakeFolder("interrupt", {{"m.txt", "Your BP is fine. Rest."}});
  {
    std::ofstream list(folder + "/list.txt");
    for (int i = 0; i < 200000; ++i) list << folder << "/m.txt\n";
  }
  const std::string out = folder + "/out.jsonl";
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::freopen(out.c_str(), "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    execl(PLAINLANG_CLI, PLAINLANG_CLI, "check", "--format", "json", "--files-from",
          (folder + "/list.txt").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Interrupt once the first rows are out (however slow the machine is).
  std::error_code missing;  // until the child has opened it
  for (int tries = 0; tries < 1000; ++tries) {
    const auto size = std::filesystem::file_size(out, missing);
    if (!missing && size >= 4096) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  std::ifstream in(out, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');  // the last line is whole
  size_t rows = 0;
  for (const std::string& line : Lines(text)) {
    EXPECT_TRUE(nlohmann::json::accept(line)) << line;
    ++rows;
  }
  EXPECT_GT(rows, 0u);
  EXPECT_LT(rows, 200000u);
}

// Inputs are analysed a chunk at a time on every core: more inputs than one
// chunk (256), a few unreadable among them, give the same rows in the same
// order on one thread as on two.
TEST(CliTest, ThreadsChangeNeitherRowsNorOrder) {
  const std::string folder = MakeFolder("threads", {{"a.txt", "Your BP is fine. Rest."},
                                                    {"b.txt", "Take it PO BID with food."},
                                                    {"c.txt", "Drink water."}});
  {
    std::ofstream list(folder + "/list.txt");
    for (int i = 0; i < 300; ++i) {
      list << folder << (i % 3 == 0 ? "/a.txt" : i % 3 == 1 ? "/b.txt" : "/c.txt") << "\n";
      if (i % 100 == 50) list << folder << "/missing.txt\n";
    }
  }
  const CommandResult one =
      Plainlang("check --format csv --threads 1 --files-from " + folder + "/list.txt");
  const CommandResult two =
      Plainlang("check --format csv --threads 2 --files-from " + folder + "/list.txt");
  EXPECT_EQ(one.status, 2);  // the missing files
  EXPECT_EQ(two.status, 2);
  EXPECT_EQ(one.out, two.out);
  const std::vector<std::string> rows = Lines(one.out);
  size_t a = 0, b = 0, c = 0, missing = 0;
  for (const std::string& row : rows) {
    a += row.find("/a.txt") != std::string::npos;
    b += row.find("/b.txt") != std::string::npos;
    c += row.find("/c.txt") != std::string::npos;
    missing += row.find("/missing.txt") != std::string::npos;
  }
  EXPECT_EQ(a, 100u);
  EXPECT_EQ(b, 100u);
  EXPECT_EQ(c, 100u);
  EXPECT_GE(missing, 3u);  // each has a row (and an error line on stderr)
  EXPECT_NE(one.out.find("checked 303 of 303 inputs"), std::string::npos);
  EXPECT_EQ(Plainlang("check --threads -1 -").status, 2);
}

TEST(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Plainlang("check --format yaml -").status, 2);
  EXPECT_EQ(Plainlang("check --target-grade banana -").status, 2);
  EXPECT_EQ(Plainlang("frobnicate").status, 2);
  EXPECT_EQ(Plainlang("check --help").status, 0);
}

TEST(CliTest, VersionIsTheProjectVersion) {
  CommandResult run = Plainlang("--version");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, std::string(plainlang::kVersion) + "\n");
  EXPECT_EQ(plainlang::kVersion, PLAINLANG_VERSION_STRING);
}

TEST(CliTest, UnknownCommandsAreNamedWithTheClosestAndTheList) {
  const std::string commands =
      "plainlang: the commands are check, report and serve (see plainlang --help)\n";
  CommandResult typo = Plainlang("chek x.txt");
  EXPECT_EQ(typo.status, 2);
  EXPECT_EQ(typo.out, "plainlang: unknown command 'chek'; did you mean 'check'?\n" + commands);
  // A swap of two letters is one edit; case does not count.
  EXPECT_EQ(Plainlang("reprot").out,
            "plainlang: unknown command 'reprot'; did you mean 'report'?\n" + commands);
  EXPECT_EQ(Plainlang("SERVE").out,
            "plainlang: unknown command 'SERVE'; did you mean 'serve'?\n" + commands);
  CommandResult far = Plainlang("frobnicate");
  EXPECT_EQ(far.status, 2);
  EXPECT_EQ(far.out, "plainlang: unknown command 'frobnicate'\n" + commands);
  EXPECT_EQ(Plainlang("ch").out, "plainlang: unknown command 'ch'\n" + commands);
  CommandResult none = Plainlang("");
  EXPECT_EQ(none.status, 2);
  EXPECT_EQ(none.out, "plainlang: a command is required\n" + commands);
  CommandResult option_first = Plainlang("--format json check");
  EXPECT_EQ(option_first.status, 2);
  EXPECT_EQ(option_first.out, "plainlang: a command must come before '--format'\n" + commands);
}

TEST(CliTest, BadOverlayNamesFileLineAndField) {
  std::string path = ::testing::TempDir() + "/plainlang_bad_terms.tsv";
  std::ofstream(path)
      << "term\tcategory\tfamiliarity\nzorblax\tother\t0.1\nfrumious\tother\tvery\n";
  CommandResult run = Plainlang("check --terms " + path + " -", "Hello.");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "plainlang: " + path +
                         ":3: field 'familiarity' must be a number from 0 to 1, got 'very'\n");
}

TEST(CliTest, OverlayTermsAndAllowListApply) {
  std::string terms = ::testing::TempDir() + "/plainlang_terms.tsv";
  std::ofstream(terms) << "term\tcategory\tplain\nzorblax\tother\ta made-up word\n";
  std::string allow = ::testing::TempDir() + "/plainlang_allow.tsv";
  std::ofstream(allow) << "word\nBP\n";
  CommandResult run = Plainlang("check --format json --terms " + terms + " --allow " + allow + " -",
                                "Your zorblax and BP are fine.");
  nlohmann::json report = nlohmann::json::parse(run.out);
  ASSERT_EQ(report["findings"].size(), 1u);
  EXPECT_EQ(report["findings"][0]["text"], "zorblax");
  EXPECT_EQ(report["findings"][0]["suggestion"], "a made-up word");
}

}  // namespace

namespace {

TEST(CliTest, ExplainPrintsTheEvidenceForEachFinding) {
  CommandResult run = Plainlang("check --explain -", "The zorbectomy showed bilateral edema.");
  EXPECT_NE(run.out.find("why: not in the lexicon; rare in everyday English (familiarity 0.00) "
                         "and built on the medical word part 'ectomy'"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("why: medical term listed by plainlang,nci, familiarity 0.23"),
            std::string::npos)
      << run.out;
}

}  // namespace

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(CliReportTest, OneInputWritesThePageToStdout) {
  CommandResult run = Plainlang("report -", "Your BP is elevated.");
  EXPECT_EQ(run.status, 1);  // the verdict sets the status, as for check
  EXPECT_EQ(run.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(run.out.find(">BP</mark>"), std::string::npos);
  EXPECT_EQ(run.out.find("<nav"), std::string::npos);
  EXPECT_EQ(Plainlang("report -o - " + kExamples + "plain_message.txt").status, 0);
}

TEST(CliReportTest, SeveralInputsMakeOnePageWithContents) {
  std::string page = ::testing::TempDir() + "/plainlang_cli_report.html";
  std::remove(page.c_str());
  CommandResult run = Plainlang("report " + kExamples + "plain_message.txt " + kExamples +
                                "portal_message.txt -o " + page);
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "");  // quiet: the page is the output
  std::string html = ReadFile(page);
  EXPECT_NE(html.find("<nav class=\"toc\""), std::string::npos);
  EXPECT_NE(html.find("<section class=\"doc\" id=\"m2\""), std::string::npos);
  EXPECT_NE(html.find(kExamples + "portal_message.txt</a>"), std::string::npos);
}

TEST(CliReportTest, SharesCheckOptionsAndRejectsAnUnnamedPageForSeveral) {
  // --target-grade reaches the analyser: a generous target passes.
  EXPECT_EQ(Plainlang("report --target-grade 20 --max-jargon 1 -", "Your BP is fine.").status, 0);
  std::string allow = ::testing::TempDir() + "/plainlang_report_allow.tsv";
  std::ofstream(allow) << "word\nBP\n";
  CommandResult allowed = Plainlang("report --allow " + allow + " -", "Your BP and CHF are fine.");
  EXPECT_EQ(allowed.out.find(">BP</mark>"), std::string::npos);
  EXPECT_NE(allowed.out.find(">CHF</mark>"), std::string::npos);
  CommandResult several =
      Plainlang("report " + kExamples + "plain_message.txt " + kExamples + "portal_message.txt");
  EXPECT_EQ(several.status, 2);
  EXPECT_NE(several.out.find("name it with -o FILE"), std::string::npos) << several.out;
  CommandResult missing = Plainlang("report no_such_file.txt");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.out.find("cannot open 'no_such_file.txt'"), std::string::npos);
}

// An input that cannot be read is on the page with its reason, in its
// place among the others, and the exit status still says so.
TEST(CliReportTest, UnreadableInputsStayOnThePage) {
  std::string page = ::testing::TempDir() + "/plainlang_cli_report_missing.html";
  std::remove(page.c_str());
  CommandResult run = Plainlang("report " + kExamples + "plain_message.txt no_such_file.txt " +
                                kExamples + "portal_message.txt -o " + page);
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "plainlang: cannot open 'no_such_file.txt': No such file or directory\n");
  std::string html = ReadFile(page);
  EXPECT_NE(html.find("<a href=\"#m2\">no_such_file.txt</a> &middot; not analysed: cannot open "
                      "&#39;no_such_file.txt&#39;: No such file or directory</li>"),
            std::string::npos);
  EXPECT_NE(
      html.find("<p class=\"doc-error\">Not analysed: cannot open &#39;no_such_file.txt&#39;"),
      std::string::npos);
  EXPECT_NE(html.find(kExamples + "portal_message.txt</a> &middot; health grade"),
            std::string::npos);
  // Nothing readable at all still makes the page that says so.
  CommandResult alone = Plainlang("report no_such_file.txt");
  EXPECT_EQ(alone.status, 2);
  EXPECT_NE(alone.out.find("Not analysed: cannot open &#39;no_such_file.txt&#39;"),
            std::string::npos);
}

// Byte limits hold for inputs that are not regular files, and a FIFO with
// no writer does not hold up the batch.
// An input over --stream-above is analysed in passes that keep none of its
// findings; each format's output, the exit status and the summary are the
// same as for the whole report.
TEST(CliTest, LongInputsAnalysedInPassesGiveTheSameOutput) {
  const std::string inputs = kExamples + "portal_message.txt " + kExamples + "plain_message.txt " +
                             kExamples + "discharge_letter.txt";
  for (const std::string format : {"json", "csv", "text --explain"}) {
    const CommandResult whole = Plainlang("check --format " + format + " " + inputs);
    const CommandResult passes =
        Plainlang("check --stream-above 600 --format " + format + " " + inputs);
    EXPECT_EQ(passes.out, whole.out) << format;
    EXPECT_EQ(passes.status, 1) << format;
    EXPECT_EQ(whole.status, 1) << format;
    EXPECT_NE(whole.out.find("1 meet the targets, 2 do not"), std::string::npos) << whole.out;
  }
}

TEST(CliTest, LimitsHoldForDevicesAndFifos) {
  CommandResult zero = Plainlang("check --max-bytes 1000 /dev/zero");
  EXPECT_EQ(zero.status, 2);
  EXPECT_NE(zero.out.find("'/dev/zero' is more than 1000 bytes, over the limit of 1000"),
            std::string::npos)
      << zero.out;
  const std::string fifo = ::testing::TempDir() + "/plainlang_cli_fifo";
  std::remove(fifo.c_str());
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  CommandResult waiting =
      Plainlang("check --format csv " + fifo + " " + kExamples + "plain_message.txt");
  EXPECT_EQ(waiting.status, 2);
  EXPECT_NE(waiting.out.find(fifo + ","), std::string::npos) << waiting.out;  // its row
  EXPECT_NE(waiting.out.find("plain_message.txt,"), std::string::npos);       // and the next
  std::remove(fifo.c_str());
}

// A write that fails (a full disk) is said once and exits 2, not 0.
TEST(CliTest, WriteFailuresExitTwo) {
  const std::string err = ::testing::TempDir() + "/plainlang_cli_full_err.txt";
  const std::string command = std::string(PLAINLANG_CLI) + " check " + kExamples +
                              "plain_message.txt > /dev/full 2> " + err;
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  std::ifstream in(err);
  const std::string message((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(message.find("plainlang: cannot write the output: No space left on device"),
            std::string::npos)
      << message;
}

// An empty folder, or one that cannot be listed, is a row with an error,
// never silence that a CI gate would take for a pass.
TEST(CliTest, EmptyFoldersGetARow) {
  const std::string empty = ::testing::TempDir() + "/plainlang_cli_empty";
  std::filesystem::create_directories(empty);
  CommandResult run = Plainlang("check --format csv " + empty);
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.out.find(empty + ","), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("no files in '" + empty + "'"), std::string::npos) << run.out;
}

TEST(CliTest, UnreadableFoldersGetARow) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads a mode-000 folder; run as a user to check it";
  const std::string folder = MakeFolder("locked", {{"a.txt", "Rest."}, {"inner/b.txt", "Rest."}});
  std::filesystem::permissions(folder + "/inner", std::filesystem::perms::none);
  CommandResult locked = Plainlang("check --format csv " + folder);
  std::filesystem::permissions(folder + "/inner", std::filesystem::perms::owner_all);
  EXPECT_EQ(locked.status, 2);
  EXPECT_NE(locked.out.find("cannot list '" + folder + "/inner'"), std::string::npos) << locked.out;
}

// A file saved as UTF-16 with a byte-order mark is read as its text, not
// as bytes full of NULs.
TEST(CliTest, Utf16WithAByteOrderMarkIsDecoded) {
  const std::string path = ::testing::TempDir() + "/plainlang_cli_utf16.txt";
  const std::string text = "Your CBC was unremarkable. Se\u00f1ora Garc\u00eda \U0001F600";
  std::string utf16 = "\xFF\xFE";  // little-endian mark
  for (size_t i = 0; i < text.size();) {
    // Decode UTF-8 to a code point, then write it as UTF-16LE.
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t point = length == 1 ? c : c & (0xFF >> (length + 1));
    for (int k = 1; k < length; ++k) point = (point << 6) | (text[i + k] & 0x3F);
    i += static_cast<size_t>(length);
    auto put = [&utf16](char32_t unit) {
      utf16 += static_cast<char>(unit & 0xFF);
      utf16 += static_cast<char>(unit >> 8);
    };
    if (point >= 0x10000) {
      put(0xD800 + ((point - 0x10000) >> 10));
      put(0xDC00 + ((point - 0x10000) & 0x3FF));
    } else {
      put(point);
    }
  }
  std::ofstream(path, std::ios::binary) << utf16;
  CommandResult run = Plainlang("check --format json " + path);
  const nlohmann::json report = nlohmann::json::parse(run.out.substr(0, run.out.find('\n')));
  ASSERT_GE(report["findings"].size(), 2u) << run.out;
  EXPECT_EQ(report["findings"][0]["text"], "CBC");
  EXPECT_EQ(report["findings"][1]["text"], "unremarkable");
  for (const auto& warning : report["warnings"]) {  // no replaced bytes
    EXPECT_EQ(warning.get<std::string>().find("invalid UTF-8"), std::string::npos) << warning;
  }
  EXPECT_EQ(report["findings"][2]["text"], "Se\u00f1ora");  // decoded, not U+FFFD
}

// The token file's 64 KiB cap holds for a device too, and a token file
// others can read is warned about.
TEST(CliTest, TokenFilesAreReadWithTheirCapAndTheirModeChecked) {
  CommandResult zero = Plainlang("serve --port 0 --token-file /dev/zero");
  EXPECT_EQ(zero.status, 2);
  EXPECT_NE(zero.out.find("over the limit of 65536"), std::string::npos) << zero.out;
  const std::string token = ::testing::TempDir() + "/plainlang_cli_token.txt";
  std::ofstream(token) << "short";
  std::filesystem::permissions(token, std::filesystem::perms::owner_read |
                                          std::filesystem::perms::owner_write |
                                          std::filesystem::perms::others_read);
  CommandResult open = Plainlang("serve --port 0 --token-file " + token);
  EXPECT_EQ(open.status, 2);  // and refused: too short
  EXPECT_NE(open.out.find("can be read by other users"), std::string::npos) << open.out;
}

}  // namespace
