#include "article/wikitext_tree.h"

#include <algorithm>
#include <map>

#include "core/ascii.h"

namespace citecheck {
namespace article {
namespace wiki {
namespace {

// Tags whose content the preprocessor does not read as wikitext. <ref> and
// <references> are read again on their own; the others are dropped or
// shown literally by the renderer (docs/wikitext.md).
constexpr std::string_view kExtensionTags[] = {
    "ref",     "references",  "nowiki",       "pre",      "math",          "syntaxhighlight",
    "source",  "gallery",     "score",        "chem",     "ce",            "timeline",
    "poem",    "templatedata", "graph",       "mapframe", "maplink",       "hiero",
    "imagemap", "categorytree", "inputbox",   "section",  "templatestyles", "includeonly",
    "code",
};
// An opening tag longer than this is not a tag: the '>' search stays bounded.
constexpr size_t kMaxTagLength = 4096;
// Unclosed constructs reported one by one up to this many.
constexpr int kMaxUnclosedIssues = 20;

bool IsExtensionTag(std::string_view name) {
  return std::find(std::begin(kExtensionTags), std::end(kExtensionTags), name) != std::end(kExtensionTags);
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && IsSpaceByte(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpaceByte(s.back())) s.remove_suffix(1);
  return s;
}

// Where each extension tag closes: "</name ... >" start and end offsets, in
// order, found in one pass so that finding a tag's end never rescans.
using Closings = std::map<std::string, std::vector<std::pair<size_t, size_t>>>;

Closings FindClosings(std::string_view in, size_t begin, size_t end) {
  Closings out;
  for (size_t i = in.find("</", begin); i != std::string_view::npos && i + 2 < end; i = in.find("</", i + 2)) {
    size_t j = i + 2;
    while (j < end && IsAsciiAlpha(in[j])) ++j;
    std::string name = AsciiLower(in.substr(i + 2, j - i - 2));
    if (!IsExtensionTag(name)) continue;
    while (j < end && IsSpaceByte(in[j])) ++j;
    if (j < end && in[j] == '>') out[name].emplace_back(i, j + 1);
  }
  return out;
}

class Parser {
 public:
  Parser(std::string_view in, size_t begin, size_t end, std::vector<Issue>* issues)
      : in_(in), end_(end), issues_(issues), closings_(FindClosings(in, begin, end)) {
    tree_.nodes.emplace_back();
    tree_.nodes[0].kind = Node::Kind::kRoot;
    tree_.nodes[0].begin = static_cast<uint32_t>(begin);
    tree_.nodes[0].end = static_cast<uint32_t>(end);
    text_start_ = begin;
    i_ = begin;
  }

  Tree Run() {
    while (i_ < end_) Step();
    Flush(end_);
    while (stack_.size() > 0) Break(end_);
    return std::move(tree_);
  }

 private:
  struct Frame {
    uint32_t node;
    uint32_t part;
  };

  uint32_t Container() const { return stack_.empty() ? 0 : stack_.back().part; }

  uint32_t Add(Node node) {
    tree_.nodes.push_back(std::move(node));
    uint32_t index = static_cast<uint32_t>(tree_.nodes.size() - 1);
    return index;
  }

  void AddChild(Node node) {
    uint32_t container = Container();
    uint32_t index = Add(std::move(node));
    tree_.nodes[container].children.push_back(index);
  }

  void Flush(size_t upto) {
    if (upto > text_start_) {
      Node text;
      text.kind = Node::Kind::kText;
      text.begin = static_cast<uint32_t>(text_start_);
      text.end = static_cast<uint32_t>(upto);
      AddChild(std::move(text));
    }
    text_start_ = upto;
  }

  bool At(std::string_view s) const { return in_.substr(i_, std::min(s.size(), end_ - i_)) == s; }

  void Step() {
    const char c = in_[i_];
    if (c == '<' && At("<!--")) return Comment();
    if (c == '<' && Tag()) return;
    if ((c == '{' && At("{{")) || (c == '[' && At("[["))) return Open(c == '{' ? Node::Kind::kTemplate : Node::Kind::kLink);
    if (c == '}' && At("}}") && open_[0] > 0) return Close(Node::Kind::kTemplate);
    if (c == ']' && At("]]") && open_[1] > 0) return Close(Node::Kind::kLink);
    if (!stack_.empty() && c == '|') return NewPart();
    if (!stack_.empty() && c == '=') {
      const Frame top = stack_.back();
      if (tree_.nodes[top.node].kind == Node::Kind::kTemplate &&
          tree_.nodes[top.node].children.size() > 1 && tree_.nodes[top.part].eq == std::string_view::npos) {
        Flush(i_);  // may grow the arena: index again after it
        tree_.nodes[top.part].eq = i_;
        text_start_ = ++i_;
        return;
      }
    }
    ++i_;
  }

  void Comment() {
    Flush(i_);
    size_t close = in_.find("-->", i_ + 4);
    size_t stop = close == std::string_view::npos || close + 3 > end_ ? end_ : close + 3;
    Node node;
    node.kind = Node::Kind::kComment;
    node.begin = static_cast<uint32_t>(i_);
    node.end = static_cast<uint32_t>(stop);
    AddChild(std::move(node));
    i_ = text_start_ = stop;
  }

  // An extension tag at i_: adds it and returns true; false leaves '<' as text.
  bool Tag() {
    size_t j = i_ + 1;
    while (j < end_ && IsAsciiAlpha(in_[j])) ++j;
    if (j == i_ + 1 || j >= end_) return false;
    std::string name = AsciiLower(in_.substr(i_ + 1, j - i_ - 1));
    if (!IsExtensionTag(name) || !(IsSpaceByte(in_[j]) || in_[j] == '/' || in_[j] == '>')) return false;
    size_t gt = j;
    char quote = 0;
    const size_t limit = std::min(end_, i_ + kMaxTagLength);
    for (; gt < limit; ++gt) {
      char d = in_[gt];
      if (quote != 0) {
        if (d == quote) quote = 0;
      } else if (d == '"' || d == '\'') {
        quote = d;
      } else if (d == '>' || d == '<') {
        break;
      }
    }
    if (gt >= limit || in_[gt] != '>') return false;
    Node node;
    node.kind = Node::Kind::kTag;
    node.name = name;
    node.begin = static_cast<uint32_t>(i_);
    node.self_closing = in_[gt - 1] == '/';
    node.attr_begin = static_cast<uint32_t>(j);
    node.attr_end = static_cast<uint32_t>(node.self_closing ? gt - 1 : gt);
    size_t stop = gt + 1;
    if (!node.self_closing) {
      const auto& closes = closings_[name];
      auto it = std::lower_bound(closes.begin(), closes.end(), std::make_pair(gt + 1, size_t{0}));
      if (it == closes.end()) {
        issues_->push_back({i_, "unclosed <" + name + "> (shown as text, as MediaWiki does)"});
        return false;
      }
      node.inner_begin = static_cast<uint32_t>(gt + 1);
      node.inner_end = static_cast<uint32_t>(it->first);
      stop = it->second;
    } else {
      node.inner_begin = node.inner_end = static_cast<uint32_t>(stop);
    }
    Flush(i_);
    node.end = static_cast<uint32_t>(stop);
    AddChild(std::move(node));
    i_ = text_start_ = stop;
    return true;
  }

  void Open(Node::Kind kind) {
    Flush(i_);
    Node node;
    node.kind = kind;
    node.begin = static_cast<uint32_t>(i_);
    AddChild(std::move(node));
    uint32_t index = static_cast<uint32_t>(tree_.nodes.size() - 1);
    ++open_[kind == Node::Kind::kTemplate ? 0 : 1];
    stack_.push_back({index, 0});
    i_ += 2;
    StartPart();
  }

  void StartPart() {
    Node part;
    part.kind = Node::Kind::kPart;
    part.begin = static_cast<uint32_t>(i_);
    uint32_t index = Add(std::move(part));
    tree_.nodes[stack_.back().node].children.push_back(index);
    stack_.back().part = index;
    text_start_ = i_;
  }

  void EndPart(size_t at) { tree_.nodes[stack_.back().part].end = static_cast<uint32_t>(at); }

  void NewPart() {
    Flush(i_);
    EndPart(i_);
    ++i_;
    StartPart();
  }

  // Pops the top frame as never closed: its text stays literal.
  void Break(size_t at) {
    EndPart(at);
    Node& node = tree_.nodes[stack_.back().node];
    node.broken = true;
    node.end = static_cast<uint32_t>(at);
    const bool is_template = node.kind == Node::Kind::kTemplate;
    --open_[is_template ? 0 : 1];
    if (unclosed_issues_ < kMaxUnclosedIssues) {
      issues_->push_back({node.begin, is_template ? "unclosed {{ (no matching }})" : "unclosed [[ (no matching ]])"});
    } else if (unclosed_issues_ == kMaxUnclosedIssues) {
      issues_->push_back({node.begin, "more unclosed {{ or [[ (not reported one by one)"});
    }
    ++unclosed_issues_;
    stack_.pop_back();
  }

  void Close(Node::Kind kind) {
    Flush(i_);
    while (tree_.nodes[stack_.back().node].kind != kind) Break(i_);
    EndPart(i_);
    Node& node = tree_.nodes[stack_.back().node];
    i_ += 2;
    node.end = static_cast<uint32_t>(i_);
    --open_[kind == Node::Kind::kTemplate ? 0 : 1];
    stack_.pop_back();
    text_start_ = i_;
  }

  std::string_view in_;
  size_t end_;
  std::vector<Issue>* issues_;
  Closings closings_;
  Tree tree_;
  std::vector<Frame> stack_;
  size_t open_[2] = {0, 0};  // open templates, open links
  size_t text_start_ = 0;
  size_t i_ = 0;
  int unclosed_issues_ = 0;
};

}  // namespace

Tree ParseWikitext(std::string_view input, size_t begin, size_t end, std::vector<Issue>* issues) {
  return Parser(input, begin, std::min(end, input.size()), issues).Run();
}

std::string NodeName(std::string_view input, const Tree& tree, const Node& node) {
  std::string raw;
  if (!node.children.empty()) {
    for (uint32_t child : tree.nodes[node.children[0]].children) {
      const Node& c = tree.nodes[child];
      if (c.kind == Node::Kind::kText) raw.append(input.substr(c.begin, c.end - c.begin));
    }
  }
  std::string name;
  for (char c : TrimAscii(raw)) {
    bool space = c == '_' || IsSpaceByte(c);
    if (space && (name.empty() || name.back() == ' ')) continue;
    name.push_back(space ? ' ' : c);
  }
  while (!name.empty() && name.back() == ' ') name.pop_back();
  name = AsciiLower(name);
  if (node.kind == Node::Kind::kTemplate) {
    for (std::string_view prefix : {"safesubst:", "subst:", "template:"}) {
      if (name.rfind(prefix, 0) == 0) name = std::string(TrimAscii(std::string_view(name).substr(prefix.size())));
    }
  }
  return name;
}

std::string PartName(std::string_view input, const Node& part) {
  if (part.eq == std::string_view::npos) return "";
  return AsciiLower(TrimAscii(input.substr(part.begin, part.eq - part.begin)));
}

bool TagAttribute(std::string_view attributes, std::string_view name, std::string* value) {
  size_t i = 0;
  const size_t n = attributes.size();
  while (i < n) {
    while (i < n && (IsSpaceByte(attributes[i]) || attributes[i] == '/')) ++i;
    size_t start = i;
    while (i < n && !IsSpaceByte(attributes[i]) && attributes[i] != '=' && attributes[i] != '/') ++i;
    std::string key = AsciiLower(attributes.substr(start, i - start));
    while (i < n && IsSpaceByte(attributes[i])) ++i;
    std::string v;
    if (i < n && attributes[i] == '=') {
      ++i;
      while (i < n && IsSpaceByte(attributes[i])) ++i;
      if (i < n && (attributes[i] == '"' || attributes[i] == '\'')) {
        char q = attributes[i++];
        size_t close = attributes.find(q, i);
        if (close == std::string_view::npos) close = n;
        v = std::string(attributes.substr(i, close - i));
        i = std::min(n, close + 1);
      } else {
        size_t s = i;
        while (i < n && !IsSpaceByte(attributes[i])) ++i;
        v = std::string(attributes.substr(s, i - s));
      }
    }
    if (key.empty()) {
      if (i == start) ++i;
      continue;
    }
    if (key == name) {
      *value = std::string(TrimAscii(v));
      return true;
    }
  }
  return false;
}

}  // namespace wiki
}  // namespace article
}  // namespace citecheck
