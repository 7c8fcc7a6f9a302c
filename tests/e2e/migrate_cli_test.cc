// End to end: `citecheck migrate --to postgresql://…` of the real binary
// (docs/storage.md "Moving to PostgreSQL"): everything a SQLite database
// holds, history included, reads the same from PostgreSQL afterwards; the
// copy refuses a target that is not empty; checks go on in the new database.
#include "e2e/e2e_util.h"
#include "support/test_database.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

class MigrateCliTest : public ::testing::Test {
 protected:
  void SetUp() override { CITECHECK_SKIP_UNLESS_AVAILABLE(Backend::kPostgres); }
};

TEST_F(MigrateCliTest, CopiesEverythingAndTheReportsReadTheSame) {
  TestServer server;
  int night = 0;
  server.server().Get("/page", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("<p>The harbour froze over in the winter of that year.</p>", "text/html");
  });
  // Gone on the second night: a change the history shows.
  server.server().Get("/flaky", [&night](const httplib::Request&, httplib::Response& r) {
    if (night > 0) {
      r.status = 404;
      return;
    }
    r.set_content("<p>Ships waited outside the harbour for a week.</p>", "text/html");
  });
  server.Start();
  TempDir dir;
  const std::string article = "# Winter\n\nIt says \"the harbour froze over in the winter\" [1] and \"ships waited "
                              "outside the harbour for a week\" [2].\n\n## References\n\n[1] " +
                              server.Url("/page") + "\n[2] " + server.Url("/flaky") + "\n";
  for (night = 0; night < 2; ++night) {
    CheckOutput check = CheckArticle(dir, "winter.md", article, {"--allow-private"});
    ASSERT_NE(check.run.exit_code, 2) << check.run.err;
  }
  const std::string file = dir.File("citecheck.db");
  ASSERT_EQ(RunCitecheck({"add", dir.File("winter.md"), "--db", file}).exit_code, 0);

  TestDatabase target(Backend::kPostgres);
  RunOutput migrated = RunCitecheck({"migrate", "--db", file, "--to", target.db()});
  ASSERT_EQ(migrated.exit_code, 0) << migrated.err;
  EXPECT_NE(migrated.out.find("runs: 2 rows"), std::string::npos) << migrated.out;
  EXPECT_NE(migrated.out.find("quotes: 4 rows"), std::string::npos) << migrated.out;
  EXPECT_EQ(target.Rows("fetches"), 4);

  for (const std::vector<std::string>& report :
       {std::vector<std::string>{"report", "--format", "json"}, {"report", "--format", "text", "--changes"},
        {"list"}}) {
    std::vector<std::string> from = report, to = report;
    from.insert(from.end(), {"--db", file});
    to.insert(to.end(), {"--db", target.db()});
    RunOutput before = RunCitecheck(from);
    RunOutput after = RunCitecheck(to);
    EXPECT_EQ(after.exit_code, before.exit_code) << after.err;
    EXPECT_NE(before.out.find("winter.md"), std::string::npos) << before.out;
    EXPECT_EQ(after.out, before.out) << report[0];
  }

  RunOutput again = RunCitecheck({"migrate", "--db", file, "--to", target.db()});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("the target is not empty"), std::string::npos) << again.err;
  EXPECT_EQ(target.Rows("runs"), 2);  // nothing copied twice

  // The new database goes on: its ids continue after the copied ones.
  RunOutput third = RunCitecheck({"check", dir.File("winter.md"), "--format", "json", "--db", target.db(),
                                  "--allow-private"});
  ASSERT_NE(third.exit_code, 2) << third.err;
  EXPECT_EQ(target.Connect()->QueryInt64("SELECT MAX(id) FROM runs"), 3);
}

}  // namespace
}  // namespace citecheck::testing
