// References in wikitext, as the Cite extension numbers them (cases
// modelled on its parser tests: reuse, groups, list-defined, errors).
#include <gtest/gtest.h>

#include "article/reader.h"
#include "article/test_util.h"

namespace citecheck {
namespace {

using testing_article::CitationIds;
using testing_article::HasDiagnostic;
using testing_article::Read;
using Ids = std::vector<std::string>;

Article Wiki(const std::string& text) { return Read(text, "article.wiki"); }

struct NumberingCase {
  const char* title;
  const char* wikitext;
  Ids ids;        // citation ids in order
  Ids names;      // their names
  const char* warning;  // a fragment of an expected warning, or ""
};

class NumberingTest : public ::testing::TestWithParam<NumberingCase> {};

TEST_P(NumberingTest, IdsNamesAndWarnings) {
  const NumberingCase& c = GetParam();
  Article a = Wiki(c.wikitext);
  EXPECT_EQ(CitationIds(a), c.ids) << c.title;
  Ids names;
  for (const Citation& citation : a.citations) names.push_back(citation.name);
  EXPECT_EQ(names, c.names) << c.title;
  if (*c.warning != '\0') {
    EXPECT_TRUE(HasDiagnostic(a, Diagnostic::Severity::kWarning, c.warning)) << c.title;
  }
}

const NumberingCase kNumbering[] = {
    {"simple ref", "Rocks.<ref>Proceedings, vol. 2</ref>\n", {"1"}, {""}, ""},
    {"two refs in order", "A.<ref>one</ref> B.<ref>two</ref>\n", {"1", "2"}, {"", ""}, ""},
    {"reuse with double quotes", "A<ref name=\"a\">x</ref> B<ref name=\"a\" />\n", {"1"}, {"a"}, ""},
    {"reuse with single quotes", "A<ref name='a b'>x</ref> B<ref name='a b'/>\n", {"1"}, {"a b"}, ""},
    {"reuse unquoted", "A<ref name=a>x</ref> B<ref name=a/> C<ref name = a />\n", {"1"}, {"a"}, ""},
    {"reuse before definition", "A<ref name=\"later\" /> B<ref>plain</ref> C<ref name=\"later\">def</ref>\n",
     {"1", "2"}, {"later", ""}, ""},
    {"groups numbered apart", "A<ref group=\"note\">n</ref> B<ref>r</ref> C<ref group=note>m</ref>\n",
     {"note 1", "1", "note 2"}, {"", "", ""}, ""},
    {"same name in two groups", "A<ref name=x>1</ref> B<ref name=x group=g>2</ref>\n", {"1", "g 1"},
     {"x", "x"}, ""},
    {"list-defined", "A<ref name=\"p\" /> B<ref name=\"q\" />\n<references>\n<ref name=\"q\">Q</ref>\n"
     "<ref name=\"p\">P</ref>\n</references>\n",
     {"1", "2"}, {"p", "q"}, ""},
    {"list-defined not used", "A<ref name=p />\n<references>\n<ref name=p>P</ref>\n<ref name=z>Z</ref>\n</references>\n",
     {"1"}, {"p"}, "\"z\" is not used"},
    {"list-defined in reflist refs=", "A<ref name=p /> B<ref name=q />\n{{Reflist|refs=\n<ref name=q>Q</ref>\n"
     "<ref name=p>P</ref>\n<ref name=z>Z</ref>\n}}\n",
     {"1", "2"}, {"p", "q"}, "\"z\" is not used"},
    {"r template", "A<ref name=a>x</ref><ref name=b>y</ref> B{{r|a|b}} C{{R|b}}\n", {"1", "2"}, {"a", "b"}, ""},
    {"empty ref ignored", "A<ref></ref> B<ref>ok</ref>\n", {"1"}, {""}, "empty <ref>"},
    {"second definition differs", "A<ref name=a>one</ref> B<ref name=a>two</ref>\n", {"1"}, {"a"},
     "defined more than once"},
    {"never defined", "A<ref name=ghost /> B<ref>x</ref>\n", {"1", "2"}, {"ghost", ""}, "never defined"},
    {"unclosed ref is text", "A<ref>never closed\n\nB<ref>x</ref>\n", {"1"}, {""}, ""},
    {"ref in comment ignored", "A<!-- <ref>hidden</ref> --> B<ref>x</ref>\n", {"1"}, {""}, ""},
    {"ref in nowiki ignored", "A<nowiki><ref>literal</ref></nowiki> B<ref>x</ref>\n", {"1"}, {""}, ""},
    {"ref in file caption numbered", "[[File:A.jpg|thumb|Cap<ref>c</ref>]] B<ref>x</ref>\n", {"1", "2"}, {"", ""}, ""},
    {"ref in infobox numbered", "{{Infobox person\n| born = 1900<ref>b</ref>\n}}\nText<ref>t</ref>\n",
     {"1", "2"}, {"", ""}, ""},
    {"ref in table numbered", "{|\n| cell<ref>c</ref>\n|}\nText<ref>t</ref>\n", {"1", "2"}, {"", ""}, ""},
    {"sfn: one per parameter set", "A{{sfn|Smith|2005|p=3}} B{{sfn|Smith|2005|p=3}} C{{sfn|Jones|2001}}\n",
     {"1", "2"}, {"FOOTNOTESmith20053", "FOOTNOTEJones2001"}, ""},
};

INSTANTIATE_TEST_SUITE_P(Cite, NumberingTest, ::testing::ValuesIn(kNumbering));

TEST(WikitextRefsTest, UnclosedRefWarnsWithLine) {
  Article a = Wiki("Line one.\nA<ref>never closed\n");
  bool found = false;
  for (const Diagnostic& d : a.diagnostics) {
    if (d.message.find("unclosed <ref>") != std::string::npos) {
      found = true;
      EXPECT_EQ(d.line, 2);
      EXPECT_EQ(d.column, 2);
      EXPECT_EQ(d.file, "article.wiki");
    }
  }
  EXPECT_TRUE(found);
}

TEST(WikitextRefsTest, CitationLineIsTheDefiningRef) {
  Article a = Wiki("A<ref name=a />\n\nB\n<ref name=a>https://a.example/</ref>\n");
  ASSERT_EQ(a.citations.size(), 1u);
  EXPECT_EQ(a.citations[0].line, 4);
  EXPECT_EQ(a.citations[0].url, "https://a.example/");
}

TEST(WikitextRefsTest, UrlSources) {
  Article a = Wiki(
      "A<ref>{{cite web |url=https://t.example/a |title=T}} see also [https://other.example/ x]</ref>"
      " B<ref>Smith, [https://link.example/b Title], 2001.</ref>"
      " C<ref>bare https://bare.example/c.</ref>"
      " D<ref>{{cite book |title=Book |isbn=1}}</ref>"
      " E<ref>Smith 2001, p. 4.</ref>"
      " F<ref>{{cite book |title=Book}} [https://books.example/x online]</ref>\n");
  ASSERT_EQ(a.citations.size(), 6u);
  EXPECT_EQ(a.citations[0].url, "https://t.example/a");
  EXPECT_EQ(a.citations[1].url, "https://link.example/b");
  EXPECT_EQ(a.citations[2].url, "https://bare.example/c");
  EXPECT_TRUE(a.citations[3].no_url);
  EXPECT_TRUE(a.citations[4].no_url);
  EXPECT_EQ(a.citations[5].url, "https://books.example/x");
  for (int i : {0, 1, 2, 5}) EXPECT_FALSE(a.citations[i].no_url) << i;
}

TEST(WikitextRefsTest, UndefinedNameIsUnresolvedNotNoUrl) {
  Article a = Wiki("A<ref name=ghost />\n");
  ASSERT_EQ(a.citations.size(), 1u);
  EXPECT_FALSE(a.citations[0].no_url);
  EXPECT_TRUE(a.citations[0].url.empty());
}

TEST(WikitextRefsTest, BlockedSchemeKeepsItsUrl) {
  Article a = Wiki("A<ref>{{cite web|url=ftp://files.example/a|title=x}}</ref>\n");
  ASSERT_EQ(a.citations.size(), 1u);
  EXPECT_EQ(a.citations[0].url_error_status, LinkStatus::kBlocked);
}

}  // namespace
}  // namespace citecheck
