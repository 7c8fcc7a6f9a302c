#include "article/front_matter.h"

#include "article/cs1_date.h"
#include "core/ascii.h"

namespace citecheck {
namespace article {
namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A scalar as YAML or TOML writes it: quotes taken off and their escapes
// undone ("\"" and "\\" in double quotes, "''" in single ones; a comment
// may follow the closing quote), a comment after an unquoted value dropped.
// A YAML block scalar ("|", ">") or an unclosed quote is not read: "".
std::string Scalar(std::string_view value) {
  value = TrimSpaces(value);
  if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
    const char quote = value.front();
    std::string out;
    for (size_t i = 1; i < value.size(); ++i) {
      const char c = value[i];
      if (quote == '"' && c == '\\' && i + 1 < value.size()) {
        out.push_back(value[++i]);
      } else if (c == quote && quote == '\'' && i + 1 < value.size() && value[i + 1] == '\'') {
        out.push_back(value[++i]);
      } else if (c == quote) {
        return out;
      } else {
        out.push_back(c);
      }
    }
    return "";
  }
  if (!value.empty() && (value.front() == '|' || value.front() == '>')) return "";
  const size_t comment = value.find(" #");
  return std::string(TrimSpaces(value.substr(0, comment)));
}

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.';
}

// The separator of a top-level "key: value" (YAML) or "key = value" (TOML)
// line, or npos when the line is something else.
size_t KeySeparator(std::string_view line, bool toml) {
  size_t i = 0;
  while (i < line.size() && IsKeyChar(line[i])) ++i;
  if (i == 0) return std::string_view::npos;
  if (toml) {
    while (i < line.size() && line[i] == ' ') ++i;
    return i < line.size() && line[i] == '=' ? i : std::string_view::npos;
  }
  const bool ends = i + 1 == line.size() || (i + 1 < line.size() && (line[i + 1] == ' ' || line[i + 1] == '\t'));
  return i < line.size() && line[i] == ':' && ends ? i : std::string_view::npos;
}

// What a front matter's top-level line may be besides a key: a comment, or
// a TOML table header. Anything else (prose, a heading) means the block is
// not front matter: a "---" that happens to open a file and a later
// thematic break or setext underline must not hide the text between them.
bool IsOtherMetadataLine(std::string_view line, bool toml) {
  if (line.empty() || line.front() == '#') return true;
  return toml && line.front() == '[' && line.back() == ']';
}

// The keys that name the publication date, by generator (Jekyll and Hugo
// "date", Hugo "publishDate", Eleventy "date", schema.org "datePublished").
bool IsDateKey(std::string_view key) {
  const std::string k = AsciiLower(key);
  return k == "date" || k == "publishdate" || k == "published" || k == "datepublished" || k == "pubdate";
}

}  // namespace

std::string ParseMetadataDate(std::string_view text) {
  text = TrimSpaces(text);
  size_t consumed = 0;
  std::string date = ParseCs1Date(text, &consumed);
  if (date.empty()) return "";
  // A datetime goes on after its date ("T10:00:00Z", " 10:00"); anything
  // else glued to it ("2019-05-03x") is not a date.
  if (consumed < text.size()) {
    const char next = text[consumed];
    if (next != 'T' && next != ' ' && next != '\t') return "";
  }
  return date;
}

std::optional<FrontMatter> ReadFrontMatter(std::string_view input, size_t start) {
  auto line_at = [&](size_t pos, size_t* next) {
    size_t nl = input.find('\n', pos);
    if (nl == std::string_view::npos) nl = input.size();
    *next = nl < input.size() ? nl + 1 : nl;
    return TrimSpaces(input.substr(pos, nl - pos));
  };
  size_t pos = start;
  const std::string_view fence = line_at(start, &pos);
  if (fence != "---" && fence != "+++") return std::nullopt;
  const bool toml = fence == "+++";
  FrontMatter matter;
  while (pos < input.size()) {
    size_t next = 0;
    const std::string_view line = line_at(pos, &next);
    if (line == fence || (!toml && line == "...")) {
      matter.end = next;
      return matter;
    }
    // Only top-level keys: an indented line belongs to a nested value.
    const bool top_level = input[pos] != ' ' && input[pos] != '\t';
    const size_t sep = top_level ? KeySeparator(line, toml) : std::string_view::npos;
    if (top_level && sep == std::string_view::npos && !IsOtherMetadataLine(line, toml)) return std::nullopt;
    if (sep != std::string_view::npos) {
      const std::string_view key = TrimSpaces(line.substr(0, sep));
      const std::string value = Scalar(line.substr(sep + 1));
      if (AsciiLower(key) == "title" && matter.title.empty()) matter.title = value;
      if (IsDateKey(key) && matter.date.empty()) matter.date = ParseMetadataDate(value);
    }
    pos = next;
  }
  return std::nullopt;
}

}  // namespace article
}  // namespace citecheck
