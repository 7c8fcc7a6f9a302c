// An article's own metadata: Markdown front matter (never read as text; its
// title and date) and the publication date HTML states (docs/reading.md
// "Front matter", "Article date").
#include <gtest/gtest.h>

#include "article/test_util.h"

namespace citecheck {
namespace {

using testing_article::Read;
using testing_article::Texts;

const char kBody[] =
    "He wrote \"the keeper logged every storm of the winter\" [1].\n\n## References\n\n[1] https://example.org/log\n";

TEST(FrontMatterTest, YamlFrontMatterGivesTitleAndDateAndIsNotText) {
  const Article a = Read(std::string("---\ntitle: \"A \\\"quoted\\\" title\"\ndate: 2019-05-03T10:00:00+02:00\n"
                                     "summary: \"the summary quotes a whole sentence of four words\"\n"
                                     "tags:\n  - date: 1999-01-01\n---\n\n# Heading\n\n") +
                         kBody);
  EXPECT_EQ(a.date, "2019-05-03");
  ASSERT_TRUE(a.title.has_value());
  EXPECT_EQ(*a.title, "A \"quoted\" title");  // YAML's escapes undone
  EXPECT_EQ(Texts(a), std::vector<std::string>{"the keeper logged every storm of the winter"});
  ASSERT_EQ(a.citations.size(), 1u);
  EXPECT_EQ(a.quotes[0].line, 11);  // lines still count from the file's first line
}

TEST(FrontMatterTest, TomlFrontMatterAndCs1DatesAndTheDotsCloser) {
  Article toml = Read(std::string("+++\ntitle = 'Hugo'\npublishDate = \"3 May 2019\"\n+++\n") + kBody);
  EXPECT_EQ(toml.date, "2019-05-03");
  EXPECT_EQ(toml.title.value_or(""), "Hugo");
  Article dots = Read(std::string("---\ndate: May 4, 2019 # a comment\n...\n") + kBody);
  EXPECT_EQ(dots.date, "2019-05-04");
  EXPECT_EQ(Texts(dots).size(), 1u);
  Article quoted = Read(std::string("---\ndate: \"2019-05-06\" # quoted, then a comment\ntitle: >\n  folded\n---\n") +
                        kBody);
  EXPECT_EQ(quoted.date, "2019-05-06");
  EXPECT_FALSE(quoted.title.has_value() && *quoted.title == ">");  // a block scalar is not the title
}

TEST(FrontMatterTest, NoDateOrNoFrontMatter) {
  EXPECT_EQ(Read(std::string("---\ndate: soon\n---\n") + kBody).date, "");
  EXPECT_EQ(Read(std::string("---\ndate: 2019-05-03x\n---\n") + kBody).date, "");
  EXPECT_EQ(Read(std::string("---\ndate: 2019-02-30\n---\n") + kBody).date, "");
  EXPECT_EQ(Read(kBody).date, "");
  // A first "---" never closed is a thematic break: the text after it is read.
  Article open = Read(std::string("---\ndate: 2019-05-03\n\n") + kBody);
  EXPECT_EQ(open.date, "");
  EXPECT_EQ(Texts(open).size(), 1u);
  // A "---" opening the file and a setext underline later: the prose
  // between is no metadata, so it is read as text.
  Article prose = Read(std::string("---\nIntro \"a quoted sentence of words here\" [1].\n\nSection\n---\n\n") + kBody);
  EXPECT_EQ(prose.date, "");
  EXPECT_EQ(Texts(prose).size(), 2u);
  // Front matter only opens a file: a later block is text.
  Article later = Read(std::string("Intro.\n\n---\ndate: 2019-05-03\n---\n\n") + kBody);
  EXPECT_EQ(later.date, "");
}

TEST(HtmlPublishedDateTest, MetaConventionsAndMicrodataInDocumentOrder) {
  auto date_of = [](const std::string& head, const std::string& body = "") {
    return Read("<html><head>" + head + "</head><body><article>" + body +
                    "<p>x</p></article></body></html>",
                "a.html")
        .date;
  };
  EXPECT_EQ(date_of("<meta property=\"article:published_time\" content=\"2019-05-03T08:00:00Z\">"), "2019-05-03");
  EXPECT_EQ(date_of("<meta name=\"DC.date.issued\" content=\"3 May 2019\">"), "2019-05-03");
  EXPECT_EQ(date_of("<meta name=\"citation_publication_date\" content=\"2019-05-03\">"), "2019-05-03");
  EXPECT_EQ(date_of("", "<time itemprop=\"datePublished\" datetime=\"2018-12-01\">1 Dec</time>"), "2018-12-01");
  EXPECT_EQ(date_of("", "<time itemprop=\"dateCreated datePublished\" datetime=\"2018-12-02\">x</time>"),
            "2018-12-02");
  EXPECT_EQ(date_of("<meta name=\"date\" content=\"2017-01-02\"><meta property=\"article:published_time\" "
                    "content=\"2019-05-03\">"),
            "2017-01-02");
  EXPECT_EQ(date_of("<meta name=\"description\" content=\"2019-05-03\">"), "");
  EXPECT_EQ(date_of("<meta property=\"article:modified_time\" content=\"2019-05-03\">"), "");
  EXPECT_EQ(date_of("<meta name=\"date\" content=\"yesterday\">"), "");
}

}  // namespace
}  // namespace citecheck
