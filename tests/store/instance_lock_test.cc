// The daemon's instance lock (Store::LockInstance) on every backend: one
// holder at a time, freed when the holding store closes.
#include <gtest/gtest.h>

#include <string>

#include "core/url.h"
#include "store/store.h"
#include "support/test_database.h"

namespace citecheck {
namespace {

class InstanceLockTest : public testing::BackendTest {};

TEST_P(InstanceLockTest, OneHolderAtATimeUntilItCloses) {
  auto first = OpenStore();
  auto second = OpenStore();
  std::string error;
  ASSERT_TRUE(first->LockInstance(&error)) << error;
  EXPECT_FALSE(second->LockInstance(&error));
  EXPECT_NE(error.find("another citecheckd is already running on " + RedactUrlCredentials(db())), std::string::npos)
      << error;
  // The lock does not stop the store's own work, on either connection.
  EXPECT_GT(second->BeginRun("check"), 0);
  first.reset();
  error.clear();
  EXPECT_TRUE(second->LockInstance(&error)) << error;
}

CITECHECK_ON_EVERY_BACKEND(InstanceLockTest);

}  // namespace
}  // namespace citecheck
