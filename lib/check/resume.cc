#include "check/resume.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/url.h"

namespace citecheck {

std::vector<StoredFetch> TakeCommittedFetches(Store& store, int64_t run_id, std::vector<std::string>* urls) {
  std::map<std::string, std::vector<std::string>> by_stored_form;
  for (const std::string& url : *urls) {
    std::string stored_form = RedactUrlCredentials(url);
    if (stored_form != url) by_stored_form[stored_form].push_back(url);
  }
  std::vector<StoredFetch> taken;
  std::set<std::string> reused;
  for (StoredFetch& stored : store.CommittedFetches(run_id)) {
    if (!std::binary_search(urls->begin(), urls->end(), stored.fetch.url)) {
      auto cited = by_stored_form.find(stored.fetch.url);
      if (cited == by_stored_form.end() || cited->second.size() != 1) continue;
      stored.fetch.url = cited->second.front();
    }
    if (!reused.insert(stored.fetch.url).second) continue;
    taken.push_back(std::move(stored));
  }
  urls->erase(std::remove_if(urls->begin(), urls->end(),
                             [&](const std::string& url) { return reused.count(url) > 0; }),
              urls->end());
  return taken;
}

}  // namespace citecheck
