// Shared pieces of the end-to-end tests: run the real citecheck binary on an
// article against a loopback server, and look things up in its JSON report.
#ifndef CITECHECK_TESTS_E2E_E2E_UTIL_H_
#define CITECHECK_TESTS_E2E_E2E_UTIL_H_

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/run_binary.h"
#include "support/temp_dir.h"

namespace citecheck::testing {

struct CheckOutput {
  RunOutput run;
  nlohmann::json report;  // parsed stdout when it is JSON, else null
};

// Writes `article` to dir/name and runs `citecheck check FILE --format json
// --db dir/citecheck.db` plus `extra` arguments.
inline CheckOutput CheckArticle(const TempDir& dir, const std::string& name, const std::string& article,
                                const std::vector<std::string>& extra, const std::vector<std::string>& env = {}) {
  std::string path = dir.Write(name, article);
  std::vector<std::string> args = {"check", path, "--format", "json", "--db", dir.File("citecheck.db")};
  args.insert(args.end(), extra.begin(), extra.end());
  CheckOutput output;
  output.run = RunCitecheck(args, "", env);
  output.report = nlohmann::json::parse(output.run.out, nullptr, /*allow_exceptions=*/false);
  return output;
}

// The quote whose text contains `fragment` in the first article, or null.
inline nlohmann::json FindQuote(const nlohmann::json& report, const std::string& fragment) {
  for (const auto& q : report["articles"][0]["quotes"]) {
    if (q["text"].get<std::string>().find(fragment) != std::string::npos) return q;
  }
  return nullptr;
}

inline nlohmann::json FindCitation(const nlohmann::json& report, const std::string& id) {
  for (const auto& c : report["articles"][0]["citations"]) {
    if (c["id"] == id) return c;
  }
  return nullptr;
}

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_E2E_E2E_UTIL_H_
