// Citation Style 1/2 template fields (CS1's documented parameters).
#include <gtest/gtest.h>

#include "article/reader.h"
#include "article/test_util.h"
#include "article/wikitext_cs1.h"

namespace citecheck {
namespace {

using testing_article::HasDiagnostic;
using testing_article::Read;

struct DateCase {
  const char* written;
  const char* normalized;
};

class Cs1DateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(Cs1DateTest, Normalizes) {
  EXPECT_EQ(article::wiki::NormalizeCs1Date(GetParam().written), GetParam().normalized) << GetParam().written;
}

const DateCase kDates[] = {
    {"3 May 2019", "2019-05-03"},    {"May 3, 2019", "2019-05-03"},  {"2019-05-03", "2019-05-03"},
    {"03 May 2019", "2019-05-03"},   {"Sep 9, 2020", "2020-09-09"},  {"9 Sept 2020", "2020-09-09"},
    {" 1 January 2001 ", "2001-01-01"}, {"29 February 2020", "2020-02-29"}, {"29 February 2019", ""},
    {"May 2019", ""},                {"2019", ""},                   {"31 April 2019", ""},
    {"yesterday", ""},               {"2019-13-01", ""},             {"", ""},
};

INSTANTIATE_TEST_SUITE_P(Cs1, Cs1DateTest, ::testing::ValuesIn(kDates));

struct FieldsCase {
  const char* title;
  const char* ref;  // the content of one <ref>
  const char* url;
  const char* ref_title;
  const char* access_date;
  const char* url_status;
  const char* archive_url;
  const char* archive_date;
};

class Cs1FieldsTest : public ::testing::TestWithParam<FieldsCase> {};

TEST_P(Cs1FieldsTest, Fields) {
  const FieldsCase& c = GetParam();
  Article a = Read(std::string("Text.<ref>") + c.ref + "</ref>\n", "a.wiki");
  ASSERT_EQ(a.citations.size(), 1u) << c.title;
  const Citation& got = a.citations[0];
  EXPECT_EQ(got.url, c.url) << c.title;
  EXPECT_EQ(got.ref_title, c.ref_title) << c.title;
  EXPECT_EQ(got.access_date, c.access_date) << c.title;
  EXPECT_EQ(got.url_status, c.url_status) << c.title;
  EXPECT_EQ(got.archive_url, c.archive_url) << c.title;
  EXPECT_EQ(got.archive_date, c.archive_date) << c.title;
}

const FieldsCase kFields[] = {
    {"one line", "{{cite web |url=https://a.example/x |title=Alpha |access-date=3 May 2019}}",
     "https://a.example/x", "Alpha", "2019-05-03", "", "", ""},
    {"many lines, aliases",
     "{{Cite news\n | title = Beta ''News''\n | url = https://b.example/y\n | accessdate = May 3, 2019\n"
     " | archiveurl = https://web.archive.org/web/2019/https://b.example/y\n | archivedate = 2019-05-04\n"
     " | url-status = dead\n}}",
     "https://b.example/y", "Beta News", "2019-05-03", "dead",
     "https://web.archive.org/web/2019/https://b.example/y", "2019-05-04"},
    {"citation, comments and nested templates",
     "{{citation|url=https://c.example/<!-- moved -->|title=Gamma {{lang|fr|Le}} [[Paris|City]]|archive-url="
     "https://arch.example/c|archive-date=1 June 2020|url-status=live}}",
     "https://c.example/", "Gamma Le City", "", "live", "https://arch.example/c", "2020-06-01"},
    {"journal with legacy dead-url", "{{cite journal|url=https://d.example|title=D|dead-url=yes}}",
     "https://d.example", "D", "", "dead", "", ""},
    {"any case of the first letter", "{{Cite Web|url=https://e.example/|title=E}}", "https://e.example/", "E", "",
     "", "", ""},
    {"book without url", "{{cite book|title=Fixed|year=2001}}", "", "Fixed", "", "", "", ""},
};

INSTANTIATE_TEST_SUITE_P(Cs1, Cs1FieldsTest, ::testing::ValuesIn(kFields));

TEST(Cs1Test, BadAccessDateWarns) {
  Article a = Read("T.<ref>{{cite web|url=https://a.example|access-date=sometime}}</ref>\n", "a.wiki");
  EXPECT_TRUE(HasDiagnostic(a, Diagnostic::Severity::kWarning, "\"sometime\" is not a date"));
  EXPECT_EQ(a.citations.at(0).access_date, "");
}

}  // namespace
}  // namespace citecheck
