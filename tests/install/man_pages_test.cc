// docs/man/citecheck.1 and citecheckd.8 against the built binaries: every
// flag --help prints (each subcommand's too) is in the synopsis of that
// subcommand and has an entry under OPTIONS, no flag is documented that the
// binaries do not take, every subcommand is described, every key of
// config/citecheck.json is documented, the version is the binary's, and groff
// formats the pages without a warning.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "install/help_flags.h"
#include "install/roff_page.h"
#include "support/run_binary.h"
#include "support/temp_dir.h"

namespace citecheck::testing {
namespace {

const std::string kManDir = std::string(CITECHECK_SOURCE_DIR) + "/docs/man/";
const std::set<std::string> kHelpFlags = {"-h", "--help"};

// The flags the OPTIONS entries of `page` describe.
std::set<std::string> OptionEntries(const RoffPage& page) {
  std::set<std::string> flags;
  for (const std::string& tag : page.Tags("OPTIONS")) {
    for (const std::string& flag : FlagsIn(tag)) flags.insert(flag);
  }
  return flags;
}

// Checks the synopsis block of `subcommand` against its --help: the same
// flags, but for -h/--help, which the synopsis of the command itself shows.
void ExpectSynopsisMatchesHelp(const RoffPage& page, const std::string& binary, const std::string& subcommand) {
  SCOPED_TRACE(binary + " " + subcommand);
  ASSERT_TRUE(page.HasSynopsis(subcommand)) << "no .SY block for \"" << subcommand << "\"";
  std::set<std::string> help = HelpFlags(binary, subcommand);
  ASSERT_FALSE(help.empty());
  std::set<std::string> synopsis = page.SynopsisFlags(subcommand);
  std::set<std::string> entries = OptionEntries(page);
  for (const std::string& flag : help) {
    if (!subcommand.empty() && kHelpFlags.count(flag)) continue;
    EXPECT_TRUE(synopsis.count(flag)) << flag << " is missing from the synopsis";
    EXPECT_TRUE(entries.count(flag)) << flag << " has no entry under OPTIONS";
  }
  for (const std::string& flag : synopsis) {
    EXPECT_TRUE(help.count(flag)) << "the synopsis shows " << flag << ", which --help does not list";
  }
}

TEST(ManPagesTest, CitecheckSynopsisHasEveryFlagOfEverySubcommand) {
  RoffPage page(kManDir + "citecheck.1");
  std::vector<std::string> subcommands = CitecheckSubcommands();
  ASSERT_GE(subcommands.size(), 6u);
  for (const std::string& subcommand : subcommands) ExpectSynopsisMatchesHelp(page, CITECHECK_BINARY, subcommand);
  ExpectSynopsisMatchesHelp(page, CITECHECK_BINARY, "");
}

TEST(ManPagesTest, CitecheckDescribesEverySubcommand) {
  RoffPage page(kManDir + "citecheck.1");
  std::set<std::string> described;
  for (const std::string& tag : page.Tags("COMMANDS")) described.insert(tag.substr(tag.find(' ') + 1));
  std::vector<std::string> subcommands = CitecheckSubcommands();
  for (const std::string& subcommand : subcommands) {
    EXPECT_TRUE(described.count(subcommand)) << subcommand << " has no entry under COMMANDS";
  }
  EXPECT_EQ(described.size(), subcommands.size()) << "COMMANDS describes a subcommand --help does not list";
}

TEST(ManPagesTest, CitecheckdSynopsisHasEveryFlag) {
  RoffPage page(kManDir + "citecheckd.8");
  ExpectSynopsisMatchesHelp(page, CITECHECKD_BINARY, "");
}

TEST(ManPagesTest, NoPageDocumentsAFlagTheBinariesDoNotTake) {
  std::set<std::string> citecheck = HelpFlags(CITECHECK_BINARY);
  for (const std::string& subcommand : CitecheckSubcommands()) {
    for (const std::string& flag : HelpFlags(CITECHECK_BINARY, subcommand)) citecheck.insert(flag);
  }
  for (const std::string& flag : OptionEntries(RoffPage(kManDir + "citecheck.1"))) {
    EXPECT_TRUE(citecheck.count(flag)) << "citecheck.1 documents " << flag << ", which no --help lists";
  }
  std::set<std::string> citecheckd = HelpFlags(CITECHECKD_BINARY);
  for (const std::string& flag : OptionEntries(RoffPage(kManDir + "citecheckd.8"))) {
    EXPECT_TRUE(citecheckd.count(flag)) << "citecheckd.8 documents " << flag << ", which --help does not list";
  }
}

// Key paths of the leaves of a config object ("fetch.timeout_s"; an empty
// object such as "fetch.hosts" is a leaf).
void CollectKeys(const nlohmann::json& object, const std::string& prefix, std::vector<std::string>* keys) {
  for (const auto& [key, value] : object.items()) {
    std::string path = prefix.empty() ? key : prefix + "." + key;
    if (value.is_object() && !value.empty()) {
      CollectKeys(value, path, keys);
    } else {
      keys->push_back(path);
    }
  }
}

bool TagsMention(const RoffPage& page, const std::string& key) {
  for (const std::string& tag : page.Tags("CONFIGURATION")) {
    if (ContainsWord(tag, key)) return true;
  }
  return false;
}

TEST(ManPagesTest, EveryConfigKeyIsDocumented) {
  const std::string path = std::string(CITECHECK_SOURCE_DIR) + "/config/citecheck.json";
  nlohmann::json config = nlohmann::json::parse(ReadFile(path), nullptr, /*allow_exceptions=*/true,
                                                /*ignore_comments=*/true);
  std::vector<std::string> keys;
  CollectKeys(config, "", &keys);
  ASSERT_GE(keys.size(), 20u);
  RoffPage citecheck(kManDir + "citecheck.1");
  RoffPage citecheckd(kManDir + "citecheckd.8");
  for (const std::string& key : keys) {
    const bool daemon = key.rfind("daemon.", 0) == 0;
    const RoffPage& page = daemon ? citecheckd : citecheck;
    EXPECT_TRUE(TagsMention(page, key)) << key << " (config/citecheck.json) has no entry under CONFIGURATION in "
                                        << (daemon ? "citecheckd.8" : "citecheck.1");
  }
}

TEST(ManPagesTest, PagesCarryTheBinariesVersion) {
  for (const auto& [binary, page] : {std::pair{std::string(CITECHECK_BINARY), std::string("citecheck.1")},
                                     std::pair{std::string(CITECHECKD_BINARY), std::string("citecheckd.8")}}) {
    RunOutput version = RunBinary(binary, {"--version"});
    ASSERT_EQ(version.exit_code, 0);
    std::string number = version.out.substr(version.out.find(' ') + 1);
    number = number.substr(0, number.find('\n'));
    ASSERT_FALSE(number.empty());
    EXPECT_NE(RoffPage(kManDir + page).title().find("\"citecheck " + number + "\""), std::string::npos)
        << page << " .TH does not say citecheck " << number;
  }
}

TEST(ManPagesTest, PagesHaveTheUsualSections) {
  for (const std::string page : {"citecheck.1", "citecheckd.8"}) {
    std::vector<std::string> sections = RoffPage(kManDir + page).Sections();
    for (const char* wanted : {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "ENVIRONMENT",
                                      "FILES", "EXAMPLES", "SEE ALSO"}) {
      EXPECT_NE(std::find(sections.begin(), sections.end(), wanted), sections.end()) << page << ": no " << wanted;
    }
  }
}

TEST(ManPagesTest, PagesFormatWithoutWarnings) {
  if (!std::filesystem::exists("/usr/bin/groff")) GTEST_SKIP() << "groff is not installed";
  for (const std::string page : {"citecheck.1", "citecheckd.8"}) {
    RunOutput format = RunBinary("/usr/bin/groff", {"-man", "-ww", "-z", kManDir + page});
    EXPECT_EQ(format.exit_code, 0) << page;
    EXPECT_EQ(format.err, "") << page;
  }
}

}  // namespace
}  // namespace citecheck::testing
