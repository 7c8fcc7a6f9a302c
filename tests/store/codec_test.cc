#include "store/codec.h"

#include <gtest/gtest.h>

#include <regex>

#include "store/store.h"

namespace citecheck::store_internal {
namespace {

TEST(CodecTest, Sha256HexMatchesKnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(CodecTest, UtcNowIsIso8601Utc) {
  EXPECT_TRUE(std::regex_match(UtcNow(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))) << UtcNow();
}

TEST(CodecTest, InvalidUtf8IsReplacedNotThrown) {
  std::vector<std::string> ids = {"ok", std::string("bad\xff\xfe", 5)};
  std::vector<std::string> back = DecodeStrings(EncodeStrings(ids), "test");
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0], "ok");
  EXPECT_EQ(back[1].substr(0, 3), "bad");
  Evidence e;
  e.snippet = std::string("\xc3", 1);
  EXPECT_NO_THROW(DecodeEvidence(EncodeEvidence(e), "test"));
}

TEST(CodecTest, DamagedJsonIsAStoreError) {
  EXPECT_THROW(DecodeEvidence("{not json", "quote 1"), StoreError);
  EXPECT_THROW(DecodeDiagnostics("[{\"line\": 1}]", "x"), StoreError);
  EXPECT_THROW(DecodeStrings("{}", "x"), StoreError);
}

}  // namespace
}  // namespace citecheck::store_internal
