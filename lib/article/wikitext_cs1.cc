#include "article/wikitext_cs1.h"

#include <cstdio>
#include <map>

#include "article/text_util.h"
#include "article/wikitext_render.h"
#include "core/ascii.h"

namespace citecheck {
namespace article {
namespace wiki {
namespace {

// A parameter's value as shown: markup removed, white space collapsed,
// trimmed; *offset is the input offset of its first character.
std::string ShownValue(std::string_view input, const Tree& tree, const Node& part, size_t* offset,
                       std::vector<Issue>* issues) {
  Renderer renderer(input, nullptr, issues);
  Block block = renderer.Inline(tree, ValueNodes(tree, part));
  std::string out;
  *offset = part.eq == std::string_view::npos ? part.begin : part.eq + 1;
  bool first = true;
  for (size_t i = 0; i < block.text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(block.text[i]);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    if (first) {
      *offset = block.source[i];
      first = false;
    }
    out.push_back(block.text[i]);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

int MonthNumber(std::string_view word) {
  static const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                  "july",    "august",   "september", "october", "november", "december"};
  std::string w = AsciiLower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  if (w == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    std::string full = kMonths[m];
    if (w == full || (w.size() == 3 && full.compare(0, 3, w) == 0)) return m + 1;
  }
  return 0;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string Format(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return "";
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

void StripScriptPrefix(std::string* text, size_t* offset) {
  size_t colon = text->find(':');
  if (colon == std::string::npos || colon < 2 || colon > 8) return;
  for (size_t i = 0; i < colon; ++i) {
    char c = (*text)[i];
    if (!((c >= 'a' && c <= 'z') || c == '-')) return;
  }
  size_t skip = colon + 1;
  while (skip < text->size() && (*text)[skip] == ' ') ++skip;
  *text = text->substr(skip);
  *offset += skip;
}

// A value wrapped in one pair of quotation marks by the editor: CS1 adds
// its own, so they are not part of the quote.
void StripWrappingQuotes(std::string* text, size_t* offset) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"\"", "\""},
                             {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"\xC2\xAB", "\xC2\xBB"}}) {
    if (text->size() >= open.size() + close.size() + 1 && text->compare(0, open.size(), open) == 0 &&
        text->compare(text->size() - close.size(), close.size(), close) == 0 &&
        text->find(close, open.size()) == text->size() - close.size()) {
      *text = text->substr(open.size(), text->size() - open.size() - close.size());
      *offset += open.size();
      return;
    }
  }
}

void ReadTemplate(std::string_view input, const Tree& tree, const Node& node, RefContent* out,
                  std::vector<Issue>* issues) {
  std::map<std::string, const Node*> params;
  for (size_t k = 1; k < node.children.size(); ++k) {
    const Node& part = tree.nodes[node.children[k]];
    std::string key = PartName(input, part);
    if (!key.empty()) params[key] = &part;  // a repeated parameter: the last wins, as in MediaWiki
  }
  auto value = [&](std::initializer_list<const char*> names, size_t* offset) -> std::string {
    for (const char* n : names) {
      auto it = params.find(n);
      if (it == params.end()) continue;
      size_t at = 0;
      std::string v = ShownValue(input, tree, *it->second, &at, issues);
      if (v.empty()) continue;
      if (offset != nullptr) *offset = at;
      return v;
    }
    return "";
  };
  auto date = [&](std::initializer_list<const char*> names, const char* label) {
    size_t at = 0;
    std::string written = value(names, &at);
    std::string normalized = NormalizeCs1Date(written);
    if (!written.empty() && normalized.empty()) {
      issues->push_back({at, std::string(label) + " \"" + written + "\" is not a date CS1 accepts (ignored)"});
    }
    return normalized;
  };
  out->url = value({"url", "chapter-url", "chapterurl"}, &out->url_offset);
  out->title = value({"title"}, nullptr);
  out->access_date = date({"access-date", "accessdate"}, "access-date");
  out->archive_url = value({"archive-url", "archiveurl"}, nullptr);
  out->archive_date = date({"archive-date", "archivedate"}, "archive-date");
  out->url_status = AsciiLower(value({"url-status"}, nullptr));
  if (out->url_status.empty()) {
    std::string dead = AsciiLower(value({"dead-url", "deadurl"}, nullptr));
    if (dead == "yes" || dead == "y" || dead == "true") out->url_status = "dead";
    if (dead == "no") out->url_status = "live";
  }
  size_t at = 0;
  std::string script = value({"script-quote"}, &at);
  if (!script.empty()) {
    StripScriptPrefix(&script, &at);
    out->has_quote = true;
    out->quote = script;
    out->quote_offset = at;
    return;
  }
  std::string quote = value({"quote", "quotation"}, &at);
  if (!quote.empty()) {
    StripWrappingQuotes(&quote, &at);
    out->has_quote = true;
    out->quote = quote;
    out->quote_offset = at;
  }
}

// The first external link in the top-level text of a reference.
bool FirstLink(std::string_view input, const Tree& tree, RefContent* out) {
  for (uint32_t index : tree.root().children) {
    const Node& node = tree.nodes[index];
    if (node.kind != Node::Kind::kText) continue;
    std::string_view text = input.substr(0, node.end);
    size_t url = FindUrl(text, node.begin);
    if (url == std::string_view::npos) continue;
    size_t end = UrlEnd(text, url);
    while (end > url && text[end - 1] == ']') --end;
    out->url = std::string(text.substr(url, end - url));
    out->url_offset = url;
    return true;
  }
  return false;
}

}  // namespace

bool IsCitationTemplate(const std::string& name) { return name == "citation" || name.rfind("cite ", 0) == 0; }

std::string NormalizeCs1Date(std::string_view date) {
  std::string s;
  for (char c : Trim(date)) s.push_back(c == ',' ? ' ' : c);
  std::vector<std::string> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  if (words.size() == 1 && words[0].size() == 10 && words[0][4] == '-' && words[0][7] == '-') {
    const std::string& w = words[0];
    if (!AllDigits(w.substr(0, 4)) || !AllDigits(w.substr(5, 2)) || !AllDigits(w.substr(8, 2))) return "";
    return Format(std::stoi(w.substr(0, 4)), std::stoi(w.substr(5, 2)), std::stoi(w.substr(8, 2)));
  }
  if (words.size() != 3 || !AllDigits(words[2]) || words[2].size() != 4) return "";
  const int year = std::stoi(words[2]);
  if (AllDigits(words[0]) && words[0].size() <= 2 && MonthNumber(words[1]) != 0) {
    return Format(year, MonthNumber(words[1]), std::stoi(words[0]));  // 3 May 2019
  }
  if (MonthNumber(words[0]) != 0 && AllDigits(words[1]) && words[1].size() <= 2) {
    return Format(year, MonthNumber(words[0]), std::stoi(words[1]));  // May 3, 2019
  }
  return "";
}

RefContent ReadRefContent(std::string_view input, size_t begin, size_t end, std::vector<Issue>* issues) {
  RefContent out;
  Tree tree = ParseWikitext(input, begin, end, issues);
  for (uint32_t index : tree.root().children) {
    const Node& node = tree.nodes[index];
    if (node.kind == Node::Kind::kTemplate && !node.broken && IsCitationTemplate(NodeName(input, tree, node))) {
      ReadTemplate(input, tree, node, &out, issues);
      break;
    }
  }
  if (out.url.empty()) FirstLink(input, tree, &out);
  return out;
}

}  // namespace wiki
}  // namespace article
}  // namespace citecheck
