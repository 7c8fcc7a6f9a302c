// Web sessions on a real SQLite file: the cookie's secret finds its session
// until it expires or is ended; a changed, short or foreign secret finds
// nothing; the store keeps only the secret's hash.
#include "web/session.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace citecheck {
namespace {

constexpr int64_t kNow = 1800000000;

TEST(SessionTest, ASecretFindsItsSessionUntilItExpires) {
  testing::TempDir dir;
  auto store = Store::Open(dir.File("c.db"));
  NewSession created = StartSession(*store, "ada", kNow);
  ASSERT_EQ(created.secret.size(), 64u);
  EXPECT_NE(created.session.id_hash, created.secret);
  EXPECT_EQ(created.session.expires_at, kNow + 12 * 3600);
  auto found = FindSession(*store, created.secret, kNow + 12 * 3600 - 1);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->reviewer, "ada");
  EXPECT_EQ(found->csrf, created.session.csrf);
  EXPECT_FALSE(FindSession(*store, created.secret, kNow + 12 * 3600)) << "expired at 12 h";
  EXPECT_FALSE(store->FindWebSession(created.session.id_hash)) << "and deleted";
}

TEST(SessionTest, ChangedOrMalformedSecretsFindNothing) {
  testing::TempDir dir;
  auto store = Store::Open(dir.File("c.db"));
  NewSession created = StartSession(*store, "ada", kNow);
  std::string changed = created.secret;
  changed[0] = changed[0] == '0' ? '1' : '0';
  for (const std::string& bad : {changed, created.secret.substr(1), created.secret + "a", std::string(),
                                 created.session.id_hash, std::string(64, 'G')}) {
    EXPECT_FALSE(FindSession(*store, bad, kNow)) << bad;
  }
  EXPECT_TRUE(FindSession(*store, created.secret, kNow));
}

TEST(SessionTest, EndingASessionAndReopeningTheStore) {
  testing::TempDir dir;
  NewSession kept, ended;
  {
    auto store = Store::Open(dir.File("c.db"));
    kept = StartSession(*store, "ada", kNow);
    ended = StartSession(*store, "bob", kNow);
    EXPECT_NE(kept.secret, ended.secret);
    EXPECT_NE(kept.session.csrf, ended.session.csrf);
    EndSession(*store, ended.secret);
  }
  auto reopened = Store::Open(dir.File("c.db"));
  EXPECT_TRUE(FindSession(*reopened, kept.secret, kNow + 60));
  EXPECT_FALSE(FindSession(*reopened, ended.secret, kNow + 60));
}

TEST(SessionTest, StartingASessionRemovesExpiredOnes) {
  testing::TempDir dir;
  auto store = Store::Open(dir.File("c.db"));
  NewSession old = StartSession(*store, "ada", kNow);
  StartSession(*store, "bob", kNow + kSessionSeconds + 1);
  EXPECT_FALSE(store->FindWebSession(old.session.id_hash));
}

TEST(SessionTest, SecretsCompareByContent) {
  EXPECT_TRUE(SecretsEqual("abc", "abc"));
  EXPECT_FALSE(SecretsEqual("abc", "abd"));
  EXPECT_FALSE(SecretsEqual("abc", "abcd"));
  EXPECT_FALSE(SecretsEqual("", "")) << "an empty token never matches";
}

}  // namespace
}  // namespace citecheck
