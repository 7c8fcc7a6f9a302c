// Reading speed of the wikitext reader (issue 14): a generated 500 KB
// article with 1,000 references (CS1 templates, named reuse, template
// quotes, an infobox, a table), read with ReadArticle; prints the median
// CPU time of 15 reads against the target of 100 ms, and the same article's prose
// read as Markdown in the same run as a baseline. Also times a 2 MB article
// with 5,000 references and a 10,000-deep template to show linear time.
//
// Usage: build-bench/bench/wikitext_read   (cmake -DCITECHECK_BUILD_BENCH=ON)
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "article/reader.h"

namespace {

std::string Paragraph(int i) {
  return "The harbour of town " + std::to_string(i) +
         " was rebuilt in the 1890s, and its keeper later said \"the lamp was lit at dusk every single day "
         "of the year\" in a letter to the council, which kept ''every'' letter in the [[Town archive|archive]].";
}

std::string Article(int refs, size_t target_bytes) {
  std::string out = "{{Infobox settlement\n| name = Harbour\n| population = 1200<ref>census</ref>\n}}\n";
  out += "'''Harbour''' is a town.\n\n== History ==\n";
  int made = 0;
  for (int i = 0; made < refs || out.size() < target_bytes; ++i) {
    out += Paragraph(i);
    if (made < refs) {
      ++made;
      if (made % 3 == 0) {
        out += "<ref name=\"r" + std::to_string(made - 1) + "\" />";
      } else {
        out += "<ref name=\"r" + std::to_string(made) + "\">{{cite news |url=https://news.example/" +
               std::to_string(made) + " |title=Report " + std::to_string(made) +
               " |access-date=3 May 2019 |archive-url=https://archive.example/" + std::to_string(made) +
               " |url-status=live |quote=the lamp was lit at dusk every single day}}</ref>";
      }
    }
    out += i % 4 == 3 ? "\n\n" : " ";
    if (i % 50 == 49) out += "{|\n| a cell || \"not prose\"\n|}\n";
  }
  out += "\n== References ==\n{{reflist}}\n";
  return out;
}

double MedianMs(const std::string& text, const char* name, int runs) {
  std::vector<double> ms;
  size_t quotes = 0;
  for (int r = 0; r < runs; ++r) {
    // CPU time of this process: on a shared machine wall time measures the
    // other processes too.
    const std::clock_t start = std::clock();
    citecheck::Article a = citecheck::ReadArticle(text, name, citecheck::ArticleOptions{});
    const std::clock_t end = std::clock();
    quotes = a.quotes.size() + a.citations.size();
    ms.push_back(1000.0 * static_cast<double>(end - start) / CLOCKS_PER_SEC);
  }
  std::sort(ms.begin(), ms.end());
  if (quotes == 0) std::printf("(nothing read from %s)\n", name);
  return ms[ms.size() / 2];
}

}  // namespace

int main() {
  const std::string article = Article(1000, 500 * 1024);
  const double wiki = MedianMs(article, "bench.wiki", 15);
  const double md = MedianMs(article, "bench.md", 15);
  std::printf("wikitext %zu KB, 1000 refs: %.1f ms (target < 100 ms: %s); same bytes as Markdown %.1f ms (%.2fx)\n",
              article.size() / 1024, wiki, wiki < 100 ? "met" : "MISSED", md, wiki / md);
  const std::string big = Article(5000, 2 * 1024 * 1024);
  const double big_ms = MedianMs(big, "big.wiki", 5);
  std::printf("wikitext %zu KB, 5000 refs: %.1f ms (%.2fx the time for %.2fx the bytes)\n", big.size() / 1024, big_ms,
              big_ms / wiki, static_cast<double>(big.size()) / article.size());
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "{{a|";
  for (int i = 0; i < 10000; ++i) deep += "}}";
  deep += "Text.<ref>x</ref>\n";
  std::printf("templates nested 10000 deep: %.1f ms\n", MedianMs(deep, "deep.wiki", 5));
  return wiki < 100 ? 0 : 1;
}
