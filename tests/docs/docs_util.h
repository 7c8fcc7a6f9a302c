// Reading the project's docs/ pages for the tests that keep them true: a
// page's sections by heading, and the names a section's table documents.
#ifndef CITECHECK_TESTS_DOCS_DOCS_UTIL_H_
#define CITECHECK_TESTS_DOCS_DOCS_UTIL_H_

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace citecheck::testing {

namespace docs_detail {

// Heading level of a line ("## x" -> 2), 0 when it is not a heading.
inline int HeadingLevel(const std::string& line) {
  size_t hashes = line.find_first_not_of('#');
  if (hashes == 0 || hashes == std::string::npos || line[hashes] != ' ') return 0;
  return static_cast<int>(hashes);
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The cells of a table row "| a | b |" without their padding; empty when the
// line is not a table row.
inline std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  if (line.empty() || line[0] != '|') return cells;
  size_t pos = 1;
  while (pos < line.size()) {
    size_t bar = line.find('|', pos);
    if (bar == std::string::npos) break;
    std::string cell = line.substr(pos, bar - pos);
    cell.erase(0, cell.find_first_not_of(' '));
    cell.erase(cell.find_last_not_of(' ') + 1);
    cells.push_back(cell);
    pos = bar + 1;
  }
  return cells;
}

}  // namespace docs_detail

// CITECHECK_SOURCE_DIR + "/" + relative.
inline std::string SourcePath(const std::string& relative) {
  return std::string(CITECHECK_SOURCE_DIR) + "/" + relative;
}

// The text of docs/NAME (throws when it is missing).
inline std::string ReadDoc(const std::string& name) { return ReadFile(SourcePath("docs/" + name)); }

// The headings of a Markdown text ("## Near search" -> "Near search"), any level.
inline std::vector<std::string> Headings(const std::string& markdown) {
  std::vector<std::string> headings;
  bool in_code = false;
  for (const std::string& line : docs_detail::Lines(markdown)) {
    if (line.rfind("```", 0) == 0) in_code = !in_code;
    int level = docs_detail::HeadingLevel(line);
    if (!in_code && level > 0) headings.push_back(line.substr(static_cast<size_t>(level) + 1));
  }
  return headings;
}

// The lines under the heading `heading` up to the next heading of the same or
// a higher level; "" when there is no such heading.
inline std::string Section(const std::string& markdown, const std::string& heading) {
  std::string out;
  int level = 0;
  bool in_code = false;
  for (const std::string& line : docs_detail::Lines(markdown)) {
    if (line.rfind("```", 0) == 0) in_code = !in_code;
    int this_level = in_code ? 0 : docs_detail::HeadingLevel(line);
    if (level > 0 && this_level > 0 && this_level <= level) break;
    if (level > 0) out += line + "\n";
    if (level == 0 && this_level > 0 && line.substr(static_cast<size_t>(this_level) + 1) == heading) {
      level = this_level;
    }
  }
  return out;
}

// The first cells of a section's table rows that are code ("| `ok` | ..."
// -> "ok"); the header and separator rows have none.
inline std::set<std::string> TableNames(const std::string& section) {
  std::set<std::string> names;
  for (const std::string& line : docs_detail::Lines(section)) {
    std::vector<std::string> cells = docs_detail::Cells(line);
    if (cells.empty()) continue;
    const std::string& first = cells[0];
    if (first.size() > 2 && first.front() == '`' && first.back() == '`') {
      names.insert(first.substr(1, first.size() - 2));
    }
  }
  return names;
}

// Cell number `column` (0-based) of the table row whose first cell is `name`
// in backticks, or "" when there is no such row.
inline std::string TableCell(const std::string& section, const std::string& name, int column) {
  for (const std::string& line : docs_detail::Lines(section)) {
    std::vector<std::string> cells = docs_detail::Cells(line);
    if (cells.size() > static_cast<size_t>(column) && cells[0] == "`" + name + "`") return cells[column];
  }
  return "";
}

// Every regular file under CITECHECK_SOURCE_DIR/dir (recursive) whose name ends
// in one of `extensions`, as paths relative to the source directory.
inline std::vector<std::string> SourceFiles(const std::string& dir,
                                            const std::vector<std::string>& extensions) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  const fs::path root(CITECHECK_SOURCE_DIR);
  for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    bool wanted = std::any_of(extensions.begin(), extensions.end(), [&](const std::string& ext) {
      return name.size() >= ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
    });
    if (wanted) files.push_back(fs::relative(entry.path(), root).string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_DOCS_DOCS_UTIL_H_
