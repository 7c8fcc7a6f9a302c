// End to end: bad input gets a clear message naming the problem and the
// documented exit code, never a crash.
#include <gtest/gtest.h>

#include "e2e/e2e_util.h"

namespace citecheck::testing {
namespace {

struct BadInput {
  const char* name;
  std::string content;  // written to a file named `name` unless `path` is set
  int exit_code;
  const char* message;  // expected on stderr
};

TEST(CheckInputErrorsTest, Table) {
  TempDir dir;
  const BadInput cases[] = {
      {"binary.md", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12), 2, "binary"},
      {"empty.md", "", 2, "empty"},
      {"blank.md", "  \n\n \t\n", 2, "empty"},
      {"invalid-utf8.md", "Line one is fine.\nLine two has a bad \xC3\x28 byte [1].\n", 2,
       "invalid-utf8.md:2:20"},
      {"no-citations.md", "# Title\n\nAn article that cites nothing at all.\n", 0, "no citations"},
      {"malformed-url.md", "It said \"one two three four\" [1].\n\n[1] http://exa mple.com/x\n", 1,
       "malformed-url.md:3"},
  };
  for (const auto& c : cases) {
    std::string path = dir.Write(c.name, c.content);
    RunOutput out = RunCitecheck({"check", path, "--db", dir.File("db.sqlite")});
    EXPECT_EQ(out.exit_code, c.exit_code) << c.name << "\n" << out.err;
    EXPECT_NE(out.err.find(c.message), std::string::npos) << c.name << ": " << out.err;
  }
}

TEST(CheckInputErrorsTest, MissingFileAndDirectory) {
  TempDir dir;
  RunOutput missing = RunCitecheck({"check", dir.File("nope.md"), "--db", dir.File("db.sqlite")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nope.md: no such file"), std::string::npos) << missing.err;
  RunOutput directory = RunCitecheck({"check", dir.path(), "--db", dir.File("db.sqlite")});
  EXPECT_EQ(directory.exit_code, 2);
  EXPECT_NE(directory.err.find("is a directory"), std::string::npos) << directory.err;
}

TEST(CheckInputErrorsTest, ReadableArticlesAreStillCheckedWhenOneIsBad) {
  TempDir dir;
  std::string good = dir.Write("good.md", "# Fine\n\nNothing cited here.\n");
  RunOutput out = RunCitecheck({"check", dir.File("missing.md"), good, "--format", "json", "--db",
                                dir.File("db.sqlite")});
  EXPECT_EQ(out.exit_code, 2);  // 2 wins over everything else
  auto report = nlohmann::json::parse(out.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << out.out;
  ASSERT_EQ(report["articles"].size(), 1u);
  EXPECT_NE(report["articles"][0]["source"].get<std::string>().find("good.md"), std::string::npos);
}

TEST(CheckInputErrorsTest, UsageAndConfigErrors) {
  TempDir dir;
  RunOutput no_args = RunCitecheck({"check"});
  EXPECT_EQ(no_args.exit_code, 2);
  RunOutput unknown_flag = RunCitecheck({"check", "--frobnicate", "x.md"});
  EXPECT_EQ(unknown_flag.exit_code, 2);
  std::string config = dir.Write("bad.json", R"({"fetch": {"timeout": 3}})");
  std::string article = dir.Write("a.md", "Hello.\n");
  RunOutput bad_config = RunCitecheck({"check", article, "--config", config, "--db", dir.File("db")});
  EXPECT_EQ(bad_config.exit_code, 2);
  EXPECT_NE(bad_config.err.find("unknown key \"fetch.timeout\""), std::string::npos) << bad_config.err;
  RunOutput bad_format = RunCitecheck({"check", article, "--format", "yaml", "--db", dir.File("db")});
  EXPECT_EQ(bad_format.exit_code, 2);
  EXPECT_NE(bad_format.err.find("yaml"), std::string::npos);
  RunOutput bad_range = RunCitecheck({"check", article, "--allow-private=10.0.0.0/99", "--db", dir.File("db")});
  EXPECT_EQ(bad_range.exit_code, 2);
  EXPECT_NE(bad_range.err.find("10.0.0.0/99"), std::string::npos) << bad_range.err;
}

TEST(CheckInputErrorsTest, StdinNeedsNoFile) {
  TempDir dir;
  RunOutput out = RunCitecheck({"check", "-", "--name", "from-stdin", "--format", "json", "--db",
                                dir.File("db.sqlite")},
                               "# Piped\n\nNo citations.\n");
  EXPECT_EQ(out.exit_code, 0) << out.err;
  auto report = nlohmann::json::parse(out.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << out.out;
  EXPECT_EQ(report["articles"][0]["source"], "from-stdin");
  EXPECT_EQ(report["articles"][0]["title"], "Piped");
}

}  // namespace
}  // namespace citecheck::testing
