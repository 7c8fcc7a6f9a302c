// Turns the preprocessor's tree into the reader's blocks of prose, the way
// MediaWiki shows them: '' and ''' dropped, [[target|label]] → label,
// [url label] → label, {{lang|xx|text}} → text, <nowiki> literal, files,
// categories, tables and other templates dropped, headings, list items and
// paragraphs as blocks, {{quote}} / <blockquote> as block quotations
// (docs/wikitext.md "Prose"). Every byte of a block keeps its source offset.
// Internal to lib/article.
#ifndef CITECHECK_ARTICLE_WIKITEXT_RENDER_H_
#define CITECHECK_ARTICLE_WIKITEXT_RENDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "article/document.h"
#include "article/wikitext_tree.h"

namespace citecheck {
namespace article {
namespace wiki {

// What the renderer hands on instead of showing: references.
class RefSink {
 public:
  virtual ~RefSink() = default;
  // A <ref> tag or a {{r}} / {{sfn}} template standing in the text: the
  // citation ids it stands for (none for an ignored one). Called for every
  // reference in text order, those in dropped content (infoboxes, tables)
  // included, since they are numbered too.
  virtual std::vector<std::string> Ref(const Tree& tree, const Node& node) = 0;
  // A <references> tag (its content may define list-defined references).
  virtual void References(const Node& tag) = 0;
  // The refs= of {{reflist}}: `nodes` may hold list-defined <ref> tags of `group`.
  virtual void ListDefined(const Tree& tree, const std::vector<uint32_t>& nodes, const std::string& group) = 0;
};

// Templates nested deeper than this are not rendered (an Issue says so).
constexpr int kMaxRenderDepth = 100;

class Renderer {
 public:
  // `sink` may be null (references are then ignored). `issues` is not owned.
  Renderer(std::string_view input, RefSink* sink, std::vector<Issue>* issues);

  // The article's blocks; *title is the first heading's text ("" if none).
  std::vector<Block> Prose(const Tree& tree, std::string* title);
  // `nodes` (children of one part or tag) rendered as one line of text.
  Block Inline(const Tree& tree, const std::vector<uint32_t>& nodes);

 private:
  enum class Mode { kProse, kInline, kSkip };

  void Visit(const Tree& tree, uint32_t index, Mode mode, int depth);
  void VisitAll(const Tree& tree, const std::vector<uint32_t>& nodes, Mode mode, int depth);
  void Text(size_t begin, size_t end, Mode mode);
  size_t LineStart(size_t pos, size_t end);
  size_t Inline(size_t pos, size_t end);
  size_t HtmlTag(size_t pos, size_t end);
  size_t ExternalLink(size_t pos, size_t end);
  void ExtensionTag(const Tree& tree, const Node& node, Mode mode, int depth);
  void Template(const Tree& tree, const Node& node, Mode mode, int depth);
  void QuoteTemplate(const Tree& tree, const Node& node, int depth);
  void ReflistTemplate(const Tree& tree, const std::vector<uint32_t>& parts);
  void WikiLink(const Tree& tree, const Node& node, Mode mode, int depth);
  void Literal(const Tree& tree, const Node& node, Mode mode, int depth);
  void AddAnchors(const std::vector<std::string>& ids, size_t source_offset, Mode mode);
  void OpenQuote(size_t source_offset);
  void CloseQuote();
  void Flush();

  std::string_view in_;
  RefSink* sink_;
  std::vector<Issue>* issues_;
  std::vector<Block> blocks_;
  Block cur_;
  std::string title_;
  bool line_start_ = true;
  bool line_is_block_ = false;  // a heading or list item: ends with its line
  int table_depth_ = 0;
  bool in_ext_link_ = false;     // inside [url label …], waiting for ']'
  bool quote_open_ = false;      // an explicit quotation is open in cur_
  size_t quote_begin_ = 0;       // where it starts in cur_.text
  size_t quote_source_ = 0;      // and in the input
  bool depth_reported_ = false;
};

// The nodes of a part's value: after its '=' when named, all when positional.
std::vector<uint32_t> ValueNodes(const Tree& tree, const Node& part);

}  // namespace wiki
}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_WIKITEXT_RENDER_H_
