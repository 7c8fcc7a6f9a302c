// A time as the ISO 8601 UTC text every stored and printed timestamp uses:
// "2026-11-26T03:00:00Z".
#ifndef CITECHECK_CORE_UTC_TIME_H_
#define CITECHECK_CORE_UTC_TIME_H_

#include <ctime>
#include <string>

namespace citecheck {

std::string UtcIso8601(std::time_t when);

}  // namespace citecheck

#endif  // CITECHECK_CORE_UTC_TIME_H_
