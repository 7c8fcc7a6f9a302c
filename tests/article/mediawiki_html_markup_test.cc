// The markup variants MediaWiki, the Cite extension and Citation Style 1
// produce, one small page per case: marker labels and names, Parsoid's
// links, plain references, {{sfn}}, date forms, quotes and translations.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "article/cs1_date.h"
#include "article/reader.h"
#include "article/test_util.h"

namespace citecheck {
namespace {

using testing_article::CitationIds;
using testing_article::Read;
using testing_article::Texts;
using Ids = std::vector<std::string>;

// A rendered page: `prose` in the parser output, then its references list.
std::string Page(const std::string& prose, const std::string& items) {
  return "<!DOCTYPE html><html><head><title>T - Wiki</title></head><body>"
         "<nav><a href=\"https://nav.example/\">\"Navigation is never prose here\"</a></nav>"
         "<div class=\"mw-parser-output\"><p>" + prose + "</p>"
         "<div class=\"mw-heading mw-heading2\"><h2 id=\"References\">References</h2></div>"
         "<div class=\"reflist\"><div class=\"mw-references-wrap\"><ol class=\"references\">" + items +
         "</ol></div></div></div></body></html>";
}

std::string Sup(const std::string& note, const std::string& label, const std::string& ref = "cite_ref-x") {
  return "<sup id=\"" + ref + "\" class=\"reference\"><a href=\"#" + note +
         "\"><span class=\"cite-bracket\">&#91;</span>" + label +
         "<span class=\"cite-bracket\">&#93;</span></a></sup>";
}

std::string Item(const std::string& note, const std::string& text) {
  return "<li id=\"" + note + "\"><span class=\"mw-cite-backlink\"><b><a href=\"#cite_ref-x\">^</a></b></span> "
         "<span class=\"reference-text\">" + text + "</span></li>";
}

struct Case {
  const char* name;
  std::string html;
  Ids ids;          // citation ids in order
  Ids urls;         // their URLs
  Ids names;        // their names
  Ids quotes;       // quote texts in order
};

TEST(MediaWikiHtmlMarkupTest, Variants) {
  const std::string kWeb = "<cite class=\"citation web cs1\"><a rel=\"nofollow\" class=\"external text\" "
                           "href=\"https://a.example/x\">\"A title\"</a>. <i>Site</i>.</cite>";
  const Case cases[] = {
      {"numbered and group labels",
       Page("One \"alpha beta gamma delta\"." + Sup("cite_note-1", "1") + " Two." + Sup("cite_note-2", "note 1"),
            Item("cite_note-1", kWeb) + Item("cite_note-2", "A note with no source.")),
       {"1", "note 1"}, {"https://a.example/x", ""}, {"", ""}, {"alpha beta gamma delta"}},
      {"names from note ids, underscores and percent escapes",
       Page("A." + Sup("cite_note-Smith_2019-1", "1") + " B." + Sup("cite_note-caf%C3%A9-2", "2"),
            Item("cite_note-Smith_2019-1", kWeb) + Item("cite_note-caf%C3%A9-2", kWeb)),
       {"1", "2"}, {"https://a.example/x", "https://a.example/x"}, {"Smith 2019", "caf\u00E9"}, {}},
      {"Parsoid markers link to ./Page#cite_note",
       Page("P \"one two three four\"." "<sup about=\"#mwt1\" class=\"mw-ref reference\" id=\"cite_ref-bar-1-0\" "
            "typeof=\"mw:Extension/ref\"><a href=\"./T#cite_note-bar-1\"><span class=\"mw-reflink-text\">"
            "<span class=\"cite-bracket\">[</span>1<span class=\"cite-bracket\">]</span></span></a></sup>",
            "<li about=\"#cite_note-bar-1\" id=\"cite_note-bar-1\"><span class=\"mw-cite-backlink\">"
            "<a href=\"./T#cite_ref-bar-1-0\">↑</a></span> <span id=\"mw-reference-text-cite_note-bar-1\" "
            "class=\"mw-reference-text reference-text\"><a rel=\"mw:ExtLink\" class=\"external free\" "
            "href=\"https://p.example/\">https://p.example/</a></span></li>"),
       {"1"}, {"https://p.example/"}, {"bar"}, {"one two three four"}},
      {"a plain reference gives its first external link, not a wikilink",
       Page("Q." + Sup("cite_note-1", "1"),
            Item("cite_note-1", "<a href=\"https://en.wiki.example/wiki/Publisher\" title=\"Publisher\">Publisher</a>"
                                " notes, <a rel=\"nofollow\" class=\"external text\" href=\"https://plain.example/"
                                "n\">online</a>.")),
       {"1"}, {"https://plain.example/n"}, {""}, {}},
      {"{{sfn}} links only inside the page: no URL",
       Page("S." + Sup("cite_note-FOOTNOTEHale1994112-1", "1"),
            Item("cite_note-FOOTNOTEHale1994112-1", "<a href=\"#CITEREFHale1994\">Hale 1994</a>, p.&#160;112.")),
       {"1"}, {""}, {"FOOTNOTEHale1994112"}, {}},
      {"a marker's note markup is not part of the quote before it",
       Page("\u201Cfive six seven eight" + Sup("cite_note-1", "1") + " nine\u201D said.",
            Item("cite_note-1", kWeb)),
       {"1"}, {"https://a.example/x"}, {""}, {"five six seven eight nine"}},
      {"quote= with a bracketed translation inside the q",
       Page("R." + Sup("cite_note-1", "1"),
            Item("cite_note-1", "<cite class=\"citation web cs1\"><a class=\"external text\" href=\"https://q.example/"
                                "\">\"T\"</a>. <q>Les mots du texte original ici [the words of the text]</q></cite>")),
       {"1"}, {"https://q.example/"}, {""}, {"Les mots du texte original ici"}},
      {"an unreferenced list item is numbered by its position",
       Page("U." + Sup("cite_note-1", "1"), Item("cite_note-1", kWeb) + Item("cite_note-orphan-9", kWeb)),
       {"1", "2"}, {"https://a.example/x", "https://a.example/x"}, {"", "orphan"}, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Article a = Read(c.html, "page.html");
    EXPECT_EQ(CitationIds(a), c.ids);
    Ids urls, names;
    for (const Citation& cit : a.citations) {
      urls.push_back(cit.url);
      names.push_back(cit.name);
      EXPECT_EQ(cit.no_url, cit.url.empty()) << cit.id;
    }
    EXPECT_EQ(urls, c.urls);
    EXPECT_EQ(names, c.names);
    EXPECT_EQ(Texts(a), c.quotes);
  }
}

// A page that is not MediaWiki output keeps the plain HTML rules: no
// MediaWiki names or no_url.
TEST(MediaWikiHtmlMarkupTest, OtherHtmlIsUnchanged) {
  Article a = Read("<html><body><p>X \"one two three four\"<sup><a href=\"#cite_note-1\">[1]</a></sup>.</p>"
                   "<h2>References</h2><ol><li id=\"cite_note-1\">No link</li></ol></body></html>",
                   "page.html");
  ASSERT_EQ(a.citations.size(), 1u);
  EXPECT_FALSE(a.citations[0].no_url);
  EXPECT_EQ(a.citations[0].name, "");
}

struct DateCase {
  const char* text;
  const char* want;  // "" when not a date
};

TEST(MediaWikiHtmlMarkupTest, Cs1DateForms) {
  const DateCase cases[] = {
      {"3 May 2019", "2019-05-03"},      {"May 3, 2019", "2019-05-03"},  {"2019-05-03", "2019-05-03"},
      {" 20 January 2009.", "2009-01-20"}, {"Sept 9, 2001", "2001-09-09"}, {"9 Sep 2001", "2001-09-09"},
      {"29 February 2020", "2020-02-29"}, {"29 February 2019", ""},       {"31 April 2019", ""},
      {"2019-13-01", ""},                 {"May 2019", ""},              {"yesterday", ""},
      {"3\u00A0May\u00A02019", "2019-05-03"}, {"", ""},                  {"12345 May 2019", ""},
  };
  for (const DateCase& c : cases) {
    EXPECT_EQ(article::ParseCs1Date(c.text), c.want) << c.text;
  }
}

}  // namespace
}  // namespace citecheck
