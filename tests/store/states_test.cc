// Run and job state names: every state round-trips through its stored name,
// and nothing else parses.
#include "store/states.h"

#include <gtest/gtest.h>

#include "store/codec.h"
#include "store/store.h"

namespace citecheck {
namespace {

TEST(States, RunStatesRoundTripThroughTheirNames) {
  for (RunState s : {RunState::kRunning, RunState::kDone, RunState::kInterrupted, RunState::kFailed}) {
    auto parsed = ParseRunState(ToString(s));
    ASSERT_TRUE(parsed) << ToString(s);
    EXPECT_EQ(*parsed, s);
  }
  EXPECT_EQ(ToString(RunState::kInterrupted), "interrupted");
  EXPECT_EQ(ToString(RunState::kRunning), "running");
}

TEST(States, JobStatesRoundTripThroughTheirNames) {
  for (JobState s : {JobState::kQueued, JobState::kRunning, JobState::kDone, JobState::kFailed}) {
    auto parsed = ParseJobState(ToString(s));
    ASSERT_TRUE(parsed) << ToString(s);
    EXPECT_EQ(*parsed, s);
  }
  EXPECT_EQ(ToString(JobState::kQueued), "queued");
  EXPECT_EQ(ToString(JobState::kFailed), "failed");
}

TEST(States, OtherNamesDoNotParse) {
  for (const char* name : {"", "Done", "queued ", "interrupted\n", "finished"}) {
    EXPECT_FALSE(ParseRunState(name)) << name;
    EXPECT_FALSE(ParseJobState(name)) << name;
  }
  EXPECT_FALSE(ParseRunState("queued"));  // a job state, not a run state
  EXPECT_FALSE(ParseJobState("interrupted"));
}

TEST(States, AnUnknownStoredStateIsAStoreErrorNamingIt) {
  try {
    store_internal::DecodeRunState("exploded", "run 7");
    FAIL() << "no error";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("run 7: unknown run state \"exploded\""), std::string::npos) << e.what();
  }
  EXPECT_THROW(store_internal::DecodeJobState("", "job 1"), StoreError);
}

}  // namespace
}  // namespace citecheck
