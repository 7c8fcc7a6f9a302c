// Which committed fetches of an interrupted run stand for the URLs a resumed
// run cites: a real SQLite file, no network.
#include "check/resume.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/fetch_results.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

class ResumeTest : public ::testing::Test {
 protected:
  ResumeTest() : store_(Store::Open(dir_.File("c.db"))), run_(store_->BeginRun("run")) {}

  void Commit(const std::string& url, const std::string& text) {
    store_->SaveFetch(run_, testing::OkFetch(url), PageText{text, "", "en", ""}, "en");
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  int64_t run_;
};

TEST_F(ResumeTest, CommittedUrlsAreTakenWithTheirTextAndTheRestStay) {
  Commit("https://a.example/1", "first page");
  Commit("https://a.example/3", "third page");
  Commit("https://elsewhere.example/", "no longer cited");
  std::vector<std::string> urls = {"https://a.example/1", "https://a.example/2", "https://a.example/3"};
  std::vector<StoredFetch> taken = TakeCommittedFetches(*store_, run_, &urls);
  EXPECT_EQ(urls, std::vector<std::string>{"https://a.example/2"});
  ASSERT_EQ(taken.size(), 2u);
  std::vector<std::string> texts;
  for (const StoredFetch& f : taken) {
    ASSERT_TRUE(f.page);
    texts.push_back(f.fetch.url + " " + f.page->text);
  }
  std::sort(texts.begin(), texts.end());
  EXPECT_EQ(texts, (std::vector<std::string>{"https://a.example/1 first page", "https://a.example/3 third page"}));
}

TEST_F(ResumeTest, OtherRunsFetchesAreNotTaken) {
  int64_t other = store_->BeginRun("run");
  store_->SaveFetch(other, testing::OkFetch("https://a.example/1"), PageText{"text", "", "", ""}, "");
  std::vector<std::string> urls = {"https://a.example/1"};
  EXPECT_TRUE(TakeCommittedFetches(*store_, run_, &urls).empty());
  EXPECT_EQ(urls.size(), 1u);
}

// The store keeps URLs without credentials; the cited form is given back.
TEST_F(ResumeTest, CredentialedUrlIsFoundByItsStoredForm) {
  Commit("https://user:pw@a.example/private", "members only");
  std::vector<std::string> urls = {"https://user:pw@a.example/private"};
  std::vector<StoredFetch> taken = TakeCommittedFetches(*store_, run_, &urls);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].fetch.url, "https://user:pw@a.example/private");
  EXPECT_TRUE(urls.empty());
}

// Two cited URLs that differ only in their credentials share a stored form:
// which one the stored page was is unknown, so both are fetched again.
TEST_F(ResumeTest, AmbiguousStoredFormIsFetchedAgain) {
  Commit("https://one:pw@a.example/p", "whose?");
  std::vector<std::string> urls = {"https://one:pw@a.example/p", "https://two:pw@a.example/p"};
  EXPECT_TRUE(TakeCommittedFetches(*store_, run_, &urls).empty());
  EXPECT_EQ(urls.size(), 2u);
}

}  // namespace
}  // namespace citecheck
