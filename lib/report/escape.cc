#include "report/escape.h"

#include "core/utf8.h"

namespace citecheck {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool IsBidiControl(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// Characters no report may carry: controls (tab and newline aside; a
// carriage return is kept only by XML, which allows it), DEL, C1, bidi
// controls, and the XML non-characters.
bool IsForbidden(char32_t cp, bool allow_cr) {
  if (cp == '\t' || cp == '\n') return false;
  if (cp == '\r') return !allow_cr;
  if (cp < 0x20 || cp == 0x7F) return true;
  if (cp >= 0x80 && cp <= 0x9F) return true;
  if (cp == 0xFFFE || cp == 0xFFFF) return true;
  return IsBidiControl(cp);
}

std::string EscapeMarkup(std::string_view text, bool xml) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = DecodeUtf8(text, &pos);  // invalid bytes decode as U+FFFD
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += xml ? "&apos;" : "&#39;"; break;
      default: AppendUtf8(IsForbidden(cp, xml) ? kReplacement : cp, &out);
    }
  }
  return out;
}

bool IsMarkdownPunctuation(char32_t cp) {
  static constexpr std::string_view kPunct = "\\`*_{}[]()#!~|";
  return cp < 0x80 && kPunct.find(static_cast<char>(cp)) != std::string_view::npos;
}

}  // namespace

std::string HtmlEscape(std::string_view text) { return EscapeMarkup(text, false); }

std::string XmlEscape(std::string_view text) { return EscapeMarkup(text, true); }

std::string MarkdownEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = DecodeUtf8(text, &pos);
    if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
      out.push_back(' ');
    } else if (cp == '&') {
      out += "&amp;";
    } else if (cp == '<') {
      out += "&lt;";
    } else if (cp == '>') {
      out += "&gt;";
    } else if (cp == '@') {
      out += "&#64;";
    } else if (IsMarkdownPunctuation(cp)) {
      out.push_back('\\');
      out.push_back(static_cast<char>(cp));
    } else {
      AppendUtf8(IsForbidden(cp, false) ? kReplacement : cp, &out);
    }
  }
  return out;
}

bool IsWebUrl(std::string_view url) {
  size_t colon = url.find("://");
  if (colon == std::string_view::npos) return false;
  std::string scheme;
  for (char c : url.substr(0, colon)) scheme.push_back(static_cast<char>(c | 0x20));
  if (scheme != "http" && scheme != "https") return false;
  std::string_view rest = url.substr(colon + 3);
  if (rest.empty() || rest[0] == '/' || rest[0] == '?' || rest[0] == '#') return false;
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7F) return false;
  }
  return IsValidUtf8(url);
}

}  // namespace citecheck
