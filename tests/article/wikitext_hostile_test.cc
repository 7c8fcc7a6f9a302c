// Bad wikitext: bounded results, warnings with lines, never a crash (the
// timing of the same inputs is bench/wikitext_read's).
#include <gtest/gtest.h>

#include "article/reader.h"
#include "article/test_util.h"

namespace citecheck {
namespace {

using testing_article::HasDiagnostic;
using testing_article::Read;

int CountWarnings(const Article& a, const std::string& fragment) {
  int n = 0;
  for (const Diagnostic& d : a.diagnostics) n += d.message.find(fragment) != std::string::npos;
  return n;
}

TEST(WikitextHostileTest, UnbalancedBracesWarnWithTheirLine) {
  Article a = Read("Fine line.\nA {{cite web|url=https://a.example \"the words that are quoted\".<ref>x</ref>\n"
                   "B ]] [[ end\n",
                   "a.wiki");
  bool line2 = false;
  for (const Diagnostic& d : a.diagnostics) {
    if (d.message.find("unclosed {{") != std::string::npos) line2 = d.line == 2 && d.column == 3;
  }
  EXPECT_TRUE(line2);
  EXPECT_TRUE(HasDiagnostic(a, Diagnostic::Severity::kWarning, "unclosed [["));
  EXPECT_EQ(a.citations.size(), 1u);
  // An unclosed template is text, so the prose after it is still read.
  EXPECT_NE(testing_article::FindQuote(a, "the words that are quoted"), nullptr);
}

TEST(WikitextHostileTest, TemplatesNestedTenThousandDeep) {
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "{{a|";
  for (int i = 0; i < 10000; ++i) deep += "}}";
  deep += "\nHe said \"the lamp was lit at dusk\".<ref>x</ref>\n";
  Article a = Read(deep, "deep.wiki");
  EXPECT_EQ(a.citations.size(), 1u);
  EXPECT_EQ(a.quotes.size(), 1u);
  EXPECT_TRUE(HasDiagnostic(a, Diagnostic::Severity::kWarning, "nested more than"));
}

TEST(WikitextHostileTest, UnclosedTenThousandDeep) {
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "{{a|[[b|";
  Article a = Read(deep + "\nText.<ref>x</ref>\n", "open.wiki");
  EXPECT_LE(CountWarnings(a, "unclosed"), 21);  // one by one up to 20, then one for the rest
  EXPECT_TRUE(HasDiagnostic(a, Diagnostic::Severity::kWarning, "more unclosed"));
}

TEST(WikitextHostileTest, ManyUnclosedRefs) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "A<ref>open " + std::to_string(i) + "\n";
  Article a = Read(text, "refs.wiki");
  EXPECT_TRUE(a.citations.empty());
  EXPECT_EQ(CountWarnings(a, "unclosed <ref>"), 5000);
}

TEST(WikitextHostileTest, TwoMegabytesWithFiveThousandRefs) {
  std::string text = "== Big ==\n";
  int refs = 0;
  while (text.size() < 2 * 1024 * 1024) {
    text += "The keeper said \"the lamp was lit at dusk every day\" in a letter.";
    if (refs < 5000) {
      ++refs;
      text += "<ref name=n" + std::to_string(refs) + ">{{cite web|url=https://e.example/" + std::to_string(refs) +
              "|quote=the lamp was lit}}</ref>";
    }
    text += refs % 5 == 0 ? "\n\n" : " ";
  }
  Article a = Read(text, "big.wiki");
  EXPECT_EQ(a.citations.size(), 5000u);
  EXPECT_EQ(a.citations.back().id, "5000");
  EXPECT_GT(a.quotes.size(), 5000u);
}

TEST(WikitextHostileTest, UnclosedCommentRunsToTheEnd) {
  Article a = Read("A.<ref>x</ref> <!-- never closed \"the quoted words are here\"\n", "c.wiki");
  EXPECT_EQ(a.citations.size(), 1u);
  EXPECT_TRUE(a.quotes.empty());
}

}  // namespace
}  // namespace citecheck
