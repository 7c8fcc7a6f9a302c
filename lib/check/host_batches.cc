#include "check/host_batches.h"

#include <algorithm>
#include <map>

#include "core/url.h"

namespace citecheck {

std::vector<std::vector<std::string>> HostRoundBatches(const std::vector<std::string>& urls, size_t min_batch) {
  // Each host's URLs in their given order; hosts in name order, so that the
  // batches do not depend on a hash.
  std::map<std::string, std::vector<const std::string*>> by_host;
  for (const std::string& url : urls) {
    std::string host = UrlHost(url);
    by_host[host.empty() ? url : host].push_back(&url);
  }
  std::vector<const std::vector<const std::string*>*> hosts;
  for (const auto& [name, list] : by_host) hosts.push_back(&list);
  std::vector<std::vector<std::string>> batches;
  std::vector<std::string> batch;
  for (size_t round = 0; !hosts.empty(); ++round) {
    for (const auto* list : hosts) batch.push_back(*(*list)[round]);
    // Hosts with nothing left after this round drop out of the next ones.
    hosts.erase(std::remove_if(hosts.begin(), hosts.end(), [round](const auto* list) { return list->size() <= round + 1; }),
                hosts.end());
    if (batch.size() >= std::max<size_t>(1, min_batch)) {
      batches.push_back(std::move(batch));
      batch.clear();
    }
  }
  if (!batch.empty()) batches.push_back(std::move(batch));
  return batches;
}

size_t DefaultBatchSize(const FetchOptions& options) {
  return std::max<size_t>(64, 4 * static_cast<size_t>(options.concurrency));
}

}  // namespace citecheck
