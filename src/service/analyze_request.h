// What a client asks of POST /v1/analyze and POST /v1/analyze/batch, read
// from the JSON body and checked before any analysis runs.
#ifndef PLAINLANG_SERVICE_ANALYZE_REQUEST_H_
#define PLAINLANG_SERVICE_ANALYZE_REQUEST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "plainlang/analyzer.h"

namespace plainlang {

// A failed request as the API reports it: `status` is the HTTP status and
// the body is {"error": {"code": code, "message": message}}. Messages name
// the field and the rule broken, never a value taken from the request, so
// neither a client's logs nor ours ever hold message text.
struct ApiError {
  int status = 400;
  std::string code;
  std::string message;
};

// The error body, one line of JSON.
std::string ApiErrorJson(const ApiError& error);

// The most texts one batch request may carry (the body limit still applies).
inline constexpr size_t kMaxBatchTexts = 1000;

enum class AnalyzeShape {
  kOne,    // {"text": "...", options...}
  kBatch,  // {"texts": ["...", ...], options...}
};

struct AnalyzeRequest {
  std::vector<std::string> texts;  // exactly one for AnalyzeShape::kOne
  AnalyzerOptions options;         // the defaults with the request's options applied
};

// Reads a request body. The options are optional and checked against the
// ranges of plainlang/analyzer.h: target_grade a number, max_jargon a number,
// long_sentence_words an integer. Unknown fields are refused, so a misspelt
// option is not silently ignored.
std::variant<AnalyzeRequest, ApiError> ParseAnalyzeRequest(std::string_view body,
                                                           AnalyzeShape shape,
                                                           const AnalyzerOptions& defaults);

}  // namespace plainlang

#endif  // PLAINLANG_SERVICE_ANALYZE_REQUEST_H_
