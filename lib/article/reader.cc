#include "article/reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "article/attribution.h"
#include "article/citations.h"
#include "article/document.h"
#include "article/html_reader.h"
#include "article/markdown_reader.h"
#include "article/quote_scanner.h"
#include "article/sentences.h"
#include "article/text_util.h"
#include "article/wikitext_reader.h"
#include "core/ascii.h"
#include "core/media_type.h"
#include "core/utf8.h"
#include "html/attribute_guard.h"
#include "html/nesting_guard.h"

namespace citecheck {
namespace {

using article::Block;
using article::FoundQuote;

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

ArticleFormat DetectFormat(std::string_view text, const std::string& source, ArticleFormat format) {
  if (format != ArticleFormat::kAuto) return format;
  const std::string lower = AsciiLower(source);
  for (std::string_view ext : {".html", ".htm", ".xhtml"}) {
    if (EndsWith(lower, ext)) return ArticleFormat::kHtml;
  }
  for (std::string_view ext : {".wiki", ".wikitext", ".mediawiki"}) {
    if (EndsWith(lower, ext)) return ArticleFormat::kWikitext;
  }
  for (std::string_view ext : {".md", ".markdown", ".txt", ".text"}) {
    if (EndsWith(lower, ext)) return ArticleFormat::kMarkdown;
  }
  if (article::LooksLikeWikitext(text)) return ArticleFormat::kWikitext;
  return LooksLikeHtml(text) ? ArticleFormat::kHtml : ArticleFormat::kMarkdown;
}

// The quotation's text as written: delimiters stripped, line breaks (with
// the white space around them) joined into one space.
std::string QuoteText(const Block& block, const FoundQuote& q) {
  std::string_view raw = article::Trim(std::string_view(block.text).substr(q.begin, q.end - q.begin));
  std::string out;
  size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] != '\n') {
      out += raw[i++];
      continue;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    while (i < raw.size() && (raw[i] == '\n' || raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r')) ++i;
    out += ' ';
  }
  return out;
}

Diagnostic MakeDiagnostic(Diagnostic::Severity severity, const std::string& file, int line,
                          int column, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.file = file;
  d.line = line;
  d.column = column;
  d.message = std::move(message);
  return d;
}

// Checks that `text` is an article at all; adds the error when it is not.
bool CheckInput(std::string_view text, const std::string& source, std::vector<Diagnostic>* out) {
  constexpr auto kError = Diagnostic::Severity::kError;
  size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    article::LineIndex lines(text.substr(0, nul + 1));
    out->push_back(MakeDiagnostic(kError, source, lines.Line(nul), lines.Column(nul),
                                  "binary file (not text)"));
    return false;
  }
  size_t bad = 0;
  if (!IsValidUtf8(text, &bad)) {
    article::LineIndex lines(text.substr(0, bad));
    int line = lines.Line(bad), column = lines.Column(bad);
    out->push_back(MakeDiagnostic(kError, source, line, column,
                                  "invalid UTF-8 at line " + std::to_string(line) + ", column " +
                                      std::to_string(column)));
    return false;
  }
  if (article::IsBlank(text.substr(text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0))) {
    out->push_back(MakeDiagnostic(kError, source, 1, 1, "article is empty"));
    return false;
  }
  return true;
}

void AddQuotes(const Block& block, const article::LineIndex& lines, const ArticleOptions& options,
               std::vector<Quote>* out) {
  std::vector<FoundQuote> found = article::ScanQuotes(block);
  std::vector<size_t> sentences = article::SplitSentences(block, found);
  article::Attributor attributor(block, sentences);
  for (const FoundQuote& q : found) {
    Quote quote;
    quote.text = QuoteText(block, q);
    quote.line = lines.Line(q.source_offset);
    quote.column = lines.Column(q.source_offset);
    quote.citation_ids = attributor.For(q);
    quote.origin = block.origin;
    if (block.heading) {
      // Quotation marks in a heading are the article's own emphasis or a
      // title, not words it attributes to a source.
      quote.skipped = true;
      quote.skip_reason = "in a heading";
    } else if (!q.closed) {
      quote.skipped = true;
      quote.skip_reason = "no closing quotation mark";
    } else if (article::CountWords(quote.text) < options.min_quote_words) {
      quote.skipped = true;
      quote.skip_reason = "fewer than " + std::to_string(options.min_quote_words) + " words";
    }
    out->push_back(std::move(quote));
  }
}

// A quotation repeated under different citations is one claim about several
// sources: every occurrence is checked against all of them, and is verified
// when any page has it.
void ShareCitationsOfRepeatedQuotes(std::vector<Quote>* quotes) {
  struct Ids {
    std::vector<std::string> in_order;
    std::set<std::string> seen;
  };
  std::map<std::string, Ids> ids_by_text;
  auto key = [](const Quote& q) {
    std::string k;
    for (char c : q.text) {
      bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
      if (!space) k.push_back(c);
      else if (!k.empty() && k.back() != ' ') k.push_back(' ');
    }
    return k;
  };
  // A template quote (origin kRef) is its own reference's claim alone: it
  // neither lends nor borrows citations.
  for (const Quote& q : *quotes) {
    if (q.skipped || q.origin == QuoteOrigin::kRef) continue;
    Ids& ids = ids_by_text[key(q)];
    for (const std::string& id : q.citation_ids) {
      if (ids.in_order.size() >= article::kMaxCitationsPerQuote) break;
      if (ids.seen.insert(id).second) ids.in_order.push_back(id);
    }
  }
  for (Quote& q : *quotes) {
    if (!q.skipped && q.origin == QuoteOrigin::kText) q.citation_ids = ids_by_text[key(q)].in_order;
  }
}

}  // namespace

Article ReadArticle(std::string_view text, const std::string& source, const ArticleOptions& options) {
  Article result;
  result.source = source;
  if (!CheckInput(text, source, &result.diagnostics)) return result;
  const size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  const ArticleFormat format = DetectFormat(text, source, options.format);
  article::Document doc;
  article::WikitextDocument wiki;
  if (format == ArticleFormat::kHtml) {
    // gumbo has no depth limit: refuse what would exhaust it (html/nesting_guard.h).
    if (MaxOpenElements(text) > kMaxOpenElements) {
      result.diagnostics.push_back(MakeDiagnostic(
          Diagnostic::Severity::kError, source, 0, 0,
          "too deeply nested (more than " + std::to_string(kMaxOpenElements) + " open elements)"));
      return result;
    }
    if (MaxAttributesPerElement(text) > kMaxAttributesPerElement) {
      result.diagnostics.push_back(MakeDiagnostic(
          Diagnostic::Severity::kError, source, 0, 0,
          "too many attributes on one element (more than " + std::to_string(kMaxAttributesPerElement) + ")"));
      return result;
    }
    doc = article::ReadHtml(text);
  } else if (format == ArticleFormat::kWikitext) {
    wiki = article::ReadWikitext(text, start);
    doc = std::move(wiki.doc);
  } else {
    doc = article::ReadMarkdown(text, start);
  }
  article::LineIndex lines(text);
  result.citations = article::BuildCitations(&doc, lines, source, &result.diagnostics);
  for (const Block& block : doc.blocks) {
    AddQuotes(block, lines, options, &result.quotes);
  }
  if (format == ArticleFormat::kWikitext) {
    article::ApplyWikitext(wiki, lines, source, options.min_quote_words, &result);
  }
  ShareCitationsOfRepeatedQuotes(&result.quotes);
  if (!doc.title.empty()) result.title = doc.title;
  result.date = doc.date;
  if (result.citations.empty()) {
    result.diagnostics.push_back(
        MakeDiagnostic(Diagnostic::Severity::kWarning, source, 0, 0, "no citations found"));
  }
  return result;
}

}  // namespace citecheck
