#include "article/citations.h"

#include <map>

#include "core/url.h"

namespace citecheck {
namespace article {
namespace {

class Builder {
 public:
  Builder(Document* doc, const LineIndex& lines, const std::string& file,
          std::vector<Diagnostic>* diagnostics)
      : doc_(doc), lines_(lines), file_(file), diagnostics_(diagnostics) {}

  std::vector<Citation> Run() {
    for (size_t i = 0; i < doc_->entries.size(); ++i) entries_.emplace(doc_->entries[i].key, i);
    for (Block& block : doc_->blocks) {
      for (Anchor& anchor : block.anchors) {
        anchor.id = anchor.kind == Anchor::Kind::kMarker ? AddMarker(anchor.key) : AddLink(anchor);
      }
    }
    for (const ReferenceEntry& entry : doc_->entries) AddMarker(entry.key);
    return std::move(citations_);
  }

 private:
  std::string AddMarker(const std::string& key) {
    if (!seen_.emplace(key, citations_.size()).second) return key;
    Citation c;
    c.id = key;
    auto entry = entries_.find(key);
    if (entry != entries_.end()) {
      const ReferenceEntry& e = doc_->entries[entry->second];
      c.line = lines_.Line(e.source_offset);
      if (!e.url.empty()) SetUrl(e.url, e.url_source_offset, &c);
      CopyReferenceFields(e, &c);
    }
    citations_.push_back(std::move(c));
    return key;
  }

  static void CopyReferenceFields(const ReferenceEntry& e, Citation* c) {
    c->no_url = e.no_url && e.url.empty();
    c->name = e.name;
    c->group = e.group;
    c->ref_title = e.title;
    c->access_date = e.access_date;
    c->url_status = e.url_status;
    c->archive_url = e.archive_url;
    c->archive_date = e.archive_date;
  }

  // Links are one citation per URL identity.
  std::string AddLink(const Anchor& anchor) {
    std::optional<std::string> normalized = NormalizeUrl(anchor.key);
    std::string identity = normalized ? *normalized : anchor.key;
    auto known = links_.find(identity);
    if (known != links_.end()) return known->second;
    Citation c;
    c.id = "link-" + std::to_string(links_.size() + 1);
    c.line = lines_.Line(anchor.source_offset);
    SetUrl(anchor.key, anchor.source_offset, &c);
    links_.emplace(identity, c.id);
    seen_.emplace(c.id, citations_.size());
    citations_.push_back(c);
    return c.id;
  }

  void SetUrl(const std::string& url, size_t source_offset, Citation* c) {
    c->url = url;
    std::string scheme = UrlScheme(url);
    if (!scheme.empty() && scheme != "http" && scheme != "https") {
      // Refused before any request, like a private address.
      c->url_error = "scheme " + scheme + " not allowed";
      c->url_error_status = LinkStatus::kBlocked;
      return Warn(url, source_offset, *c);
    }
    std::string error;
    std::optional<std::string> normalized = NormalizeUrl(url, &error);
    if (normalized) {
      c->normalized_url = *normalized;
      return;
    }
    c->url_error = error.rfind("malformed URL", 0) == 0 ? error : "malformed URL: " + error;
    Warn(url, source_offset, *c);
  }

  void Warn(const std::string& url, size_t source_offset, const Citation& c) {
    Diagnostic d;
    d.severity = Diagnostic::Severity::kWarning;
    d.file = file_;
    d.line = lines_.Line(source_offset);
    d.column = lines_.Column(source_offset);
    d.message = "citation [" + c.id + "]: " + c.url_error + " (" + RedactUrlCredentials(url) + ")";
    diagnostics_->push_back(std::move(d));
  }

  Document* doc_;
  const LineIndex& lines_;
  const std::string& file_;
  std::vector<Diagnostic>* diagnostics_;
  std::map<std::string, size_t> entries_;  // key -> index in doc_->entries (first wins)
  std::map<std::string, size_t> seen_;     // citation id -> index in citations_
  std::map<std::string, std::string> links_;  // URL identity -> "link-N"
  std::vector<Citation> citations_;
};

}  // namespace

std::vector<Citation> BuildCitations(Document* doc, const LineIndex& lines, const std::string& file,
                                     std::vector<Diagnostic>* diagnostics) {
  return Builder(doc, lines, file, diagnostics).Run();
}

}  // namespace article
}  // namespace citecheck
