// citecheck prune: retention (docs/storage.md "Retention").
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cmd/citecheck/commands.h"
#include "store/store.h"

namespace citecheck {
namespace {

std::string Megabytes(int64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

}  // namespace

std::string DescribePrune(const PruneReport& r, int keep_runs, bool dry_run) {
  std::string out = std::string(dry_run ? "would delete" : "deleted") + " (keeping the newest " +
                    std::to_string(keep_runs) + " runs of each article): " + std::to_string(r.runs) + " runs, " +
                    std::to_string(r.article_runs) + " article runs, " + std::to_string(r.citations) +
                    " citations, " + std::to_string(r.quotes) + " quotes, " + std::to_string(r.fetches) +
                    " fetches, " + std::to_string(r.jobs) + " jobs, " + std::to_string(r.pages) + " page texts (" +
                    Megabytes(r.page_bytes) + "), " + std::to_string(r.cached_verdicts) + " cached verdicts\n";
  if (r.pages_deferred) out += "page texts: left for the next prune (a run is in progress)\n";
  if (dry_run) return out + "database: " + Megabytes(r.bytes_before) + "; nothing changed (--dry-run)\n";
  out += "database: " + Megabytes(r.bytes_before) + " -> " + Megabytes(r.bytes_after);
  if (r.converted_to_incremental) out += " (converted to incremental vacuum: one VACUUM)";
  return out + "\n";
}

int RunPruneCommand(const CommonFlags& common, const PruneFlags& flags) {
  Config config;
  if (!BuildConfig(common, &config)) return kExitUsage;
  PruneOptions options;
  options.keep_runs = flags.keep_runs > 0 ? flags.keep_runs : config.store.keep_runs;
  options.dry_run = flags.dry_run;
  auto store = Store::Open(config.db);
  const auto start = std::chrono::steady_clock::now();
  const PruneReport report = store->Prune(options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << DescribePrune(report, options.keep_runs, options.dry_run);
  char took[48];
  std::snprintf(took, sizeof took, "took %.2f s\n", seconds);
  std::cout << took;
  return 0;
}

}  // namespace citecheck
