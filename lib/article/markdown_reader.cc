#include "article/markdown_reader.h"

#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "article/front_matter.h"
#include "article/markdown_inline.h"
#include "article/text_util.h"
#include "core/utf8.h"

namespace citecheck {
namespace article {
namespace {

constexpr size_t kMaxTitleLength = 150;  // code points

enum class Kind {
  kBlank, kText, kListItem, kHeading, kQuote, kCode,
  kRefHeading, kEntry, kRefSkip,  // the reference section: never scanned
  kSkip,                          // setext underlines, thematic breaks
  kFrontMatter,                   // the metadata block before the article (front_matter.h)
};

struct Line {
  size_t begin = 0;  // offsets into the input
  size_t end = 0;    // without the line break
  Kind kind = Kind::kText;
};

size_t Indent(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && (s[n] == ' ' || s[n] == '\t')) ++n;
  return n;
}

// Number of leading '#' of an ATX heading, or 0.
size_t AtxLevel(std::string_view s) {
  size_t i = Indent(s);
  if (i > 3) return 0;
  size_t level = 0;
  while (i + level < s.size() && s[i + level] == '#') ++level;
  if (level == 0 || level > 6) return 0;
  size_t after = i + level;
  return after == s.size() || s[after] == ' ' || s[after] == '\t' ? level : 0;
}

bool IsUnderline(std::string_view s) {
  std::string_view t = Trim(s);
  if (t.empty() || Indent(s) > 3) return false;
  return t.find_first_not_of(t[0] == '=' ? '=' : '-') == std::string_view::npos &&
         (t[0] == '=' || t[0] == '-');
}

bool IsThematicBreak(std::string_view s) {
  std::string_view t = Trim(s);
  if (t.size() < 3) return false;
  char c = t[0];
  if (c != '-' && c != '*' && c != '_') return false;
  for (char x : t) {
    if (x != c && x != ' ') return false;
  }
  return true;
}

// Length of a fence opener ("```", "~~~~"), or 0.
size_t FenceLength(std::string_view s, char* fence_char) {
  size_t i = Indent(s);
  if (i > 3 || i >= s.size() || (s[i] != '`' && s[i] != '~')) return 0;
  size_t n = s.find_first_not_of(s[i], i);
  n = (n == std::string_view::npos ? s.size() : n) - i;
  if (n < 3) return 0;
  *fence_char = s[i];
  return n;
}

// Offset just past a list bullet ("- ", "* ", "+ ", "1. ", "1) "), or 0.
size_t ListItemContent(std::string_view s, bool numbered) {
  size_t i = Indent(s);
  if (i < s.size() && (s[i] == '-' || s[i] == '*' || s[i] == '+') && !numbered) {
    return i + 1 < s.size() && (s[i + 1] == ' ' || s[i + 1] == '\t') ? i + 2 : 0;
  }
  size_t d = i;
  while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d])) && d - i < 9) ++d;
  if (d == i || d >= s.size() || (s[d] != '.' && s[d] != ')')) return 0;
  return d + 1 == s.size() || s[d + 1] == ' ' || s[d + 1] == '\t' ? d + 1 : 0;
}

std::string Number(std::string_view s) {
  size_t i = Indent(s);
  size_t d = i;
  while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
  std::string n(s.substr(i, d - i));
  size_t nz = n.find_first_not_of('0');
  return nz == std::string::npos ? "0" : n.substr(nz);
}

}  // namespace

bool FindEntryUrl(std::string_view line, size_t from, std::string* url, size_t* offset) {
  size_t start = FindUrl(line, from);
  // An entry whose first URL has another scheme cites that URL, reported
  // blocked (never requested) rather than "no reference entry"; an http URL
  // inside it ("javascript:fetch('http://...')") is not the citation.
  size_t other = FindOtherSchemeUrl(line.substr(0, start == std::string_view::npos ? line.size() : start), from);
  if (other != std::string_view::npos) {
    *url = std::string(line.substr(other, UrlEnd(line, other) - other));
    *offset = other;
    return true;
  }
  if (start == std::string_view::npos) return false;
  size_t end = UrlEnd(line, start);
  std::string_view found = line.substr(start, end - start);
  size_t host_start = found.find("://") + 3;
  std::string_view rest = Trim(line.substr(end));
  if (end < line.size() && line[end] == ' ' && found.find('/', host_start) == std::string_view::npos &&
      !rest.empty() && rest.find_first_of(" \t") == std::string_view::npos &&
      rest.find_first_of("./") != std::string_view::npos && rest.front() != '(') {
    end = UrlEnd(line, static_cast<size_t>(rest.data() - line.data()));
    found = line.substr(start, end - start);
  }
  *url = std::string(found);
  *offset = start;
  return true;
}

namespace {

class MarkdownReader {
 public:
  MarkdownReader(std::string_view input, size_t start) : input_(input), start_(start) {
    size_t pos = start;
    while (pos <= input.size()) {
      size_t nl = input.find('\n', pos);
      if (nl == std::string_view::npos) nl = input.size();
      size_t end = nl > pos && input[nl - 1] == '\r' ? nl - 1 : nl;
      lines_.push_back({pos, end, Kind::kText});
      pos = nl + 1;
    }
  }

  Document Read() {
    if (std::optional<FrontMatter> matter = ReadFrontMatter(input_, start_)) {
      front_matter_end_ = matter->end;
      doc_.title = matter->title;
      doc_.date = matter->date;
    }
    Classify();
    BuildBlocks();
    if (doc_.title.empty()) doc_.title = PlainTitle();
    return std::move(doc_);
  }

 private:
  std::string_view Text(size_t i) const {
    return input_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin);
  }

  void Classify() {
    char fence_char = 0;
    size_t fence_len = 0;
    bool in_refs = false;
    for (size_t i = 0; i < lines_.size(); ++i) {
      std::string_view s = Text(i);
      Kind& kind = lines_[i].kind;
      if (lines_[i].begin < front_matter_end_) {
        kind = Kind::kFrontMatter;
        continue;
      }
      char c = 0;
      size_t fence = FenceLength(s, &c);
      if (fence_len > 0) {
        kind = Kind::kCode;
        if (c == fence_char && fence >= fence_len && IsBlank(s.substr(Indent(s) + fence))) fence_len = 0;
      } else if (fence > 0) {
        kind = Kind::kCode;
        fence_char = c;
        fence_len = fence;
      } else if (IsBlank(s)) {
        kind = Kind::kBlank;
      } else if (kind == Kind::kSkip) {
        // a setext underline seen with its heading
      } else if (AtxLevel(s) > 0 || IsSetextHeading(i) || IsReferenceHeading(s)) {
        in_refs = IsReferenceHeading(s);
        kind = in_refs ? Kind::kRefHeading : Kind::kHeading;
        if (AtxLevel(s) == 0 && i + 1 < lines_.size() && IsUnderline(Text(i + 1))) {
          lines_[i + 1].kind = Kind::kSkip;
        }
      } else if (ParseEntry(i, in_refs)) {
        kind = Kind::kEntry;
      } else if (in_refs) {
        kind = Kind::kRefSkip;
      } else if (IsThematicBreak(s)) {
        kind = Kind::kSkip;
      } else if (Indent(s) < 4 && s[Indent(s)] == '>') {
        kind = Kind::kQuote;
      } else if ((s[0] == '\t' || Indent(s) >= 4) &&
                 (i == 0 || lines_[i - 1].kind == Kind::kBlank || lines_[i - 1].kind == Kind::kCode)) {
        kind = Kind::kCode;
      } else if (ListItemContent(s, false) > 0) {
        kind = Kind::kListItem;
      } else {
        kind = Kind::kText;
      }
    }
  }

  // Plain text has no heading: its first line is the title when it looks
  // like one (short, no final full stop).
  std::string PlainTitle() const {
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].kind == Kind::kBlank || lines_[i].kind == Kind::kFrontMatter) continue;
      std::string_view t = Trim(Text(i));
      if (lines_[i].kind != Kind::kText || CountCodePoints(t) > kMaxTitleLength || t.back() == '.') {
        return "";
      }
      return std::string(t);
    }
    return "";
  }

  bool IsSetextHeading(size_t i) const {
    return i + 1 < lines_.size() && IsUnderline(Text(i + 1)) && Indent(Text(i)) < 4 &&
           ListItemContent(Text(i), false) == 0 && Text(i)[Indent(Text(i))] != '>';
  }

  // Reference entries, footnote definitions (with indented continuation
  // lines) and, under a References heading, numbered items.
  bool ParseEntry(size_t i, bool in_refs) {
    std::string_view s = Text(i);
    size_t p = Indent(s);
    if (p < s.size() && (s[p] == '-' || s[p] == '*' || s[p] == '+') && p + 1 < s.size() &&
        s[p + 1] == ' ') {
      p = Indent(s.substr(p + 1)) + p + 1;
    }
    std::vector<std::string> keys;
    size_t len = MatchMarker(s, p, &keys);
    ReferenceEntry entry;
    entry.source_offset = lines_[i].begin + p;
    bool footnote = len > 0 && keys[0][0] == '^' && p + len < s.size() && s[p + len] == ':';
    if (len > 0 && keys.size() == 1 && (footnote || keys[0][0] != '^')) {
      entry.key = keys[0];
      p += len;
    } else if (in_refs && ListItemContent(s, true) > 0) {
      entry.key = Number(s);
      p = ListItemContent(s, true);
    } else {
      return AttachContinuation(i, in_refs);
    }
    size_t offset = 0;
    bool has_url = FindEntryUrl(s, p, &entry.url, &offset);
    if (!has_url && !footnote && !in_refs) return false;
    entry.url_source_offset = lines_[i].begin + offset;
    doc_.entries.push_back(std::move(entry));
    open_entry_ = has_url ? SIZE_MAX : doc_.entries.size() - 1;
    return true;
  }

  // An entry whose URL stands on the next, indented line.
  bool AttachContinuation(size_t i, bool in_refs) {
    std::string_view s = Text(i);
    if (open_entry_ == SIZE_MAX || i == 0 || lines_[i - 1].kind != Kind::kEntry) return false;
    if (!in_refs && Indent(s) < 2) return false;
    size_t offset = 0;
    ReferenceEntry& entry = doc_.entries[open_entry_];
    if (FindEntryUrl(s, 0, &entry.url, &offset)) {
      entry.url_source_offset = lines_[i].begin + offset;
      open_entry_ = SIZE_MAX;
    }
    return true;
  }

  // docs/reading.md "Paragraphs": paragraphs are separated by blank lines, but a body without any
  // blank line (leading and trailing ones aside) has a paragraph per line.
  bool EveryLineIsAParagraph() const {
    bool seen_text = false, blank_pending = false;
    for (const Line& line : lines_) {
      if (line.kind == Kind::kEntry || line.kind == Kind::kRefHeading || line.kind == Kind::kRefSkip ||
          line.kind == Kind::kFrontMatter) {
        continue;
      }
      if (line.kind == Kind::kBlank) {
        blank_pending = seen_text;
      } else {
        if (blank_pending) return false;
        seen_text = true;
      }
    }
    return true;
  }

  void BuildBlocks() {
    bool every_line = EveryLineIsAParagraph();
    for (size_t i = 0; i < lines_.size(); ++i) {
      std::string_view s = Text(i);
      size_t begin = lines_[i].begin;
      switch (lines_[i].kind) {
        case Kind::kText:
          if (every_line || in_quote_) Flush();
          AppendLine(begin + Indent(s), lines_[i].end);
          break;
        case Kind::kListItem:
          Flush();
          AppendLine(begin + ListItemContent(s, false), lines_[i].end);
          break;
        case Kind::kHeading:
          AddHeading(i);
          break;
        case Kind::kQuote:
          AppendQuoteLine(i);
          break;
        default:
          Flush();
      }
    }
    Flush();
  }

  void AppendLine(size_t begin, size_t end) {
    if (!block_.text.empty()) block_.AppendAt("\n", begin > 0 ? begin - 1 : 0);
    AppendMarkdownInline(input_, begin, end, &block_);
  }

  void AddHeading(size_t i) {
    Flush();
    std::string_view s = Text(i);
    size_t begin = Indent(s);
    size_t end = s.size();
    if (AtxLevel(s) > 0) {
      begin += AtxLevel(s);
      while (end > begin && (s[end - 1] == '#' || s[end - 1] == ' ' || s[end - 1] == '\t')) --end;
    }
    AppendMarkdownInline(input_, lines_[i].begin + begin, lines_[i].begin + end, &block_);
    block_.heading = true;
    std::string title(Trim(block_.text));
    if (doc_.title.empty() && !title.empty()) doc_.title = title;
    Flush();
  }

  // Consecutive '>' lines are one quotation; nested '>' marks are stripped.
  void AppendQuoteLine(size_t i) {
    std::string_view s = Text(i);
    if (!in_quote_) {
      Flush();
      in_quote_ = true;
      quote_source_ = lines_[i].begin + Indent(s);
    }
    size_t p = Indent(s);
    while (p < s.size() && s[p] == '>') {
      ++p;
      if (p < s.size() && s[p] == ' ') ++p;
      p += Indent(s.substr(p)) < 4 ? Indent(s.substr(p)) : 0;
    }
    if (IsBlank(s.substr(p))) {
      if (!block_.text.empty()) block_.AppendAt("\n", lines_[i].begin);
      return;
    }
    AppendLine(lines_[i].begin + p, lines_[i].end);
  }

  void Flush() {
    if (in_quote_) {
      block_.explicit_quotes.push_back({0, block_.text.size(), quote_source_, ""});
      in_quote_ = false;
    }
    if (!block_.Empty()) doc_.blocks.push_back(std::move(block_));
    block_ = Block();
  }

  std::string_view input_;
  size_t start_ = 0;
  size_t front_matter_end_ = 0;  // input offset past the front matter; 0 without one
  std::vector<Line> lines_;
  Document doc_;
  Block block_;
  bool in_quote_ = false;
  size_t quote_source_ = 0;
  size_t open_entry_ = SIZE_MAX;  // an entry still waiting for its URL
};

}  // namespace

Document ReadMarkdown(std::string_view input, size_t start) {
  return MarkdownReader(input, start).Read();
}

}  // namespace article
}  // namespace citecheck
