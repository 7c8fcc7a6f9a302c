// /metrics exposition: counters by label, gauges and summaries.
#include "daemon/metrics.h"

#include "daemon/daemon.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

TEST(MetricsTest, CountsRunsFetchesQuotesAndRequests) {
  RunRecord run;
  run.state = RunState::kDone;
  ArticleRecord article;
  CitationRecord ok;
  ok.citation.normalized_url = "http://a/";
  ok.link_status = LinkStatus::kOk;
  CitationRecord broken;
  broken.citation.normalized_url = "http://b/";
  broken.link_status = LinkStatus::kBroken;
  article.citations = {ok, broken, ok};  // the same URL twice is one fetch
  QuoteRecord verified;
  verified.decided = true;
  verified.verdict.status = QuoteStatus::kVerified;
  article.quotes = {verified};
  run.articles.push_back(article);
  ArticleRecord second = article;  // another article citing the same URLs: still one fetch each
  second.quotes.clear();
  run.articles.push_back(second);
  Metrics metrics;
  metrics.RecordRun(run, 1.5, 2);
  metrics.RecordRequest(202, 0.01);
  metrics.RecordRequest(401, 0.01);
  metrics.RecordJob(JobState::kDone);
  std::string text = metrics.Render(3, 1);
  EXPECT_NE(text.find("citecheck_runs_total{state=\"done\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("citecheck_fetches_total{status=\"ok\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("citecheck_fetches_total{status=\"broken\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("citecheck_pages_unchanged_total 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("citecheck_quotes_total{verdict=\"verified\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("citecheck_http_requests_total{code=\"401\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("citecheck_queue_depth 3\n"), std::string::npos) << text;
  EXPECT_NE(text.find("citecheck_run_duration_seconds_sum 1.5\n"), std::string::npos) << text;
  EXPECT_NE(text.find("# TYPE citecheck_queue_depth gauge"), std::string::npos) << text;
}

TEST(ListenTest, ParsesHostAndPort) {
  std::string host;
  int port = 0;
  ASSERT_TRUE(ParseListen("127.0.0.1:8383", &host, &port));
  EXPECT_EQ(host, "127.0.0.1");
  EXPECT_EQ(port, 8383);
  ASSERT_TRUE(ParseListen("[::1]:0", &host, &port));
  EXPECT_EQ(host, "::1");
  EXPECT_FALSE(ParseListen("8383", &host, &port));
  EXPECT_FALSE(ParseListen("localhost:", &host, &port));
  EXPECT_FALSE(ParseListen("localhost:99999", &host, &port));
}

}  // namespace
}  // namespace citecheck
