#include "check/article_input.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "support/temp_dir.h"

namespace citecheck {
namespace {

TEST(ArticleInputTest, FileIdentityIsTheRealPath) {
  testing::TempDir dir;
  std::string path = dir.Write("sub/a.md", "hello");
  std::istringstream none;
  ArticleInput input = LoadArticleInput(dir.path() + "/sub/../sub/a.md", none, "");
  ASSERT_TRUE(input.ok) << input.error;
  EXPECT_EQ(input.bytes, "hello");
  EXPECT_EQ(input.identity, std::filesystem::canonical(path).string());
}

TEST(ArticleInputTest, ErrorsNameTheFile) {
  testing::TempDir dir;
  std::istringstream none;
  ArticleInput missing = LoadArticleInput(dir.File("missing.md"), none, "");
  EXPECT_FALSE(missing.ok);
  EXPECT_EQ(missing.error, dir.File("missing.md") + ": no such file");
  ArticleInput directory = LoadArticleInput(dir.path(), none, "");
  EXPECT_FALSE(directory.ok);
  EXPECT_NE(directory.error.find("is a directory"), std::string::npos);
}

TEST(ArticleInputTest, StdinUsesTheGivenName) {
  std::istringstream in("piped text");
  ArticleInput input = LoadArticleInput("-", in, "draft-42");
  ASSERT_TRUE(input.ok);
  EXPECT_EQ(input.bytes, "piped text");
  EXPECT_EQ(input.identity, "draft-42");
  EXPECT_EQ(input.source, "draft-42");
  EXPECT_TRUE(IsUrlSource("https://example.org/a"));
  EXPECT_FALSE(IsUrlSource("notes/https.md"));
}

}  // namespace
}  // namespace citecheck
