#include "core/status.h"

#include <array>
#include <utility>

namespace citecheck {
namespace {

constexpr std::array<std::pair<LinkStatus, std::string_view>, 8> kLinkNames = {{
    {LinkStatus::kOk, "ok"},
    {LinkStatus::kBroken, "broken"},
    {LinkStatus::kTimeout, "timeout"},
    {LinkStatus::kBlocked, "blocked"},
    {LinkStatus::kExcluded, "excluded"},
    {LinkStatus::kError, "error"},
    {LinkStatus::kUnresolved, "unresolved"},
    {LinkStatus::kNoUrl, "no_url"},
}};

constexpr std::array<std::pair<QuoteStatus, std::string_view>, 6> kQuoteNames = {{
    {QuoteStatus::kVerified, "verified"},
    {QuoteStatus::kNearMatch, "near_match"},
    {QuoteStatus::kNotFound, "not_found"},
    {QuoteStatus::kUnverifiable, "unverifiable"},
    {QuoteStatus::kSkipped, "skipped"},
    {QuoteStatus::kUncited, "uncited"},
}};

template <typename Enum, size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "unknown";
}

template <typename Enum, size_t N>
std::optional<Enum> ValueOf(const std::array<std::pair<Enum, std::string_view>, N>& table,
                            std::string_view text) {
  for (const auto& [v, name] : table) {
    if (name == text) return v;
  }
  return std::nullopt;
}

}  // namespace

std::string_view ToString(LinkStatus status) { return NameOf(kLinkNames, status); }
std::string_view ToString(QuoteStatus status) { return NameOf(kQuoteNames, status); }
std::optional<LinkStatus> ParseLinkStatus(std::string_view text) { return ValueOf(kLinkNames, text); }
std::optional<QuoteStatus> ParseQuoteStatus(std::string_view text) { return ValueOf(kQuoteNames, text); }

bool IsLinkProblem(LinkStatus status) {
  return status != LinkStatus::kOk && status != LinkStatus::kExcluded && status != LinkStatus::kNoUrl;
}

int VerdictRank(QuoteStatus status) {
  switch (status) {
    case QuoteStatus::kVerified: return 4;
    case QuoteStatus::kNearMatch: return 3;
    case QuoteStatus::kUnverifiable: return 2;
    case QuoteStatus::kNotFound: return 1;
    case QuoteStatus::kSkipped:
    case QuoteStatus::kUncited: return 0;
  }
  return 0;
}

}  // namespace citecheck
