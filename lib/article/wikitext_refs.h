// References of a wikitext article as the Cite extension numbers them:
// <ref> tags, named references and their reuse (<ref name=x />, {{r|x}}),
// list-defined references inside <references>, group= numbering, {{sfn}}
// (docs/wikitext.md "References"). Internal to lib/article.
#ifndef CITECHECK_ARTICLE_WIKITEXT_REFS_H_
#define CITECHECK_ARTICLE_WIKITEXT_REFS_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "article/wikitext_cs1.h"
#include "article/wikitext_render.h"
#include "article/wikitext_tree.h"

namespace citecheck {
namespace article {
namespace wiki {

struct RefRecord {
  std::string id;     // "1", "note 1": the number MediaWiki shows, group first
  std::string group;  // "" for the default group
  std::string name;   // "" when unnamed
  size_t first_use = 0;    // input offset of its first <ref> / {{r}}
  bool defined = false;    // has content (false: a name used but never defined)
  size_t def_offset = 0;   // input offset of the defining <ref>
  std::string content;     // the definition as written, trimmed
  RefContent fields;
};

// The renderer's RefSink: numbers references in order of first use within
// their group. Problems (an empty <ref>, a second definition with other
// content, a list-defined reference never used, a name never defined) are
// Issues; the first definition wins, as in MediaWiki.
class RefRegistry : public RefSink {
 public:
  RefRegistry(std::string_view input, std::vector<Issue>* issues);

  std::vector<std::string> Ref(const Tree& tree, const Node& node) override;
  void References(const Node& tag) override;
  void ListDefined(const Tree& tree, const std::vector<uint32_t>& nodes, const std::string& group) override;
  // Reports the names used but never defined; call once, after rendering.
  void Finish();

  // In order of first use.
  const std::vector<RefRecord>& refs() const { return refs_; }

 private:
  std::vector<std::string> RefTag(const Node& tag);
  std::vector<std::string> ReuseTemplate(const Tree& tree, const Node& node);
  std::vector<std::string> FootnoteTemplate(const Tree& tree, const Node& node);
  size_t Use(const std::string& group, const std::string& name, size_t offset);
  void Define(size_t index, const Node& tag, std::string_view content);

  std::string_view in_;
  std::vector<Issue>* issues_;
  std::vector<RefRecord> refs_;
  std::map<std::pair<std::string, std::string>, size_t> by_name_;  // (group, name) -> index
  std::map<std::string, int> counters_;                            // group -> last number
};

}  // namespace wiki
}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_WIKITEXT_REFS_H_
