#include "match/near_search.h"

#include <algorithm>

namespace citecheck {
namespace {

bool Same(uint64_t quote_word, uint64_t page_word) {
  return quote_word == kAnyWord || quote_word == page_word;
}

// End (exclusive) of the best window and its distance, by columns over the
// page; entries past the last active row are capped at k + 1.
std::optional<std::pair<size_t, size_t>> BestEnd(const std::vector<uint64_t>& page,
                                                 const std::vector<uint64_t>& quote, size_t k) {
  const size_t m = quote.size();
  std::vector<size_t> col(m + 1);
  for (size_t i = 0; i <= m; ++i) col[i] = std::min(i, k + 1);
  size_t active = std::min(k, m);
  std::optional<std::pair<size_t, size_t>> best;
  for (size_t j = 0; j < page.size(); ++j) {
    size_t diag = 0;  // previous column, row i - 1
    size_t bound = std::min(m, active + 1);
    for (size_t i = 1; i <= bound; ++i) {
      size_t left = col[i];
      size_t cost = diag + (Same(quote[i - 1], page[j]) ? 0 : 1);
      size_t value = std::min({cost, left + 1, col[i - 1] + 1, k + 1});
      diag = left;
      col[i] = value;
    }
    active = bound;
    while (active > 0 && col[active] > k) --active;
    if (active != m) continue;
    if (!best || col[m] < best->second) {
      best = std::make_pair(j + 1, col[m]);
      if (col[m] == 0) break;
    } else if (col[m] == best->second && best->first == j) {
      // Of neighbouring ends at the same distance the later one reads a
      // changed last word as a substitution ("20%" for "25%"), not a deletion.
      best->first = j + 1;
    }
  }
  return best;
}

// Full table over a window of the page that ends at the best end, to read the
// alignment back. The window is at most quote words + k long.
NearMatch Align(const std::vector<uint64_t>& page, const std::vector<uint64_t>& quote,
                size_t window_begin, size_t end) {
  const size_t m = quote.size();
  const size_t w = end - window_begin;
  std::vector<std::vector<size_t>> d(m + 1, std::vector<size_t>(w + 1, 0));
  for (size_t i = 1; i <= m; ++i) {
    d[i][0] = i;
    for (size_t j = 1; j <= w; ++j) {
      size_t cost = Same(quote[i - 1], page[window_begin + j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j - 1] + cost, d[i - 1][j] + 1, d[i][j - 1] + 1});
    }
  }
  NearMatch match;
  match.distance = d[m][w];
  match.page_end = end;
  size_t i = m;
  size_t j = w;
  while (i > 0) {
    bool equal = j > 0 && Same(quote[i - 1], page[window_begin + j - 1]);
    if (j > 0 && d[i][j] == d[i - 1][j - 1] + (equal ? 0 : 1)) {
      match.steps.push_back({i - 1, window_begin + j - 1, equal});
      --i;
      --j;
    } else if (d[i][j] == d[i - 1][j] + 1) {
      match.steps.push_back({i - 1, AlignStep::kNone, false});
      --i;
    } else {
      match.steps.push_back({AlignStep::kNone, window_begin + j - 1, false});
      --j;
    }
  }
  match.page_begin = window_begin + j;
  std::reverse(match.steps.begin(), match.steps.end());
  return match;
}

}  // namespace

std::optional<NearMatch> FindNear(const std::vector<uint64_t>& page,
                                  const std::vector<uint64_t>& quote, size_t max_distance) {
  if (quote.empty() || page.empty()) return std::nullopt;
  auto best = BestEnd(page, quote, max_distance);
  if (!best) return std::nullopt;
  size_t end = best->first;
  size_t span = quote.size() + max_distance;
  size_t window_begin = end > span ? end - span : 0;
  return Align(page, quote, window_begin, end);
}

}  // namespace citecheck
