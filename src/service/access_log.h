// The service's access log: one line per request for whoever runs it.
#ifndef PLAINLANG_SERVICE_ACCESS_LOG_H_
#define PLAINLANG_SERVICE_ACCESS_LOG_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace plainlang {

// What one line records. Nothing here can hold message text: the route is
// one of the service's own paths (or "-"), never the query or the body.
struct AccessRecord {
  std::string_view method;  // "GET", "POST", ... or "-" when unparsed
  std::string_view route;   // a known path, or "-" for any other
  int status = 0;
  size_t response_bytes = 0;  // the response body, in bytes
  double duration_ms = -1;    // from the end of the head to the response; < 0 unknown
};

// "2025-01-02T03:04:05.678Z POST /v1/analyze 200 1534B 0.412ms", UTC.
std::string FormatAccessRecord(const AccessRecord& record,
                               std::chrono::system_clock::time_point when);

}  // namespace plainlang

#endif  // PLAINLANG_SERVICE_ACCESS_LOG_H_
