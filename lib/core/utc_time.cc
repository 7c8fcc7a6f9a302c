#include "core/utc_time.h"

namespace citecheck {

std::string UtcIso8601(std::time_t when) {
  std::tm utc{};
  gmtime_r(&when, &utc);
  char text[32];
  // Room for any year an int holds; "" if it still does not fit.
  const size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return std::string(text, n);
}

}  // namespace citecheck
