#include "config/config.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "support/temp_dir.h"

namespace citecheck {
namespace {

TEST(ConfigTest, BundledConfigParsesAndHoldsTheDefaults) {
  Config config;
  std::string text = testing::ReadFile(std::string(CITECHECK_SOURCE_DIR) + "/config/citecheck.json");
  ConfigStatus status = ApplyConfigText(text, "config/citecheck.json", &config);
  ASSERT_TRUE(status.ok) << status.error;
  Config defaults;
  EXPECT_EQ(config.fetch.concurrency, defaults.fetch.concurrency);
  EXPECT_EQ(config.fetch.per_host_concurrency, defaults.fetch.per_host_concurrency);
  EXPECT_EQ(config.fetch.per_host_interval_ms, defaults.fetch.per_host_interval_ms);
  EXPECT_EQ(config.fetch.timeout_s, defaults.fetch.timeout_s);
  EXPECT_EQ(config.fetch.max_body_bytes, defaults.fetch.max_body_bytes);
  EXPECT_EQ(config.fetch.retries, defaults.fetch.retries);
  EXPECT_EQ(config.fetch.allow_all_private, defaults.fetch.allow_all_private);
  EXPECT_EQ(config.fetch.cache_max_age_s, defaults.fetch.cache_max_age_s);
  EXPECT_EQ(config.min_quote_words, defaults.min_quote_words);
  EXPECT_DOUBLE_EQ(config.match.near_threshold, defaults.match.near_threshold);
  EXPECT_EQ(config.daemon.listen, defaults.daemon.listen);
  EXPECT_EQ(config.daemon.schedule, defaults.daemon.schedule);
  EXPECT_EQ(config.daemon.max_request_bytes, defaults.daemon.max_request_bytes);
}

TEST(ConfigTest, NestedKeysSetFields) {
  Config config;
  ConfigStatus status = ApplyConfigText(
      R"({"db": "/tmp/x.db", "fetch": {"timeout_s": 5, "allow_private_networks": ["127.0.0.2/32"],
          "exclude": ["^https://skip\\."], "hosts": {"example.org": {"per_host_interval_ms": 0}}},
          "match": {"min_quote_words": 6}})",
      "test.json", &config);
  ASSERT_TRUE(status.ok) << status.error;
  EXPECT_EQ(config.db, "/tmp/x.db");
  EXPECT_EQ(config.fetch.timeout_s, 5);
  EXPECT_FALSE(config.fetch.allow_all_private);
  ASSERT_EQ(config.fetch.allowed_private_ranges.size(), 1u);
  EXPECT_EQ(config.fetch.exclude.size(), 1u);
  ASSERT_EQ(config.fetch.hosts.count("example.org"), 1u);
  EXPECT_EQ(config.fetch.hosts["example.org"].interval_ms, 0);
  EXPECT_EQ(config.fetch.hosts["example.org"].concurrency, 2);
  EXPECT_EQ(config.min_quote_words, 6);
}

struct BadConfig {
  const char* json;
  const char* expected_in_error;
};

TEST(ConfigTest, BadKeysAndValuesAreNamed) {
  const BadConfig cases[] = {
      {R"({"fetch": {"timeoutt_s": 5}})", "unknown key \"fetch.timeoutt_s\""},
      {R"({"colour": true})", "unknown key \"colour\""},
      {R"({"fetch": {"timeout_s": "5"}})", "fetch.timeout_s: expected an integer"},
      {R"({"fetch": {"concurrency": 0}})", "fetch.concurrency: expected an integer from 1"},
      {R"({"fetch": {"allow_private_networks": ["10.0.0.0/33"]}})", "fetch.allow_private_networks"},
      {R"({"fetch": {"exclude": ["(unclosed"]}})", "fetch.exclude"},
      {R"({"fetch": {"hosts": {"a.org": {"speed": 1}}}})", "\"a.org\".speed: unknown key"},
      {R"({"match": {"near_threshold": 2}})", "match.near_threshold"},
      {R"({"fetch": {"cache_max_age_s": -1}})", "fetch.cache_max_age_s: expected a non-negative integer"},
      {R"({"daemon": {"max_request_bytes": 10}})", "daemon.max_request_bytes: expected an integer from 1024"},
      {R"({"daemon": {"lease_s": 1}})", "daemon.lease_s: expected an integer from 2"},
      {R"({"daemon": {"lease_s": 30}, "fetch": {"timeout_s": 30}})",
       "daemon.lease_s (30) must be longer than fetch.timeout_s (30)"},
      {R"({"daemon": {"lease_s": 60}, "fetch": {"timeout_s": 90}})",
       "daemon.lease_s (60) must be longer than fetch.timeout_s (90)"},
      {R"({"fetch": 3})", "fetch: expected an object"},
      {R"([1, 2])", "expected a JSON object"},
      {R"({"db": )", "invalid JSON"},
  };
  for (const auto& c : cases) {
    Config config;
    ConfigStatus status = ApplyConfigText(c.json, "bad.json", &config);
    EXPECT_FALSE(status.ok) << c.json;
    EXPECT_NE(status.error.find(c.expected_in_error), std::string::npos) << status.error;
    EXPECT_EQ(status.error.rfind("bad.json: ", 0), 0u) << status.error;
  }
}

TEST(ConfigTest, LeaseJustAboveTheFetchTimeoutIsAccepted) {
  Config config;
  ConfigStatus status = ApplyConfigText(R"({"daemon": {"lease_s": 31}, "fetch": {"timeout_s": 30}})", "ok.json", &config);
  ASSERT_TRUE(status.ok) << status.error;
  EXPECT_EQ(config.daemon.lease_s, 31);
  // Unset, the lease grows with a long timeout instead of refusing the file.
  Config longer;
  status = ApplyConfigText(R"({"fetch": {"timeout_s": 90}})", "ok.json", &longer);
  ASSERT_TRUE(status.ok) << status.error;
  EXPECT_EQ(longer.daemon.lease_s, 180);
}

TEST(ConfigTest, LookupOrderExplicitThenEnvironment) {
  testing::TempDir dir;
  std::string a = dir.Write("a.json", R"({"fetch": {"timeout_s": 7}})");
  std::string b = dir.Write("b.json", R"({"fetch": {"timeout_s": 9}})");
  setenv("CITECHECK_CONFIG", b.c_str(), 1);
  setenv("HOME", dir.path().c_str(), 1);  // no ~/.config/citecheck/config.json there
  Config from_flag;
  ASSERT_TRUE(LoadConfig(a, &from_flag).ok);
  EXPECT_EQ(from_flag.fetch.timeout_s, 7);
  EXPECT_EQ(from_flag.loaded_from, a);
  Config from_env;
  ASSERT_TRUE(LoadConfig("", &from_env).ok);
  EXPECT_EQ(from_env.fetch.timeout_s, 9);
  setenv("CITECHECK_CONFIG", dir.File("missing.json").c_str(), 1);
  Config missing;
  ConfigStatus status = LoadConfig("", &missing);
  EXPECT_FALSE(status.ok);
  EXPECT_NE(status.error.find("missing.json"), std::string::npos);
  unsetenv("CITECHECK_CONFIG");
  dir.Write(".config/citecheck/config.json", R"({"fetch": {"timeout_s": 11}})");
  Config from_home;
  ASSERT_TRUE(LoadConfig("", &from_home).ok);
  EXPECT_EQ(from_home.fetch.timeout_s, 11);  // ~/.config wins over /etc
}

TEST(ConfigTest, AllowPrivateFlagValues) {
  FetchOptions fetch;
  EXPECT_TRUE(ApplyAllowPrivate("", &fetch).ok);
  EXPECT_TRUE(fetch.allow_all_private);
  ASSERT_TRUE(ApplyAllowPrivate("127.0.0.2/32,::1", &fetch).ok);
  EXPECT_FALSE(fetch.allow_all_private);
  EXPECT_EQ(fetch.allowed_private_ranges.size(), 2u);
  ConfigStatus bad = ApplyAllowPrivate("127.0.0.300", &fetch);
  EXPECT_FALSE(bad.ok);
  EXPECT_NE(bad.error.find("127.0.0.300"), std::string::npos) << bad.error;
}

}  // namespace
}  // namespace citecheck
