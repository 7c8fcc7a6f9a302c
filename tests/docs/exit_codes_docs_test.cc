// docs/exit-codes.md lists the exit codes the real binaries give: each code
// below is produced by running them, and must be a row of the page's table.
#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <sstream>
#include <string>

#include "docs/docs_util.h"
#include "support/run_binary.h"
#include "support/temp_dir.h"

namespace citecheck::testing {
namespace {

// The codes of the table under `heading` ("| 0 | ..." rows).
std::set<int> DocumentedCodes(const std::string& heading) {
  std::set<int> codes;
  std::istringstream in(Section(ReadDoc("exit-codes.md"), heading));
  for (std::string line; std::getline(in, line);) {
    if (line.size() > 3 && line[0] == '|' && std::isdigit(static_cast<unsigned char>(line[2]))) {
      codes.insert(std::stoi(line.substr(2)));
    }
  }
  return codes;
}

TEST(ExitCodesDocsTest, CitecheckCodesAreTheDocumentedOnes) {
  TempDir dir;
  const std::string db = dir.File("c.db");
  std::set<int> seen;
  // 0: nothing to fail (an article without citations exits 0 with a warning).
  RunOutput clean =
      RunCitecheck({"check", dir.Write("clean.md", "# Plain\n\nNo sources here at all.\n"), "--db", db});
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  seen.insert(clean.exit_code);
  // 1: a problem (a marker without a reference entry is unresolved; nothing is fetched).
  RunOutput problem = RunCitecheck(
      {"check",
       dir.Write("problem.md", "# Claims\n\nShe said \"the results were never published anywhere\" [1].\n"),
       "--db", db});
  EXPECT_EQ(problem.exit_code, 1) << problem.err;
  seen.insert(problem.exit_code);
  // 2: an input error.
  RunOutput missing = RunCitecheck({"check", dir.File("missing.md"), "--db", db});
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
  seen.insert(missing.exit_code);
  EXPECT_EQ(DocumentedCodes("citecheck"), seen);
}

TEST(ExitCodesDocsTest, CitecheckdUsageErrorIsDocumented) {
  RunOutput bad = RunBinary(CITECHECKD_BINARY, {"--no-such-flag"});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  std::set<int> documented = DocumentedCodes("citecheckd");
  EXPECT_TRUE(documented.count(bad.exit_code));
  EXPECT_TRUE(documented.count(0)) << "a stop by SIGTERM exits 0";
}

}  // namespace
}  // namespace citecheck::testing
