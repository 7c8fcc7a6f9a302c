// packaging/bash-completion/citecheck against the built citecheck: bash
// sources it, and its function, called as readline would (COMP_WORDS,
// COMP_CWORD), offers the subcommands, exactly the flags each subcommand's
// --help lists, the formats --help names, and file names.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "install/help_flags.h"
#include "support/run_binary.h"
#include "support/temp_dir.h"

namespace citecheck::testing {
namespace {

const std::string kCompletion = std::string(CITECHECK_SOURCE_DIR) + "/packaging/bash-completion/citecheck";

// Sources the completion in a clean bash, runs `script` in `dir` and returns
// its stdout, one entry a line.
std::vector<std::string> RunBash(const std::string& dir, const std::string& script,
                                 const std::vector<std::string>& words = {}) {
  std::vector<std::string> args = {"--norc", "--noprofile", "-c",
                                   "source \"$1\" || exit 9; cd \"$2\" || exit 9; shift 2; " + script, "bash",
                                   kCompletion, dir};
  args.insert(args.end(), words.begin(), words.end());
  RunOutput run = RunBinary("/bin/bash", args);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  std::vector<std::string> lines;
  std::istringstream in(run.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// What the completion offers after `words` (the last one is being typed).
std::set<std::string> Complete(const std::vector<std::string>& words, const std::string& dir = "/") {
  std::vector<std::string> lines = RunBash(
      dir, "COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _citecheck; printf '%s\\n' \"${COMPREPLY[@]}\"",
      words);
  std::set<std::string> offered;
  for (const std::string& line : lines) {
    if (!line.empty()) offered.insert(line);
  }
  return offered;
}

TEST(CompletionTest, IsRegisteredForCitecheck) {
  EXPECT_EQ(RunBash("/", "complete -p citecheck"), std::vector<std::string>{"complete -F _citecheck citecheck"});
}

TEST(CompletionTest, OffersTheSubcommandsHelpLists) {
  std::vector<std::string> listed = CitecheckSubcommands();
  ASSERT_GE(listed.size(), 6u);
  EXPECT_EQ(Complete({"citecheck", ""}), std::set<std::string>(listed.begin(), listed.end()));
  EXPECT_EQ(Complete({"citecheck", "re"}), (std::set<std::string>{"remove", "report", "review"}));
}

TEST(CompletionTest, OffersExactlyTheFlagsOfEachSubcommandsHelp) {
  EXPECT_EQ(Complete({"citecheck", "-"}), HelpFlags(CITECHECK_BINARY));
  for (const std::string& subcommand : CitecheckSubcommands()) {
    EXPECT_EQ(Complete({"citecheck", subcommand, "-"}), HelpFlags(CITECHECK_BINARY, subcommand)) << subcommand;
    // Also after other arguments, and after citecheck's own flags.
    EXPECT_EQ(Complete({"citecheck", subcommand, "x.md", "--db", "x.db", "-"}),
              HelpFlags(CITECHECK_BINARY, subcommand))
        << subcommand;
  }
  EXPECT_EQ(Complete({"citecheck", "check", "--for"}), std::set<std::string>{"--format"});
}

// "text, json, markdown, html or junit (default text)" -> the names.
std::set<std::string> FormatsNamedByHelp(const std::string& subcommand) {
  std::string description = HelpDescription(subcommand, "--format");
  description = description.substr(0, description.find('('));
  std::set<std::string> formats;
  std::istringstream words(description);
  for (std::string word; words >> word;) {
    if (word.back() == ',') word.pop_back();
    if (word != "or") formats.insert(word);
  }
  return formats;
}

TEST(CompletionTest, OffersTheFormatsHelpNames) {
  for (const char* subcommand : {"check", "run", "report"}) {
    std::set<std::string> formats = FormatsNamedByHelp(subcommand);
    ASSERT_TRUE(formats.count("json")) << subcommand;
    EXPECT_EQ(Complete({"citecheck", subcommand, "--format", ""}), formats) << subcommand;
    // --format=VALUE: readline splits the word at "=".
    EXPECT_EQ(Complete({"citecheck", subcommand, "--format", "=", ""}), formats) << subcommand;
    EXPECT_EQ(Complete({"citecheck", subcommand, "--format", "=", "j"}), (std::set<std::string>{"json", "junit"}));
  }
}

TEST(CompletionTest, OffersFilesForArticlesAndFileOptions) {
  TempDir dir;
  dir.Write("article.md", "text");
  dir.Write("notes/a.md", "text");
  dir.Write("checks.db", "");
  EXPECT_EQ(Complete({"citecheck", "check", ""}, dir.path()),
            (std::set<std::string>{"article.md", "notes", "checks.db"}));
  EXPECT_EQ(Complete({"citecheck", "add", "a"}, dir.path()), std::set<std::string>{"article.md"});
  EXPECT_EQ(Complete({"citecheck", "run", "--db", "c"}, dir.path()), std::set<std::string>{"checks.db"});
  EXPECT_EQ(Complete({"citecheck", "report", "-o", "notes/"}, dir.path()), std::set<std::string>{"notes/a.md"});
  EXPECT_EQ(Complete({"citecheck", "check", "--config", "=", "ar"}, dir.path()), std::set<std::string>{"article.md"});
  // Values that are not files get nothing, and list takes no arguments.
  EXPECT_EQ(Complete({"citecheck", "check", "--name", ""}, dir.path()), std::set<std::string>{});
  EXPECT_EQ(Complete({"citecheck", "run", "--concurrency", ""}, dir.path()), std::set<std::string>{});
  EXPECT_EQ(Complete({"citecheck", "list", ""}, dir.path()), std::set<std::string>{});
}

}  // namespace
}  // namespace citecheck::testing
