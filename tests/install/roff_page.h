// A man page written in roff (docs/man/*), read just enough to check it
// against the binaries: its sections, the tags of its .TP entries, and the
// flags of its synopsis blocks (.SY ... .YS), with roff's escapes undone.
#ifndef CITECHECK_TESTS_INSTALL_ROFF_PAGE_H_
#define CITECHECK_TESTS_INSTALL_ROFF_PAGE_H_

#include <map>
#include <set>
#include <string>
#include <vector>

namespace citecheck::testing {

class RoffPage {
 public:
  // Reads the page at `path` (throws when it cannot be read).
  explicit RoffPage(const std::string& path);

  // The .TH line, unescaped.
  const std::string& title() const { return title_; }
  // Section names (.SH), in order.
  std::vector<std::string> Sections() const;
  // The tag lines of the .TP entries of `section` (the line after each .TP).
  std::vector<std::string> Tags(const std::string& section) const;
  // The flags of the synopsis block of `subcommand`: the block whose first
  // bold word after the command name is not a flag ("" for the block with no
  // subcommand, e.g. "citecheck [-h|--help] [--version]").
  std::set<std::string> SynopsisFlags(const std::string& subcommand) const;
  // Whether there is a synopsis block for `subcommand`.
  bool HasSynopsis(const std::string& subcommand) const { return synopsis_.count(subcommand) > 0; }

 private:
  std::string title_;
  std::vector<std::pair<std::string, std::vector<std::string>>> sections_;  // name, lines
  std::map<std::string, std::set<std::string>> synopsis_;
};

// roff text with its escapes undone: "\-" is "-", font changes (\fB, \fR,
// ...) and "\c", "\&" are dropped.
std::string Unescape(const std::string& roff);
// The flags ("-o", "--output") in `text`: a dash or two and a letter after
// the start, a space, "[", "|" or a quote.
std::set<std::string> FlagsIn(const std::string& text);
// Whether `word` occurs in `text` with no letter, digit, "_" or "." on
// either side (so "db" is not found in "daemon.db_path").
bool ContainsWord(const std::string& text, const std::string& word);

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_INSTALL_ROFF_PAGE_H_
