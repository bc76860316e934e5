#include "service/access_log.h"

#include <cstdio>
#include <ctime>

namespace plainlang {

std::string FormatAccessRecord(const AccessRecord& record,
                               std::chrono::system_clock::time_point when) {
  using namespace std::chrono;
  const time_t seconds = system_clock::to_time_t(when);
  const auto millis = duration_cast<milliseconds>(when.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &utc);
  char duration[32] = "-";
  if (record.duration_ms >= 0)
    std::snprintf(duration, sizeof duration, "%.3fms", record.duration_ms);
  char line[256];
  std::snprintf(line, sizeof line, "%s.%03dZ %.*s %.*s %d %zuB %s", stamp, static_cast<int>(millis),
                static_cast<int>(record.method.size()), record.method.data(),
                static_cast<int>(record.route.size()), record.route.data(), record.status,
                record.response_bytes, duration);
  return line;
}

}  // namespace plainlang
