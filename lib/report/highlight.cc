#include "report/highlight.h"

#include "core/utf8.h"

namespace citecheck {
namespace {

// Letters and digits of any script count as word characters; punctuation,
// spaces and the typographic quote marks and dashes (U+2000–U+206F, «»,
// Latin-1 punctuation) do not. Exact categories would need utf8proc; the
// report only needs to find whole words the matcher already split.
bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp >= 0xA0 && cp <= 0xBF) return false;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  return cp != 0xFFFD;
}

char32_t CodePointBefore(std::string_view text, size_t at) {
  if (at == 0) return ' ';
  size_t start = at - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  size_t pos = start;
  return DecodeUtf8(text, &pos);
}

char32_t CodePointAt(std::string_view text, size_t at) {
  if (at >= text.size()) return ' ';
  return DecodeUtf8(text, &at);
}

bool IsWholeWordAt(std::string_view text, size_t at, size_t length) {
  return !IsWordChar(CodePointBefore(text, at)) && !IsWordChar(CodePointAt(text, at + length));
}

// The earliest whole-word occurrence of any word at or after `from`;
// returns its position and sets *length, or npos.
size_t NextWord(std::string_view text, const std::vector<std::string>& words, size_t from,
                size_t* length) {
  size_t best = std::string_view::npos;
  for (const std::string& word : words) {
    if (word.empty()) continue;
    for (size_t at = text.find(word, from); at != std::string_view::npos; at = text.find(word, at + 1)) {
      if (!IsWholeWordAt(text, at, word.size())) continue;
      if (at < best || (at == best && word.size() > *length)) {
        best = at;
        *length = word.size();
      }
      break;
    }
  }
  return best;
}

}  // namespace

SnippetParts SplitSnippet(const Evidence& evidence) {
  SnippetParts parts;
  std::string_view snippet(evidence.snippet);
  size_t at = evidence.matched.empty() ? std::string_view::npos : snippet.find(evidence.matched);
  if (at == std::string_view::npos) {
    parts.before = snippet;
    return parts;
  }
  parts.before = snippet.substr(0, at);
  parts.matched = snippet.substr(at, evidence.matched.size());
  parts.after = snippet.substr(at + evidence.matched.size());
  parts.found = true;
  return parts;
}

std::vector<Segment> MarkWords(std::string_view text, const std::vector<std::string>& words) {
  std::vector<Segment> segments;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = 0;
    size_t at = NextWord(text, words, pos, &length);
    if (at == std::string_view::npos) break;
    if (at > pos) segments.push_back({text.substr(pos, at - pos), false});
    segments.push_back({text.substr(at, length), true});
    pos = at + length;
  }
  if (pos < text.size()) segments.push_back({text.substr(pos), false});
  return segments;
}

std::vector<std::string> ArticleDifferenceWords(const Evidence& evidence) {
  std::vector<std::string> words;
  for (const auto& [article, page] : evidence.differences) {
    if (!article.empty()) words.push_back(article);
  }
  return words;
}

std::vector<std::string> PageDifferenceWords(const Evidence& evidence) {
  std::vector<std::string> words;
  for (const auto& [article, page] : evidence.differences) {
    if (!page.empty()) words.push_back(page);
  }
  return words;
}

}  // namespace citecheck
