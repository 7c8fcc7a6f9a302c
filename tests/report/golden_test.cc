// Golden-file tests: every format renders the stored fixture run exactly as
// tests/fixtures/report/golden/ holds it. After an intended change to a
// report, regenerate the goldens and review the diff:
//   CITECHECK_UPDATE_GOLDEN=1 build/tests/report_tests --gtest_filter='Golden*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>

#include "report/report.h"
#include "report/stored_fixture.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

struct GoldenCase {
  const char* format;
  const char* file;
};

// Ports of loopback servers and the run's dates vary between runs; the
// fixture fixes the dates, and this replaces any port that slips in.
std::string Normalize(const std::string& text) {
  return std::regex_replace(text, std::regex(R"(127\.0\.0\.1:\d+)"), "127.0.0.1:PORT");
}

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, MatchesTheGoldenFile) {
  const GoldenCase& c = GetParam();
  ::citecheck::testing::TempDir dir;
  const RunRecord run = ::citecheck::testing::StoredFixtureRun(dir.File("golden.db"));
  const std::string rendered = Normalize(MakeFormatter(c.format, {})->Render(run));
  const std::string path = ::citecheck::testing::FixturePath(std::string("report/golden/") + c.file);
  const char* update = std::getenv("CITECHECK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << rendered;
    GTEST_SKIP() << "wrote " << path;
  }
  std::string golden;
  try {
    golden = ::citecheck::testing::ReadFile(path);
  } catch (const std::exception& e) {
    FAIL() << "no golden file " << path << " (CITECHECK_UPDATE_GOLDEN=1 writes it): " << e.what();
  }
  EXPECT_TRUE(rendered == golden) << c.format << " report differs from " << path
                                  << "\n(if intended: CITECHECK_UPDATE_GOLDEN=1 and review the diff)\n"
                                  << rendered;
}

INSTANTIATE_TEST_SUITE_P(Formats, GoldenTest,
                         ::testing::Values(GoldenCase{"text", "report.txt"}, GoldenCase{"json", "report.json"},
                                           GoldenCase{"markdown", "report.md"},
                                           GoldenCase{"html", "report.html"},
                                           GoldenCase{"junit", "report.junit.xml"}),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) {
                           return std::string(info.param.format);
                         });

}  // namespace
}  // namespace citecheck
