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

// A scalar as YAML or TOML writes it: quotes taken off, a YAML comment after
// an unquoted value dropped.
std::string_view Scalar(std::string_view value) {
  value = TrimSpaces(value);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
    return value.substr(1, value.size() - 2);
  }
  const size_t comment = value.find(" #");
  return TrimSpaces(value.substr(0, comment));
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
    const size_t sep = line.find(toml ? '=' : ':');
    if (sep != std::string_view::npos && input[pos] != ' ' && input[pos] != '\t') {
      const std::string_view key = TrimSpaces(line.substr(0, sep));
      const std::string_view value = Scalar(line.substr(sep + 1));
      if (AsciiLower(key) == "title" && matter.title.empty()) matter.title = std::string(value);
      if (IsDateKey(key) && matter.date.empty()) matter.date = ParseMetadataDate(value);
    }
    pos = next;
  }
  return std::nullopt;
}

}  // namespace article
}  // namespace citecheck
