#include "check/page_done.h"

#include "core/media_type.h"
#include "extract/extractor.h"

namespace citecheck {

int64_t BodyCapOf(const FetchResult& fetch, const FetchOptions& options) {
  return IsPdfBody(fetch.content_type, fetch.body) ? options.max_document_bytes : options.max_body_bytes;
}

PageDone ParsePage(FetchResult fetch, int64_t max_body_bytes) {
  PageDone done;
  done.outcome.link_status = fetch.status;
  done.outcome.link_error = fetch.error;
  done.outcome.http_status = fetch.http_status;
  done.outcome.truncated = fetch.truncated;
  done.outcome.max_body_bytes = max_body_bytes;
  if (fetch.status == LinkStatus::kOk) {
    ExtractResult extracted = ExtractBody(fetch.body, fetch.content_type);
    if (extracted.ok && !extracted.page.text.empty()) {
      if (extracted.page.language.empty()) extracted.page.language = fetch.content_language;
      auto prepared = std::make_shared<PreparedPage>(extracted.page.text, extracted.page.language,
                                                     extracted.page.optional_spans);
      done.outcome.paywalled = extracted.page.paywalled;
      done.detected_language = prepared->detected_language();
      done.outcome.page = std::move(prepared);
      done.page = std::move(extracted.page);
    } else {
      done.outcome.no_text_reason = extracted.ok ? "page has no visible text" : extracted.error;
      // A PDF cut at its cap usually cannot be opened at all: the cut is the reason.
      if (!extracted.ok && fetch.truncated && IsPdfBody(fetch.content_type, fetch.body)) {
        done.outcome.no_text_reason =
            "document truncated at " + HumanBytes(max_body_bytes) + " (fetch.max_document_bytes)";
      }
      if (extracted.ok) done.page = std::move(extracted.page);
    }
  }
  fetch.body.clear();  // the text is what we keep; the raw body can go
  fetch.body.shrink_to_fit();
  done.fetch = std::move(fetch);
  return done;
}

PageDone FromStored(StoredFetch stored, int64_t max_body_bytes) {
  PageDone done;
  done.stored = true;
  done.outcome.link_status = stored.fetch.status;
  done.outcome.link_error = stored.fetch.error;
  done.outcome.http_status = stored.fetch.http_status;
  done.outcome.truncated = stored.fetch.truncated;
  done.outcome.max_body_bytes = max_body_bytes;
  if (stored.fetch.status == LinkStatus::kOk) {
    if (stored.page && !stored.page->text.empty()) {
      done.outcome.page = std::make_shared<PreparedPage>(stored.page->text, stored.page->language,
                                                         stored.page->optional_spans);
      done.outcome.paywalled = stored.page->paywalled;
    } else {
      done.outcome.no_text_reason =
          stored.no_text_reason.empty() ? "page has no visible text" : stored.no_text_reason;
    }
  }
  done.page = std::move(stored.page);
  done.detected_language = std::move(stored.detected_language);
  done.fetch = std::move(stored.fetch);
  return done;
}

void MatchCitingQuotes(PageDone* done, const QuoteLedger& ledger, const MatchOptions& options) {
  for (const QuoteRef& ref : ledger.Citing(done->fetch.url)) {
    Verdict v = VerdictForCitation(ledger.QuoteText(ref), ledger.CitationOf(ref), &done->outcome, options);
    done->verdicts.emplace_back(ref, std::move(v));
  }
}

}  // namespace citecheck
