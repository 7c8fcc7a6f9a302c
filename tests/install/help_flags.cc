#include "install/help_flags.h"

#include <gtest/gtest.h>

#include <sstream>

#include "support/run_binary.h"

namespace citecheck::testing {
namespace {

std::vector<std::string> HelpLines(const std::string& binary, const std::string& subcommand) {
  std::vector<std::string> args;
  if (!subcommand.empty()) args.push_back(subcommand);
  args.push_back("--help");
  RunOutput run = RunBinary(binary, args);
  EXPECT_EQ(run.exit_code, 0) << binary << " " << subcommand << " --help: " << run.err;
  std::vector<std::string> lines;
  std::istringstream in(run.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// "  -o,--output TEXT   write ..." -> "-o,--output"; "" for other lines.
std::string OptionToken(const std::string& line) {
  size_t start = line.find_first_not_of(' ');
  if (start == 0 || start == std::string::npos || line[start] != '-') return "";
  size_t end = line.find(' ', start);
  return line.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

std::set<std::string> HelpFlags(const std::string& binary, const std::string& subcommand) {
  std::set<std::string> flags;
  for (const std::string& line : HelpLines(binary, subcommand)) {
    std::istringstream names(OptionToken(line));
    for (std::string name; std::getline(names, name, ',');) {
      name = name.substr(0, name.find('['));
      if (!name.empty()) flags.insert(name);
    }
  }
  return flags;
}

std::vector<std::string> CitecheckSubcommands() {
  std::vector<std::string> subcommands;
  bool in_list = false;
  for (const std::string& line : HelpLines(CITECHECK_BINARY, "")) {
    if (line == "Subcommands:") {
      in_list = true;
    } else if (in_list && line.rfind("  ", 0) == 0) {
      std::istringstream words(line);
      std::string name;
      words >> name;
      subcommands.push_back(name);
    } else if (in_list) {
      break;
    }
  }
  return subcommands;
}

std::string HelpDescription(const std::string& subcommand, const std::string& flag) {
  for (const std::string& line : HelpLines(CITECHECK_BINARY, subcommand)) {
    std::string token = OptionToken(line);
    std::istringstream names(token);
    for (std::string name; std::getline(names, name, ',');) {
      if (name != flag) continue;
      // After the token: a value type ("TEXT"), then two or more spaces.
      size_t gap = line.find("  ", line.find(token) + token.size());
      if (gap == std::string::npos) return "";
      return line.substr(line.find_first_not_of(' ', gap));
    }
  }
  return "";
}

}  // namespace citecheck::testing
