#include "store/codec.h"

#include <openssl/evp.h>

#include <ctime>
#include <optional>
#include <nlohmann/json.hpp>

#include "core/utc_time.h"
#include "store/store.h"

namespace citecheck::store_internal {
namespace {

using nlohmann::json;

std::string Dump(const json& value) {
  // Article and page text is UTF-8 by contract, but a stray byte must not
  // turn a result into an exception.
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json Parse(const std::string& text, const std::string& what) {
  try {
    return json::parse(text);
  } catch (const json::exception& e) {
    throw StoreError("reading " + what + ": stored JSON is damaged: " + e.what());
  }
}

std::string_view SeverityName(Diagnostic::Severity severity) {
  return severity == Diagnostic::Severity::kError ? "error" : "warning";
}

}  // namespace

std::string Sha256Hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw StoreError("computing SHA-256 of page text failed (OpenSSL EVP_Digest)");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0x0f]);
  }
  return hex;
}

std::string UtcNow() { return UtcIso8601(std::time(nullptr)); }

std::string EncodeDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  json array = json::array();
  for (const Diagnostic& d : diagnostics) {
    array.push_back({{"severity", SeverityName(d.severity)},
                     {"file", d.file},
                     {"line", d.line},
                     {"column", d.column},
                     {"message", d.message}});
  }
  return Dump(array);
}

std::vector<Diagnostic> DecodeDiagnostics(const std::string& text, const std::string& what) {
  std::vector<Diagnostic> diagnostics;
  try {
    for (const json& item : Parse(text, what)) {
      Diagnostic d;
      d.severity = item.at("severity").get<std::string>() == "error" ? Diagnostic::Severity::kError
                                                                      : Diagnostic::Severity::kWarning;
      d.file = item.at("file").get<std::string>();
      d.line = item.at("line").get<int>();
      d.column = item.at("column").get<int>();
      d.message = item.at("message").get<std::string>();
      diagnostics.push_back(std::move(d));
    }
  } catch (const json::exception& e) {
    throw StoreError("reading " + what + ": stored diagnostics are damaged: " + e.what());
  }
  return diagnostics;
}

std::string EncodeStrings(const std::vector<std::string>& strings) { return Dump(json(strings)); }

std::vector<std::string> DecodeStrings(const std::string& text, const std::string& what) {
  try {
    return Parse(text, what).get<std::vector<std::string>>();
  } catch (const json::exception& e) {
    throw StoreError("reading " + what + ": stored list is damaged: " + e.what());
  }
}

std::string EncodeSpans(const std::vector<TextSpan>& spans) {
  std::string out;
  for (const TextSpan& span : spans) {
    if (!out.empty()) out.push_back(',');
    out += std::to_string(span.begin) + "-" + std::to_string(span.end);
  }
  return out;
}

std::vector<TextSpan> DecodeSpans(std::string_view text, size_t text_size) {
  std::vector<TextSpan> spans;
  uint32_t previous_end = 0;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    size_t dash = item.find('-');
    if (dash == std::string_view::npos) continue;
    auto number = [](std::string_view digits) -> std::optional<uint32_t> {
      if (digits.empty() || digits.size() > 9) return std::nullopt;
      uint32_t value = 0;
      for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<uint32_t>(c - '0');
      }
      return value;
    };
    auto begin = number(item.substr(0, dash));
    auto end = number(item.substr(dash + 1));
    if (!begin || !end || *begin < previous_end || *begin >= *end || *end > text_size) continue;
    spans.push_back({*begin, *end});
    previous_end = *end;
  }
  return spans;
}

std::string PageHashMaterial(const PageText& page) {
  if (page.optional_spans.empty() && !page.paywalled) return page.text;
  std::string material = page.text;
  material.push_back('\0');
  material += "optional=" + EncodeSpans(page.optional_spans);
  if (page.paywalled) material += ";paywalled";
  return material;
}

std::string EncodeEvidence(const Evidence& evidence) {
  json differences = json::array();
  for (const auto& [article, page] : evidence.differences) {
    differences.push_back(json::array({article, page}));
  }
  json value = {{"citation", evidence.citation_id},
                {"snippet", evidence.snippet},
                {"offset", evidence.offset},
                {"length", evidence.length},
                {"matched", evidence.matched},
                {"differences", differences}};
  if (evidence.page > 0) value["page"] = evidence.page;  // PDF evidence only
  if (evidence.archived) {  // evidence from an archived copy only
    value["archived"] = true;
    value["archive_url"] = evidence.archive_url;
    value["archive_datetime"] = evidence.archive_datetime;
  }
  return Dump(value);
}

Evidence DecodeEvidence(const std::string& text, const std::string& what) {
  Evidence evidence;
  try {
    json value = Parse(text, what);
    evidence.citation_id = value.at("citation").get<std::string>();
    evidence.snippet = value.at("snippet").get<std::string>();
    evidence.offset = value.at("offset").get<int64_t>();
    evidence.length = value.value("length", int64_t{0});
    evidence.matched = value.value("matched", std::string());
    evidence.page = value.value("page", 0);
    evidence.archived = value.value("archived", false);
    evidence.archive_url = value.value("archive_url", std::string());
    evidence.archive_datetime = value.value("archive_datetime", std::string());
    for (const json& pair : value.value("differences", json::array())) {
      evidence.differences.emplace_back(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
    }
  } catch (const json::exception& e) {
    throw StoreError("reading " + what + ": stored evidence is damaged: " + e.what());
  }
  return evidence;
}

namespace {

// Compact arrays, not objects: a nightly run stores one row per article.
json LinkChangesJson(const std::vector<LinkChange>& changes) {
  json array = json::array();
  for (const LinkChange& c : changes) {
    array.push_back(json::array({c.citation_id, c.url, ToString(c.before), ToString(c.after), c.error}));
  }
  return array;
}

json QuoteChangesJson(const std::vector<QuoteChange>& changes) {
  json array = json::array();
  for (const QuoteChange& c : changes) {
    array.push_back(json::array({c.text, c.line, ToString(c.before), ToString(c.after), c.reason}));
  }
  return array;
}

LinkStatus LinkStatusAt(const json& value) {
  // A status a newer citecheck wrote must not read as ok.
  return ParseLinkStatus(value.get<std::string>()).value_or(LinkStatus::kError);
}

QuoteStatus QuoteStatusAt(const json& value) {
  return ParseQuoteStatus(value.get<std::string>()).value_or(QuoteStatus::kUnverifiable);
}

std::vector<LinkChange> LinkChangesFrom(const json& array) {
  std::vector<LinkChange> changes;
  for (const json& c : array) {
    changes.push_back({c.at(0).get<std::string>(), c.at(1).get<std::string>(), LinkStatusAt(c.at(2)),
                       LinkStatusAt(c.at(3)), c.at(4).get<std::string>()});
  }
  return changes;
}

// quotes_moved_to_archive: a quote change and the copy's date.
json MovedQuotesJson(const std::vector<QuoteChange>& changes) {
  json array = QuoteChangesJson(changes);
  for (size_t i = 0; i < changes.size(); ++i) array[i].push_back(changes[i].archive_datetime);
  return array;
}

std::vector<QuoteChange> QuoteChangesFrom(const json& array) {
  std::vector<QuoteChange> changes;
  for (const json& c : array) {
    QuoteChange change;
    change.text = c.at(0).get<std::string>();
    change.line = c.at(1).get<int>();
    change.before = QuoteStatusAt(c.at(2));
    change.after = QuoteStatusAt(c.at(3));
    change.reason = c.at(4).get<std::string>();
    if (c.size() > 5) change.archive_datetime = c.at(5).get<std::string>();
    changes.push_back(std::move(change));
  }
  return changes;
}

}  // namespace

std::string EncodeChanges(const ArticleChanges& changes) {
  json pages = json::array();
  for (const PageChange& p : changes.pages_changed) pages.push_back(json::array({p.citation_id, p.url}));
  json broken = json::array();
  for (const BrokenLink& b : changes.broken_links) {
    broken.push_back(json::array({b.citation_id, b.url, ToString(b.status), b.since, b.consecutive_runs}));
  }
  return Dump({{"newly_broken", LinkChangesJson(changes.links_newly_broken)},
               {"recovered", LinkChangesJson(changes.links_recovered)},
               {"no_longer_verified", QuoteChangesJson(changes.quotes_no_longer_verified)},
               {"newly_verified", QuoteChangesJson(changes.quotes_newly_verified)},
               {"moved_to_archive", MovedQuotesJson(changes.quotes_moved_to_archive)},
               {"pages_changed", pages},
               {"broken", broken}});
}

ArticleChanges DecodeChanges(const std::string& text, const std::string& what) {
  ArticleChanges changes;
  try {
    json value = Parse(text, what);
    changes.links_newly_broken = LinkChangesFrom(value.at("newly_broken"));
    changes.links_recovered = LinkChangesFrom(value.at("recovered"));
    changes.quotes_no_longer_verified = QuoteChangesFrom(value.at("no_longer_verified"));
    changes.quotes_newly_verified = QuoteChangesFrom(value.at("newly_verified"));
    changes.quotes_moved_to_archive = QuoteChangesFrom(value.at("moved_to_archive"));
    for (const json& p : value.at("pages_changed")) {
      changes.pages_changed.push_back({p.at(0).get<std::string>(), p.at(1).get<std::string>()});
    }
    for (const json& b : value.at("broken")) {
      BrokenLink link;
      link.citation_id = b.at(0).get<std::string>();
      link.url = b.at(1).get<std::string>();
      link.status = LinkStatusAt(b.at(2));
      link.since = b.at(3).get<std::string>();
      link.consecutive_runs = b.at(4).get<int>();
      changes.broken_links.push_back(std::move(link));
    }
  } catch (const json::exception& e) {
    throw StoreError("reading " + what + ": stored changes are damaged: " + e.what());
  }
  return changes;
}

std::string SqlLiteral(RunState state) { return "'" + std::string(ToString(state)) + "'"; }
std::string SqlLiteral(JobState state) { return "'" + std::string(ToString(state)) + "'"; }

RunState DecodeRunState(const std::string& name, const std::string& what) {
  if (auto state = ParseRunState(name)) return *state;
  throw StoreError("reading " + what + ": unknown run state \"" + name + "\"");
}

JobState DecodeJobState(const std::string& name, const std::string& what) {
  if (auto state = ParseJobState(name)) return *state;
  throw StoreError("reading " + what + ": unknown job state \"" + name + "\"");
}

}  // namespace citecheck::store_internal
