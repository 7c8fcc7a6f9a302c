// What the built binaries say about themselves in --help, parsed: the flags
// of each subcommand and the subcommands. The man pages and the bash
// completion are checked against it, so they cannot drift from the binaries.
#ifndef CITECHECK_TESTS_INSTALL_HELP_FLAGS_H_
#define CITECHECK_TESTS_INSTALL_HELP_FLAGS_H_

#include <set>
#include <string>
#include <vector>

namespace citecheck::testing {

// The flags at the start of the option lines of `binary [subcommand] --help`
// ("-h", "--help", "-o", "--output", "--allow-private" from
// "--allow-private[=LIST]"), long and short. Fails the test when --help
// does not exit 0.
std::set<std::string> HelpFlags(const std::string& binary, const std::string& subcommand = "");

// The subcommands `citecheck --help` lists, in its order.
std::vector<std::string> CitecheckSubcommands();

// The description of `flag` in `citecheck subcommand --help` (the text after
// the flag and its value type), e.g. "text, json, ... (default text)".
std::string HelpDescription(const std::string& subcommand, const std::string& flag);

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_INSTALL_HELP_FLAGS_H_
