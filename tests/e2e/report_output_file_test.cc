// `-o FILE`: the report is written beside its final name and renamed when
// complete, so a failed report (unknown format, no run) leaves an existing
// file as it was and no partial file behind.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e/e2e_util.h"
#include "support/temp_dir.h"

namespace citecheck::testing {
namespace {

size_t FilesIn(const std::string& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

TEST(ReportOutputFileTest, AFailedReportLeavesTheExistingFileAlone) {
  TempDir dir;
  TempDir out_dir;
  const std::string output = out_dir.Write("report.html", "the reviewer's saved report");
  // No run stored yet.
  RunOutput none = RunCitecheck({"report", "--db", dir.File("c.db"), "--format", "html", "-o", output});
  EXPECT_EQ(none.exit_code, 2) << none.err;
  EXPECT_NE(none.err.find("no runs stored yet"), std::string::npos) << none.err;
  EXPECT_EQ(ReadFile(output), "the reviewer's saved report");

  // A run, then an unknown format.
  dir.Write("a.md", "# A\n\nHe said \"nothing at all was said here\".\n");
  ASSERT_NE(RunCitecheck({"check", dir.File("a.md"), "--db", dir.File("c.db")}).exit_code, 2);
  RunOutput unknown = RunCitecheck({"report", "--db", dir.File("c.db"), "--format", "pdf", "-o", output});
  EXPECT_EQ(unknown.exit_code, 2) << unknown.err;
  EXPECT_EQ(ReadFile(output), "the reviewer's saved report");
  EXPECT_EQ(FilesIn(out_dir.path()), 1u);  // no partial file left

  RunOutput ok = RunCitecheck({"report", "--db", dir.File("c.db"), "--format", "json", "-o", output});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ReadFile(output).find("\"schema\": \"citecheck.report/1\""), std::string::npos);
  EXPECT_EQ(FilesIn(out_dir.path()), 1u);
}

}  // namespace
}  // namespace citecheck::testing
