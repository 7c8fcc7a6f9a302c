// --allow-private is taken out before CLI11 parses, so it never swallows the
// article path that follows it.
#include "config/allow_private_flag.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

std::vector<std::string> Extract(std::vector<std::string> args, std::optional<std::string>* value) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  return ExtractAllowPrivate(static_cast<int>(argv.size()), argv.data(), value);
}

TEST(AllowPrivateFlagTest, BareFlagKeepsTheNextArgument) {
  std::optional<std::string> value;
  EXPECT_EQ(Extract({"citecheck", "check", "--allow-private", "a.md"}, &value),
            (std::vector<std::string>{"citecheck", "check", "a.md"}));
  ASSERT_TRUE(value);
  EXPECT_EQ(*value, "");
}

TEST(AllowPrivateFlagTest, ListIsTakenAndTheLastOneWins) {
  std::optional<std::string> value;
  EXPECT_EQ(Extract({"x", "--allow-private=10.0.0.0/8", "--allow-private=127.0.0.1", "b.md"}, &value),
            (std::vector<std::string>{"x", "b.md"}));
  ASSERT_TRUE(value);
  EXPECT_EQ(*value, "127.0.0.1");
}

TEST(AllowPrivateFlagTest, AbsentLeavesEverything) {
  std::optional<std::string> value;
  EXPECT_EQ(Extract({"x", "--allow-privateish", "c.md"}, &value),
            (std::vector<std::string>{"x", "--allow-privateish", "c.md"}));
  EXPECT_FALSE(value);
}

}  // namespace
}  // namespace citecheck
