// libFuzzer target: the service's request parsing on any body, and its
// framing rules on any header block.
//   first byte 0x02: the rest is a request head (request line and header
//     lines) as a client sends it, read by the service's parser; a head it
//     takes has a method, a target and header names of token characters,
//     and a request the framing rules let through must be a body whose
//     size was known before it was read (one Content-Length of digits, no
//     Transfer-Encoding, no compression, JSON); a refusal is a 4xx API
//     error.
//   otherwise (odd: a batch, even: one text): the rest is a body, and is
//     either a request within the documented limits or a 4xx API error.
// Every API error's JSON parses and its message is plain ASCII of our own.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "service/analyze_request.h"
#include "service/framing.h"
#include "service/http_server.h"

namespace {

constexpr uint8_t kFramingMode = 0x02;

void CheckApiError(const plainlang::ApiError& error) {
  const std::string json = plainlang::ApiErrorJson(error);
  if (error.status < 400 || error.status > 499 || !nlohmann::json::accept(json)) {
    std::fprintf(stderr, "bad error: %d %s\n", error.status, json.c_str());
    std::abort();
  }
  // Messages are built from field names and numbers only, never from the
  // request (tests/service_test.cc proves it with a marker word); a check on
  // substrings here fires on inputs that happen to spell our own words.
  for (unsigned char c : error.message) {
    if (c >= 0x80 || c < 0x20) {
      std::fprintf(stderr, "a byte outside our messages' ASCII: %s\n", error.message.c_str());
      std::abort();
    }
  }
}

bool IsTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), IsTokenChar);
}

void CheckFraming(std::string_view head) {
  plainlang::HttpRequest req;
  const int status = plainlang::ParseRequestHead(head, 100, &req);
  if (status != 0) {
    if (status != 400 && status != 431 && status != 505) {
      std::fprintf(stderr, "the parser refused with %d\n", status);
      std::abort();
    }
    return;
  }
  bool names_ok = IsToken(req.method) && !req.path.empty();
  for (const auto& [name, value] : req.headers) names_ok &= IsToken(name);
  if (!names_ok || req.headers.size() > 100) {
    std::fprintf(stderr, "the parser took a head it should have refused\n");
    std::abort();
  }
  if (const auto refused = plainlang::RefusedFraming(req)) {
    CheckApiError(*refused);
    return;
  }
  if (req.method != "POST" || (req.path != "/v1/analyze" && req.path != "/v1/analyze/batch")) {
    return;  // no body is read on other routes
  }
  const std::string_view length = req.Header("Content-Length");
  const std::string_view encoding = req.Header("Content-Encoding");
  const bool ok = req.HeaderCount("Content-Length") == 1 && !length.empty() &&
                  length.find_first_not_of("0123456789") == std::string_view::npos &&
                  req.HeaderCount("Transfer-Encoding") == 0 &&
                  (req.HeaderCount("Content-Encoding") == 0 || encoding == "identity") &&
                  plainlang::IsJsonContentType(req.Header("Content-Type"));
  if (!ok) {
    std::fprintf(stderr, "a body of unchecked size or kind was let through\n");
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  if (data[0] == kFramingMode) {
    CheckFraming(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    return 0;
  }
  const auto shape = data[0] % 2 ? plainlang::AnalyzeShape::kBatch : plainlang::AnalyzeShape::kOne;
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const plainlang::AnalyzerOptions defaults;
  auto parsed = plainlang::ParseAnalyzeRequest(body, shape, defaults);
  if (const auto* error = std::get_if<plainlang::ApiError>(&parsed)) {
    CheckApiError(*error);
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
