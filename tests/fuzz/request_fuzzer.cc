// libFuzzer target: the service's request parsing on any body. Every body
// is either a request within the documented limits or a 4xx API error whose
// JSON parses and whose message is plain ASCII of our own.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "service/analyze_request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto shape = data[0] % 2 ? plainlang::AnalyzeShape::kBatch : plainlang::AnalyzeShape::kOne;
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const plainlang::AnalyzerOptions defaults;
  auto parsed = plainlang::ParseAnalyzeRequest(body, shape, defaults);
  if (const auto* error = std::get_if<plainlang::ApiError>(&parsed)) {
    const std::string json = plainlang::ApiErrorJson(*error);
    if (error->status < 400 || error->status > 499 || !nlohmann::json::accept(json)) {
      std::fprintf(stderr, "bad error: %d %s\n", error->status, json.c_str());
      std::abort();
    }
    // Messages are built from field names and numbers only, never from the
    // body (tests/service_test.cc proves it with a marker word); a check on
    // substrings here fires on bodies that happen to spell our own words.
    for (unsigned char c : error->message) {
      if (c >= 0x80 || c < 0x20) {
        std::fprintf(stderr, "a byte outside our messages' ASCII: %s\n", error->message.c_str());
        std::abort();
      }
    }
    return 0;
  }
  const auto& request = std::get<plainlang::AnalyzeRequest>(parsed);
  const auto& o = request.options;
  // An empty batch is a valid request (openapi.yaml: no minItems), answered [].
  const bool ok = request.texts.size() <= plainlang::kMaxBatchTexts &&
                  (shape == plainlang::AnalyzeShape::kBatch || request.texts.size() == 1) &&
                  o.target_grade >= 0 && o.target_grade <= 20 && o.max_jargon >= 0 &&
                  o.max_jargon <= 1 && o.long_sentence_words >= 1 && o.long_sentence_words <= 1000;
  if (!ok) {
    std::fprintf(stderr, "a request outside the limits was accepted\n");
    std::abort();
  }
  return 0;
}
