// The seed article (shared/seed/rare-earths-article.txt): plain text, one
// paragraph per line, six numbered markers and no reference list.
#include <gtest/gtest.h>

#include "article/reader.h"
#include "article/test_util.h"

namespace citecheck {
namespace {

using testing_article::FindQuote;
using testing_article::ReadFile;

const char kLongQuote[] =
    "after the collapse of the Soviet Union, the \"main enemy\", which was unfairly being called "
    "Russia's \"partner\", was again leading various world \"hyenas\" in the \"creeping "
    "campaign\" against Russia";

std::string SeedText() {
  return ReadFile(std::string(CITECHECK_SHARED_DIR) + "/seed/rare-earths-article.txt");
}

class SeedArticleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    text_ = SeedText();
    ASSERT_FALSE(text_.empty()) << "seed article missing";
    article_ = ReadArticle(text_, "rare-earths-article.txt", ArticleOptions());
  }
  std::string text_;
  Article article_;
};

TEST_F(SeedArticleTest, FindsSixUnresolvedMarkers) {
  ASSERT_EQ(article_.citations.size(), 6u);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(article_.citations[i].id, std::to_string(i + 1));
    EXPECT_EQ(article_.citations[i].url, "");
    EXPECT_EQ(article_.citations[i].normalized_url, "");
  }
  for (const Diagnostic& d : article_.diagnostics) {
    EXPECT_NE(d.severity, Diagnostic::Severity::kError) << d.message;
  }
}

TEST_F(SeedArticleTest, TitleIsTheFirstLine) {
  ASSERT_TRUE(article_.title.has_value());
  EXPECT_EQ(*article_.title,
            "Russia Offers to Hand Over the Development of its Rare Earth Minerals to the US");
}

TEST_F(SeedArticleTest, LongQuotationIsWholeWithInnerQuotes) {
  const Quote* q = FindQuote(article_, "after the collapse");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->text, kLongQuote);
  EXPECT_EQ(q->line, 7);
  EXPECT_EQ(q->column, 136);
  EXPECT_FALSE(q->skipped);
  EXPECT_EQ(q->citation_ids, std::vector<std::string>{"5"});
  // Line 7 holds "National Defense" and the long quotation, nothing else.
  std::vector<std::string> on_line_7;
  for (const Quote& other : article_.quotes) {
    if (other.line == 7) on_line_7.push_back(other.text);
  }
  EXPECT_EQ(on_line_7, (std::vector<std::string>{"National Defense", kLongQuote}));
}

TEST_F(SeedArticleTest, ShortQuotesAreSkipped) {
  for (const char* term : {"green", "National Defense", "foreign partners", "geopolitical",
                           "efficient", "unviable", "main rivals", "hyenas"}) {
    const Quote* q = FindQuote(article_, term);
    ASSERT_NE(q, nullptr) << term;
    EXPECT_EQ(q->text, term);
    EXPECT_TRUE(q->skipped) << term;
    EXPECT_EQ(q->skip_reason, "fewer than 4 words");
  }
  const Quote* green = FindQuote(article_, "green");
  EXPECT_EQ(green->line, 3);
  EXPECT_EQ(green->column, 58);
  const Quote* partners = FindQuote(article_, "foreign partners");
  EXPECT_EQ(partners->line, 5);
  EXPECT_EQ(partners->column, 76);  // code points, not bytes
}

TEST_F(SeedArticleTest, FinalQuoteIsUncited) {
  const Quote* q = FindQuote(article_, "After me");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->text, "After me, the flood");
  EXPECT_FALSE(q->skipped);
  EXPECT_TRUE(q->citation_ids.empty());
  EXPECT_EQ(q->line, 12);
  EXPECT_EQ(q->column, 653);
}

TEST_F(SeedArticleTest, ApostrophesAreNeverQuotationMarks) {
  // Exactly the quotations of the article, in order: nothing opened at
  // Russia's, planet’s or generations’.
  std::vector<std::string> expected = {"green",
                                       "foreign partners",
                                       "National Defense",
                                       kLongQuote,
                                       "geopolitical",
                                       "efficient",
                                       "unviable",
                                       "main rivals",
                                       "hyenas",
                                       "After me, the flood"};
  EXPECT_EQ(testing_article::Texts(article_), expected);
}

TEST_F(SeedArticleTest, ReferenceListResolvesEveryMarker) {
  std::string text = text_;
  for (int i = 1; i <= 6; ++i) {
    text += "\n[" + std::to_string(i) + "] http://127.0.0.1:1/" + std::to_string(i);
  }
  Article with_refs = ReadArticle(text, "rare-earths-article.txt", ArticleOptions());
  ASSERT_EQ(with_refs.citations.size(), 6u);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(with_refs.citations[i].id, std::to_string(i + 1));
    EXPECT_EQ(with_refs.citations[i].url, "http://127.0.0.1:1/" + std::to_string(i + 1));
    EXPECT_EQ(with_refs.citations[i].normalized_url, with_refs.citations[i].url);
    EXPECT_EQ(with_refs.citations[i].line, 14 + i);  // the seed ends in a blank line 13
  }
  EXPECT_EQ(testing_article::Texts(with_refs), testing_article::Texts(article_));
  ASSERT_EQ(with_refs.quotes.size(), article_.quotes.size());
  for (size_t i = 0; i < article_.quotes.size(); ++i) {
    EXPECT_EQ(with_refs.quotes[i].citation_ids, article_.quotes[i].citation_ids);
    EXPECT_EQ(with_refs.quotes[i].line, article_.quotes[i].line);
  }
  EXPECT_EQ(FindQuote(with_refs, "after the collapse")->citation_ids,
            std::vector<std::string>{"5"});
}

}  // namespace
}  // namespace citecheck
