// The daemons' shared politeness gate (docs/scale-out.md "Politeness"):
// starts counted in the database, and a database that cannot be reached
// refuses every start, for a backoff that doubles, without being asked again
// meanwhile.
#include "daemon/store_host_gate.h"

#include <gtest/gtest.h>

#include <thread>

#include "support/closed_port.h"
#include "support/test_database.h"

namespace citecheck {
namespace {

using namespace std::chrono_literals;
using testing::BackendTest;

class StoreHostGateTest : public BackendTest {};

TEST_P(StoreHostGateTest, StartsAreCountedInTheDatabase) {
  StoreHostGate gate(db(), {"w1", 60});
  StoreHostGate other(db(), {"w2", 60});
  const HostGate::Decision first = gate.TryStart("h.example", 1, 0ms);
  ASSERT_TRUE(first.started);
  // Another worker's gate sees the slot taken.
  const HostGate::Decision refused = other.TryStart("h.example", 1, 0ms);
  EXPECT_FALSE(refused.started);
  EXPECT_GT(refused.wait.count(), 0);
  gate.Finished(first.slot);
  EXPECT_TRUE(other.TryStart("h.example", 1, 0ms).started);
  // A pause from one holds for the other.
  gate.Pause("p.example", 60s);
  const HostGate::Decision paused = other.TryStart("p.example", 2, 0ms);
  EXPECT_FALSE(paused.started);
  EXPECT_GT(paused.wait, 50s);
}

CITECHECK_ON_EVERY_BACKEND(StoreHostGateTest);

TEST(StoreHostGateDownTest, AnUnreachableDatabaseRefusesEveryHostWithABackoffThatDoubles) {
  StoreHostGate gate("postgresql://127.0.0.1:" + std::to_string(testing::ClosedPort()) + "/citecheck", {"w", 60});
  const HostGate::Decision first = gate.TryStart("a.example", 2, 0ms);
  EXPECT_FALSE(first.started);
  EXPECT_EQ(first.wait, 1000ms);
  // Another host within the window: refused for the rest of it.
  const HostGate::Decision within = gate.TryStart("b.example", 2, 0ms);
  EXPECT_FALSE(within.started);
  EXPECT_GT(within.wait.count(), 0);
  EXPECT_LE(within.wait, 1001ms);
  std::this_thread::sleep_for(within.wait + 10ms);
  // Asked again after it, and failing again: twice as long.
  const HostGate::Decision again = gate.TryStart("a.example", 2, 0ms);
  EXPECT_FALSE(again.started);
  EXPECT_EQ(again.wait, 2000ms);
}

}  // namespace
}  // namespace citecheck
