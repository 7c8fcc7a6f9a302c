// Quotations in wikitext: prose after the markup is removed, block
// quotation templates, template quotes; positions point into the wikitext.
#include <gtest/gtest.h>

#include "article/reader.h"
#include "article/test_util.h"

namespace citecheck {
namespace {

using testing_article::FindQuote;
using testing_article::Read;
using testing_article::Texts;
using Ids = std::vector<std::string>;

Article Wiki(const std::string& text) { return Read(text, "article.wiki"); }

struct ProseCase {
  const char* title;
  const char* wikitext;
  const char* quote;  // the only reported quote's text, "" for none
};

class ProseTest : public ::testing::TestWithParam<ProseCase> {};

TEST_P(ProseTest, QuoteText) {
  const ProseCase& c = GetParam();
  Article a = Wiki(c.wikitext);
  std::vector<std::string> texts;
  for (const Quote& q : a.quotes) {
    if (!q.skipped) texts.push_back(q.text);
  }
  if (*c.quote == '\0') {
    EXPECT_TRUE(texts.empty()) << c.title;
  } else {
    EXPECT_EQ(texts, std::vector<std::string>{c.quote}) << c.title;
  }
}

const ProseCase kProse[] = {
    {"bold and italic", "He said \"the ''very'' '''best''' of times\".<ref>x</ref>\n", "the very best of times"},
    {"bold italic and apostrophe", "He said \"'''''all''''' of Russia's men\".<ref>x</ref>\n", "all of Russia's men"},
    {"wikilink label", "It was \"a [[Kingdom of France|kingdom]] in [[Europe]] then\".<ref>x</ref>\n",
     "a kingdom in Europe then"},
    {"external link label", "It was \"a [https://x.example/ fine label] here now\".<ref>x</ref>\n",
     "a fine label here now"},
    {"comment removed", "It was \"a <!-- hidden -->fine day today\".<ref>x</ref>\n", "a fine day today"},
    {"lang template", "He said \"{{lang|fr|la vie est belle}}\".<ref>x</ref>\n", "la vie est belle"},
    {"nowiki literal", "He wrote \"<nowiki>[[not a link]]</nowiki> in the text\".<ref>x</ref>\n",
     "[[not a link]] in the text"},
    {"entities", "He said \"one&nbsp;two &amp; three four\".<ref>x</ref>\n", "one\xC2\xA0two & three four"},
    {"file dropped", "[[File:A.jpg|thumb|\"caption words are not prose\"]]Text.<ref>x</ref>\n", ""},
    {"category dropped", "Text.<ref>x</ref>\n[[Category:\"Quoted category name here\"]]\n", ""},
    {"infobox dropped", "{{Infobox|motto=\"the motto of the town\"}}\nText.<ref>x</ref>\n", ""},
    {"table dropped", "{|\n| \"a quote in a table cell\"\n|}\nText.<ref>x</ref>\n", ""},
    {"heading is not prose", "== \"A heading in quotation marks\" ==\nText.<ref>x</ref>\n", ""},
    {"quote template", "{{quote|The only thing we have to fear|Roosevelt}}<ref>x</ref>\n",
     "The only thing we have to fear"},
    {"blockquote template named", "{{blockquote|text=Ask not what your country can do|author=JFK}}\n",
     "Ask not what your country can do"},
    {"blockquote tag", "<blockquote>Four score and seven years ago</blockquote>\n", "Four score and seven years ago"},
    {"guillemets", "Il a dit «la vie est très belle».<ref>x</ref>\n", "la vie est très belle"},
    {"unclosed template is text", "A {{broken \"four words in it\".<ref>x</ref>\n", "four words in it"},
};

INSTANTIATE_TEST_SUITE_P(Wikitext, ProseTest, ::testing::ValuesIn(kProse));

TEST(WikitextQuotesTest, PositionsPointIntoTheWikitext) {
  Article a = Wiki("Intro line.\n\n'''Bold''' then \"the quoted words are here\".<ref>x</ref>\n");
  const Quote* q = FindQuote(a, "the quoted");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->line, 3);
  EXPECT_EQ(q->column, 17);
  EXPECT_EQ(q->origin, QuoteOrigin::kText);
  EXPECT_EQ(q->citation_ids, Ids{"1"});
}

TEST(WikitextQuotesTest, ProseAttributionToTheRefAfterIt) {
  Article a = Wiki("First \"one two three four\".<ref>a</ref> Then \"five six seven eight\".<ref>b</ref>\n");
  const Quote* q1 = FindQuote(a, "one two");
  const Quote* q2 = FindQuote(a, "five six");
  ASSERT_NE(q1, nullptr);
  ASSERT_NE(q2, nullptr);
  EXPECT_EQ(q1->citation_ids, Ids{"1"});
  EXPECT_EQ(q2->citation_ids, Ids{"2"});
}

TEST(WikitextQuotesTest, TemplateQuoteIsItsOwnReferences) {
  Article a = Wiki(
      "He spoke \"words of the prose quote\".<ref name=a>{{cite web|url=https://a.example|title=A\n"
      "|quote=The words the source itself wrote}}</ref> Again.<ref name=b>{{cite web|url=https://b.example}}</ref>\n");
  const Quote* t = FindQuote(a, "The words the source");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->origin, QuoteOrigin::kRef);
  EXPECT_EQ(t->citation_ids, Ids{"1"});
  EXPECT_EQ(t->line, 2);
  EXPECT_EQ(t->column, 8);
  const Quote* p = FindQuote(a, "words of the prose");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->origin, QuoteOrigin::kText);
}

TEST(WikitextQuotesTest, ScriptQuoteReplacesQuoteAndTransQuoteIsNeverChecked) {
  Article a = Wiki(
      "Text.<ref>{{cite news|url=https://r.example|quote=Moskva ne srazu stroilas tak|"
      "script-quote=ru:Москва не сразу строилась так|trans-quote=Moscow was not built in a day}}</ref>\n");
  EXPECT_EQ(Texts(a), std::vector<std::string>{"Москва не сразу строилась так"});
  Article b = Wiki("Text.<ref>{{cite news|url=https://r.example|trans-quote=Moscow was not built in a day}}</ref>\n");
  EXPECT_TRUE(b.quotes.empty());
}

TEST(WikitextQuotesTest, QuoteAliasAndWrappingMarks) {
  Article a = Wiki("Text.<ref>{{cite book|title=B|quotation=\"A sentence the book contains\"}}</ref>\n");
  EXPECT_EQ(Texts(a), std::vector<std::string>{"A sentence the book contains"});
}

TEST(WikitextQuotesTest, ShortTemplateQuoteSkipped) {
  Article a = Wiki("Text.<ref>{{cite web|url=https://a.example|quote=Too short}}</ref>\n");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_TRUE(a.quotes[0].skipped);
}

TEST(WikitextQuotesTest, TitleIsTheFirstHeading) {
  Article a = Wiki("== Early life ==\nText.<ref>x</ref>\n");
  ASSERT_TRUE(a.title.has_value());
  EXPECT_EQ(*a.title, "Early life");
}

}  // namespace
}  // namespace citecheck
