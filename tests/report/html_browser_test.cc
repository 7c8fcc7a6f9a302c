// The HTML report in a real browser: headless Chromium (Debian package
// `chromium`, installed by scripts/setup) loads the report of the stored
// fixture run from a file:// path. The rendered DOM must show the summary
// counts, one entry per quote and the highlights, and the script payloads
// carried by the article and the page must not have run. A screenshot is
// kept as a test artefact (<build>/test-artifacts/, or
// $CITECHECK_ARTIFACT_DIR).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "report/report.h"
#include "report/stored_fixture.h"
#include "support/run_binary.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

namespace fs = std::filesystem;

// The chromium binary on PATH, or empty.
std::string FindChromium() {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    for (const char* name : {"chromium", "chromium-browser"}) {
      fs::path candidate = fs::path(dir) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
  }
  return "";
}

std::string ArtifactDir() {
  const char* dir = std::getenv("CITECHECK_ARTIFACT_DIR");
  fs::path path = fs::absolute(dir ? dir : CITECHECK_DEFAULT_ARTIFACT_DIR);
  fs::create_directories(path);
  return path.string();
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

class HtmlBrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = FindChromium();
    ASSERT_FALSE(chromium_.empty())
        << "chromium is not installed: the HTML report's browser test needs it. Run scripts/setup "
           "(it installs the Debian package `chromium`).";
    run_ = ::citecheck::testing::StoredFixtureRun(dir_.File("browser.db"));
    report_ = dir_.Write("report.html", MakeFormatter("html", {})->Render(run_));
  }

  // Runs headless Chromium on the report with `extra` arguments (bounded in
  // time by timeout(1), so a hung browser fails the test instead of CI).
  ::citecheck::testing::RunOutput Chromium(const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"120", chromium_, "--headless", "--no-sandbox", "--disable-gpu",
                                     "--no-first-run", "--disable-background-networking",
                                     "--disable-component-update", "--disable-sync",
                                     "--user-data-dir=" + dir_.File("profile")};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("file://" + report_);
    return ::citecheck::testing::RunBinary("/usr/bin/timeout", args);
  }

  ::citecheck::testing::TempDir dir_;
  std::string chromium_;
  RunRecord run_;
  std::string report_;
};

TEST_F(HtmlBrowserTest, RendersEntriesAndHighlightsAndRunsNoPayload) {
  const auto result = Chromium({"--dump-dom"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string& dom = result.out;
  ASSERT_NE(dom.find("</html>"), std::string::npos) << "no DOM dumped:\n" << result.err;

  // Summary counts, as the store holds them.
  EXPECT_NE(dom.find("data-count=\"quotes\">7<"), std::string::npos) << dom;
  EXPECT_NE(dom.find("data-count=\"verified\">1<"), std::string::npos);
  EXPECT_NE(dom.find("data-count=\"near_match\">2<"), std::string::npos);
  EXPECT_NE(dom.find("data-count=\"not_found\">1<"), std::string::npos);
  EXPECT_NE(dom.find("data-count=\"link-broken\">1<"), std::string::npos);
  // One entry per quote, all visible (no filter chosen), in article order.
  EXPECT_EQ(Count(dom, "<li class=\"entry "), run_.articles[0].quotes.size());
  EXPECT_EQ(Count(dom, " hidden\""), 0u);
  EXPECT_LT(dom.find("line 4:61"), dom.find("line 15:3"));
  // Highlights: the match, and the differing words of a near_match.
  EXPECT_NE(dom.find("<mark class=\"match\">"), std::string::npos);
  EXPECT_NE(dom.find("<mark class=\"diff\">almost</mark>"), std::string::npos);

  // The payloads are text, not markup, and did not run.
  EXPECT_EQ(dom.find("data-pwned=\""), std::string::npos) << "the onerror payload ran";
  std::smatch title;
  ASSERT_TRUE(std::regex_search(dom, title, std::regex("<title>([^<]*)</title>")));
  EXPECT_EQ(title[1].str(), "citecheck report: Harbour library &lt;b&gt;reopens&lt;/b&gt; &amp; more");
  EXPECT_EQ(dom.find("pwned</title>"), std::string::npos);
  EXPECT_NE(dom.find("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(Count(dom, "<script"), 1u);  // only the report's own
  EXPECT_EQ(Count(dom, "<img"), 0u);
  EXPECT_EQ(dom.find("href=\"javascript:"), std::string::npos);
  // The report's own script ran under its CSP (it marks <html> and reveals the filters).
  EXPECT_NE(dom.find("<html lang=\"en\" class=\"js\">"), std::string::npos);
}

TEST_F(HtmlBrowserTest, SavesAScreenshot) {
  const std::string png = ArtifactDir() + "/html_report.png";
  fs::remove(png);
  const auto result = Chromium({"--screenshot=" + png, "--window-size=1200,1600", "--hide-scrollbars"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ASSERT_TRUE(fs::exists(png)) << result.err;
  std::ifstream in(png, std::ios::binary);
  char magic[8] = {};
  in.read(magic, sizeof magic);
  EXPECT_EQ(std::string(magic + 1, 3), "PNG");
  EXPECT_GT(fs::file_size(png), 10000u);
  std::cout << "screenshot: " << png << "\n";
}

}  // namespace
}  // namespace citecheck
