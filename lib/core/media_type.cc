#include "core/media_type.h"

#include "core/ascii.h"

namespace citecheck {
namespace {

constexpr size_t kSniffBytes = 8192;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string MediaType(std::string_view content_type) {
  return AsciiLower(Trim(content_type.substr(0, content_type.find(';'))));
}

bool IsHtmlMediaType(std::string_view content_type) {
  const std::string type = MediaType(content_type);
  return type == "text/html" || type == "application/xhtml+xml";
}

bool IsPdfMediaType(std::string_view content_type) {
  const std::string type = MediaType(content_type);
  return type == "application/pdf" || type == "application/x-pdf";
}

bool IsPdfBody(std::string_view content_type, std::string_view body) {
  return IsPdfMediaType(content_type) || body.substr(0, 5) == "%PDF-";
}

bool LooksLikeHtml(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  const std::string head = AsciiLower(text.substr(0, kSniffBytes));
  for (std::string_view start : {"<!doctype html", "<html", "<?xml"}) {
    if (head.rfind(start, 0) == 0) return true;
  }
  if (head.find("<body") != std::string::npos) return true;
  if (head.empty() || head[0] != '<') return false;
  for (std::string_view tag : {"<p>", "<p ", "<div", "<article", "<h1", "<main", "<section", "<head", "<title",
                               "<meta", "<br", "<span", "<a href"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  return false;
}

}  // namespace citecheck
