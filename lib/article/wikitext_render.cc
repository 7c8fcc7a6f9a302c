// Renderer, part 2: the constructs of the tree (templates, wikilinks,
// extension tags), blocks and explicit quotations. docs/wikitext.md "Prose".
#include "article/wikitext_render.h"

#include <algorithm>

#include "article/text_util.h"

namespace citecheck {
namespace article {
namespace wiki {
namespace {

struct Symbol {
  const char* name;
  const char* text;
};
// Templates that stand for a character.
constexpr Symbol kSymbols[] = {
    {"!", "|"},        {"=", "="},  {"'", "'"},    {"snd", " \xE2\x80\x93 "}, {"spaced ndash", " \xE2\x80\x93 "},
    {"ndash", "\xE2\x80\x93"},     {"mdash", "\xE2\x80\x94"}, {"nbsp", "\xC2\xA0"}, {"spaces", " "},
    {"ellipsis", "\xE2\x80\xA6"},  {"...", "\xE2\x80\xA6"},   {"-", ""},
};

// Templates shown as one of their positional parameters: 1-based index, or
// -1 for the last one.
int ShownParameter(const std::string& name) {
  if (name == "lang") return 2;
  if (name == "transl" || name == "transliteration") return -1;
  if (name.rfind("lang-", 0) == 0) return 1;
  for (const char* n : {"nowrap", "nobr", "sic", "small", "smaller", "big", "em", "strong", "noitalic",
                        "not a typo", "as written", "smallcaps", "script", "nobold", "resize", "ill"}) {
    if (name == n) return 1;
  }
  return 0;
}

bool IsQuoteTemplate(const std::string& name) {
  for (const char* n : {"quote", "blockquote", "cquote", "quote box", "quotation", "rquote", "quote frame"}) {
    if (name == n) return true;
  }
  return false;
}

bool IsRefTemplate(const std::string& name) {
  return name == "r" || name == "sfn" || name == "sfnp" || name == "sfnm";
}

// Links that MediaWiki does not show as text: files, categories, and
// interlanguage links ("fr:Paris"), unless written with a leading ':'.
bool IsHiddenLink(const std::string& target) {
  if (target.empty() || target[0] == ':') return false;
  for (const char* prefix : {"file:", "image:", "category:", "media:"}) {
    if (target.rfind(prefix, 0) == 0) return true;
  }
  size_t colon = target.find(':');
  if (colon < 2 || colon > 3 || colon == std::string::npos) return false;
  return std::all_of(target.begin(), target.begin() + static_cast<long>(colon), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::vector<uint32_t> ValueNodes(const Tree& tree, const Node& part) {
  if (part.eq == std::string_view::npos) return part.children;
  std::vector<uint32_t> out;
  for (uint32_t child : part.children) {
    if (tree.nodes[child].begin > part.eq) out.push_back(child);
  }
  return out;
}

Renderer::Renderer(std::string_view input, RefSink* sink, std::vector<Issue>* issues)
    : in_(input), sink_(sink), issues_(issues) {}

std::vector<Block> Renderer::Prose(const Tree& tree, std::string* title) {
  VisitAll(tree, tree.root().children, Mode::kProse, 0);
  Flush();
  *title = title_;
  return std::move(blocks_);
}

Block Renderer::Inline(const Tree& tree, const std::vector<uint32_t>& nodes) {
  cur_ = Block();
  VisitAll(tree, nodes, Mode::kInline, 0);
  if (quote_open_) CloseQuote();
  return std::move(cur_);
}

void Renderer::VisitAll(const Tree& tree, const std::vector<uint32_t>& nodes, Mode mode, int depth) {
  for (uint32_t index : nodes) Visit(tree, index, mode, depth);
}

void Renderer::Visit(const Tree& tree, uint32_t index, Mode mode, int depth) {
  const Node& node = tree.nodes[index];
  if (depth > kMaxRenderDepth) {
    if (!depth_reported_) {
      issues_->push_back({node.begin, "templates or links nested more than " + std::to_string(kMaxRenderDepth) +
                                          " deep: the inner ones are ignored"});
      depth_reported_ = true;
    }
    return;
  }
  const Mode shown = mode == Mode::kProse && table_depth_ > 0 ? Mode::kSkip : mode;
  switch (node.kind) {
    case Node::Kind::kText:
      return Text(node.begin, node.end, mode);
    case Node::Kind::kComment:
      return;
    case Node::Kind::kTag:
      return ExtensionTag(tree, node, shown, depth);
    case Node::Kind::kTemplate:
      return node.broken ? Literal(tree, node, mode, depth) : Template(tree, node, shown, depth);
    case Node::Kind::kLink:
      return node.broken ? Literal(tree, node, mode, depth) : WikiLink(tree, node, shown, depth);
    case Node::Kind::kRoot:
    case Node::Kind::kPart:
      return VisitAll(tree, node.children, mode, depth);
  }
}

void Renderer::ExtensionTag(const Tree& tree, const Node& node, Mode mode, int depth) {
  const std::string& name = node.name;
  const std::string_view inner = in_.substr(node.inner_begin, node.inner_end - node.inner_begin);
  if (name == "ref") {
    AddAnchors(sink_ != nullptr ? sink_->Ref(tree, node) : std::vector<std::string>{}, node.begin, mode);
    return;
  }
  if (name == "references") {
    if (mode == Mode::kProse) Flush();
    if (sink_ != nullptr) sink_->References(node);
    return;
  }
  if (mode == Mode::kSkip) return;
  if (name == "nowiki") return cur_.Append(inner, node.inner_begin);
  if (name == "poem") {
    Tree poem = ParseWikitext(in_, node.inner_begin, node.inner_end, issues_);
    return VisitAll(poem, poem.root().children, Mode::kInline, depth + 1);
  }
  for (const char* code : {"code", "math", "chem", "ce", "score", "hiero", "pre", "syntaxhighlight", "source"}) {
    if (name == code) return cur_.Append(inner, node.inner_begin, /*is_opaque=*/true);
  }
}

void Renderer::Template(const Tree& tree, const Node& node, Mode mode, int depth) {
  const std::string name = NodeName(in_, tree, node);
  if (IsRefTemplate(name)) {
    AddAnchors(sink_ != nullptr ? sink_->Ref(tree, node) : std::vector<std::string>{}, node.begin, mode);
    return;
  }
  std::vector<uint32_t> parts(node.children.begin() + 1, node.children.end());
  if (name == "reflist" || name == "references") return ReflistTemplate(tree, parts);
  if (mode != Mode::kSkip) {
    if (IsQuoteTemplate(name)) return QuoteTemplate(tree, node, depth);
    for (const Symbol& s : kSymbols) {
      if (name == s.name) return cur_.AppendAt(s.text, node.begin);
    }
    if (int shown = ShownParameter(name); shown != 0) {
      std::vector<uint32_t> positional;
      for (uint32_t p : parts) {
        if (tree.nodes[p].eq == std::string_view::npos) positional.push_back(p);
      }
      size_t k = shown < 0 ? positional.size() : static_cast<size_t>(shown);
      if (k >= 1 && k <= positional.size()) {
        return VisitAll(tree, tree.nodes[positional[k - 1]].children, Mode::kInline, depth + 1);
      }
      return;
    }
  }
  // Dropped (an infobox, a navigation box…), but the references inside
  // still count.
  VisitAll(tree, parts, Mode::kSkip, depth + 1);
}

// {{reflist|refs=<ref name=a>…</ref>…}}: list-defined references.
void Renderer::ReflistTemplate(const Tree& tree, const std::vector<uint32_t>& parts) {
  if (sink_ == nullptr) return;
  std::string group;
  for (uint32_t p : parts) {
    if (PartName(in_, tree.nodes[p]) == "group") group = std::string(Trim(in_.substr(tree.nodes[p].eq + 1, tree.nodes[p].end - tree.nodes[p].eq - 1)));
  }
  for (uint32_t p : parts) {
    if (PartName(in_, tree.nodes[p]) == "refs") sink_->ListDefined(tree, ValueNodes(tree, tree.nodes[p]), group);
  }
}

// {{quote|text|author|source}} (or text= / quote=, author=, source=): a block
// quotation of the text, followed by who said it and where.
void Renderer::QuoteTemplate(const Tree& tree, const Node& node, int depth) {
  const Node* text = nullptr;
  std::vector<const Node*> credits;
  std::vector<const Node*> others;
  int position = 0;
  for (size_t k = 1; k < node.children.size(); ++k) {
    const Node& part = tree.nodes[node.children[k]];
    std::string key = PartName(in_, part);
    if (key.empty()) key = std::to_string(++position);
    if (key == "text" || key == "quote" || key == "1") {
      if (text == nullptr) text = &part;
    } else if (key == "author" || key == "sign" || key == "2" || key == "source" || key == "title" || key == "3") {
      credits.push_back(&part);
    } else {
      others.push_back(&part);
    }
  }
  const bool block = !quote_open_;
  if (block) Flush();
  if (text != nullptr) {
    if (block) OpenQuote(text->begin);
    VisitAll(tree, ValueNodes(tree, *text), Mode::kInline, depth + 1);
    if (block) CloseQuote();
  }
  for (const Node* credit : credits) {
    cur_.AppendAt(" \xE2\x80\x94 ", credit->begin);
    VisitAll(tree, ValueNodes(tree, *credit), Mode::kInline, depth + 1);
  }
  for (const Node* other : others) VisitAll(tree, other->children, Mode::kSkip, depth + 1);
  if (block) Flush();
}

void Renderer::WikiLink(const Tree& tree, const Node& node, Mode mode, int depth) {
  const std::string target = NodeName(in_, tree, node);
  if (mode == Mode::kSkip || IsHiddenLink(target)) {
    return VisitAll(tree, node.children, Mode::kSkip, depth + 1);
  }
  const Node& label = tree.nodes[node.children.back()];
  if (node.children.size() > 1 && !IsBlank(in_.substr(label.begin, label.end - label.begin))) {
    return VisitAll(tree, label.children, Mode::kInline, depth + 1);
  }
  const Node& first = tree.nodes[node.children[0]];
  for (uint32_t child : first.children) {
    const Node& c = tree.nodes[child];
    if (c.kind == Node::Kind::kText && c.begin == first.begin && c.end > c.begin && in_[c.begin] == ':') {
      Text(c.begin + 1, c.end, Mode::kInline);
    } else {
      Visit(tree, child, Mode::kInline, depth + 1);
    }
  }
}

// A "{{" or "[[" that never closed: shown as written.
void Renderer::Literal(const Tree& tree, const Node& node, Mode mode, int depth) {
  const bool shown = mode != Mode::kSkip && !(mode == Mode::kProse && table_depth_ > 0);
  if (shown) cur_.Append(in_.substr(node.begin, 2), node.begin);
  for (size_t k = 0; k < node.children.size(); ++k) {
    const Node& part = tree.nodes[node.children[k]];
    if (k > 0 && shown) cur_.Append("|", part.begin - 1);
    bool eq_shown = part.eq == std::string_view::npos;
    for (uint32_t child : part.children) {
      if (!eq_shown && tree.nodes[child].begin > part.eq) {
        if (shown) cur_.Append("=", part.eq);
        eq_shown = true;
      }
      Visit(tree, child, mode, depth + 1);
    }
    if (!eq_shown && shown) cur_.Append("=", part.eq);
  }
}

void Renderer::AddAnchors(const std::vector<std::string>& ids, size_t source_offset, Mode mode) {
  if (mode == Mode::kSkip || (mode == Mode::kProse && table_depth_ > 0)) return;
  for (const std::string& id : ids) {
    Anchor anchor;
    anchor.kind = Anchor::Kind::kMarker;
    anchor.offset = cur_.text.size();
    anchor.key = id;
    anchor.source_offset = source_offset;
    cur_.anchors.push_back(std::move(anchor));
  }
}

void Renderer::OpenQuote(size_t source_offset) {
  if (quote_open_) return;
  quote_open_ = true;
  quote_begin_ = cur_.text.size();
  quote_source_ = source_offset;
}

// The quotation's position is its first visible character's, so that it
// points at the text of a {{quote}} parameter or a <blockquote>.
void Renderer::CloseQuote() {
  if (!quote_open_) return;
  quote_open_ = false;
  ExplicitQuote quote;
  quote.begin = quote_begin_;
  quote.end = cur_.text.size();
  size_t first = quote.begin;
  while (first < quote.end && IsSpace(CodePointAt(cur_.text, first))) first += SequenceLength(cur_.text[first]);
  quote.source_offset = first < quote.end ? cur_.source[first] : quote_source_;
  if (quote.end > quote.begin) cur_.explicit_quotes.push_back(quote);
}

void Renderer::Flush() {
  CloseQuote();
  if (cur_.heading) {
    while (!cur_.text.empty() && (cur_.text.back() == '=' || cur_.text.back() == ' ' || cur_.text.back() == '\t')) {
      cur_.text.pop_back();
      cur_.source.pop_back();
      cur_.opaque.pop_back();
    }
    for (Anchor& anchor : cur_.anchors) anchor.offset = std::min(anchor.offset, cur_.text.size());
  }
  if (!cur_.Empty()) {
    if (cur_.heading && title_.empty()) title_ = std::string(Trim(cur_.text));
    blocks_.push_back(std::move(cur_));
  }
  cur_ = Block();
  line_is_block_ = false;
  in_ext_link_ = false;
}

}  // namespace wiki
}  // namespace article
}  // namespace citecheck
