// docs/statuses.md names every link status and quote verdict the code has,
// and nothing else, in its two tables.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/status.h"
#include "docs/docs_util.h"

namespace citecheck::testing {
namespace {

// Every name ToString gives over the enum's values. The enums have no count,
// so this walks well past the last value: ToString says "unknown" there.
template <typename Enum>
std::set<std::string> AllNames() {
  std::set<std::string> names;
  for (int i = 0; i < 64; ++i) {
    std::string name(ToString(static_cast<Enum>(i)));
    if (name != "unknown") names.insert(name);
  }
  return names;
}

TEST(StatusesDocsTest, EveryLinkStatusIsDocumented) {
  std::set<std::string> names = AllNames<LinkStatus>();
  ASSERT_GE(names.size(), 7u);
  std::set<std::string> documented = TableNames(Section(ReadDoc("statuses.md"), "Link statuses"));
  for (const std::string& name : names) {
    EXPECT_TRUE(documented.count(name)) << "link status \"" << name << "\" is not in docs/statuses.md";
  }
  for (const std::string& name : documented) {
    EXPECT_TRUE(ParseLinkStatus(name).has_value())
        << "docs/statuses.md lists \"" << name << "\", which is no link status";
  }
}

TEST(StatusesDocsTest, EveryQuoteVerdictIsDocumented) {
  std::set<std::string> names = AllNames<QuoteStatus>();
  ASSERT_GE(names.size(), 6u);
  std::set<std::string> documented = TableNames(Section(ReadDoc("statuses.md"), "Quote verdicts"));
  for (const std::string& name : names) {
    EXPECT_TRUE(documented.count(name)) << "verdict \"" << name << "\" is not in docs/statuses.md";
  }
  for (const std::string& name : documented) {
    EXPECT_TRUE(ParseQuoteStatus(name).has_value())
        << "docs/statuses.md lists \"" << name << "\", which is no verdict";
  }
}

}  // namespace
}  // namespace citecheck::testing
