// A store whose connection the server closed says so (Store::Broken), so
// that whoever keeps stores opens another instead of failing forever; on
// SQLite there is no server to lose.
#include <gtest/gtest.h>

#include "store/store.h"
#include "support/test_database.h"

namespace citecheck {
namespace {

class BrokenConnectionTest : public testing::BackendTest {};

TEST_P(BrokenConnectionTest, AClosedConnectionIsBrokenAndANewStoreWorks) {
  auto store = OpenStore();
  EXPECT_GT(store->BeginRun("check"), 0);
  EXPECT_FALSE(store->Broken());
  if (GetParam() != testing::Backend::kPostgres) return;  // nothing to close
  ASSERT_GE(database().TerminateOtherSessions(), 1);
  EXPECT_THROW(store->BeginRun("check"), StoreError);
  EXPECT_TRUE(store->Broken());
  auto next = OpenStore();
  EXPECT_GT(next->BeginRun("check"), 0);
  EXPECT_FALSE(next->Broken());
}

CITECHECK_ON_EVERY_BACKEND(BrokenConnectionTest);

}  // namespace
}  // namespace citecheck
