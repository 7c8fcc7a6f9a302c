// Matcher speed (issue 3, part 6): 1 MB of extracted page text, 50 quotes.
//
//   BM_PlainMemmem    baseline: memmem of the normalized quote in the
//                     normalized page (NormalizeForMatch on both sides)
//   BM_PlainStdSearch baseline: std::search with std::boyer_moore_horspool_searcher
//   BM_ExactSearch    the matcher's exact search: ParseQuote + FindPattern
//                     over the page's word ids, the same 50 quotes
//   BM_NearSearch     approximate search (FindNear) of the 25 misquotes over
//                     the whole page; bytes = page text bytes per quote
//   BM_MatchQuote     the whole MatchQuote (exact, then near) per quote
//   BM_PreparePage    normalizing and tokenizing the page (done once per page)
//   BM_PreparePageEnglish  the same on a 1 MB page of ASCII words only, as
//                     most English pages are (the fast path's common case)
//
// Half the quotes occur in the page (at random places), half are misquotes
// (one word changed), which no exact search finds before the page's end.
// After the runs a summary compares exact search with the baseline and the
// near search with its 50 MB/s target.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "match/exact_search.h"
#include "match/matcher.h"
#include "match/near_search.h"
#include "match/normalize.h"
#include "match/quote_pattern.h"

namespace citecheck {
namespace {

constexpr size_t kPageBytes = 1 << 20;
constexpr size_t kQuotes = 50;

// Text shaped like an extracted news page: Zipf-distributed words (some
// accented, some Cyrillic, unless `ascii_words`), sentences with commas,
// numbers, curly quotes and paragraph breaks.
std::string MakePage(std::mt19937* rng, bool ascii_words = false) {
  const char* syllables[] = {"ta", "ne", "ri", "so", "lu", "ka", "me", "di", "po", "ve",
                             "str", "and", "ing", "é", "ö", "ы", "на", "ть", "ch", "qu"};
  const char* ascii_syllables[] = {"ta", "ne", "ri", "so", "lu", "ka", "me", "di", "po", "ve",
                                   "str", "and", "ing", "er", "ou", "th", "ed", "ly", "ch", "qu"};
  if (ascii_words) std::copy(std::begin(ascii_syllables), std::end(ascii_syllables), syllables);
  std::vector<std::string> vocabulary = {"the", "of", "and", "to", "a", "in", "that", "is",
                                         "was", "for", "on", "said", "with", "he", "it"};
  std::uniform_int_distribution<int> parts(1, 4);
  std::uniform_int_distribution<size_t> pick(0, std::size(syllables) - 1);
  while (vocabulary.size() < 20000) {
    std::string word;
    for (int i = parts(*rng); i > 0; --i) word += syllables[pick(*rng)];
    vocabulary.push_back(word);
  }
  std::vector<double> weights;
  for (size_t i = 0; i < vocabulary.size(); ++i) weights.push_back(1.0 / static_cast<double>(i + 1));
  std::discrete_distribution<size_t> zipf(weights.begin(), weights.end());
  std::uniform_int_distribution<int> percent(0, 99);
  std::string text;
  size_t in_sentence = 0;
  while (text.size() < kPageBytes) {
    std::string word = vocabulary[zipf(*rng)];
    int roll = percent(*rng);
    if (roll < 2) word = std::to_string(percent(*rng) * 37) + (roll == 0 ? "%" : ",500");
    if (in_sentence == 0) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    if (roll == 3) word = "\u201C" + word + "\u201D";
    text += word;
    ++in_sentence;
    if (in_sentence > 8 && roll > 90) {
      text += roll > 97 ? ".\n" : ". ";
      in_sentence = 0;
    } else {
      text += roll > 85 ? ", " : " ";
    }
  }
  return text;
}

struct Fixture {
  std::string page;
  std::vector<Token> tokens;
  std::vector<uint64_t> ids;
  std::string normalized_page;  // " w1 w2 ... " for the baselines
  std::vector<std::string> quotes;              // 25 present, then 25 misquotes
  std::vector<std::string> normalized_quotes;   // " w1 w2 ... "
  std::vector<QuotePattern> patterns;
  std::vector<std::vector<uint64_t>> quote_ids;
  std::unique_ptr<PreparedPage> prepared;
  std::string english_page;

  Fixture() {
    std::mt19937 rng(42);
    page = MakePage(&rng);
    tokens = Tokenize(page);
    for (const Token& token : tokens) ids.push_back(token.id);
    normalized_page = " " + NormalizeForMatch(page) + " ";
    std::uniform_int_distribution<size_t> start(0, tokens.size() - 40);
    std::uniform_int_distribution<size_t> length(12, 25);
    while (quotes.size() < kQuotes) {
      size_t first = start(rng);
      size_t words = length(rng);
      std::string quote = page.substr(tokens[first].begin,
                                      tokens[first + words - 1].end - tokens[first].begin);
      if (quotes.size() >= kQuotes / 2) {  // a misquote: one word changed
        const Token& changed = tokens[first + words / 2];
        quote = page.substr(tokens[first].begin, changed.begin - tokens[first].begin) +
                "zqxw" + page.substr(changed.end, tokens[first + words - 1].end - changed.end);
      }
      quotes.push_back(quote);
      normalized_quotes.push_back(" " + NormalizeForMatch(quote) + " ");
      patterns.push_back(ParseQuote(quote));
      std::vector<uint64_t> qids;
      for (const Token& token : Tokenize(quote)) qids.push_back(token.id);
      quote_ids.push_back(qids);
    }
    prepared = std::make_unique<PreparedPage>(page);
    std::mt19937 english_rng(43);
    english_page = MakePage(&english_rng, true);
  }
};

const Fixture& Data() {
  static const Fixture* fixture = new Fixture();
  return *fixture;
}

void SetQuoteCounters(benchmark::State& state, size_t quotes, size_t bytes_per_quote) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * quotes));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * quotes * bytes_per_quote));
}

void BM_PlainMemmem(benchmark::State& state) {
  const Fixture& f = Data();
  for (auto _ : state) {
    for (const std::string& quote : f.normalized_quotes) {
      const void* hit = memmem(f.normalized_page.data(), f.normalized_page.size(), quote.data(),
                               quote.size());
      benchmark::DoNotOptimize(hit);
    }
  }
  SetQuoteCounters(state, kQuotes, f.page.size());
}

void BM_PlainStdSearch(benchmark::State& state) {
  const Fixture& f = Data();
  for (auto _ : state) {
    for (const std::string& quote : f.normalized_quotes) {
      auto it = std::search(f.normalized_page.begin(), f.normalized_page.end(),
                            std::boyer_moore_horspool_searcher(quote.begin(), quote.end()));
      benchmark::DoNotOptimize(it);
    }
  }
  SetQuoteCounters(state, kQuotes, f.page.size());
}

void BM_ExactSearch(benchmark::State& state) {
  const Fixture& f = Data();
  for (auto _ : state) {
    for (const std::string& quote : f.quotes) {
      QuotePattern pattern = ParseQuote(quote);
      auto span = FindPattern(f.ids, pattern, 2 * pattern.words + 50);
      benchmark::DoNotOptimize(span);
    }
  }
  SetQuoteCounters(state, kQuotes, f.page.size());
}

void BM_NearSearch(benchmark::State& state) {
  const Fixture& f = Data();
  size_t found = 0;
  for (auto _ : state) {
    for (size_t i = kQuotes / 2; i < kQuotes; ++i) {
      const auto& qids = f.quote_ids[i];
      size_t k = std::max<size_t>(1, qids.size() * 15 / 100);
      auto near = FindNear(f.ids, qids, k);
      found += near.has_value();
      benchmark::DoNotOptimize(near);
    }
  }
  state.counters["found"] = static_cast<double>(found) / static_cast<double>(state.iterations());
  SetQuoteCounters(state, kQuotes / 2, f.page.size());
}

void BM_MatchQuote(benchmark::State& state) {
  const Fixture& f = Data();
  MatchOptions options;
  for (auto _ : state) {
    for (const std::string& quote : f.quotes) {
      Verdict verdict = MatchQuote(quote, *f.prepared, options);
      benchmark::DoNotOptimize(verdict);
    }
  }
  SetQuoteCounters(state, kQuotes, f.page.size());
}

void BM_PreparePage(benchmark::State& state) {
  const Fixture& f = Data();
  for (auto _ : state) {
    PreparedPage page(f.page);
    benchmark::DoNotOptimize(page.text().data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.page.size()));
}

void BM_PreparePageEnglish(benchmark::State& state) {
  const Fixture& f = Data();
  for (auto _ : state) {
    PreparedPage page(f.english_page);
    benchmark::DoNotOptimize(page.text().data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.english_page.size()));
}

BENCHMARK(BM_PlainMemmem)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PlainStdSearch)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ExactSearch)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_NearSearch)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MatchQuote)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PreparePage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PreparePageEnglish)->Unit(benchmark::kMillisecond);

// Keeps each benchmark's time per iteration for the summary.
class SummaryReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.run_type != Run::RT_Iteration && run.aggregate_name != "median") continue;
      std::string name = run.run_name.function_name;
      seconds_[name] = run.GetAdjustedRealTime() / 1e6;  // microseconds -> s
      if (name.rfind("BM_PreparePage", 0) == 0) seconds_[name] = run.GetAdjustedRealTime() / 1e3;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  double Seconds(const std::string& name) const {
    auto it = seconds_.find(name);
    return it == seconds_.end() ? 0 : it->second;
  }

 private:
  std::map<std::string, double> seconds_;
};

bool PrintSummary(const SummaryReporter& r) {
  const Fixture& f = Data();
  double mb = static_cast<double>(f.page.size()) / 1e6;
  double memmem_s = r.Seconds("BM_PlainMemmem") / kQuotes;
  double search_s = r.Seconds("BM_PlainStdSearch") / kQuotes;
  double exact_s = r.Seconds("BM_ExactSearch") / kQuotes;
  double near_s = r.Seconds("BM_NearSearch") / (kQuotes / 2);
  double prepare_s = r.Seconds("BM_PreparePage");
  double english_s = r.Seconds("BM_PreparePageEnglish");
  double english_mb = static_cast<double>(f.english_page.size()) / 1e6;
  if (memmem_s <= 0 || exact_s <= 0 || near_s <= 0) return true;  // filtered out
  double baseline_s = std::min(memmem_s, search_s);
  double ratio = baseline_s / exact_s;
  double near_mbs = mb / near_s;
  std::printf("\npage: %.2f MB of text, %zu words; %zu quotes (%zu present, %zu misquotes)\n", mb,
              f.tokens.size(), kQuotes, kQuotes / 2, kQuotes / 2);
  std::printf("plain memmem        %8.1f us/quote  %8.0f MB/s\n", memmem_s * 1e6, mb / memmem_s);
  std::printf("plain std::search   %8.1f us/quote  %8.0f MB/s\n", search_s * 1e6, mb / search_s);
  std::printf("exact search        %8.1f us/quote  %8.0f MB/s  = %.2fx the faster baseline "
              "(target >= 0.50x) %s\n",
              exact_s * 1e6, mb / exact_s, ratio, ratio >= 0.5 ? "ok" : "MISSED");
  std::printf("near search         %8.1f us/quote  %8.0f MB/s  (target >= 50 MB/s per core) %s\n",
              near_s * 1e6, near_mbs, near_mbs >= 50 ? "ok" : "MISSED");
  if (prepare_s > 0) {
    std::printf("prepare page        %8.1f ms/page   %8.0f MB/s  (once per page)\n",
                prepare_s * 1e3, mb / prepare_s);
  }
  if (english_s > 0) {
    std::printf("prepare ASCII page  %8.1f ms/page   %8.0f MB/s  (English words only)\n",
                english_s * 1e3, english_mb / english_s);
  }
  return ratio >= 0.5 && near_mbs >= 50;
}

}  // namespace
}  // namespace citecheck

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  citecheck::Data();  // build the fixture before timing anything
  citecheck::SummaryReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return citecheck::PrintSummary(reporter) ? 0 : 1;
}
