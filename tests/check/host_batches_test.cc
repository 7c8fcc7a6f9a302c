// How a run's URLs are cut into batches (lib/check/host_batches): whole
// rounds over the hosts, every URL once.
#include "check/host_batches.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/url.h"

namespace citecheck {
namespace {

std::vector<std::string> Urls(int hosts, int per_host) {
  std::vector<std::string> urls;  // sorted by host, as a run's URLs are
  for (int h = 0; h < hosts; ++h) {
    for (int i = 0; i < per_host; ++i) urls.push_back("https://h" + std::to_string(h) + ".example/" + std::to_string(i));
  }
  return urls;
}

TEST(HostBatchesTest, EveryBatchSpreadsOverEveryHostWithURLsLeft) {
  const std::vector<std::string> urls = Urls(40, 60);
  const auto batches = HostRoundBatches(urls, 128);
  ASSERT_EQ(batches.size(), 15u);  // 4 rounds of 40 a batch
  std::set<std::string> seen;
  for (const auto& batch : batches) {
    std::map<std::string, int> per_host;
    for (const std::string& url : batch) {
      ++per_host[UrlHost(url)];
      EXPECT_TRUE(seen.insert(url).second) << url;
    }
    EXPECT_EQ(per_host.size(), 40u);
    for (const auto& [host, count] : per_host) EXPECT_EQ(count, 4) << host;
  }
  EXPECT_EQ(seen.size(), urls.size());
}

TEST(HostBatchesTest, HostsThatRunOutDropOut) {
  std::vector<std::string> urls = Urls(1, 5);
  urls.push_back("https://other.example/only");
  const auto batches = HostRoundBatches(urls, 2);
  ASSERT_FALSE(batches.empty());
  ASSERT_EQ(batches.size(), 3u);
  EXPECT_EQ(batches[0], (std::vector<std::string>{"https://h0.example/0", "https://other.example/only"}));
  // Then h0 alone, two rounds a batch.
  EXPECT_EQ(batches[1], (std::vector<std::string>{"https://h0.example/1", "https://h0.example/2"}));
  EXPECT_EQ(batches[2], (std::vector<std::string>{"https://h0.example/3", "https://h0.example/4"}));
}

TEST(HostBatchesTest, NoURLsNoBatches) { EXPECT_TRUE(HostRoundBatches({}, 64).empty()); }

}  // namespace
}  // namespace citecheck
