// Whole reports for the example messages, compared with tests/golden/*.json.
// After an intended change, regenerate with `make golden` and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "plainlang/analyzer.h"
#include "plainlang/output.h"

namespace plainlang {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class GoldenTest : public ::testing::TestWithParam<const char*> {};

TEST_P(GoldenTest, ReportMatchesGoldenFile) {
  const std::string root = PLAINLANG_SOURCE_DIR;
  const std::string input = ReadFile(root + "/examples/" + GetParam() + ".txt");
  ASSERT_FALSE(input.empty()) << GetParam();
  static const Analyzer analyzer;
  nlohmann::json actual = nlohmann::json::parse(ToJson(analyzer.Analyze(input)));
  const std::string golden_path = root + "/tests/golden/" + GetParam() + ".json";
  if (std::getenv("PLAINLANG_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden_path) << actual.dump(2) << "\n";
    GTEST_SKIP() << "rewrote " << golden_path;
  }
  const std::string golden = ReadFile(golden_path);
  ASSERT_FALSE(golden.empty()) << golden_path << " is missing; run `make golden`";
  EXPECT_EQ(actual, nlohmann::json::parse(golden))
      << "report differs from " << golden_path << "; if intended, run `make golden`\n"
      << actual.dump(2);
}

INSTANTIATE_TEST_SUITE_P(Examples, GoldenTest,
                         ::testing::Values("portal_message", "plain_message", "discharge_letter"));

}  // namespace
}  // namespace plainlang
