// Sources as the library loads them (check/sources.h): files, stdin and URLs
// in the order given, registered articles with their stored text and media
// type, and the reader honouring that media type when the text is read again.
#include "check/sources.h"

#include <gtest/gtest.h>

#include <sstream>

#include "check/pipeline.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

using testing::TempDir;
using testing::TestServer;

// Starts with prose, so sniffing alone would read it as Markdown; as HTML its
// title is the <h1>.
constexpr const char* kHtmlThatStartsWithText =
    "Notes before the markup.\n<h1>Harbour reopening</h1>\n<p>The mayor spoke at noon.</p>\n";

class SourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get("/post", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(kHtmlThatStartsWithText, "text/html; charset=utf-8");
    });
    server_.Start();
    config_.fetch.allow_all_private = true;
    config_.archive.enabled = false;  // dead links here must not reach the real web archive
    config_.fetch.retries = 0;
    fetcher_ = MakeCurlFetcher(config_.fetch);
  }

  TestServer server_;
  TempDir dir_;
  Config config_;
  std::unique_ptr<Fetcher> fetcher_;
};

TEST_F(SourcesTest, LoadsFilesStdinAndUrlsInTheOrderGiven) {
  const std::string file = dir_.Write("a.md", "file text");
  std::istringstream in("piped text");
  std::vector<ArticleInput> inputs =
      LoadSources({server_.Url("/post"), file, "-", dir_.File("missing.md")}, in, "draft", *fetcher_);
  ASSERT_EQ(inputs.size(), 4u);
  ASSERT_TRUE(inputs[0].ok) << inputs[0].error;
  EXPECT_EQ(inputs[0].bytes, kHtmlThatStartsWithText);
  EXPECT_EQ(inputs[0].media_type, "text/html");
  EXPECT_EQ(inputs[1].bytes, "file text");
  EXPECT_EQ(inputs[1].media_type, "");
  EXPECT_EQ(inputs[2].identity, "draft");
  EXPECT_EQ(inputs[2].bytes, "piped text");
  EXPECT_FALSE(inputs[3].ok);

  SplitInputs split = SplitReadable(std::move(inputs));
  EXPECT_EQ(split.readable.size(), 3u);
  ASSERT_EQ(split.errors.size(), 1u);
  EXPECT_EQ(split.errors[0], dir_.File("missing.md") + ": no such file");
}

TEST_F(SourcesTest, RegisteredArticlesKeepTheirNamesAndStoredMediaType) {
  ArticleEntry text;
  text.identity = text.source = "posted-1";
  text.kind = kArticleKindText;
  text.body = kHtmlThatStartsWithText;
  text.media_type = "text/html";
  ArticleEntry file;
  file.identity = dir_.Write("b.md", "re-read");
  file.source = "b.md";
  file.kind = kArticleKindFile;
  ArticleEntry url;
  url.identity = server_.Url("/post");
  url.source = "the post";
  url.kind = kArticleKindUrl;
  ArticleEntry gone = file;
  gone.identity = dir_.File("gone.md");
  gone.source = "gone.md";
  std::vector<ArticleInput> inputs = LoadRegisteredInputs({text, file, url, gone}, *fetcher_);
  ASSERT_EQ(inputs.size(), 4u);
  EXPECT_EQ(inputs[0].media_type, "text/html");
  EXPECT_EQ(ArticleFormatOf(inputs[0]), ArticleFormat::kHtml);
  EXPECT_EQ(inputs[1].bytes, "re-read");
  EXPECT_EQ(inputs[2].source, "the post");
  EXPECT_EQ(inputs[2].identity, server_.Url("/post"));
  EXPECT_EQ(inputs[2].media_type, "text/html");
  EXPECT_FALSE(inputs[3].ok);
  EXPECT_NE(inputs[3].error.find("no such file"), std::string::npos) << inputs[3].error;
}

TEST(ArticleFormatOfTest, TheMediaTypeDecides) {
  struct Case {
    const char* media_type;
    ArticleFormat format;
  };
  for (const Case& c : {Case{"text/html", ArticleFormat::kHtml}, Case{"Text/HTML; charset=utf-8", ArticleFormat::kHtml},
                        Case{"application/xhtml+xml", ArticleFormat::kHtml},
                        Case{"text/markdown", ArticleFormat::kMarkdown}, Case{"text/plain", ArticleFormat::kMarkdown},
                        Case{"", ArticleFormat::kAuto}, Case{"application/octet-stream", ArticleFormat::kAuto}}) {
    ArticleInput input;
    input.media_type = c.media_type;
    EXPECT_EQ(ArticleFormatOf(input), c.format) << c.media_type;
  }
}

// The stored media type is used when the text is read again: the same bytes
// are HTML when stored as text/html, and Markdown when stored as text/markdown.
TEST_F(SourcesTest, ARunReadsStoredTextByItsMediaType) {
  auto store = Store::Open(dir_.File("s.db"));
  ArticleInput html;
  html.ok = true;
  html.source = html.identity = "as-html";
  html.bytes = kHtmlThatStartsWithText;
  html.media_type = "text/html";
  ArticleInput markdown = html;
  markdown.source = markdown.identity = "as-markdown";
  markdown.media_type = "text/markdown";
  CheckRun run = RunCheck({html, markdown}, config_, *store, *fetcher_, "check");
  RunRecord record = store->LoadRun(run.run_id);
  ASSERT_EQ(record.articles.size(), 2u);
  EXPECT_EQ(record.articles[0].title.value_or(""), "Harbour reopening");
  EXPECT_NE(record.articles[1].title.value_or(""), "Harbour reopening");
}

}  // namespace
}  // namespace citecheck
