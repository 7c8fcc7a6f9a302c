// Settings for every stage in one struct (STYLE.md "Configuration"): the JSON
// config file and the command-line flags fill the same struct, later sources
// win. config/citecheck.json documents every key with its default.
#ifndef CITECHECK_CONFIG_CONFIG_H_
#define CITECHECK_CONFIG_CONFIG_H_

#include <optional>
#include <string>
#include <vector>

#include "fetch/fetcher.h"
#include "match/matcher.h"

namespace citecheck {

struct DaemonConfig {
  std::string listen = "127.0.0.1:8383";  // daemon.listen: HOST:PORT
  std::string token_file;                 // daemon.token_file; empty: generated beside the db
  std::string schedule = "0 3 * * *";     // daemon.schedule: cron expression, nightly by default
  int max_request_bytes = 4 * 1024 * 1024;  // daemon.max_request_bytes: largest API request body (413 above)
  // daemon.job_timeout_s: a job still running after this many seconds stops
  // at its next batch of URLs and fails ("job exceeded daemon.job_timeout_s
  // (N s)"); the worker takes the next job. 0: no limit.
  int job_timeout_s = 3600;
  // daemon.lease_s: how long a worker's claim on a job outlives its last
  // heartbeat, and a host slot its start (docs/scale-out.md); longer than
  // fetch.timeout_s. A worker that dies loses its work to another one
  // this long after. Unset, it is 60 or twice fetch.timeout_s when that
  // is longer; set, it must exceed fetch.timeout_s.
  int lease_s = 60;
  bool lease_s_set = false;
};

// store.*: what the database keeps (docs/storage.md "Retention").
struct StoreConfig {
  int keep_runs = 60;  // store.keep_runs: newest runs kept per article by citecheck prune
};

// archive.*: archived copies of dead links (SPEC "Archived copies").
struct ArchiveConfig {
  bool enabled = true;  // archive.enabled
  // archive.timegate: a Memento TimeGate; the lookup is GET {timegate}{URL}.
  std::string timegate = "https://web.archive.org/web/";
  // archive.when: kDead seeks a copy only for links not ok; kDeadOrMissing
  // also when a quote is not verified on the live page and the citation has
  // an access date.
  enum class When { kDead, kDeadOrMissing };
  When when = When::kDeadOrMissing;
};

// Politeness toward the TimeGate's host when fetch.hosts does not name it:
// one archive serves every lookup of a run, so it gets fewer transfers and
// wider spacing than fetch.per_host_* (docs/fetching.md "Archived copies").
constexpr HostLimits kArchiveHostLimits{2, 1000};

struct Config {
  std::string db;  // db: database path; empty means DefaultDatabasePath()
  FetchOptions fetch;
  MatchOptions match;
  int min_quote_words = 4;  // match.min_quote_words
  DaemonConfig daemon;
  StoreConfig store;
  ArchiveConfig archive;
  std::string loaded_from;  // path of the file that was read, empty when none
};

// Outcome of loading: ok, or an error message that names the file and the key.
struct ConfigStatus {
  bool ok = true;
  std::string error;
};

// Applies the JSON text of a config file to *config. Unknown keys, wrong
// types and out-of-range values are errors naming the key ("fetch.timeout_s:
// expected a positive integer"); `origin` (the file path) prefixes messages.
ConfigStatus ApplyConfigText(const std::string& json_text, const std::string& origin, Config* config);

// The config file to read, in the order of docs/config.md "Where it is looked up":
// `explicit_path` (from --config), $CITECHECK_CONFIG, ~/.config/citecheck/config.json,
// /etc/citecheck/config.json. An explicit path or $CITECHECK_CONFIG must
// exist; the two default locations are optional. Returns nullopt when no file
// applies; *error is set when a named file is missing.
std::optional<std::string> FindConfigFile(const std::string& explicit_path, std::string* error);

// FindConfigFile + ApplyConfigText on defaults. A non-empty
// $CITECHECK_NO_ARCHIVE sets archive.enabled false before the file is read.
ConfigStatus LoadConfig(const std::string& explicit_path, Config* config);

// What a fetcher for this config is made with: `fetch`, plus
// kArchiveHostLimits for the TimeGate's host when archives are enabled and
// fetch.hosts does not name that host.
FetchOptions FetcherOptions(const Config& config);

// Parses the --allow-private value: "" or "true" allows every private
// address; "false" none; otherwise a comma-separated list of addresses and
// CIDR ranges, validated.
ConfigStatus ApplyAllowPrivate(const std::string& value, FetchOptions* fetch);

}  // namespace citecheck

#endif  // CITECHECK_CONFIG_CONFIG_H_
