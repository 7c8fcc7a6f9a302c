// What the subcommands share: flags into a Config, diagnostics on stderr,
// writing a report.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cmd/citecheck/commands.h"
#include "report/changes_section.h"
#include "report/report.h"
#include "store/store.h"

namespace citecheck {

std::vector<std::string> ExtractAllowPrivate(int argc, char** argv, std::optional<std::string>* value) {
  std::vector<std::string> rest;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--allow-private") {
      *value = "";
    } else if (arg.rfind("--allow-private=", 0) == 0) {
      *value = arg.substr(std::string("--allow-private=").size());
    } else {
      rest.push_back(arg);
    }
  }
  return rest;
}

void PrintDiagnostic(const Diagnostic& d) {
  std::string where = d.file;
  if (d.line > 0) where += ":" + std::to_string(d.line);
  if (d.line > 0 && d.column > 0) where += ":" + std::to_string(d.column);
  const char* level = d.severity == Diagnostic::Severity::kError ? "error" : "warning";
  std::cerr << "citecheck: " << where << ": " << level << ": " << d.message << "\n";
}

bool KnownFormat(const std::string& format) { return MakeFormatter(format, {}) != nullptr; }

int WriteOutput(const std::string& text, const std::string& output) {
  if (output.empty()) {
    std::cout << text << std::flush;
    return 0;
  }
  std::ofstream out(output, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::cerr << "citecheck: cannot write report to " << output << "\n";
    return kExitUsage;
  }
  return 0;
}

int WriteReport(const RunRecord& run, const std::string& format, const std::string& output) {
  ReportOptions options;
  options.color = output.empty() && isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
  auto formatter = MakeFormatter(format, options);
  if (!formatter) {
    std::cerr << "citecheck: unknown --format \"" << format << "\" (expected " << kReportFormats << ")\n";
    return kExitUsage;
  }
  std::string text = formatter->Render(run);
  // The text report ends with what changed since the previous run.
  if (format == "text") text += ChangesSectionText(run, options.color);
  return WriteOutput(text, output);
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
