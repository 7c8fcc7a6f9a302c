// citecheck: the command line. Parses arguments, calls the library, maps the
// result to output and an exit code (0 all good, 1 problems found, 2 usage,
// config or input error). No exception escapes main.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "check/article_input.h"
#include "check/pipeline.h"
#include "config/config.h"
#include "report/report.h"
#include "store/store.h"

namespace citecheck {
namespace {

constexpr int kExitUsage = 2;

struct CheckFlags {
  std::vector<std::string> articles;
  std::string format = "text";
  std::string output;
  std::string db;
  std::string config;
  std::string name;
  std::optional<std::string> allow_private;  // set when --allow-private was given
  int concurrency = 0;
  int timeout = 0;
  bool verbose = false;
};

// --allow-private can stand alone or take "=LIST", so it must never swallow
// the next argument (an article path): take it out before CLI11 parses.
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

// A one-line progress bar on stderr, only when stderr is a terminal.
class ProgressBar {
 public:
  ProgressBar() : enabled_(isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}
  ~ProgressBar() {
    if (enabled_ && drawn_) std::cerr << "\r\033[K" << std::flush;
  }
  void Update(const Progress& p) {
    if (!enabled_) return;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    double rate = seconds > 0 ? p.done / seconds : 0;
    char line[160];
    std::snprintf(line, sizeof line, "\r\033[Kchecking links %d/%d  failures %d  %.1f/s", p.done,
                  p.total, p.failed, rate);
    std::cerr << line << std::flush;
    drawn_ = true;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
};

int WriteReport(const RunRecord& run, const CheckFlags& flags) {
  ReportOptions options;
  options.color = flags.output.empty() && isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
  auto formatter = MakeFormatter(flags.format, options);
  if (!formatter) {
    std::cerr << "citecheck: unknown --format \"" << flags.format << "\" (expected " << kReportFormats << ")\n";
    return kExitUsage;
  }
  std::string text = formatter->Render(run);
  if (flags.output.empty()) {
    std::cout << text << std::flush;
    return 0;
  }
  std::ofstream out(flags.output, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::cerr << "citecheck: cannot write report to " << flags.output << "\n";
    return kExitUsage;
  }
  return 0;
}

// Loads the config and lets the flags override it.
bool BuildConfig(const CheckFlags& flags, Config* config) {
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

int RunCheckCommand(const CheckFlags& flags) {
  Config config;
  if (!BuildConfig(flags, &config)) return kExitUsage;
  if (!MakeFormatter(flags.format, {})) {
    std::cerr << "citecheck: unknown --format \"" << flags.format << "\" (expected " << kReportFormats << ")\n";
    return kExitUsage;
  }
  auto fetcher = MakeCurlFetcher(config.fetch);
  bool input_error = false;
  std::vector<ArticleInput> inputs;
  std::vector<std::string> urls;
  for (const std::string& source : flags.articles) {
    if (IsUrlSource(source)) {
      urls.push_back(source);
      continue;
    }
    inputs.push_back(LoadArticleInput(source, std::cin, flags.name));
  }
  for (ArticleInput& input : FetchArticleInputs(urls, *fetcher)) inputs.push_back(std::move(input));
  std::vector<ArticleInput> readable;
  for (ArticleInput& input : inputs) {
    if (input.ok) {
      readable.push_back(std::move(input));
    } else {
      std::cerr << "citecheck: " << input.error << "\n";
      input_error = true;
    }
  }
  if (readable.empty()) return kExitUsage;
  auto store = Store::Open(config.db);
  CheckRun run;
  {
    ProgressBar bar;
    run = RunCheck(readable, config, *store, *fetcher, "check",
                   [&bar](const Progress& p) { bar.Update(p); });
  }
  for (const Diagnostic& d : run.diagnostics) PrintDiagnostic(d);
  RunRecord record = store->LoadRun(run.run_id);
  int write_status = WriteReport(record, flags);
  if (write_status != 0) return write_status;
  if (input_error || run.input_error) return kExitUsage;
  return ExitCodeFor(record);
}

int Main(int argc, char** argv) {
  CheckFlags flags;
  std::vector<std::string> args = ExtractAllowPrivate(argc, argv, &flags.allow_private);
  CLI::App app{"citecheck: checks that cited links resolve and quotations appear in their sources"};
  app.set_version_flag("--version", std::string("citecheck ") + CITECHECK_VERSION);
  app.require_subcommand(1);
  CLI::App* check = app.add_subcommand("check", "check articles now and print the report");
  check->add_option("articles", flags.articles, "article files, - for stdin, or http(s) URLs")->required();
  check->add_option("--format", flags.format, std::string(kReportFormats) + " (default text)");
  check->add_option("-o,--output", flags.output, "write the report to FILE instead of stdout");
  check->add_option("--db", flags.db, "SQLite database (default $XDG_DATA_HOME/citecheck/citecheck.db)");
  check->add_option("--config", flags.config, "config file (JSON)");
  check->add_option("--name", flags.name, "name of the article read from stdin");
  check->add_option("--concurrency", flags.concurrency, "transfers at once")->check(CLI::Range(1, 1024));
  check->add_option("--timeout", flags.timeout, "total timeout per request, seconds")->check(CLI::Range(1, 3600));
  check->add_flag("--verbose", flags.verbose, "log each request to stderr");
  // ExtractAllowPrivate has already taken --allow-private; it is documented here.
  check->footer(
      "  --allow-private[=LIST]      allow fetching private/loopback addresses; with =LIST\n"
      "                              only those addresses and CIDR ranges (comma-separated)");
  std::vector<const char*> cargs;
  for (const std::string& a : args) cargs.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(cargs.size()), const_cast<char**>(cargs.data()));
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (check->parsed()) return RunCheckCommand(flags);
  return kExitUsage;
}

}  // namespace
}  // namespace citecheck

int main(int argc, char** argv) {
  try {
    return citecheck::Main(argc, argv);
  } catch (const citecheck::StoreError& e) {
    std::cerr << "citecheck: database error: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "citecheck: internal error: " << e.what() << "\n";
  }
  return citecheck::kExitUsage;
}
