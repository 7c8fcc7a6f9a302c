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
  // it is built, never held whole.
  std::ofstream file;
  const bool existed = !output.empty() && std::filesystem::exists(output);
  if (!output.empty()) {
    file.open(output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "citecheck: cannot write report to " << output << "\n";
      return false;
    }
  }
  std::ostream& out = output.empty() ? std::cout : file;
  RenderedRun report = StreamStoredRun(store, request, out);
  if (report.outcome != RenderedRun::Outcome::kOk) {
    std::cerr << "citecheck: " << report.error << "\n";
    if (!output.empty() && !existed) {
      file.close();
      std::filesystem::remove(output);
    }
    return false;
  }
  out.flush();
  if (!output.empty()) file.close();
  if (!out) {
    std::cerr << "citecheck: cannot write report to " << (output.empty() ? "standard output" : output) << "\n";
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
