// How a request's body may come: the framings the service reads, refused
// before the body is read when the body's size could not be checked first.
#ifndef PLAINLANG_SERVICE_FRAMING_H_
#define PLAINLANG_SERVICE_FRAMING_H_

#include <optional>
#include <string_view>

#include "service/analyze_request.h"
#include "service/http_server.h"

namespace plainlang {

// Whether a Content-Type names JSON ("application/json; charset=utf-8").
bool IsJsonContentType(std::string_view value);

// Why the body of `req` is refused, or nullopt: chunked or compressed
// bodies, a POST without a Content-Length, two Content-Lengths, or one that
// is not a number, or a body that is not JSON. Only the analysis routes take
// a body; the server refuses a body over the limit before reading it.
std::optional<ApiError> RefusedFraming(const HttpRequest& req);

}  // namespace plainlang

#endif  // PLAINLANG_SERVICE_FRAMING_H_
