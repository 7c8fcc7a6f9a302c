// The registry as a library: registering what a user names, and finding an
// article again by what a user types (real SQLite file, real files).
#include "registry/registry.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "support/temp_dir.h"

namespace citecheck {
namespace {

using testing::TempDir;

TEST(RegistryTest, RegisterSourcesInOrderWithErrorsNamingTheSource) {
  TempDir dir;
  auto store = Store::Open(dir.File("r.db"));
  const std::string file = dir.Write("a.md", "text");
  std::istringstream in("piped");
  std::vector<SourceRegistration> results = RegisterSources(
      *store, {file, "https://Example.org/post#top", dir.File("missing.md"), "https://u:s3cret@example.org/"},
      "", in);
  ASSERT_EQ(results.size(), 4u);
  ASSERT_TRUE(results[0].ok) << results[0].error;
  ASSERT_TRUE(results[1].ok) << results[1].error;
  EXPECT_NE(results[0].article_id, results[1].article_id);
  EXPECT_EQ(store->FindArticle(results[1].article_id)->identity, "https://example.org/post");
  EXPECT_FALSE(results[2].ok);
  EXPECT_EQ(results[2].error, dir.File("missing.md") + ": no such file");
  EXPECT_FALSE(results[3].ok);
  EXPECT_NE(results[3].error.find("credentials are never stored"), std::string::npos) << results[3].error;
  EXPECT_EQ(results[3].error.find("s3cret"), std::string::npos) << results[3].error;
}

TEST(RegistryTest, StdinNeedsANameAndIsStoredAsText) {
  TempDir dir;
  auto store = Store::Open(dir.File("r.db"));
  std::istringstream unnamed("x");
  EXPECT_FALSE(RegisterSources(*store, {"-"}, "", unnamed)[0].ok);
  std::istringstream named("piped text");
  SourceRegistration r = RegisterSources(*store, {"-"}, "draft-42", named)[0];
  ASSERT_TRUE(r.ok) << r.error;
  auto entry = store->FindArticle(r.article_id);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->kind, kArticleKindText);
  EXPECT_EQ(entry->body, "piped text");
}

TEST(RegistryTest, FindNamedArticleByIdSourceRealPathOrUrl) {
  TempDir dir;
  auto store = Store::Open(dir.File("r.db"));
  const std::string file = dir.Write("sub/a.md", "text");
  std::istringstream no_stdin;
  const int64_t by_file = RegisterSources(*store, {file}, "", no_stdin)[0].article_id;
  const int64_t by_url = RegisterSources(*store, {"https://example.org/post"}, "", no_stdin)[0].article_id;
  EXPECT_EQ(FindNamedArticle(*store, std::to_string(by_url))->id, by_url);
  EXPECT_EQ(FindNamedArticle(*store, dir.path() + "/sub/../sub/a.md")->id, by_file);
  EXPECT_EQ(FindNamedArticle(*store, "https://EXAMPLE.org/post")->id, by_url);
  EXPECT_FALSE(FindNamedArticle(*store, "nothing-like-it"));
  // A number too large for an id is not an error, just no such article.
  EXPECT_FALSE(FindNamedArticle(*store, "99999999999999999999999"));
}

}  // namespace
}  // namespace citecheck
