#include "daemon/log.h"

#include <ctime>
#include <iostream>
#include <mutex>
#include <sstream>

#include "core/utc_time.h"

namespace citecheck {
namespace {

const char* LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return "DEBUG";
    case LogLevel::kInfo: return "INFO";
    case LogLevel::kWarn: return "WARN";
    case LogLevel::kError: return "ERROR";
  }
  return "INFO";
}

// One line per event whatever the value holds: newlines and quotes escaped.
std::string FieldValue(const std::string& value) {
  bool plain = !value.empty();
  for (char c : value) {
    if (c == ' ' || c == '"' || c == '=' || static_cast<unsigned char>(c) < 0x20) plain = false;
  }
  if (plain) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

void Log(LogLevel level, const std::string& event, std::initializer_list<LogField> fields) {
  static std::mutex mu;
  std::ostringstream line;
  line << UtcIso8601(std::time(nullptr)) << " " << LevelName(level) << " " << event;
  for (const auto& [key, value] : fields) line << " " << key << "=" << FieldValue(value);
  line << "\n";
  std::lock_guard<std::mutex> lock(mu);
  std::cerr << line.str() << std::flush;
}

}  // namespace citecheck
