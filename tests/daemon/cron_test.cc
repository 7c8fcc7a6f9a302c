// daemon.schedule: parsing and next firing, table-driven.
#include "daemon/cron.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace citecheck {
namespace {

class CronTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tz = std::getenv("TZ");
    saved_tz_ = tz ? tz : "";
    had_tz_ = tz != nullptr;
    setenv("TZ", "UTC", 1);
    tzset();
  }
  void TearDown() override {
    if (had_tz_) setenv("TZ", saved_tz_.c_str(), 1); else unsetenv("TZ");
    tzset();
  }
  std::string saved_tz_;
  bool had_tz_ = false;
};

std::time_t Utc(int year, int month, int day, int hour, int minute) {
  std::tm t{};
  t.tm_year = year - 1900;
  t.tm_mon = month - 1;
  t.tm_mday = day;
  t.tm_hour = hour;
  t.tm_min = minute;
  return timegm(&t);
}

std::string Format(std::time_t t) {
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M %a", &utc);
  return text;
}

TEST_F(CronTest, NextFiring) {
  // 2026-11-26 is a Thursday.
  const std::time_t from = Utc(2026, 11, 26, 14, 30);
  struct Case {
    const char* expression;
    const char* next;
  } cases[] = {
      {"* * * * *", "2026-11-26 14:31 Thu"},
      {"0 3 * * *", "2026-11-27 03:00 Fri"},
      {"@daily", "2026-11-27 00:00 Fri"},
      {"@hourly", "2026-11-26 15:00 Thu"},
      {"*/15 * * * *", "2026-11-26 14:45 Thu"},
      {"0-10/5 15 * * *", "2026-11-26 15:00 Thu"},
      {"5,35 * * * *", "2026-11-26 14:35 Thu"},
      {"0 9 * * 1-5", "2026-11-27 09:00 Fri"},
      {"0 9 * * sat,sun", "2026-11-28 09:00 Sat"},
      {"0 9 * * 7", "2026-11-29 09:00 Sun"},
      {"0 0 1 * *", "2026-12-01 00:00 Tue"},
      {"0 0 1 jan *", "2027-01-01 00:00 Fri"},
      {"0 0 29 2 *", "2028-02-29 00:00 Tue"},
      // Both day fields restricted: either matches (Vixie cron).
      {"0 12 1 * mon", "2026-11-30 12:00 Mon"},
      {"30 14 * * *", "2026-11-27 14:30 Fri"},  // strictly after
  };
  for (const Case& c : cases) {
    std::string error;
    auto schedule = CronSchedule::Parse(c.expression, &error);
    ASSERT_TRUE(schedule) << c.expression << ": " << error;
    auto next = schedule->Next(from);
    ASSERT_TRUE(next) << c.expression;
    EXPECT_EQ(Format(*next), c.next) << c.expression;
  }
}

TEST_F(CronTest, InvalidExpressionsNameTheField) {
  struct Case {
    const char* expression;
    const char* message;
  } cases[] = {
      {"", "expected 5 fields"},
      {"* * * *", "expected 5 fields"},
      {"* * * * * *", "expected 5 fields"},
      {"60 * * * *", "minute field"},
      {"* 24 * * *", "hour field"},
      {"* * 0 * *", "day-of-month field"},
      {"* * * 13 *", "month field"},
      {"* * * * 8", "day-of-week field"},
      {"*/0 * * * *", "bad step"},
      {"5-1 * * * *", "out of range"},
      {"a * * * *", "bad value"},
      {"1,,2 * * * *", "minute field"},
  };
  for (const Case& c : cases) {
    std::string error;
    EXPECT_FALSE(CronSchedule::Parse(c.expression, &error)) << c.expression;
    EXPECT_NE(error.find(c.message), std::string::npos) << c.expression << " -> " << error;
  }
}

TEST_F(CronTest, ImpossibleDateHasNoNextFiring) {
  std::string error;
  auto schedule = CronSchedule::Parse("0 0 30 2 *", &error);
  ASSERT_TRUE(schedule) << error;
  EXPECT_FALSE(schedule->Next(Utc(2026, 1, 1, 0, 0)));
}

}  // namespace
}  // namespace citecheck
