// citecheck: the command line. Parses arguments and dispatches to one file
// per subcommand (commands.h); no exception escapes main.
#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "cmd/citecheck/commands.h"
#include "config/allow_private_flag.h"
#include "report/report.h"
#include "store/store.h"

namespace citecheck {
namespace {

void AddCommonFlags(CLI::App* command, CommonFlags* flags, bool fetches) {
  command->add_option("--db", flags->db, "SQLite database (default $XDG_DATA_HOME/citecheck/citecheck.db)");
  command->add_option("--config", flags->config, "config file (JSON)");
  if (!fetches) return;
  command->add_option("--concurrency", flags->concurrency, "transfers at once")->check(CLI::Range(1, 1024));
  command->add_option("--timeout", flags->timeout, "total timeout per request, seconds")->check(CLI::Range(1, 3600));
  command->add_flag("--verbose", flags->verbose, "log each request to stderr");
  // ExtractAllowPrivate has already taken --allow-private; it is documented here.
  command->footer(kAllowPrivateHelp);
}

int Main(int argc, char** argv) {
  CommonFlags common;
  CheckFlags check_flags;
  AddFlags add_flags;
  RunFlags run_flags;
  ReportFlags report_flags;
  PruneFlags prune_flags;
  MigrateFlags migrate_flags;
  ListFlags list_flags;
  ReviewFlags review_flags;
  std::string remove_id;
  std::vector<std::string> args = ExtractAllowPrivate(argc, argv, &common.allow_private);
  CLI::App app{"citecheck: checks that cited links resolve and quotations appear in their sources"};
  app.set_version_flag("--version", std::string("citecheck ") + CITECHECK_VERSION);
  app.require_subcommand(1);
  const std::string formats = std::string(kReportFormats) + " (default text)";

  CLI::App* check = app.add_subcommand("check", "check articles now and print the report");
  check->add_option("articles", check_flags.articles, "article files, - for stdin, or http(s) URLs")->required();
  check->add_option("--format", check_flags.format, formats);
  check->add_option("-o,--output", check_flags.output, "write the report to FILE instead of stdout");
  check->add_option("--name", check_flags.name, "name of the article read from stdin");
  check->add_option("--input-format", check_flags.input_format,
                    "read files and stdin as markdown, html or wikitext (default: by extension, else sniffing)");
  check->add_flag("--queue", check_flags.queue, "register the articles and queue them for citecheckd");
  AddCommonFlags(check, &common, true);

  CLI::App* add = app.add_subcommand("add", "register articles for scheduled checks");
  add->add_option("articles", add_flags.articles, "article files, - for stdin, or http(s) URLs")->required();
  add->add_option("--name", add_flags.name, "name of the article (required for stdin)");
  AddCommonFlags(add, &common, false);

  CLI::App* list = app.add_subcommand("list", "list registered articles with their last run");
  list->add_option("--limit", list_flags.limit, "at most N articles (default: all)")->check(CLI::Range(0, 1000000000));
  list->add_option("--after", list_flags.after, "only articles whose ID is greater than ID (the next page)")
      ->check(CLI::NonNegativeNumber);
  AddCommonFlags(list, &common, false);

  CLI::App* remove = app.add_subcommand("remove", "stop checking a registered article (history is kept)");
  remove->add_option("id", remove_id, "article ID or source")->required();
  AddCommonFlags(remove, &common, false);

  CLI::App* run = app.add_subcommand("run", "check registered articles now (resumes an interrupted run)");
  run->add_flag("--all", run_flags.all, "every registered article");
  run->add_option("ids", run_flags.ids, "article IDs or sources");
  run->add_option("--format", run_flags.format, formats);
  run->add_option("-o,--output", run_flags.output, "write the report to FILE instead of stdout");
  AddCommonFlags(run, &common, true);

  CLI::App* report = app.add_subcommand("report", "render stored results without fetching");
  report->add_option("article", report_flags.article, "article ID or source (default: the latest run)");
  report->add_option("--format", report_flags.format, formats);
  report->add_option("-o,--output", report_flags.output, "write the report to FILE instead of stdout");
  report->add_flag("--changes", report_flags.changes, "only what changed since the previous runs");
  AddCommonFlags(report, &common, false);

  CLI::App* prune = app.add_subcommand("prune", "delete old runs beyond store.keep_runs per article");
  prune->add_option("--keep-runs", prune_flags.keep_runs, "runs kept per article (default store.keep_runs)")
      ->check(CLI::Range(1, 1000000));
  prune->add_flag("--dry-run", prune_flags.dry_run, "print what would be deleted, change nothing");
  AddCommonFlags(prune, &common, false);

  CLI::App* migrate = app.add_subcommand("migrate", "copy the whole database, history included, into another");
  migrate->add_option("--to", migrate_flags.to, "the empty database to copy into: postgresql://user@host/dbname")
      ->required();
  AddCommonFlags(migrate, &common, false);

  CLI::App* review = app.add_subcommand("review", "record a reviewer's decision on a quote or citation");
  review->add_option("key", review_flags.key, "the item's key, as reports show it (with --list: an article ID or source)");
  review->add_flag("--accept", review_flags.accept, "accept it: it no longer fails while quote and page are unchanged");
  review->add_flag("--reject", review_flags.reject, "reject it: it always fails");
  review->add_flag("--clear", review_flags.clear, "withdraw the decision in force");
  review->add_flag("--list", review_flags.list, "list the reviews in force (of ARTICLE when given)");
  review->add_option("--note", review_flags.note, "why (shown beside the verdict)");
  review->add_option("--by", review_flags.by, "who decides (default $USER)");
  AddCommonFlags(review, &common, false);

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
  if (check->parsed()) return RunCheckCommand(common, check_flags);
  if (add->parsed()) return RunAddCommand(common, add_flags);
  if (list->parsed()) return RunListCommand(common, list_flags);
  if (remove->parsed()) return RunRemoveCommand(common, remove_id);
  if (run->parsed()) return RunRunCommand(common, run_flags);
  if (report->parsed()) return RunReportCommand(common, report_flags);
  if (prune->parsed()) return RunPruneCommand(common, prune_flags);
  if (review->parsed()) return RunReviewCommand(common, review_flags);
  if (migrate->parsed()) return RunMigrateCommand(common, migrate_flags);
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
