// The daemon's log: one event per line on stderr, "TIME LEVEL event
// key=value ...", safe to call from any thread. Values with spaces are quoted.
#ifndef CITECHECK_DAEMON_LOG_H_
#define CITECHECK_DAEMON_LOG_H_

#include <initializer_list>
#include <string>
#include <utility>

namespace citecheck {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

using LogField = std::pair<std::string, std::string>;

void Log(LogLevel level, const std::string& event, std::initializer_list<LogField> fields = {});

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_LOG_H_
