#include "web/articles_page.h"

#include <algorithm>
#include <charconv>

#include "report/escape.h"
#include "report/render_run.h"
#include "report/summary.h"
#include "web/page.h"

namespace citecheck {
namespace {

std::string E(std::string_view text) { return HtmlEscape(text); }

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What changed since the previous run, one line per kind of change.
std::string ChangesCell(const ArticleRecord& a) {
  if (!a.changes || a.changes->previous_run_id == 0) return "<span class=\"meta\">first run</span>";
  const ArticleChanges& c = *a.changes;
  if (!c.HasChanges()) return "<span class=\"meta\">nothing changed</span>";
  std::string out = "<ul>";
  auto item = [&](size_t n, const char* one, const char* many) {
    if (n > 0) out += "<li>" + Plural(n, one, many) + "</li>";
  };
  item(c.links_newly_broken.size(), "link newly broken", "links newly broken");
  item(c.links_recovered.size(), "link recovered", "links recovered");
  item(c.quotes_no_longer_verified.size(), "quote no longer verified", "quotes no longer verified");
  item(c.quotes_newly_verified.size(), "quote newly verified", "quotes newly verified");
  item(c.quotes_moved_to_archive.size(), "quote only in its archived copy now", "quotes only in their archived copies now");
  item(c.pages_changed.size(), "page changed its text", "pages changed their text");
  item(c.stale_reviews.size(), "review stale", "reviews stale");
  return out + "</ul>";
}

std::string CountsCell(const ArticleSummary& s) {
  std::string out = "<ul class=\"counts\">";
  auto count = [&](const char* cls, const char* name, int n) {
    if (n > 0) out += "<li><span class=\"badge " + std::string(cls) + "\">" + name + "</span> " + std::to_string(n) + "</li>";
  };
  count("s-verified", "verified", s.verified);
  count("s-near_match", "near_match", s.near_match);
  count("s-not_found", "not_found", s.not_found);
  count("s-unverifiable", "unverifiable", s.unverifiable);
  count("l-broken", "links not ok", s.links_broken);
  out += "<li>" + Plural(s.quotes, "quote", "quotes") + ", " + Plural(s.citations, "link", "links") + "</li>";
  return out + "</ul>";
}

std::string FilterLink(const std::string& filter, const std::string& current, const char* label) {
  return "<a href=\"/" + (filter.empty() ? std::string() : "?filter=" + filter) + "\"" +
         (filter == current ? " aria-current=\"page\"" : "") + ">" + label + "</a>";
}

bool Shown(const ArticleRow& row, const std::string& filter) {
  if (filter == "problems") return row.problems;
  if (filter == "stale") return row.stale_reviews > 0;
  return true;
}

}  // namespace

ArticlesPaging ParseArticlesPaging(const std::string& after, const std::string& limit) {
  constexpr int kMaxLimit = 1000;
  ArticlesPaging paging;
  auto whole = [](const std::string& text) -> std::optional<int64_t> {
    int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
  };
  if (std::optional<int64_t> n = whole(after)) paging.after = *n;
  if (std::optional<int64_t> n = whole(limit); n && *n > 0) paging.limit = static_cast<int>(std::min<int64_t>(*n, kMaxLimit));
  return paging;
}

std::vector<ArticleRow> LoadArticleRows(Store& store, const ArticlesPaging& paging) {
  std::vector<ArticleRow> rows;
  for (ArticleOverview& o : OverviewRegistered(store, paging.after, paging.limit)) {
    ArticleRow row;
    row.overview = std::move(o);
    if (row.overview.last_run) {
      RenderRequest request;  // the changes-only render: changes and reviews attached, little to render
      request.article_id = row.overview.article.id;
      request.format = "json";
      request.changes_only = true;
      RenderedRun rendered = RenderStoredRun(store, request);
      if (rendered.outcome == RenderedRun::Outcome::kOk && !rendered.run.articles.empty()) {
        row.latest = std::move(rendered.run.articles.front());
        row.problems = rendered.exit_code != 0;
        if (row.latest->changes) row.stale_reviews = row.latest->changes->stale_reviews.size();
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string ArticlesPage(const std::vector<ArticleRow>& rows, const ArticlesPaging& paging, const std::string& filter,
                         const std::string& notice, const WebSession& session) {
  std::string body = "<h1>Articles</h1>\n";
  if (!notice.empty()) body += "<p class=\"notice\" role=\"status\">" + E(notice) + "</p>\n";
  body += "<nav class=\"filters-nav\" aria-label=\"filter articles\">" + FilterLink("", filter, "all") +
          FilterLink("problems", filter, "with problems") + FilterLink("stale", filter, "with stale reviews") +
          "</nav>\n";
  std::string table;
  for (const ArticleRow& row : rows) {
    if (!Shown(row, filter)) continue;
    const ArticleEntry& a = row.overview.article;
    const bool titled = row.latest && row.latest->title && !row.latest->title->empty();
    table += "<tr" + std::string(row.problems ? " class=\"problem\"" : "") + "><td><a href=\"/articles/" +
             std::to_string(a.id) + "\">" + E(titled ? *row.latest->title : a.source) + "</a>" +
             (titled ? "<div class=\"meta\">" + E(a.source) + "</div>" : "") + "</td><td>";
    if (row.overview.last_run) {
      table += "<time datetime=\"" + E(row.overview.checked_at) + "\">" + E(row.overview.checked_at) +
               "</time><div class=\"meta\">run " + std::to_string(row.overview.last_run->run_id) + " · " +
               E(ToString(row.overview.last_run->state)) + "</div></td><td>" + CountsCell(row.overview.summary) +
               (row.stale_reviews ? "<span class=\"review r-stale\">" + Plural(row.stale_reviews, "stale review", "stale reviews") + "</span>" : "") +
               "</td><td class=\"changes-cell\">" + (row.latest ? ChangesCell(*row.latest) : "") + "</td></tr>\n";
    } else {
      table += "<span class=\"meta\">not checked yet</span></td><td></td><td></td></tr>\n";
    }
  }
  if (table.empty()) {
    body += "<p class=\"meta\">" + std::string(filter.empty() ? "No articles registered yet. " : "No article matches. ") +
            "<a href=\"/add\">Add an article</a>.</p>\n";
  } else {
    body += "<table class=\"articles\"><thead><tr><th>article</th><th>last run</th><th>counts</th>"
            "<th>since the run before</th></tr></thead><tbody>\n" + table + "</tbody></table>\n";
  }
  // A full page may have more after it; a short one is the last.
  if (rows.size() == static_cast<size_t>(paging.limit)) {
    body += "<p class=\"pager\"><a rel=\"next\" href=\"/?" + (filter.empty() ? "" : "filter=" + filter + "&amp;") +
            "after=" + std::to_string(rows.back().overview.article.id) + "&amp;limit=" + std::to_string(paging.limit) +
            "\">next " + std::to_string(paging.limit) + " articles</a></p>\n";
  }
  return WebPage("articles", body, &session);
}

}  // namespace citecheck
