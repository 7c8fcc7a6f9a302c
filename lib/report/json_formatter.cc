#include "report/json_formatter.h"

#include <nlohmann/json.hpp>

#include "report/changes_section.h"
#include "report/review_label.h"
#include "report/summary.h"
#include "report/summary_json.h"

namespace citecheck {
namespace {

// Insertion order, so the output reads in the order of docs/report-json.md (schema first).
using json = nlohmann::ordered_json;

constexpr const char* kSchema = "citecheck.report/1";

// Empty strings and zero numbers mean "none" in the records; tools reading
// the report should not have to know that convention.
json StringOrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }
json PositiveOrNull(long long value) { return value > 0 ? json(value) : json(nullptr); }

// SPEC "Archived copies": null when no copy was sought.
json ArchiveJson(const std::optional<CitationArchive>& archive) {
  if (!archive) return nullptr;
  return {{"url", archive->url ? json(*archive->url) : json(nullptr)},
          {"datetime", StringOrNull(archive->datetime)},
          {"from", archive->from},
          {"suggested", archive->suggested},
          {"http_status", PositiveOrNull(archive->http_status)},
          {"link_status", ToString(archive->link_status)},
          {"error", StringOrNull(archive->error)}};
}

json CitationJson(const CitationRecord& c) {
  json out = {{"id", c.citation.id},
              {"url", c.citation.url},
              {"final_url", StringOrNull(c.final_url)},
              {"http_status", PositiveOrNull(c.http_status)},
              {"link_status", ToString(c.link_status)},
              {"error", StringOrNull(c.error)},
              {"content_type", StringOrNull(c.content_type)},
              {"language", StringOrNull(c.language)},
              {"title", StringOrNull(c.title)},
              {"line", PositiveOrNull(c.citation.line)},
              {"paywalled", c.paywalled}};
  // What a MediaWiki reference says about itself (docs/report-json.md); null
  // when not set. archive_url / archive_date are the article's own
  // archive-url=; "archive" stays for the archived copy citecheck checks.
  const std::pair<const char*, const std::string*> reference_fields[] = {
      {"name", &c.citation.name},           {"group", &c.citation.group},
      {"ref_title", &c.citation.ref_title}, {"access_date", &c.citation.access_date},
      {"url_status", &c.citation.url_status}, {"archive_url", &c.citation.archive_url},
      {"archive_date", &c.citation.archive_date}};
  for (const auto& [key, value] : reference_fields) {
    out[key] = StringOrNull(*value);
  }
  out["archive"] = ArchiveJson(c.archive);
  return out;
}

json EvidenceJson(const std::optional<Evidence>& evidence) {
  if (!evidence) return nullptr;
  json differences = json::array();
  for (const auto& [article, page] : evidence->differences) {
    differences.push_back({{"article", article}, {"page", page}});
  }
  return {{"citation", evidence->citation_id},
          {"snippet", evidence->snippet},
          {"offset", evidence->offset},
          {"length", evidence->length},
          {"matched", evidence->matched},
          {"differences", differences},
          {"page", evidence->page > 0 ? json(evidence->page) : json(nullptr)},
          {"archived", evidence->archived},
          {"archive_url", evidence->archived ? json(evidence->archive_url) : json(nullptr)},
          {"archive_datetime", StringOrNull(evidence->archive_datetime)}};
}

json QuoteJson(const QuoteRecord& q) {
  return {{"text", q.quote.text},
          {"line", q.quote.line},
          {"column", q.quote.column},
          {"citations", q.quote.citation_ids},
          {"status", QuoteStatusName(q)},
          {"score", q.decided ? q.verdict.score : 0.0},
          {"evidence", q.decided ? EvidenceJson(q.verdict.evidence) : json(nullptr)},
          {"reason", q.decided ? StringOrNull(q.verdict.reason) : json(nullptr)},
          {"origin", q.quote.origin == QuoteOrigin::kRef ? "ref" : "text"}};
}

// "key" and "review" (docs/review.md), added after the item's other fields.
json WithReview(json item, const std::string& key, const std::optional<ReviewMark>& review) {
  item["key"] = StringOrNull(key);
  item["review"] = ReviewJson(review);
  return item;
}

json DiagnosticJson(const Diagnostic& d) {
  return {{"severity", d.severity == Diagnostic::Severity::kError ? "error" : "warning"},
          {"file", d.file},
          {"line", PositiveOrNull(d.line)},
          {"column", PositiveOrNull(d.column)},
          {"message", d.message}};
}

json ArticleJson(const ArticleRecord& article) {
  json citations = json::array();
  for (const CitationRecord& c : article.citations) citations.push_back(WithReview(CitationJson(c), c.key, c.review));
  json quotes = json::array();
  for (const QuoteRecord& q : article.quotes) quotes.push_back(WithReview(QuoteJson(q), q.key, q.review));
  json diagnostics = json::array();
  for (const Diagnostic& d : article.diagnostics) diagnostics.push_back(DiagnosticJson(d));
  json out = {{"source", article.source},
              {"title", article.title && !article.title->empty() ? json(*article.title) : json(nullptr)},
              {"checked_at", article.checked_at},
              {"summary", SummaryJson(Summarize(article))},
              {"citations", citations},
              {"quotes", quotes},
              {"diagnostics", diagnostics}};
  // Additive: only when the caller attached history (lib/history).
  if (article.changes) out["changes"] = ChangesJson(*article.changes);
  return out;
}

// What report.dump(2) would print, built one article at a time: a run of
// 10,000 articles as one json tree (and its copy in the report object) took
// about 3 GB, a few times the text. The report object is dumped with a
// placeholder for the articles array, split there into Head and Tail; each
// article is dumped alone and indented to its place (depth 2); a dumped JSON
// string never holds a raw newline, so every '\n' starts a line.
class JsonStream : public ReportStream {
 public:
  explicit JsonStream(const RunRecord& run) {
    // A placeholder the dump cannot produce otherwise (a control character
    // is always escaped).
    const std::string placeholder = R"("\u0001articles\u0001")";
    json report = {{"schema", kSchema},
                   {"articles", "\x01" "articles" "\x01"},
                   {"run",
                    {{"id", run.run_id},
                     {"trigger", run.trigger},
                     {"started_at", run.started_at},
                     {"finished_at", StringOrNull(run.finished_at)},
                     {"state", ToString(run.state)}}}};
    const std::string text = report.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    const size_t at = text.find(placeholder);
    head_ = text.substr(0, at);
    tail_ = text.substr(at + placeholder.size());
  }

  void Add(const ArticleRecord& article, std::string* body) override {
    const std::string one = ArticleJson(article).dump(2, ' ', false, json::error_handler_t::replace);
    *body += added_++ == 0 ? "[\n    " : ",\n    ";
    for (char c : one) {
      body->push_back(c);
      if (c == '\n') *body += "    ";
    }
  }
  std::string Head() const override { return head_; }
  std::string Tail() const override { return (added_ == 0 ? "[]" : "\n  ]") + tail_; }

 private:
  std::string head_, tail_;
  size_t added_ = 0;
};

}  // namespace

std::unique_ptr<ReportStream> JsonFormatter::Start(const RunRecord& run) const {
  return std::make_unique<JsonStream>(run);
}

}  // namespace citecheck
