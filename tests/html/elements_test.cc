// The element tables both HTML readers share.
#include "html/elements.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

TEST(ElementsTest, HiddenElements) {
  for (GumboTag tag : {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_HEAD, GUMBO_TAG_TEMPLATE, GUMBO_TAG_SVG,
                       GUMBO_TAG_IMG, GUMBO_TAG_VIDEO, GUMBO_TAG_TEXTAREA, GUMBO_TAG_NOSCRIPT}) {
    EXPECT_TRUE(IsHiddenElement(tag)) << gumbo_normalized_tagname(tag);
    EXPECT_FALSE(IsBlockElement(tag)) << gumbo_normalized_tagname(tag);
  }
  for (GumboTag tag : {GUMBO_TAG_P, GUMBO_TAG_SPAN, GUMBO_TAG_A, GUMBO_TAG_BODY, GUMBO_TAG_BLOCKQUOTE}) {
    EXPECT_FALSE(IsHiddenElement(tag)) << gumbo_normalized_tagname(tag);
  }
}

TEST(ElementsTest, BlockAndInlineElements) {
  for (GumboTag tag : {GUMBO_TAG_P, GUMBO_TAG_DIV, GUMBO_TAG_LI, GUMBO_TAG_H1, GUMBO_TAG_H6, GUMBO_TAG_TD,
                       GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE, GUMBO_TAG_PRE, GUMBO_TAG_BR, GUMBO_TAG_BLOCKQUOTE}) {
    EXPECT_TRUE(IsBlockElement(tag)) << gumbo_normalized_tagname(tag);
  }
  for (GumboTag tag : {GUMBO_TAG_SPAN, GUMBO_TAG_A, GUMBO_TAG_EM, GUMBO_TAG_STRONG, GUMBO_TAG_CODE, GUMBO_TAG_Q}) {
    EXPECT_FALSE(IsBlockElement(tag)) << gumbo_normalized_tagname(tag);
  }
}

}  // namespace
}  // namespace citecheck
