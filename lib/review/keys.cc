#include "review/keys.h"

#include <algorithm>
#include <utility>

#include "match/normalize.h"
#include "store/store.h"

namespace citecheck {
namespace {

constexpr size_t kKeyDigits = 12;  // 48 bits: no collision in any one database

std::string ShortHash(char prefix, const std::string& material) {
  return std::string(1, prefix) + ContentHash(material).substr(0, kKeyDigits);
}

// The quote's words as the matcher reads them, so that a key survives a
// change of quote marks, case or spacing.
std::string NormalizedWords(const std::string& text) {
  std::string words;
  for (const Token& token : Tokenize(text)) {
    if (!words.empty()) words.push_back(' ');
    words += token.kind == Token::Kind::kGap ? std::string("[...]") : token.norm;
  }
  return words;
}

std::string CitationIdentity(const Citation& citation) {
  return citation.normalized_url.empty() ? "#" + citation.id : citation.normalized_url;
}

// (identity, content hash) of each citation of the quote, sorted by identity.
std::vector<std::pair<std::string, std::string>> CitedPages(const Quote& quote,
                                                           const std::vector<CitationRecord>& citations) {
  std::vector<std::pair<std::string, std::string>> pages;
  for (const std::string& id : quote.citation_ids) {
    auto it = std::find_if(citations.begin(), citations.end(),
                           [&](const CitationRecord& c) { return c.citation.id == id; });
    if (it == citations.end()) {
      pages.emplace_back("#" + id, "");
    } else {
      pages.emplace_back(CitationIdentity(it->citation), it->content_hash);
    }
  }
  std::sort(pages.begin(), pages.end());
  pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
  return pages;
}

}  // namespace

std::string CitationKey(const std::string& article_identity, const Citation& citation) {
  return ShortHash('c', "citation\n" + article_identity + "\n" + CitationIdentity(citation));
}

std::string QuoteKey(const std::string& article_identity, const Quote& quote,
                     const std::vector<CitationRecord>& citations) {
  std::string material = "quote\n" + article_identity + "\n" + NormalizedWords(quote.text);
  for (const auto& page : CitedPages(quote, citations)) material += "\n" + page.first;
  return ShortHash('q', material);
}

std::string QuotePageHashes(const Quote& quote, const std::vector<CitationRecord>& citations) {
  std::string hashes;
  for (const auto& page : CitedPages(quote, citations)) {
    if (!hashes.empty()) hashes.push_back(',');
    hashes += page.second;
  }
  return hashes;
}

bool LooksLikeKey(const std::string& text) {
  if (text.size() != kKeyDigits + 1 || (text[0] != 'q' && text[0] != 'c')) return false;
  return std::all_of(text.begin() + 1, text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace citecheck
