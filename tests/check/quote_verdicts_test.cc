#include "check/quote_verdicts.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

Citation MakeCitation(const std::string& id, const std::string& url) {
  Citation c;
  c.id = id;
  c.url = url;
  c.normalized_url = url;
  return c;
}

TEST(VerdictForCitationTest, CitationsThatCannotBeFetchedAreUnverifiable) {
  Citation unresolved;
  unresolved.id = "3";
  Verdict v = VerdictForCitation("one two three four", unresolved, nullptr, {});
  EXPECT_EQ(v.status, QuoteStatus::kUnverifiable);
  EXPECT_EQ(v.reason, "citation [3] has no reference entry");

  Citation malformed = MakeCitation("4", "");
  malformed.url_error = "malformed URL: bad host";
  v = VerdictForCitation("one two three four", malformed, nullptr, {});
  EXPECT_EQ(v.status, QuoteStatus::kUnverifiable);
  EXPECT_EQ(v.reason, "citation [4]: malformed URL: bad host");

  Citation blocked = MakeCitation("5", "");
  blocked.url = "ftp://ftp.example.org/";
  blocked.url_error = "scheme ftp not allowed";
  blocked.url_error_status = LinkStatus::kBlocked;
  v = VerdictForCitation("one two three four", blocked, nullptr, {});
  EXPECT_EQ(v.status, QuoteStatus::kUnverifiable);
  EXPECT_EQ(v.reason, "link [5] is blocked (scheme ftp not allowed)");
}

TEST(VerdictForCitationTest, BrokenLinkAndNoTextAreUnverifiableWithTheReason) {
  Citation c = MakeCitation("1", "https://example.org/");
  PageOutcome broken;
  broken.link_status = LinkStatus::kBroken;
  broken.link_error = "HTTP 404";
  Verdict v = VerdictForCitation("one two three four", c, &broken, {});
  EXPECT_EQ(v.status, QuoteStatus::kUnverifiable);
  EXPECT_EQ(v.reason, "link [1] is broken (HTTP 404)");

  PageOutcome pdf;
  pdf.link_status = LinkStatus::kOk;
  pdf.no_text_reason = "no text: application/pdf";
  v = VerdictForCitation("one two three four", c, &pdf, {});
  EXPECT_EQ(v.status, QuoteStatus::kUnverifiable);
  EXPECT_EQ(v.reason, "no text: application/pdf");
}

TEST(VerdictForCitationTest, MatchesThePageAndNamesTheCitation) {
  Citation c = MakeCitation("7", "https://example.org/");
  PageOutcome ok;
  ok.link_status = LinkStatus::kOk;
  ok.page = std::make_shared<PreparedPage>("The council met on Monday and approved the new budget.");
  Verdict v = VerdictForCitation("approved the new budget", c, &ok, {});
  EXPECT_EQ(v.status, QuoteStatus::kVerified);
  ASSERT_TRUE(v.evidence.has_value());
  EXPECT_EQ(v.evidence->citation_id, "7");
  v = VerdictForCitation("the mayor resigned after the vote", c, &ok, {});
  EXPECT_EQ(v.status, QuoteStatus::kNotFound);
}

TEST(VerdictForCitationTest, NotFoundOnATruncatedPageIsUnverifiable) {
  Citation c = MakeCitation("2", "https://example.org/");
  PageOutcome cut;
  cut.link_status = LinkStatus::kOk;
  cut.truncated = true;
  cut.max_body_bytes = 10 * 1024 * 1024;
  cut.page = std::make_shared<PreparedPage>("Only the beginning of a long page survived the cap.");
  Verdict v = VerdictForCitation("words from the end of the page", c, &cut, {});
  EXPECT_EQ(v.status, QuoteStatus::kUnverifiable);
  EXPECT_EQ(v.reason, "page truncated at 10 MiB");
  // What is in the part we did read still verifies.
  EXPECT_EQ(VerdictForCitation("the beginning of a long page", c, &cut, {}).status, QuoteStatus::kVerified);
}

TEST(CombineVerdictsTest, BestVerdictWinsInSpecOrder) {
  auto make = [](QuoteStatus s, double score = 0) {
    Verdict v;
    v.status = s;
    v.score = score;
    return v;
  };
  struct Case {
    std::vector<Verdict> verdicts;
    QuoteStatus expected;
  } cases[] = {
      {{make(QuoteStatus::kNotFound), make(QuoteStatus::kVerified, 1)}, QuoteStatus::kVerified},
      {{make(QuoteStatus::kNotFound), make(QuoteStatus::kUnverifiable)}, QuoteStatus::kUnverifiable},
      {{make(QuoteStatus::kUnverifiable), make(QuoteStatus::kNearMatch, 0.9)}, QuoteStatus::kNearMatch},
      {{make(QuoteStatus::kNearMatch, 0.9), make(QuoteStatus::kVerified, 1)}, QuoteStatus::kVerified},
      {{make(QuoteStatus::kNotFound)}, QuoteStatus::kNotFound},
  };
  for (const auto& c : cases) EXPECT_EQ(CombineVerdicts(c.verdicts).status, c.expected);
  Verdict better = CombineVerdicts({make(QuoteStatus::kNearMatch, 0.8), make(QuoteStatus::kNearMatch, 0.9)});
  EXPECT_DOUBLE_EQ(better.score, 0.9);
}

TEST(HumanBytesTest, Units) {
  EXPECT_EQ(HumanBytes(10485760), "10 MiB");
  EXPECT_EQ(HumanBytes(512 * 1024), "512 KiB");
  EXPECT_EQ(HumanBytes(1000), "1000 bytes");
}

}  // namespace
}  // namespace citecheck
