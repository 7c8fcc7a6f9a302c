#include "html/attribute_guard.h"

#include <gtest/gtest.h>

#include <string>

namespace citecheck {
namespace {

TEST(AttributeGuardTest, CountsTheAttributesOfTheFullestStartTag) {
  EXPECT_EQ(MaxAttributesPerElement("<p>text</p>"), 0u);
  EXPECT_EQ(MaxAttributesPerElement("<a href=\"x\" class='y' hidden>z</a><b id=1>"), 3u);
  EXPECT_EQ(MaxAttributesPerElement("<input a = 1 b c=\"d > e\" f/>"), 4u);  // '>' inside a quoted value
  EXPECT_EQ(MaxAttributesPerElement("<img a=1/b c=2>"), 2u);
}

TEST(AttributeGuardTest, CommentsAndRawTextAreNotTags) {
  EXPECT_EQ(MaxAttributesPerElement("<!-- <a b c d e> --><p x>"), 1u);
  EXPECT_EQ(MaxAttributesPerElement("<script>if (a <b c d e f) {}</script><p x>"), 1u);
  EXPECT_EQ(MaxAttributesPerElement("<STYLE>a <b c d></Style><i>"), 0u);
  EXPECT_EQ(MaxAttributesPerElement("<textarea><a b c></textarea>"), 0u);
}

TEST(AttributeGuardTest, StopsCountingPastTheLimit) {
  std::string tag = "<div";
  for (int i = 0; i < 5000; ++i) tag += " a" + std::to_string(i);
  EXPECT_GT(MaxAttributesPerElement(tag + ">", 10), 10u);
  EXPECT_EQ(MaxAttributesPerElement(tag + ">"), 5000u);
}

TEST(AttributeGuardTest, UnterminatedInputEnds) {
  EXPECT_EQ(MaxAttributesPerElement("<a b c"), 2u);
  EXPECT_EQ(MaxAttributesPerElement("<a b=\"c d"), 1u);
  EXPECT_EQ(MaxAttributesPerElement("<script><a b c"), 0u);
  EXPECT_EQ(MaxAttributesPerElement("<"), 0u);
}

}  // namespace
}  // namespace citecheck
