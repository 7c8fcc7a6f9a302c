// What the subcommands share: flags into a Config, diagnostics on stderr,
// writing a report.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cmd/citecheck/commands.h"
#include "report/report.h"
#include "store/store.h"

namespace citecheck {

void PrintDiagnostic(const Diagnostic& d) {
  std::string where = d.file;
  if (d.line > 0) where += ":" + std::to_string(d.line);
  if (d.line > 0 && d.column > 0) where += ":" + std::to_string(d.column);
  const char* level = d.severity == Diagnostic::Severity::kError ? "error" : "warning";
  std::cerr << "citecheck: " << where << ": " << level << ": " << d.message << "\n";
}

bool WriteStoredReport(Store& store, RenderRequest request, const std::string& output, int* exit_code) {
  request.options.color = output.empty() && isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
  // Streamed (report/render_run.h): a nightly run's report is written as
  // it is built, never held whole. A file is written beside its final name
  // and renamed once complete, so a failure (unknown format, no run, a
  // database error, a full disk) leaves an existing report as it was.
  if (output.empty()) {
    RenderedRun report = StreamStoredRun(store, request, std::cout);
    if (report.outcome != RenderedRun::Outcome::kOk) {
      std::cerr << "citecheck: " << report.error << "\n";
      return false;
    }
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "citecheck: cannot write report to standard output\n";
      return false;
    }
    *exit_code = report.exit_code;
    return true;
  }
  const std::string partial = output + ".partial-" + std::to_string(getpid());
  auto discard = [&partial] {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
  };
  std::ofstream file(partial, std::ios::binary | std::ios::trunc);
  if (!file) {
    std::cerr << "citecheck: cannot write report to " << output << "\n";
    return false;
  }
  RenderedRun report;
  try {
    report = StreamStoredRun(store, request, file);
  } catch (...) {
    file.close();
    discard();
    throw;
  }
  file.close();
  if (report.outcome != RenderedRun::Outcome::kOk) {
    discard();
    std::cerr << "citecheck: " << report.error << "\n";
    return false;
  }
  std::error_code renamed;
  if (file) std::filesystem::rename(partial, output, renamed);
  if (!file || renamed) {
    discard();
    std::cerr << "citecheck: cannot write report to " << output << (renamed ? ": " + renamed.message() : "") << "\n";
    return false;
  }
  *exit_code = report.exit_code;
  return true;
}

bool BuildConfig(const CommonFlags& flags, Config* config) {
  ConfigStatus status = LoadConfig(flags.config, config);
  if (status.ok && flags.allow_private) status = ApplyAllowPrivate(*flags.allow_private, &config->fetch);
  if (!status.ok) {
    std::cerr << "citecheck: " << status.error << "\n";
    return false;
  }
  if (!flags.db.empty()) config->db = flags.db;
  if (config->db.empty()) config->db = DefaultDatabasePath();
  if (flags.concurrency > 0) config->fetch.concurrency = flags.concurrency;
  if (flags.timeout > 0) config->fetch.timeout_s = flags.timeout;
  config->fetch.verbose = flags.verbose;
  return true;
}

}  // namespace citecheck
