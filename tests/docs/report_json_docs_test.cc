// docs/report-json.md documents every field of a real JSON report: two runs of
// the real citecheck over an article whose cited pages change in between, so
// that every kind of object (evidence with differences, diagnostics, each list
// of changes) occurs. Each object's fields must be the rows of its section.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/status.h"
#include "docs/docs_util.h"
#include "support/run_binary.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

using nlohmann::json;

// Where an object found under (section, field) is documented. Fields holding
// an array of objects name the section of its elements.
const std::map<std::pair<std::string, std::string>, std::string>& Children() {
  static const auto* children = new std::map<std::pair<std::string, std::string>, std::string>{
      {{"Top level", "articles"}, "Article"},
      {{"Citation", "archive"}, "Archive"},
      {{"Top level", "run"}, "Run"},
      {{"Article", "summary"}, "Summary"},
      {{"Article", "citations"}, "Citation"},
      {{"Article", "quotes"}, "Quote"},
      {{"Article", "diagnostics"}, "Diagnostic"},
      {{"Article", "changes"}, "Changes"},
      {{"Quote", "evidence"}, "Evidence"},
      {{"Evidence", "differences"}, "Difference"},
      {{"Changes", "links_newly_broken"}, "Link change"},
      {{"Changes", "links_recovered"}, "Link change"},
      {{"Changes", "quotes_no_longer_verified"}, "Quote change"},
      {{"Changes", "quotes_newly_verified"}, "Quote change"},
      {{"Changes", "quotes_moved_to_archive"}, "Quote change"},
      {{"Changes", "pages_changed"}, "Page change"},
      {{"Changes", "broken_links"}, "Broken link"},
  };
  return *children;
}

// Walks the report, collecting the fields seen in each section's objects.
class FieldCollector {
 public:
  void Visit(const json& object, const std::string& section) {
    std::set<std::string>& seen = fields_[section];
    for (const auto& [field, value] : object.items()) {
      seen.insert(field);
      if (section == "Summary" && field == "links_by_status") {
        for (const auto& [status, count] : value.items()) {
          EXPECT_TRUE(ParseLinkStatus(status).has_value()) << "links_by_status key " << status;
        }
        continue;
      }
      const bool nested = value.is_object() || (value.is_array() && !value.empty() && value[0].is_object());
      if (!nested) continue;
      auto child = Children().find({section, field});
      if (child == Children().end()) {
        ADD_FAILURE() << section << "." << field << " holds objects no section of docs/report-json.md "
                      << "documents: document them, and add them to Children()";
        continue;
      }
      if (value.is_object()) Visit(value, child->second);
      for (const json& element : value.is_array() ? value : json::array()) Visit(element, child->second);
    }
  }
  const std::map<std::string, std::set<std::string>>& fields() const { return fields_; }

 private:
  std::map<std::string, std::set<std::string>> fields_;
};

class ReportJsonDocsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Page("/a", "<p>The harbour master counted forty ships in the bay.</p>",
         "<p>The harbour was quiet all week long.</p>");
    Page("/b", "<p>Fishermen returned before the storm broke over the cliffs.</p>", "");
    Page("/c", "<p>Nothing about the tower here.</p>",
         "<p>Now it says the lighthouse stood for two hundred years.</p>");
    Page("/d", "", "<p>The old pier was painted bright red last spring.</p>");
    Page("/e", "<p>The ferry leaves at noon every day.</p>", "<p>The ferry leaves at noon every day.</p>");
    // A TimeGate and its mementos, so that dead links get an "archive"
    // (and /d's quote archived evidence; /b's quote, live the first time,
    // moves to the archive the second: quotes_moved_to_archive).
    server_.server().Get(R"(/web/(\d{14})id_/.*)", [](const httplib::Request&, httplib::Response& r) {
      r.set_header("Memento-Datetime", "Fri, 03 May 2019 12:00:00 GMT");
      r.set_content("<p>The old pier was painted bright red last spring.</p>"
                    "<p>Fishermen returned before the storm broke over the cliffs.</p>",
                    "text/html");
    });
    server_.server().Get(R"(/web/(https?:.*))", [this](const httplib::Request& q, httplib::Response& r) {
      r.set_redirect(server_.Url("/web/20190503120000/" + std::string(q.matches[1])), 302);
    });
    server_.Start();
    config_ = dir_.Write("config.json", R"({"fetch": {"retries": 0, "per_host_interval_ms": 0}, )"
                                        R"("archive": {"enabled": true, "timegate": ")" +
                                            server_.Url("/web/") + "\"}}");
    article_ = dir_.Write("harbour.md",
                          "# Harbour news\n\n"
                          "He said \"the harbour master counted forty ships\" [1].\n\n"
                          "They said \"fishermen returned before the storm broke\" [2].\n\n"
                          "It said \"the lighthouse stood for two hundred years\" [3].\n\n"
                          "We read \"the old pier was painted bright red last spring\" [4].\n\n"
                          "The timetable said \"the ferry leaves at noon every single day\" [5].\n\n"
                          "## References\n\n"
                          "[1] " +
                              server_.Url("/a") + "\n[2] " + server_.Url("/b") + "\n[3] " +
                              server_.Url("/c") + "\n[4] " + server_.Url("/d") + "\n[5] " +
                              server_.Url("/e") + "\n[6] http://exa mple.com\n");
  }

  // Serves `before` until the pages change, then `after`; "" is a 404.
  void Page(const std::string& path, std::string before, std::string after) {
    server_.server().Get(path, [this, before, after](const httplib::Request&, httplib::Response& r) {
      const std::string& body = changed_ ? after : before;
      if (body.empty()) {
        r.status = 404;
        return;
      }
      r.set_content(body, "text/html");
    });
  }

  json Check() {
    RunOutput run = RunCitecheck({"check", article_, "--format", "json", "--db", dir_.File("c.db"),
                                  "--config", config_, "--allow-private"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    json report = json::parse(run.out, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(report.is_discarded()) << run.out << run.err;
    return report;
  }

  TestServer server_;
  std::atomic<bool> changed_{false};
  TempDir dir_;
  std::string config_;
  std::string article_;
};

TEST_F(ReportJsonDocsTest, EveryFieldOfARealReportIsDocumented) {
  FieldCollector collector;
  collector.Visit(Check(), "Top level");
  changed_ = true;
  collector.Visit(Check(), "Top level");

  const std::string doc = ReadDoc("report-json.md");
  std::set<std::string> sections = {"Top level"};
  for (const auto& [parent, section] : Children()) sections.insert(section);
  for (const std::string& section : sections) {
    auto seen = collector.fields().find(section);
    ASSERT_NE(seen, collector.fields().end())
        << "the test's report has no \"" << section << "\" object: the fixture no longer covers it";
    const std::set<std::string> documented = TableNames(Section(doc, section));
    for (const std::string& field : seen->second) {
      EXPECT_TRUE(documented.count(field))
          << section << " field \"" << field << "\" is not in docs/report-json.md";
    }
    for (const std::string& field : documented) {
      EXPECT_TRUE(seen->second.count(field)) << "docs/report-json.md documents " << section << " field \""
                                             << field << "\", which the report does not have";
    }
  }
}

}  // namespace
}  // namespace citecheck::testing
