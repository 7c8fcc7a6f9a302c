#include "html/nesting_guard.h"

#include <gtest/gtest.h>

#include <string>

namespace citecheck {
namespace {

struct DepthCase {
  const char* html;
  size_t depth;
};

class NestingGuardTest : public testing::TestWithParam<DepthCase> {};

TEST_P(NestingGuardTest, CountsOpenElements) {
  EXPECT_EQ(MaxOpenElements(GetParam().html), GetParam().depth) << GetParam().html;
}

const DepthCase kCases[] = {
    {"", 0},
    {"plain text", 0},
    {"<div><span>x</span></div>", 2},
    {"<div></div><div></div>", 1},
    {"<DIV><Div>x</DIV></div>", 2},
    {"<br><img src='a>b'><hr/><input>", 0},
    {"<p>a<p>b<li>c<td>d", 0},
    {"<x-widget/><div/>", 0},
    {"<!-- <div><div> --><span>", 1},
    {"<style><div><div></style><b>", 1},
    {"<div title='</div>'><b>", 2},
    {"a < b and 3<4", 0},
};

INSTANTIATE_TEST_SUITE_P(Cases, NestingGuardTest, testing::ValuesIn(kCases));

TEST(NestingGuardLimitTest, StopsEarlyPastTheLimit) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<b>";
  EXPECT_EQ(MaxOpenElements(html, 10), 11u);
}

}  // namespace
}  // namespace citecheck
