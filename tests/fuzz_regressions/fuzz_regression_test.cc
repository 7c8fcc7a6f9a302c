// Replays every input in fuzz/regressions/<target>/ through the same target
// body the fuzzer runs (fuzz/targets.h), so a crasher found once stays a test
// in the normal suite. A regression that crashes again fails (aborts) the
// test binary.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "../../fuzz/targets.h"

namespace citecheck {
namespace {

namespace fs = std::filesystem;

struct TargetCase {
  const char* name;
  std::function<void(std::string_view)> run;
};

class FuzzRegressionTest : public testing::TestWithParam<TargetCase> {};

std::vector<fs::path> InputsOf(const std::string& target) {
  fs::path dir = fs::path(CITECHECK_SOURCE_DIR) / "fuzz" / "regressions" / target;
  std::vector<fs::path> inputs;
  if (!fs::is_directory(dir)) return inputs;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_P(FuzzRegressionTest, InputsRunCleanly) {
  // The seeds too: they are small and cover each target's main paths.
  fs::path seeds = fs::path(CITECHECK_SOURCE_DIR) / "fuzz" / "corpus" / GetParam().name;
  std::vector<fs::path> inputs = InputsOf(GetParam().name);
  if (fs::is_directory(seeds)) {
    for (const auto& entry : fs::directory_iterator(seeds)) inputs.push_back(entry.path());
  }
  ASSERT_FALSE(inputs.empty());
  for (const fs::path& input : inputs) {
    SCOPED_TRACE(input.string());
    GetParam().run(ReadFile(input));
  }
}

const TargetCase kTargets[] = {
    {"article", fuzz::ArticleTarget},
    {"wikitext", fuzz::WikitextTarget},
    {"match", fuzz::MatchTarget},
    {"extract", fuzz::ExtractTarget},
    {"elide", fuzz::ElideTarget},
    {"pdf", fuzz::PdfTarget},
    {"charset", fuzz::CharsetTarget},
    {"headers", fuzz::HeadersTarget},
    {"cookie", fuzz::CookieTarget},
    {"memento", fuzz::MementoTarget},
};

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegressionTest, testing::ValuesIn(kTargets),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace citecheck
