#include "daemon/cron.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

#include "core/ascii.h"

namespace citecheck {
namespace {

struct FieldSpec {
  const char* name;
  int min;
  int max;
  const char* const* names;  // names for min, min+1, ... or null
};

constexpr const char* kMonthNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec", nullptr};
constexpr const char* kDayNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat", nullptr};

bool ParseNumber(const std::string& text, const FieldSpec& spec, int* value) {
  if (text.empty()) return false;
  if (std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) {
    if (text.size() > 4) return false;
    *value = std::stoi(text);
    return true;
  }
  if (spec.names == nullptr) return false;
  const std::string lower = AsciiLower(text);
  for (int i = 0; spec.names[i] != nullptr; ++i) {
    if (lower == spec.names[i]) {
      *value = spec.min + i;
      return true;
    }
  }
  return false;
}

// One comma-separated item: *, N, N-M, with an optional /STEP.
std::string ParseItem(const std::string& item, const FieldSpec& spec, std::vector<int>* values) {
  std::string range = item;
  int step = 1;
  if (size_t slash = item.find('/'); slash != std::string::npos) {
    range = item.substr(0, slash);
    std::string step_text = item.substr(slash + 1);
    FieldSpec plain{spec.name, 0, 0, nullptr};
    if (!ParseNumber(step_text, plain, &step) || step < 1) return "bad step \"" + step_text + "\"";
  }
  int low = spec.min;
  int high = spec.max;
  if (range != "*") {
    size_t dash = range.find('-');
    if (!ParseNumber(range.substr(0, dash), spec, &low)) return "bad value \"" + range + "\"";
    high = low;
    if (dash != std::string::npos) {
      if (!ParseNumber(range.substr(dash + 1), spec, &high)) return "bad value \"" + range + "\"";
    } else if (item.find('/') != std::string::npos) {
      high = spec.max;  // "5/15" means 5-max/15
    }
  }
  if (low < spec.min || high > spec.max || low > high) {
    return "\"" + item + "\": out of range " + std::to_string(spec.min) + "-" + std::to_string(spec.max);
  }
  for (int v = low; v <= high; v += step) values->push_back(v);
  return "";
}

template <size_t N>
std::string ParseField(const std::string& text, const FieldSpec& spec, std::bitset<N>* bits, bool* restricted) {
  std::stringstream ss(text);
  std::string item;
  bool any = false;
  while (std::getline(ss, item, ',')) {
    std::vector<int> values;
    std::string error = ParseItem(item, spec, &values);
    if (!error.empty()) return std::string(spec.name) + " field " + error;
    for (int v : values) bits->set(static_cast<size_t>(v == 7 && N == 7 ? 0 : v));
    any = true;
  }
  if (!any) return std::string(spec.name) + " field is empty";
  if (restricted != nullptr) *restricted = text != "*" && text.rfind("*/", 0) != 0;
  return "";
}

std::string ExpandMacro(const std::string& expression) {
  if (expression == "@hourly") return "0 * * * *";
  if (expression == "@daily" || expression == "@midnight") return "0 0 * * *";
  if (expression == "@weekly") return "0 0 * * 0";
  if (expression == "@monthly") return "0 0 1 * *";
  if (expression == "@yearly" || expression == "@annually") return "0 0 1 1 *";
  return expression;
}

}  // namespace

std::optional<CronSchedule> CronSchedule::Parse(const std::string& expression, std::string* error) {
  std::stringstream ss(ExpandMacro(expression));
  std::vector<std::string> fields;
  for (std::string field; ss >> field;) fields.push_back(field);
  if (fields.size() != 5) {
    *error = "\"" + expression + "\": expected 5 fields (minute hour day-of-month month day-of-week), got " +
             std::to_string(fields.size());
    return std::nullopt;
  }
  CronSchedule s;
  std::string e = ParseField(fields[0], {"minute", 0, 59, nullptr}, &s.minutes_, nullptr);
  if (e.empty()) e = ParseField(fields[1], {"hour", 0, 23, nullptr}, &s.hours_, nullptr);
  if (e.empty()) e = ParseField(fields[2], {"day-of-month", 1, 31, nullptr}, &s.days_, &s.days_restricted_);
  if (e.empty()) e = ParseField(fields[3], {"month", 1, 12, kMonthNames}, &s.months_, nullptr);
  if (e.empty()) e = ParseField(fields[4], {"day-of-week", 0, 7, kDayNames}, &s.weekdays_, &s.weekdays_restricted_);
  if (!e.empty()) {
    *error = "\"" + expression + "\": " + e;
    return std::nullopt;
  }
  return s;
}

bool CronSchedule::Matches(const std::tm& t) const {
  if (!minutes_[t.tm_min] || !hours_[t.tm_hour] || !months_[t.tm_mon + 1]) return false;
  const bool day = days_[t.tm_mday];
  const bool weekday = weekdays_[t.tm_wday];
  if (days_restricted_ && weekdays_restricted_) return day || weekday;
  return day && weekday;
}

std::optional<std::time_t> CronSchedule::Next(std::time_t after) const {
  std::time_t t = after - (after % 60) + 60;
  const std::time_t limit = after + 5L * 366 * 24 * 3600;
  while (t <= limit) {
    std::tm local{};
    localtime_r(&t, &local);
    if (Matches(local)) return t;
    // Skip whole hours that cannot match; DST-safe since mktime renormalizes.
    if (!months_[local.tm_mon + 1] || !hours_[local.tm_hour]) {
      local.tm_min = 0;
      local.tm_sec = 0;
      local.tm_hour += 1;
      local.tm_isdst = -1;
      std::time_t next = std::mktime(&local);
      t = next > t ? next : t + 60;
      continue;
    }
    t += 60;
  }
  return std::nullopt;
}

}  // namespace citecheck
