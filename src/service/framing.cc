#include "service/framing.h"

#include <string>

#include "text/byte_scan.h"

namespace plainlang {

bool IsJsonContentType(std::string_view value) {
  std::string_view media_type = value.substr(0, value.find(';'));
  while (!media_type.empty() && media_type.back() == ' ') media_type.remove_suffix(1);
  while (!media_type.empty() && media_type.front() == ' ') media_type.remove_prefix(1);
  return EqualsLowerAscii(media_type, "application/json");
}

std::optional<ApiError> RefusedFraming(const HttpRequest& req) {
  // Only the analysis routes take a body; any other route answers for
  // itself (a POST to / is 405, whatever it carries).
  if (req.method != "POST" || (req.path != "/v1/analyze" && req.path != "/v1/analyze/batch")) {
    return std::nullopt;
  }
  if (req.HeaderCount("Content-Encoding") > 0 && req.Header("Content-Encoding") != "identity") {
    return ApiError{415, "unsupported_media_type",
                    "Content-Encoding is not accepted: send the body uncompressed"};
  }
  const bool chunked = req.HeaderCount("Transfer-Encoding") > 0;
  const size_t lengths = req.HeaderCount("Content-Length");
  if (chunked && lengths > 0) {
    return ApiError{400, "invalid_request",
                    "a body has a Content-Length or a Transfer-Encoding, not both"};
  }
  if (lengths > 1) return ApiError{400, "invalid_request", "more than one Content-Length"};
  if (req.method == "POST" && (chunked || lengths == 0)) {
    return ApiError{411, "length_required", "send the body with a Content-Length"};
  }
  if (lengths == 1) {
    const std::string_view length = req.Header("Content-Length");
    if (length.empty() || length.find_first_not_of("0123456789") != std::string::npos) {
      return ApiError{400, "invalid_request", "Content-Length is not a number of bytes"};
    }
  }
  // Said before the body is read.
  if (req.method == "POST" && !IsJsonContentType(req.Header("Content-Type"))) {
    return ApiError{415, "unsupported_media_type",
                    "send the body as JSON with 'Content-Type: application/json'"};
  }
  return std::nullopt;
}

}  // namespace plainlang
