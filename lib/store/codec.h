// Encodings of values the store keeps in single columns: SHA-256 content
// hashes, ISO 8601 timestamps, and JSON for small nested values (diagnostics,
// citation id lists, evidence). Internal to lib/store.
#ifndef CITECHECK_STORE_CODEC_H_
#define CITECHECK_STORE_CODEC_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "store/records.h"
#include "store/states.h"

namespace citecheck::store_internal {

// Lower-case hex SHA-256 of `text` (OpenSSL EVP).
std::string Sha256Hex(std::string_view text);

// The current time as "YYYY-MM-DDTHH:MM:SSZ" (UTC).
std::string UtcNow();

// JSON text encodings. Encoding never throws on invalid UTF-8 (bytes are
// replaced by U+FFFD); decoding throws StoreError naming `what` when the
// stored text is not what the encoder writes.
std::string EncodeDiagnostics(const std::vector<Diagnostic>& diagnostics);
std::vector<Diagnostic> DecodeDiagnostics(const std::string& json, const std::string& what);
std::string EncodeStrings(const std::vector<std::string>& strings);
std::vector<std::string> DecodeStrings(const std::string& json, const std::string& what);
std::string EncodeEvidence(const Evidence& evidence);
Evidence DecodeEvidence(const std::string& json, const std::string& what);
// An article's changes without previous_run_id, previous_checked_at and
// stale_reviews, which the row or the reader supplies.
std::string EncodeChanges(const ArticleChanges& changes);
ArticleChanges DecodeChanges(const std::string& json, const std::string& what);

// Optional spans of a page text as "begin-end,begin-end" (byte offsets; ""
// for none). Decoding drops what does not fit `text_size` rather than fail:
// a damaged list only costs a marker's skippability.
std::string EncodeSpans(const std::vector<TextSpan>& spans);
std::vector<TextSpan> DecodeSpans(std::string_view text, size_t text_size);

// What a stored page's content hash is taken over: the text alone for a
// page with no optional spans that is not paywalled (the hashes of earlier
// versions), else the text with both, so that two pages of the same text
// but other spans or paywall are stored, and their verdicts cached, apart.
std::string PageHashMaterial(const PageText& page);

// A state as an SQL string literal ('queued'), for statements that name one.
std::string SqlLiteral(RunState state);
std::string SqlLiteral(JobState state);

// A stored state name; throws StoreError naming `what` for any other text.
RunState DecodeRunState(const std::string& name, const std::string& what);
JobState DecodeJobState(const std::string& name, const std::string& what);

}  // namespace citecheck::store_internal

#endif  // CITECHECK_STORE_CODEC_H_
