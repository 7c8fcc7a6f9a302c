// config/citecheckd.json is a valid config (same loader as citecheck.json)
// with a valid schedule and listen address.
#include <gtest/gtest.h>

#include "config/config.h"
#include "daemon/cron.h"
#include "daemon/daemon.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

TEST(ExampleConfigTest, DaemonExampleLoads) {
  Config config;
  const std::string path = std::string(CITECHECK_SOURCE_DIR) + "/config/citecheckd.json";
  ConfigStatus status = ApplyConfigText(testing::ReadFile(path), path, &config);
  ASSERT_TRUE(status.ok) << status.error;
  std::string error;
  EXPECT_TRUE(CronSchedule::Parse(config.daemon.schedule, &error)) << error;
  std::string host;
  int port = 0;
  EXPECT_TRUE(ParseListen(config.daemon.listen, &host, &port));
  EXPECT_FALSE(config.db.empty());
}

}  // namespace
}  // namespace citecheck
