// The guarded stage threads: an exception on a worker is kept and rethrown
// by the run, never std::terminate, and the other stages wind down.
#include "check/stage_threads.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace citecheck {
namespace {

TEST(RunFailureTest, KeepsTheFirstException) {
  RunFailure failure;
  EXPECT_FALSE(failure.failed());
  EXPECT_NO_THROW(failure.RethrowIfFailed());
  RunGuarded(failure, [] { throw std::runtime_error("first"); });
  RunGuarded(failure, [] { throw std::logic_error("second"); });
  EXPECT_TRUE(failure.failed());
  try {
    failure.RethrowIfFailed();
    FAIL() << "nothing rethrown";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "first");
  }
}

TEST(StartWorkersTest, EveryItemIsWorkedOnceAndTheOutputCloses) {
  WorkQueue<int> in;
  WorkQueue<int> out;
  RunFailure failure;
  for (int i = 0; i < 100; ++i) in.Push(i);
  in.Close();
  std::vector<std::thread> threads = StartWorkers(3, in, out, failure, [] { return [](int x) { return 2 * x; }; });
  long sum = 0;
  int count = 0;
  while (std::optional<int> x = out.Pop()) {
    sum += *x;
    ++count;
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(count, 100);
  EXPECT_EQ(sum, 2 * 4950);
  EXPECT_FALSE(failure.failed());
}

// A throwing worker: the exception is recorded, the input is drained (its
// producer is never left waiting), the output still closes.
TEST(StartWorkersTest, AThrowingWorkerFailsTheRunWithoutTerminating) {
  WorkQueue<int> in;
  WorkQueue<int> out;
  RunFailure failure;
  std::vector<std::thread> threads = StartWorkers(2, in, out, failure, [] {
    return [](int x) {
      if (x == 7) throw std::runtime_error("page 7 broke the parser");
      return x;
    };
  });
  for (int i = 0; i < 1000; ++i) in.Push(i);
  in.Close();
  int count = 0;
  while (out.Pop()) ++count;
  for (std::thread& t : threads) t.join();
  EXPECT_TRUE(failure.failed());
  EXPECT_LT(count, 1000);
  EXPECT_EQ(in.Size(), 0u);
  EXPECT_THROW(failure.RethrowIfFailed(), std::runtime_error);
}

}  // namespace
}  // namespace citecheck
