// The reader's intermediate model: what the Markdown and HTML readers both
// produce, so that quote scanning, sentence splitting and attribution are
// written once. Internal to lib/article.
#ifndef CITECHECK_ARTICLE_DOCUMENT_H_
#define CITECHECK_ARTICLE_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/types.h"

namespace citecheck {
namespace article {

// A citation point inside a block's visible text. Marker text itself ("[1]")
// is not part of the visible text; the anchor sits where it stood.
struct Anchor {
  enum class Kind {
    kMarker,  // [1], [^note], <sup>[1]</sup>: may trail the sentence it belongs to
    kLink,    // an inline link: cites the sentence it stands in
  };
  Kind kind = Kind::kMarker;
  size_t offset = 0;  // byte offset into Block::text
  std::string key;    // "1", "^note" for markers; the URL as written for links
  size_t source_offset = 0;  // byte offset of the marker or link in the input
  std::string id;            // the citation id, filled in by BuildCitations
};

// A quotation whose delimiters are markup rather than characters: HTML <q>,
// <blockquote>, Markdown '>' blocks. [begin, end) is its text in Block::text.
struct ExplicitQuote {
  size_t begin = 0;
  size_t end = 0;
  size_t source_offset = 0;  // where the opening markup stands in the input
  std::string cite;          // the cite attribute, if any
};

// A paragraph (or heading, list item, blockquote): the unit inside which
// quotes must close and attribution looks for markers.
struct Block {
  std::string text;               // visible text; line breaks kept as '\n'
  std::vector<uint32_t> source;   // input byte offset of every byte of `text`
  std::vector<bool> opaque;       // per byte: code, URL, markup; never a quote mark
  std::vector<Anchor> anchors;    // in offset order
  std::vector<ExplicitQuote> explicit_quotes;
  bool heading = false;
  // kRef: the block is a citation template's quote (its text and one marker
  // of its own reference), so its quotes are that reference's alone.
  QuoteOrigin origin = QuoteOrigin::kText;

  // Appends `s` taken from input offset `src` onward (one source byte per byte).
  void Append(std::string_view s, size_t src, bool is_opaque = false);
  // Appends `s` whose bytes all map to the single input offset `src`.
  void AppendAt(std::string_view s, size_t src, bool is_opaque = false);
  bool Empty() const;  // true when the text is whitespace only and there are no anchors
};

// A reference-list entry: "[1] ... URL", "1. ... URL" under References,
// "[^id]: ... URL", an HTML <li>.
struct ReferenceEntry {
  std::string key;  // "1" or "^id"
  std::string url;  // as written; empty when the entry has none
  size_t source_offset = 0;      // where the entry starts in the input
  size_t url_source_offset = 0;  // where the URL starts in the input
  // What a MediaWiki reference says beyond its URL (docs/reading.md
  // "MediaWiki articles"), copied into its Citation. no_url: the reference
  // gives no online source (link status no_url, never unresolved).
  bool no_url = false;
  std::string name;
  std::string group;
  std::string title;
  std::string access_date;  // YYYY-MM-DD
  std::string url_status;
  std::string archive_url;
  std::string archive_date;  // YYYY-MM-DD
};

struct Document {
  std::string title;  // empty when none
  std::string date;   // publication date, YYYY-MM-DD; empty when none
  std::vector<Block> blocks;
  std::vector<ReferenceEntry> entries;
};

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_DOCUMENT_H_
