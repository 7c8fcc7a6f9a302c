// The daemon's instance lock (Store::LockInstance) on every backend: on
// SQLite one holder at a time, freed when the holding store closes; on
// PostgreSQL no lock, every daemon shares the database.
#include <gtest/gtest.h>

#include <string>

#include "core/url.h"
#include "store/store.h"
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

CITECHECK_ON_EVERY_BACKEND(InstanceLockTest);

}  // namespace
}  // namespace citecheck
