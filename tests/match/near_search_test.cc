#include "match/near_search.h"

#include <gtest/gtest.h>

#include <vector>

namespace citecheck {
namespace {

using Ids = std::vector<uint64_t>;

TEST(FindNearTest, ExactWindowHasDistanceZero) {
  auto match = FindNear({9, 1, 2, 3, 9}, {1, 2, 3}, 1);
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->distance, 0u);
  EXPECT_EQ(match->page_begin, 1u);
  EXPECT_EQ(match->page_end, 4u);
}

TEST(FindNearTest, Substitution) {
  auto match = FindNear({9, 1, 2, 7, 4, 9}, {1, 2, 3, 4}, 1);
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->distance, 1u);
  EXPECT_EQ(match->page_begin, 1u);
  EXPECT_EQ(match->page_end, 5u);
  int unequal = 0;
  for (const AlignStep& step : match->steps) {
    if (step.equal) continue;
    ++unequal;
    EXPECT_EQ(step.quote, 2u);
    EXPECT_EQ(step.page, 3u);
  }
  EXPECT_EQ(unequal, 1);
}

TEST(FindNearTest, InsertionAndDeletion) {
  auto inserted = FindNear({1, 2, 8, 3, 4}, {1, 2, 3, 4}, 1);
  ASSERT_TRUE(inserted.has_value());
  EXPECT_EQ(inserted->distance, 1u);
  auto deleted = FindNear({1, 2, 4, 5}, {1, 2, 3, 4, 5}, 1);
  ASSERT_TRUE(deleted.has_value());
  EXPECT_EQ(deleted->distance, 1u);
  EXPECT_EQ(deleted->page_begin, 0u);
  EXPECT_EQ(deleted->page_end, 4u);
}

TEST(FindNearTest, TooFarIsNothing) {
  EXPECT_FALSE(FindNear({1, 7, 8, 4}, {1, 2, 3, 4}, 1).has_value());
  EXPECT_TRUE(FindNear({1, 7, 8, 4}, {1, 2, 3, 4}, 2).has_value());
  EXPECT_FALSE(FindNear({}, {1}, 1).has_value());
  EXPECT_FALSE(FindNear({1}, {}, 1).has_value());
}

TEST(FindNearTest, WildcardIsFree) {
  auto match = FindNear({5, 1, 6, 3}, {1, kAnyWord, 3}, 1);
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->distance, 0u);
}

TEST(FindNearTest, PicksTheClosestWindow) {
  // A distance-2 window early, a distance-1 window later.
  auto match = FindNear({1, 7, 8, 4, 0, 0, 1, 2, 9, 4}, {1, 2, 3, 4}, 2);
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->distance, 1u);
  EXPECT_EQ(match->page_begin, 6u);
}

}  // namespace
}  // namespace citecheck
