// `cmake --install BUILD --prefix DIR` into a temporary prefix: every file
// lands where the packaging promises, the systemd units name the files of
// that prefix (no @...@ left), the installed binaries run, and the units pass
// `systemd-analyze verify` (which also finds their man pages) when
// systemd-analyze is installed.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/run_binary.h"
#include "support/temp_dir.h"

namespace citecheck::testing {
namespace {

namespace fs = std::filesystem;

class InstallTreeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!CITECHECK_INSTALL_STAYS_IN_PREFIX) return;
    prefix_ = new TempDir();
    install_ = new RunOutput(
        RunBinary(CITECHECK_CMAKE_COMMAND, {"--install", CITECHECK_BUILD_DIR, "--prefix", prefix_->path()}));
  }
  static void TearDownTestSuite() {
    delete install_;
    delete prefix_;
  }
  void SetUp() override {
    if (!CITECHECK_INSTALL_STAYS_IN_PREFIX) {
      GTEST_SKIP() << "this build installs outside its prefix (prefix /usr: the config goes to /etc)";
    }
    ASSERT_EQ(install_->exit_code, 0) << install_->out << install_->err;
  }
  static std::string Path(const std::string& relative) { return prefix_->File(relative); }

  static TempDir* prefix_;
  static RunOutput* install_;
};

TempDir* InstallTreeTest::prefix_ = nullptr;
RunOutput* InstallTreeTest::install_ = nullptr;

TEST_F(InstallTreeTest, InstallsEveryPiece) {
  for (const char* file :
       {"bin/citecheck", "bin/citecheckd", "etc/citecheck/config.json", "lib/systemd/system/citecheckd.service",
        "lib/systemd/system/citecheck-run.service", "lib/systemd/system/citecheck-run.timer",
        "share/bash-completion/completions/citecheck", "share/doc/citecheck/README.md",
        "share/doc/citecheck/examples/citecheck.json", "share/doc/citecheck/examples/citecheckd.json",
        "share/citecheck/examples/article.md", "share/citecheck/examples/sources/council-report.html"}) {
    EXPECT_TRUE(fs::is_regular_file(Path(file))) << file;
  }
  bool man1 = fs::exists(Path("share/man/man1/citecheck.1.gz")) || fs::exists(Path("share/man/man1/citecheck.1"));
  bool man8 = fs::exists(Path("share/man/man8/citecheckd.8.gz")) || fs::exists(Path("share/man/man8/citecheckd.8"));
  EXPECT_TRUE(man1 && man8);
  EXPECT_FALSE(fs::exists(Path("share/doc/citecheck/docs/man"))) << "the man sources are installed as docs";
  // The system-wide config is the one with every key at its default.
  EXPECT_EQ(ReadFile(Path("etc/citecheck/config.json")),
            ReadFile(std::string(CITECHECK_SOURCE_DIR) + "/config/citecheck.json"));
}

TEST_F(InstallTreeTest, UnitsNameTheInstalledFiles) {
  const std::string daemon = ReadFile(Path("lib/systemd/system/citecheckd.service"));
  const std::string run = ReadFile(Path("lib/systemd/system/citecheck-run.service"));
  const std::string config = Path("etc/citecheck/config.json");
  EXPECT_NE(daemon.find("\nExecStart=" + Path("bin/citecheckd") + " --config " + config + " "), std::string::npos)
      << daemon;
  EXPECT_NE(run.find("\nExecStart=" + Path("bin/citecheck") + " run --all --config " + config + " "),
            std::string::npos)
      << run;
  EXPECT_NE(daemon.find("file://" + Path("share/doc/citecheck/README.md")), std::string::npos);
  EXPECT_EQ(daemon.find('@'), std::string::npos) << "a placeholder is left";
  EXPECT_EQ(run.find('@'), std::string::npos) << "a placeholder is left";
}

TEST_F(InstallTreeTest, InstalledBinariesRun) {
  RunOutput version = RunBinary(Path("bin/citecheck"), {"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, std::string("citecheck ") + CITECHECK_VERSION + "\n");
  EXPECT_EQ(RunBinary(Path("bin/citecheckd"), {"--version"}).exit_code, 0);
}

TEST_F(InstallTreeTest, UnitsPassSystemdAnalyzeVerify) {
  std::string analyze;
  for (const char* candidate : {"/usr/bin/systemd-analyze", "/bin/systemd-analyze"}) {
    if (fs::exists(candidate)) analyze = candidate;
  }
  if (analyze.empty()) GTEST_SKIP() << "systemd-analyze is not installed";
  std::vector<std::string> args = {"verify", Path("lib/systemd/system/citecheckd.service"),
                                   Path("lib/systemd/system/citecheck-run.service"),
                                   Path("lib/systemd/system/citecheck-run.timer")};
  // verify runs man for the units' Documentation= pages (the installed ones),
  // unless there is no man to run.
  if (!fs::exists("/usr/bin/man")) args.push_back("--man=no");
  RunOutput verify = RunBinary(analyze, args, "", {"MANPATH=" + Path("share/man")});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_EQ((verify.out + verify.err).find("citecheck"), std::string::npos) << verify.out << verify.err;
}

}  // namespace
}  // namespace citecheck::testing
