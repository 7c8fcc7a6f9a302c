// A run's report streamed from the store one article at a time
// (StreamStoredRun) is the report rendered from the whole run in memory
// (RenderStoredRun), byte for byte, with the same exit code, in every format,
// over random histories (changes, reviews, archived evidence, interrupted
// runs) and for an empty run.
#include <gtest/gtest.h>

#include <sstream>

#include "report/random_history.h"
#include "report/render_run.h"

namespace citecheck {
namespace {

using testing::History;
using testing::kRuns;

void ExpectSameReport(Store& store, int64_t run_id) {
  for (const char* format : {"text", "json", "markdown", "html", "junit"}) {
    SCOPED_TRACE(format);
    RenderRequest request;
    request.run_id = run_id;
    request.format = format;
    const RenderedRun whole = RenderStoredRun(store, request);
    ASSERT_EQ(whole.outcome, RenderedRun::Outcome::kOk) << whole.error;
    std::ostringstream streamed;
    const RenderedRun result = StreamStoredRun(store, request, streamed);
    ASSERT_EQ(result.outcome, RenderedRun::Outcome::kOk) << result.error;
    EXPECT_EQ(streamed.str(), whole.text);
    EXPECT_EQ(result.exit_code, whole.exit_code);
    EXPECT_TRUE(result.text.empty());
  }
}

TEST(StreamRunTest, StreamedReportIsTheWholeReportInEveryFormat) {
  int changes_seen = 0;
  for (unsigned seed = 1; seed <= 3; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    History history(seed);
    for (int r = 0; r < kRuns; ++r) {
      history.Run(/*interrupted=*/r == 3, /*store_changes=*/(r + seed) % 2 == 0);
      if (r == 2) history.Review();
      ExpectSameReport(history.store(), history.last_run());
      if (::testing::Test::HasFailure()) return;
    }
    RenderRequest request;
    request.run_id = history.last_run();
    request.format = "text";
    changes_seen += RenderStoredRun(history.store(), request).text.find("Changes since the previous run") !=
                    std::string::npos;
  }
  EXPECT_GT(changes_seen, 0);  // the text format's closing section was compared too
}

TEST(StreamRunTest, EmptyRunAndErrorsAsRenderStoredRunGivesThem) {
  History history(1);
  const int64_t empty = history.store().BeginRun("run");
  history.store().FinishRun(empty, RunState::kDone);
  ExpectSameReport(history.store(), empty);

  std::ostringstream out;
  RenderRequest unknown;
  unknown.run_id = empty;
  unknown.format = "yaml";
  EXPECT_EQ(StreamStoredRun(history.store(), unknown, out).outcome, RenderedRun::Outcome::kUnknownFormat);
  RenderRequest missing;
  missing.run_id = 999;
  EXPECT_THROW(StreamStoredRun(history.store(), missing, out), StoreError);  // as RenderStoredRun does
  testing::TempDir dir;
  auto fresh = Store::Open(dir.File("fresh.db"));
  EXPECT_EQ(StreamStoredRun(*fresh, RenderRequest{}, out).outcome, RenderedRun::Outcome::kNoRun);
  EXPECT_TRUE(out.str().empty());
}

}  // namespace
}  // namespace citecheck
