#include "article/wikitext_refs.h"

#include "article/text_util.h"

namespace citecheck {
namespace article {
namespace wiki {
namespace {

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

std::string RawPart(std::string_view input, const Node& part) {
  size_t from = part.eq == std::string_view::npos ? part.begin : part.eq + 1;
  return std::string(Trim(input.substr(from, part.end - from)));
}

}  // namespace

RefRegistry::RefRegistry(std::string_view input, std::vector<Issue>* issues) : in_(input), issues_(issues) {}

std::vector<std::string> RefRegistry::Ref(const Tree& tree, const Node& node) {
  if (node.kind == Node::Kind::kTag) return RefTag(node);
  const std::string name = NodeName(in_, tree, node);
  if (name == "r") return ReuseTemplate(tree, node);
  return FootnoteTemplate(tree, node);
}

size_t RefRegistry::Use(const std::string& group, const std::string& name, size_t offset) {
  if (!name.empty()) {
    auto known = by_name_.find({group, name});
    if (known != by_name_.end()) return known->second;
  }
  RefRecord record;
  const int number = ++counters_[group];
  record.id = group.empty() ? std::to_string(number) : group + " " + std::to_string(number);
  record.group = group;
  record.name = name;
  record.first_use = offset;
  refs_.push_back(std::move(record));
  if (!name.empty()) by_name_.emplace(std::make_pair(group, name), refs_.size() - 1);
  return refs_.size() - 1;
}

void RefRegistry::Define(size_t index, const Node& tag, std::string_view content) {
  RefRecord& record = refs_[index];
  if (record.defined) {
    if (record.content != content) {
      issues_->push_back({tag.begin, "reference " + Quoted(record.name) +
                                         " is defined more than once with different content (the first is kept)"});
    }
    return;
  }
  record.defined = true;
  record.def_offset = tag.begin;
  record.content = std::string(content);
  record.fields = ReadRefContent(in_, tag.inner_begin, tag.inner_end, issues_);
}

std::vector<std::string> RefRegistry::RefTag(const Node& tag) {
  std::string_view attributes = in_.substr(tag.attr_begin, tag.attr_end - tag.attr_begin);
  std::string name, group;
  TagAttribute(attributes, "name", &name);
  TagAttribute(attributes, "group", &group);
  std::string_view content = Trim(in_.substr(tag.inner_begin, tag.inner_end - tag.inner_begin));
  if (name.empty() && content.empty()) {
    issues_->push_back({tag.begin, "empty <ref> without a name (MediaWiki shows an error; ignored)"});
    return {};
  }
  size_t index = Use(group, name, tag.begin);
  if (!content.empty()) Define(index, tag, content);
  return {refs_[index].id};
}

// {{r|a|b}}: reuses named references; group= applies to all of them.
std::vector<std::string> RefRegistry::ReuseTemplate(const Tree& tree, const Node& node) {
  std::string group;
  std::vector<const Node*> names;
  for (size_t k = 1; k < node.children.size(); ++k) {
    const Node& part = tree.nodes[node.children[k]];
    std::string key = PartName(in_, part);
    if (key.empty()) names.push_back(&part);
    else if (key == "group" || key == "g") group = RawPart(in_, part);
  }
  std::vector<std::string> ids;
  for (const Node* part : names) {
    std::string name = RawPart(in_, *part);
    if (name.empty()) continue;
    ids.push_back(refs_[Use(group, name, node.begin)].id);
  }
  if (ids.empty()) issues_->push_back({node.begin, "{{r}} without a reference name (ignored)"});
  return ids;
}

// {{sfn|Author|Year|p=…}}: a short footnote, one per distinct set of
// parameters, named as the template names it ("FOOTNOTE" + its parameters);
// it has no URL.
std::vector<std::string> RefRegistry::FootnoteTemplate(const Tree& tree, const Node& node) {
  std::string name = "FOOTNOTE";
  std::string locator;
  for (size_t k = 1; k < node.children.size(); ++k) {
    const Node& part = tree.nodes[node.children[k]];
    std::string key = PartName(in_, part);
    if (key.empty()) name += RawPart(in_, part);
    else if (key == "p" || key == "pp" || key == "loc") locator += RawPart(in_, part);
  }
  name += locator;
  size_t index = Use("", name, node.begin);
  RefRecord& record = refs_[index];
  if (!record.defined) {
    record.defined = true;
    record.def_offset = node.begin;
    record.content = std::string(in_.substr(node.begin, node.end - node.begin));
  }
  return {record.id};
}

void RefRegistry::References(const Node& tag) {
  if (tag.self_closing || tag.inner_end <= tag.inner_begin) return;
  std::string list_group;
  TagAttribute(in_.substr(tag.attr_begin, tag.attr_end - tag.attr_begin), "group", &list_group);
  Tree tree = ParseWikitext(in_, tag.inner_begin, tag.inner_end, issues_);
  ListDefined(tree, tree.root().children, list_group);
}

void RefRegistry::ListDefined(const Tree& tree, const std::vector<uint32_t>& nodes, const std::string& list_group) {
  for (uint32_t index : nodes) {
    const Node& node = tree.nodes[index];
    if (node.kind != Node::Kind::kTag || node.name != "ref") continue;
    std::string_view attributes = in_.substr(node.attr_begin, node.attr_end - node.attr_begin);
    std::string name, group = list_group;
    TagAttribute(attributes, "name", &name);
    TagAttribute(attributes, "group", &group);
    std::string_view content = Trim(in_.substr(node.inner_begin, node.inner_end - node.inner_begin));
    if (name.empty()) {
      issues_->push_back({node.begin, "a <ref> inside <references> needs a name (ignored)"});
      continue;
    }
    auto known = by_name_.find({group, name});
    if (known == by_name_.end()) {
      issues_->push_back({node.begin, "list-defined reference " + Quoted(name) + " is not used in the article (ignored)"});
      continue;
    }
    if (content.empty()) {
      issues_->push_back({node.begin, "list-defined reference " + Quoted(name) + " has no content"});
      continue;
    }
    Define(known->second, node, content);
  }
}

void RefRegistry::Finish() {
  for (const RefRecord& record : refs_) {
    if (!record.defined) {
      issues_->push_back({record.first_use, "reference " + Quoted(record.name) +
                                                " is used but never defined (no text was given for it)"});
    }
  }
}

}  // namespace wiki
}  // namespace article
}  // namespace citecheck
