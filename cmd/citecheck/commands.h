// The subcommands of citecheck, one file each; main.cc parses the command
// line and dispatches. Each returns the process exit code (docs/exit-codes.md: 0 all good,
// 1 problems found, 2 usage, config or input error).
#ifndef CITECHECK_CMD_CITECHECK_COMMANDS_H_
#define CITECHECK_CMD_CITECHECK_COMMANDS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "report/render_run.h"
#include "core/types.h"
#include "store/records.h"
#include "store/store.h"

namespace citecheck {

constexpr int kExitUsage = 2;

// Flags every subcommand shares.
struct CommonFlags {
  std::string db;
  std::string config;
  std::optional<std::string> allow_private;  // set when --allow-private was given
  int concurrency = 0;
  int timeout = 0;
  bool verbose = false;
};

struct CheckFlags {
  std::vector<std::string> articles;
  std::string format = "text";
  std::string output;
  std::string name;
  std::string input_format;  // --input-format: markdown | html | wikitext; "" detects
  bool queue = false;
};

struct AddFlags {
  std::vector<std::string> articles;
  std::string name;
};

struct RunFlags {
  bool all = false;
  std::vector<std::string> ids;
  std::string format = "text";
  std::string output;
};

struct ReportFlags {
  std::string article;  // ID or SOURCE; empty: the latest run
  std::string format = "text";
  std::string output;
  bool changes = false;
};

struct ListFlags {
  int64_t after = 0;  // only articles with a greater id
  int limit = 0;      // 0: all
};

struct PruneFlags {
  int keep_runs = 0;  // 0: store.keep_runs
  bool dry_run = false;
};

struct MigrateFlags {
  std::string to;  // the database to copy into (a postgresql:// URL, or a new SQLite file)
};

struct ReviewFlags {
  std::string key;  // with --list: the ARTICLE (ID or source), optional
  bool accept = false;
  bool reject = false;
  bool clear = false;
  bool list = false;
  std::string note;
  std::string by;  // empty: $USER, else $LOGNAME
};

// Loads the config and lets the flags override it; prints the error and
// returns false on failure.
bool BuildConfig(const CommonFlags& flags, Config* config);
void PrintDiagnostic(const Diagnostic& d);
// Streams the stored run `request` names (StreamStoredRun: with its changes)
// to `output` (stdout when empty; colour only there, on a terminal, without
// NO_COLOR). Returns false, with the error on stderr, for an unknown format,
// no such run or a write error; else sets `*exit_code` to the run's.
bool WriteStoredReport(Store& store, RenderRequest request, const std::string& output, int* exit_code);
// Registers each of `sources` (`name` for stdin; the registry's
// RegisterSources) and calls `on_registered` with its article id; an
// unreadable source is reported on stderr. Returns 0, or kExitUsage when any
// source could not be registered.
int RegisterAndReport(Store& store, const std::vector<std::string>& sources, const std::string& name,
                      const std::function<void(int64_t id, const std::string& source)>& on_registered);

int RunCheckCommand(const CommonFlags& common, const CheckFlags& flags);
int RunAddCommand(const CommonFlags& common, const AddFlags& flags);
int RunListCommand(const CommonFlags& common, const ListFlags& flags);
int RunRemoveCommand(const CommonFlags& common, const std::string& id);
int RunRunCommand(const CommonFlags& common, const RunFlags& flags);
int RunReportCommand(const CommonFlags& common, const ReportFlags& flags);
int RunPruneCommand(const CommonFlags& common, const PruneFlags& flags);
// What a prune deleted (or would), as `citecheck prune` prints it.
std::string DescribePrune(const PruneReport& report, int keep_runs, bool dry_run);
int RunReviewCommand(const CommonFlags& common, const ReviewFlags& flags);
int RunMigrateCommand(const CommonFlags& common, const MigrateFlags& flags);

}  // namespace citecheck

#endif  // CITECHECK_CMD_CITECHECK_COMMANDS_H_
