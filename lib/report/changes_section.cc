#include "report/changes_section.h"

#include <sstream>

#include "report/review_label.h"
#include "report/terminal_text.h"
#include "store/registry_types.h"

namespace citecheck {
namespace {

using json = nlohmann::ordered_json;

json LinkChangeJson(const LinkChange& c) {
  return {{"id", c.citation_id},
          {"url", c.url},
          {"before", ToString(c.before)},
          {"after", ToString(c.after)},
          {"error", c.error.empty() ? json(nullptr) : json(c.error)}};
}

json QuoteChangeJson(const QuoteChange& c) {
  return {{"text", c.text},
          {"line", c.line},
          {"before", ToString(c.before)},
          {"after", ToString(c.after)},
          {"reason", c.reason.empty() ? json(nullptr) : json(c.reason)}};
}

template <typename T, typename F>
json ArrayOf(const std::vector<T>& items, F&& to_json) {
  json array = json::array();
  for (const T& item : items) array.push_back(to_json(item));
  return array;
}

std::string Safe(std::string_view text) { return SanitizeForTerminal(text); }

std::string Quoted(const std::string& text) { return "“" + ShortenMiddle(Safe(text), 70) + "”"; }

}  // namespace

std::string MovedToArchiveText(const QuoteChange& q) {
  const std::string day = q.archive_datetime.substr(0, 10);
  return "was on the live page, now " + std::string(ToString(q.after)) + " in the archived copy" +
         (day.empty() ? "" : " of " + day) + (q.reason.empty() ? "" : ": " + q.reason);
}

json ChangesJson(const ArticleChanges& c) {
  return {{"previous_run", c.previous_run_id > 0 ? json(c.previous_run_id) : json(nullptr)},
          {"previous_checked_at", c.previous_checked_at.empty() ? json(nullptr) : json(c.previous_checked_at)},
          {"links_newly_broken", ArrayOf(c.links_newly_broken, LinkChangeJson)},
          {"links_recovered", ArrayOf(c.links_recovered, LinkChangeJson)},
          {"quotes_no_longer_verified", ArrayOf(c.quotes_no_longer_verified, QuoteChangeJson)},
          {"quotes_newly_verified", ArrayOf(c.quotes_newly_verified, QuoteChangeJson)},
          {"quotes_moved_to_archive", ArrayOf(c.quotes_moved_to_archive, [](const QuoteChange& q) {
             json item = QuoteChangeJson(q);
             item["archive_datetime"] = q.archive_datetime;
             return item;
           })},
          {"pages_changed",
           ArrayOf(c.pages_changed, [](const PageChange& p) { return json{{"id", p.citation_id}, {"url", p.url}}; })},
          {"broken_links", ArrayOf(c.broken_links, [](const BrokenLink& b) {
             return json{{"id", b.citation_id},
                         {"url", b.url},
                         {"status", ToString(b.status)},
                         {"since", b.since},
                         {"consecutive_runs", b.consecutive_runs}};
           })},
          {"stale_reviews", ArrayOf(c.stale_reviews, [](const StaleReview& s) {
             return json{{"key", s.key},   {"kind", s.kind}, {"subject", s.subject}, {"line", s.line},
                         {"by", s.by},     {"at", s.at},     {"reason", s.reason}};
           })}};
}

std::string ChangesText(const ArticleChanges& c, bool color) {
  std::ostringstream out;
  const std::string in = "    ";
  auto paint = [&](std::string_view text, Style style) { return Styled(text, style, color); };
  for (const LinkChange& l : c.links_newly_broken) {
    out << in << paint("newly broken", Style::kRed) << "  [" << Safe(l.citation_id) << "] " << Safe(l.url) << " ("
        << ToString(l.before) << " → " << ToString(l.after) << (l.error.empty() ? "" : ": " + Safe(l.error))
        << ")\n";
  }
  for (const LinkChange& l : c.links_recovered) {
    out << in << paint("recovered", Style::kGreen) << "  [" << Safe(l.citation_id) << "] " << Safe(l.url) << " ("
        << ToString(l.before) << " → " << ToString(l.after) << ")\n";
  }
  for (const QuoteChange& q : c.quotes_no_longer_verified) {
    out << in << paint("no longer verified", Style::kRed) << "  line " << q.line << " " << Quoted(q.text)
        << " (now " << ToString(q.after) << (q.reason.empty() ? "" : ": " + Safe(q.reason)) << ")\n";
  }
  for (const QuoteChange& q : c.quotes_newly_verified) {
    out << in << paint("newly verified", Style::kGreen) << "  line " << q.line << " " << Quoted(q.text)
        << " (was " << ToString(q.before) << ")\n";
  }
  for (const QuoteChange& q : c.quotes_moved_to_archive) {
    out << in << paint("only in the archived copy", Style::kYellow) << "  line " << q.line << " " << Quoted(q.text)
        << " (" << Safe(MovedToArchiveText(q)) << ")\n";
  }
  for (const PageChange& p : c.pages_changed) {
    out << in << paint("page text changed", Style::kYellow) << "  [" << Safe(p.citation_id) << "] "
        << Safe(p.url) << "\n";
  }
  for (const StaleReview& s : c.stale_reviews) {
    out << in << paint("review stale", Style::kYellow) << "  " << Safe(s.key) << " line " << s.line << " "
        << (s.kind == kReviewKindQuote ? Quoted(s.subject) : Safe(s.subject)) << " (" << Safe(StaleReviewText(s))
        << ")\n";
  }
  for (const BrokenLink& b : c.broken_links) {
    out << in << paint(std::string(ToString(b.status)), Style::kRed) << "  [" << Safe(b.citation_id) << "] "
        << Safe(b.url) << " since " << Safe(b.since) << ", " << b.consecutive_runs << " consecutive run"
        << (b.consecutive_runs == 1 ? "" : "s") << "\n";
  }
  return out.str();
}

std::string ArticleChangesSectionText(const ArticleRecord& article, bool color) {
  if (!article.changes || article.changes->previous_run_id == 0) return "";
  std::string lines = ChangesText(*article.changes, color);
  if (lines.empty()) return "";
  return "  " + Safe(article.source) + " (since " + Safe(article.changes->previous_checked_at) + ")\n" + lines;
}

std::string ChangesSectionOf(const std::string& articles, bool color) {
  if (articles.empty()) return "";
  return "\n" + Styled("Changes since the previous run", Style::kBold, color) + "\n" + articles;
}


std::string RenderChangesOnly(const RunRecord& run, const std::string& format, bool color) {
  if (format == "json") {
    json articles = json::array();
    for (const ArticleRecord& a : run.articles) {
      articles.push_back({{"article", a.article_id},
                          {"source", a.source},
                          {"checked_at", a.checked_at},
                          {"changes", a.changes ? ChangesJson(*a.changes) : json(nullptr)}});
    }
    json doc = {{"schema", "citecheck.changes/1"}, {"articles", articles}};
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  }
  if (format != "text") return "";
  std::ostringstream out;
  int shown = 0;
  for (const ArticleRecord& a : run.articles) {
    if (!a.changes) continue;
    std::string lines = ChangesText(*a.changes, color);
    if (lines.empty()) continue;
    ++shown;
    out << Styled(Safe(a.source), Style::kBold, color) << "  checked " << Safe(a.checked_at);
    if (!a.changes->previous_checked_at.empty()) out << ", previous " << Safe(a.changes->previous_checked_at);
    out << "\n" << lines;
  }
  if (shown == 0) out << "No changes and no broken links in the latest runs.\n";
  return out.str();
}

}  // namespace citecheck
