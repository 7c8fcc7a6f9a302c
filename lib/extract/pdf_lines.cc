#include "extract/pdf_lines.h"

#include <cstddef>
#include <unordered_set>

#include "extract/text_lines.h"

namespace citecheck {
namespace {

constexpr std::string_view kSoftHyphen = "\xC2\xAD";
constexpr std::string_view kUnicodeHyphen = "\xE2\x80\x90";  // U+2010

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A letter for this purpose: ASCII letters and any non-ASCII byte (accented
// letters); digits and punctuation are not.
bool IsLetterByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

// Whether `line` starts with a lower-case letter (ASCII, or a non-ASCII
// letter other than an upper-case Latin-1 one: good enough to tell "ordinary"
// from "Saxon" and "1990").
bool StartsLowerCase(std::string_view line) {
  if (line.empty()) return false;
  char c = line[0];
  if (c >= 'a' && c <= 'z') return true;
  if (c == '\xC3' && line.size() > 1) return static_cast<unsigned char>(line[1]) >= 0x9F;
  return static_cast<unsigned char>(c) >= 0xC4;
}

// A word as the vocabulary keeps it: punctuation trimmed at both ends, ASCII
// letters lower-cased.
std::string VocabularyWord(std::string_view word) {
  size_t begin = 0;
  size_t end = word.size();
  while (begin < end && !IsAsciiAlnum(word[begin]) && static_cast<unsigned char>(word[begin]) < 0x80) ++begin;
  while (end > begin && !IsAsciiAlnum(word[end - 1]) && static_cast<unsigned char>(word[end - 1]) < 0x80) --end;
  std::string out(word.substr(begin, end - begin));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void SplitLines(std::string_view text, std::vector<std::string_view>* lines) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    lines->push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
}

// Every word of the document as written, to decide how a broken word joins.
std::unordered_set<std::string> Vocabulary(const std::vector<std::vector<std::string_view>>& pages) {
  std::unordered_set<std::string> words;
  for (const auto& lines : pages) {
    for (std::string_view line : lines) {
      size_t pos = 0;
      while (pos < line.size()) {
        size_t end = line.find(' ', pos);
        if (end == std::string_view::npos) end = line.size();
        std::string word = VocabularyWord(line.substr(pos, end - pos));
        if (!word.empty()) words.insert(std::move(word));
        pos = end + 1;
      }
    }
  }
  return words;
}

std::string_view LastWord(std::string_view line) {
  size_t space = line.rfind(' ');
  return space == std::string_view::npos ? line : line.substr(space + 1);
}

std::string_view FirstWord(std::string_view line) { return line.substr(0, line.find(' ')); }

// How `line` (ending in a hyphen) continues into `next`: the hyphen's byte
// length to drop, or 0 to keep it; -1 when this is no broken word.
int HyphenToDrop(std::string_view line, std::string_view next, const std::unordered_set<std::string>& vocabulary) {
  if (!StartsLowerCase(next)) return -1;
  size_t hyphen = 0;
  bool soft = false;
  if (EndsWith(line, kSoftHyphen)) {
    hyphen = kSoftHyphen.size();
    soft = true;
  } else if (EndsWith(line, kUnicodeHyphen)) {
    hyphen = kUnicodeHyphen.size();
  } else if (EndsWith(line, "-")) {
    hyphen = 1;
  } else {
    return -1;
  }
  std::string_view head = line.substr(0, line.size() - hyphen);
  if (head.empty() || !IsLetterByte(head.back())) return -1;
  if (soft) return static_cast<int>(hyphen);
  std::string_view head_word = LastWord(head);
  std::string_view tail_word = FirstWord(next);
  std::string joined = VocabularyWord(std::string(head_word) + std::string(tail_word));
  std::string hyphenated = VocabularyWord(std::string(head_word) + "-" + std::string(tail_word));
  bool keep = vocabulary.count(hyphenated) > 0 && vocabulary.count(joined) == 0;
  return keep ? 0 : static_cast<int>(hyphen);
}

}  // namespace

std::string JoinPdfPages(const std::vector<std::string>& pages) {
  // CollapseLines turns any form feed of a page's own text into a space, so
  // kPdfPageEnd below is the only one.
  std::vector<std::string> collapsed;
  collapsed.reserve(pages.size());
  for (const std::string& page : pages) collapsed.push_back(CollapseLines(page));
  std::vector<std::vector<std::string_view>> lines(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) SplitLines(collapsed[i], &lines[i]);
  std::unordered_set<std::string> vocabulary = Vocabulary(lines);
  std::string out;
  for (const auto& page : lines) {
    for (size_t i = 0; i < page.size(); ++i) {
      std::string_view line = page[i];
      bool last = i + 1 == page.size();
      int drop = last ? -1 : HyphenToDrop(line, page[i + 1], vocabulary);
      if (drop < 0) {
        out.append(line);
        if (!last) out.push_back('\n');
      } else {
        out.append(line.substr(0, line.size() - static_cast<size_t>(drop)));  // next line continues the word
      }
    }
    out.push_back(kPdfPageEnd);
  }
  return out;
}

int PdfPageAt(std::string_view text, int64_t offset) {
  if (text.find(kPdfPageEnd) == std::string_view::npos) return 0;
  int page = 1;
  int64_t code_points = 0;
  for (size_t i = 0; i < text.size() && code_points < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    if (c == static_cast<unsigned char>(kPdfPageEnd)) ++page;
    ++code_points;
  }
  return page;
}

}  // namespace citecheck
