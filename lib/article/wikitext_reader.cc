#include "article/wikitext_reader.h"

#include <algorithm>
#include <map>

#include "article/wikitext_render.h"
#include "article/wikitext_tree.h"
#include "core/ascii.h"

namespace citecheck {
namespace article {
namespace {

// Sniffing reads this much of the article.
constexpr size_t kSniffBytes = 64 * 1024;

Diagnostic Warning(const std::string& file, const LineIndex& lines, size_t offset, std::string message) {
  Diagnostic d;
  d.severity = Diagnostic::Severity::kWarning;
  d.file = file;
  d.line = lines.Line(offset);
  d.column = lines.Column(offset);
  d.message = std::move(message);
  return d;
}

Quote TemplateQuote(const wiki::RefRecord& ref, const LineIndex& lines, int min_quote_words) {
  Quote quote;
  quote.text = ref.fields.quote;
  quote.line = lines.Line(ref.fields.quote_offset);
  quote.column = lines.Column(ref.fields.quote_offset);
  quote.citation_ids = {ref.id};
  quote.origin = QuoteOrigin::kRef;
  if (CountWords(quote.text) < min_quote_words) {
    quote.skipped = true;
    quote.skip_reason = "fewer than " + std::to_string(min_quote_words) + " words";
  }
  return quote;
}

void SetFields(const wiki::RefRecord& ref, Citation* c) {
  c->name = ref.name;
  c->group = ref.group;
  c->ref_title = ref.fields.title;
  c->access_date = ref.fields.access_date;
  c->url_status = ref.fields.url_status;
  c->archive_url = ref.fields.archive_url;
  c->archive_date = ref.fields.archive_date;
  // A reference with content but no link is a source that is not online (a
  // book, {{sfn}}, plain text); one never defined stays unresolved.
  c->no_url = ref.defined && ref.fields.url.empty();
}

}  // namespace

WikitextDocument ReadWikitext(std::string_view input, size_t start) {
  WikitextDocument out;
  wiki::Tree tree = wiki::ParseWikitext(input, start, input.size(), &out.issues);
  wiki::RefRegistry registry(input, &out.issues);
  wiki::Renderer renderer(input, &registry, &out.issues);
  out.doc.blocks = renderer.Prose(tree, &out.doc.title);
  registry.Finish();
  out.refs = registry.refs();
  for (const wiki::RefRecord& ref : out.refs) {
    if (!ref.defined) continue;
    ReferenceEntry entry;
    entry.key = ref.id;
    entry.url = ref.fields.url;
    entry.source_offset = ref.def_offset;
    entry.url_source_offset = ref.fields.url_offset;
    out.doc.entries.push_back(std::move(entry));
  }
  return out;
}

void ApplyWikitext(const WikitextDocument& wiki, const LineIndex& lines, const std::string& file,
                   int min_quote_words, Article* article) {
  std::map<std::string, size_t> order;
  for (size_t i = 0; i < wiki.refs.size(); ++i) order.emplace(wiki.refs[i].id, i);
  for (Citation& c : article->citations) {
    auto it = order.find(c.id);
    if (it == order.end()) continue;
    const wiki::RefRecord& ref = wiki.refs[it->second];
    SetFields(ref, &c);
    c.line = lines.Line(ref.defined ? ref.def_offset : ref.first_use);
  }
  std::stable_sort(article->citations.begin(), article->citations.end(), [&](const Citation& a, const Citation& b) {
    auto ia = order.find(a.id), ib = order.find(b.id);
    size_t ka = ia == order.end() ? order.size() : ia->second;
    size_t kb = ib == order.end() ? order.size() : ib->second;
    return ka < kb;
  });
  for (const wiki::RefRecord& ref : wiki.refs) {
    if (ref.defined && ref.fields.has_quote) article->quotes.push_back(TemplateQuote(ref, lines, min_quote_words));
  }
  std::stable_sort(article->quotes.begin(), article->quotes.end(), [](const Quote& a, const Quote& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  for (const wiki::Issue& issue : wiki.issues) {
    article->diagnostics.push_back(Warning(file, lines, issue.offset, issue.message));
  }
}

bool LooksLikeWikitext(std::string_view text) {
  const std::string head = AsciiLower(text.substr(0, kSniffBytes));
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first != std::string::npos) {
    for (std::string_view html : {"<!doctype", "<html", "<?xml"}) {
      if (head.compare(first, html.size(), html) == 0) return false;
    }
  }
  if (head.find("<body") != std::string::npos) return false;
  for (size_t at = head.find("<ref"); at != std::string::npos; at = head.find("<ref", at + 4)) {
    char next = at + 4 < head.size() ? head[at + 4] : '\0';
    if (next == '>' || next == ' ' || next == '/' || next == '\t' || next == '\n') return true;
  }
  for (std::string_view marker : {"{{cite ", "{{cite_", "{{citation", "{{sfn|", "{{reflist", "<references"}) {
    if (head.find(marker) != std::string::npos) return true;
  }
  return false;
}

}  // namespace article
}  // namespace citecheck
