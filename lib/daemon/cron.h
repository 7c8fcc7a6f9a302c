// Cron expressions for daemon.schedule: five fields (minute hour
// day-of-month month day-of-week) with *, lists (1,15), ranges (1-5), steps
// (*/15, 0-30/10), day-of-week 0-7 (0 and 7 are Sunday), month and weekday
// names (jan, mon), and the macros @hourly, @daily/@midnight, @weekly,
// @monthly, @yearly. As in Vixie cron, when both day fields are restricted a
// day matches either. Times are the machine's local time.
#ifndef CITECHECK_DAEMON_CRON_H_
#define CITECHECK_DAEMON_CRON_H_

#include <bitset>
#include <ctime>
#include <optional>
#include <string>

namespace citecheck {

class CronSchedule {
 public:
  // Parses `expression`; nullopt and *error ("daemon.schedule: minute field
  // \"61\": out of range 0-59") when it is not valid.
  static std::optional<CronSchedule> Parse(const std::string& expression, std::string* error);

  // The first matching minute strictly after `after` (seconds since the
  // epoch), or nullopt when none comes within five years (e.g. "0 0 30 2 *").
  std::optional<std::time_t> Next(std::time_t after) const;

  bool Matches(const std::tm& local) const;

 private:
  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_;    // 1-31
  std::bitset<13> months_;  // 1-12
  std::bitset<7> weekdays_; // 0-6, Sunday 0
  bool days_restricted_ = false;
  bool weekdays_restricted_ = false;
};

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_CRON_H_
