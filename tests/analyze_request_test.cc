// Reading and checking the body of POST /v1/analyze and /v1/analyze/batch,
// without a server.
#include "service/analyze_request.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

namespace plainlang {
namespace {

AnalyzerOptions Defaults() {
  AnalyzerOptions defaults;
  defaults.target_grade = 6;
  defaults.max_jargon = 0.1;
  defaults.long_sentence_words = 25;
  return defaults;
}

AnalyzeRequest Parsed(std::string_view body, AnalyzeShape shape = AnalyzeShape::kOne) {
  auto result = ParseAnalyzeRequest(body, shape, Defaults());
  if (const auto* error = std::get_if<ApiError>(&result)) {
    ADD_FAILURE() << "refused: " << error->message;
    return {};
  }
  return std::get<AnalyzeRequest>(std::move(result));
}

ApiError Refused(std::string_view body, AnalyzeShape shape = AnalyzeShape::kOne) {
  auto result = ParseAnalyzeRequest(body, shape, Defaults());
  if (!std::holds_alternative<ApiError>(result)) {
    ADD_FAILURE() << "accepted: " << body;
    return {};
  }
  return std::get<ApiError>(result);
}

TEST(AnalyzeRequestTest, OneTextTakesTheDefaults) {
  const AnalyzeRequest request = Parsed(R"({"text": "Take one tablet."})");
  ASSERT_EQ(request.texts.size(), 1u);
  EXPECT_EQ(request.texts[0], "Take one tablet.");
  EXPECT_EQ(request.options.target_grade, 6);
  EXPECT_EQ(request.options.max_jargon, 0.1);
  EXPECT_EQ(request.options.long_sentence_words, 25);
}

TEST(AnalyzeRequestTest, OptionsOverrideTheDefaults) {
  const AnalyzeRequest request =
      Parsed(R"({"text": "x", "target_grade": 8.5, "max_jargon": 0, "long_sentence_words": 1000})");
  EXPECT_EQ(request.options.target_grade, 8.5);
  EXPECT_EQ(request.options.max_jargon, 0);
  EXPECT_EQ(request.options.long_sentence_words, 1000);
}

TEST(AnalyzeRequestTest, RangesIncludeBothEnds) {
  EXPECT_EQ(Parsed(R"({"text": "", "target_grade": 0})").options.target_grade, 0);
  EXPECT_EQ(Parsed(R"({"text": "", "target_grade": 20})").options.target_grade, 20);
  EXPECT_EQ(Parsed(R"({"text": "", "max_jargon": 1})").options.max_jargon, 1);
  EXPECT_EQ(Parsed(R"({"text": "", "long_sentence_words": 1})").options.long_sentence_words, 1);
  // An integer written as an integer-valued double is still a number for the grade.
  EXPECT_EQ(Parsed(R"({"text": "", "target_grade": 7.0})").options.target_grade, 7);
}

TEST(AnalyzeRequestTest, TextKeepsItsBytesAndEscapes) {
  const AnalyzeRequest request = Parsed(R"({"text": "caf\u00e9\n\"q\" \ud83d\ude00"})");
  ASSERT_EQ(request.texts.size(), 1u);
  EXPECT_EQ(request.texts[0], "caf\xC3\xA9\n\"q\" \xF0\x9F\x98\x80");
}

TEST(AnalyzeRequestTest, BatchReadsEveryTextInOrder) {
  const AnalyzeRequest request =
      Parsed(R"({"texts": ["first", "", "third"], "target_grade": 9})", AnalyzeShape::kBatch);
  EXPECT_EQ(request.texts, (std::vector<std::string>{"first", "", "third"}));
  EXPECT_EQ(request.options.target_grade, 9);
}

TEST(AnalyzeRequestTest, AnEmptyBatchIsValid) {
  EXPECT_TRUE(Parsed(R"({"texts": []})", AnalyzeShape::kBatch).texts.empty());
}

TEST(AnalyzeRequestTest, ABatchMayHoldTheMostTextsAndNoMore) {
  std::string body = R"({"texts": [)";
  for (size_t i = 0; i < kMaxBatchTexts; ++i) body += i ? ",\"t\"" : "\"t\"";
  EXPECT_EQ(Parsed(body + "]}", AnalyzeShape::kBatch).texts.size(), kMaxBatchTexts);
  const ApiError error = Refused(body + ",\"t\"]}", AnalyzeShape::kBatch);
  EXPECT_EQ(error.status, 400);
  EXPECT_EQ(error.code, "invalid_request");
  EXPECT_EQ(error.message, "field \"texts\" holds more than 1000 texts; split the batch");
}

TEST(AnalyzeRequestTest, EachShapeWantsItsOwnTextField) {
  EXPECT_EQ(Refused(R"({"texts": ["a"]})").message,
            "unknown field; allowed: \"text\", \"target_grade\", \"max_jargon\", "
            "\"long_sentence_words\"");
  EXPECT_EQ(Refused(R"({"text": "a"})", AnalyzeShape::kBatch).message,
            "unknown field; allowed: \"texts\", \"target_grade\", \"max_jargon\", "
            "\"long_sentence_words\"");
}

TEST(AnalyzeRequestTest, MissingOrMistypedTextIsNamed) {
  EXPECT_EQ(Refused("{}").message, "field \"text\" is missing or not a string");
  EXPECT_EQ(Refused(R"({"text": null})").message, "field \"text\" is missing or not a string");
  EXPECT_EQ(Refused(R"({"text": ["a"]})").message, "field \"text\" is missing or not a string");
  EXPECT_EQ(Refused("{}", AnalyzeShape::kBatch).message,
            "field \"texts\" is missing or not an array of strings");
  EXPECT_EQ(Refused(R"({"texts": "a"})", AnalyzeShape::kBatch).message,
            "field \"texts\" is missing or not an array of strings");
  EXPECT_EQ(Refused(R"({"texts": ["a", "b", 3]})", AnalyzeShape::kBatch).message,
            "texts[2] is not a string");
}

TEST(AnalyzeRequestTest, OptionsOutOfRangeOrOfTheWrongTypeAreNamed) {
  struct Case {
    const char* body;
    const char* message;
  };
  const Case cases[] = {
      {R"({"text": "", "target_grade": "8"})", "field \"target_grade\" must be a number"},
      {R"({"text": "", "target_grade": 20.01})", "field \"target_grade\" must be from 0.0 to 20.0"},
      {R"({"text": "", "target_grade": -1})", "field \"target_grade\" must be from 0.0 to 20.0"},
      {R"({"text": "", "max_jargon": 1.5})", "field \"max_jargon\" must be from 0.0 to 1.0"},
      {R"({"text": "", "max_jargon": true})", "field \"max_jargon\" must be a number"},
      {R"({"text": "", "long_sentence_words": 20.5})",
       "field \"long_sentence_words\" must be an integer"},
      {R"({"text": "", "long_sentence_words": 0})",
       "field \"long_sentence_words\" must be from 1 to 1000"},
      {R"({"text": "", "long_sentence_words": -5})",
       "field \"long_sentence_words\" must be from 1 to 1000"},
      // Too big for an int: must not wrap around into the range.
      {R"({"text": "", "long_sentence_words": 4294967316})",
       "field \"long_sentence_words\" must be from 1 to 1000"},
      {R"({"text": "", "long_sentence_words": 18446744073709551615})",
       "field \"long_sentence_words\" must be from 1 to 1000"},
  };
  for (const Case& c : cases) {
    const ApiError error = Refused(c.body);
    EXPECT_EQ(error.status, 400) << c.body;
    EXPECT_EQ(error.code, "invalid_request") << c.body;
    EXPECT_EQ(error.message, c.message) << c.body;
  }
}

TEST(AnalyzeRequestTest, ABodyThatIsNotAnObjectIsRefused) {
  for (const char* body : {"[]", "\"text\"", "42", "null"}) {
    const ApiError error = Refused(body);
    EXPECT_EQ(error.code, "invalid_request") << body;
    EXPECT_EQ(error.message, "request body must be a JSON object") << body;
  }
}

TEST(AnalyzeRequestTest, InvalidJsonSaysWhereButQuotesNothing) {
  const ApiError error = Refused(R"({"text": "my secret diagnosis)");
  EXPECT_EQ(error.status, 400);
  EXPECT_EQ(error.code, "invalid_json");
  EXPECT_EQ(error.message.rfind("request body is not valid JSON (UTF-8): error at byte ", 0), 0u)
      << error.message;
  EXPECT_EQ(error.message.find("secret"), std::string::npos);

  EXPECT_EQ(Refused("").code, "invalid_json");
  EXPECT_EQ(Refused("{\"text\": \"\xFF\"}").code, "invalid_json");  // not UTF-8
}

TEST(AnalyzeRequestTest, ANumberTooLargeForADoubleIsInvalidJson) {
  const ApiError error = Refused(R"({"text": "a", "target_grade": 1e999})");
  EXPECT_EQ(error.code, "invalid_json");
  EXPECT_EQ(error.message, "request body is not valid JSON: a number is out of range");
}

TEST(AnalyzeRequestTest, ErrorsNeverEchoAnUnknownFieldName) {
  const ApiError error = Refused(R"({"text": "a", "patient_name": "Jane Doe"})");
  EXPECT_EQ(error.message.find("patient_name"), std::string::npos);
  EXPECT_EQ(error.message.find("Jane"), std::string::npos);
}

TEST(AnalyzeRequestTest, ApiErrorJsonIsTheDocumentedBody) {
  const std::string body = ApiErrorJson({400, "invalid_request", "field \"text\" is \"odd\""});
  EXPECT_EQ(body, R"({"error":{"code":"invalid_request","message":"field \"text\" is \"odd\""}})");
  const nlohmann::json parsed = nlohmann::json::parse(body);
  EXPECT_EQ(parsed["error"]["message"], "field \"text\" is \"odd\"");
}

}  // namespace
}  // namespace plainlang
