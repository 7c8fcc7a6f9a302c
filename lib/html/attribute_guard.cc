#include "html/attribute_guard.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "core/ascii.h"

namespace citecheck {
namespace {

constexpr std::string_view kRawText[] = {"script", "style", "textarea", "title", "xmp"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

class Scanner {
 public:
  explicit Scanner(std::string_view html) : html_(html) {}

  size_t Run(size_t limit) {
    size_t most = 0;
    while (most <= limit && (pos_ = html_.find('<', pos_)) != std::string_view::npos) {
      ++pos_;
      if (html_.compare(pos_, 3, "!--") == 0) {
        size_t end = html_.find("-->", pos_ + 3);
        pos_ = end == std::string_view::npos ? html_.size() : end + 3;
        continue;
      }
      if (pos_ >= html_.size() || !std::isalpha(static_cast<unsigned char>(html_[pos_]))) continue;
      std::string name = TagName();
      most = std::max(most, Attributes());
      if (std::find(std::begin(kRawText), std::end(kRawText), name) != std::end(kRawText)) SkipRawText(name);
    }
    return most;
  }

 private:
  std::string TagName() {
    std::string name;
    while (pos_ < html_.size() && !IsSpace(html_[pos_]) && html_[pos_] != '>' && html_[pos_] != '/') {
      name.push_back(AsciiLower(html_[pos_++]));
    }
    return name;
  }

  // Counts the attributes of the tag whose name ended at pos_ and moves past
  // its '>' (as the HTML tokenizer reads them: name, optional = value).
  size_t Attributes() {
    size_t count = 0;
    while (pos_ < html_.size()) {
      char c = html_[pos_];
      if (IsSpace(c) || c == '/') {
        ++pos_;
      } else if (c == '>') {
        ++pos_;
        return count;
      } else {
        ++count;
        ++pos_;  // a name may start with '=' or a quote; its first character is taken as is
        while (pos_ < html_.size() && !IsSpace(html_[pos_]) && html_[pos_] != '/' && html_[pos_] != '>' &&
               html_[pos_] != '=') {
          ++pos_;
        }
        SkipSpaces();
        if (pos_ < html_.size() && html_[pos_] == '=') {
          ++pos_;
          SkipSpaces();
          SkipValue();
        }
      }
    }
    return count;
  }

  void SkipSpaces() {
    while (pos_ < html_.size() && IsSpace(html_[pos_])) ++pos_;
  }

  void SkipValue() {
    if (pos_ < html_.size() && (html_[pos_] == '"' || html_[pos_] == '\'')) {
      size_t end = html_.find(html_[pos_], pos_ + 1);
      pos_ = end == std::string_view::npos ? html_.size() : end + 1;
      return;
    }
    while (pos_ < html_.size() && !IsSpace(html_[pos_]) && html_[pos_] != '>') ++pos_;
  }

  // To the end tag "</name" (any case), or the end of the input.
  void SkipRawText(const std::string& name) {
    while ((pos_ = html_.find("</", pos_)) != std::string_view::npos) {
      size_t i = 0;
      while (i < name.size() && pos_ + 2 + i < html_.size() &&
             AsciiLower(html_[pos_ + 2 + i]) == name[i]) {
        ++i;
      }
      if (i == name.size()) return;
      pos_ += 2;
    }
    pos_ = html_.size();
  }

  std::string_view html_;
  size_t pos_ = 0;
};

}  // namespace

size_t MaxAttributesPerElement(std::string_view html, size_t limit) { return Scanner(html).Run(limit); }

}  // namespace citecheck
