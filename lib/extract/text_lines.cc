#include "extract/text_lines.h"

namespace citecheck {
namespace {

// Byte length of the whitespace at `pos` (NBSP is two bytes), 0 if none.
size_t SpaceLength(std::string_view s, size_t pos, bool newline_is_space) {
  char c = s[pos];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == '\n') return newline_is_space ? 1 : 0;
  if (c == '\xC2' && pos + 1 < s.size() && s[pos + 1] == '\xA0') return 2;
  return 0;
}

void AppendCollapsed(std::string_view line, bool newline_is_space, std::string* out) {
  bool pending_space = false;
  size_t start = out->size();
  for (size_t pos = 0; pos < line.size();) {
    size_t space = SpaceLength(line, pos, newline_is_space);
    if (space > 0) {
      pending_space = out->size() > start;
      pos += space;
      continue;
    }
    if (pending_space) out->push_back(' ');
    pending_space = false;
    out->push_back(line[pos++]);
  }
}

}  // namespace

std::string CollapseLines(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  size_t pos = 0;
  while (pos <= raw.size()) {
    size_t end = raw.find('\n', pos);
    if (end == std::string_view::npos) end = raw.size();
    size_t before = out.size();
    if (before > 0) out.push_back('\n');
    size_t line_start = out.size();
    AppendCollapsed(raw.substr(pos, end - pos), false, &out);
    if (out.size() == line_start) out.resize(before);  // empty line: drop it
    pos = end + 1;
  }
  return out;
}

std::string CollapseSpaces(std::string_view raw) {
  std::string out;
  AppendCollapsed(raw, true, &out);
  return out;
}

}  // namespace citecheck
