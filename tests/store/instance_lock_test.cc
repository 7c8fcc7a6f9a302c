// The daemon's instance lock (Store::LockInstance) on every backend: on
// SQLite one holder at a time, freed when the holding store closes; on
// PostgreSQL every worker shares the database, and none starts beside a
// daemon from before scale-out (which took the same advisory lock
// exclusively), nor it beside them.
#include <gtest/gtest.h>

#include <string>

#include "core/url.h"
#include "store/store.h"
#include "support/poll_until.h"
#include "support/test_database.h"

namespace citecheck {
namespace {

class InstanceLockTest : public testing::BackendTest {};

TEST_P(InstanceLockTest, OneHolderOnSqliteManyOnPostgres) {
  auto first = OpenStore();
  auto second = OpenStore();
  std::string error;
  const std::optional<InstanceMode> mode = first->LockInstance(&error);
  ASSERT_TRUE(mode) << error;
  if (GetParam() == testing::Backend::kPostgres) {
    EXPECT_EQ(*mode, InstanceMode::kShared);
    EXPECT_EQ(second->LockInstance(&error), InstanceMode::kShared) << error;
    return;
  }
  EXPECT_EQ(*mode, InstanceMode::kAlone);
  EXPECT_FALSE(second->LockInstance(&error));
  EXPECT_NE(error.find("another citecheckd is already running on " + RedactUrlCredentials(db())), std::string::npos)
      << error;
  // The lock does not stop the store's own work, on either connection.
  EXPECT_GT(second->BeginRun("check"), 0);
  first.reset();
  error.clear();
  EXPECT_EQ(second->LockInstance(&error), InstanceMode::kAlone) << error;
}

TEST_P(InstanceLockTest, WorkersAndADaemonFromBeforeScaleOutExcludeEachOther) {
  if (GetParam() != testing::Backend::kPostgres) GTEST_SKIP() << "PostgreSQL's advisory lock";
  // The lock as a daemon from before scale-out took it.
  constexpr const char* kOldDaemonLock = "SELECT CAST(pg_try_advisory_lock(7305432110202) AS INTEGER)";
  auto old_daemon = database().Connect();
  auto worker = OpenStore();
  std::string error;
  // Nothing held yet: the old one would start.
  ASSERT_EQ(old_daemon->QueryInt64(kOldDaemonLock), 1);
  ASSERT_EQ(old_daemon->QueryInt64("SELECT CAST(pg_advisory_unlock(7305432110202) AS INTEGER)"), 1);
  ASSERT_EQ(worker->LockInstance(&error), InstanceMode::kShared) << error;
  EXPECT_EQ(old_daemon->QueryInt64(kOldDaemonLock), 0);  // the old one cannot start now
  // The worker stops: the server frees its lock once it sees the connection
  // closed, a moment after the client let it go.
  worker.reset();
  ASSERT_TRUE(testing::PollUntil([&] { return old_daemon->QueryInt64(kOldDaemonLock) == 1; }, std::chrono::seconds(10),
                                 std::chrono::milliseconds(20)));
  // Now the old one runs: no worker starts beside it.
  auto late = OpenStore();
  EXPECT_FALSE(late->LockInstance(&error));
  EXPECT_NE(error.find("a citecheckd from before scale-out is running"), std::string::npos) << error;
}

CITECHECK_ON_EVERY_BACKEND(InstanceLockTest);

}  // namespace
}  // namespace citecheck
