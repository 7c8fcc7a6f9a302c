#include "article/markdown_inline.h"

#include <cctype>
#include <string>
#include <vector>

#include "article/text_util.h"

namespace citecheck {
namespace article {
namespace {

class InlineParser {
 public:
  InlineParser(std::string_view input, Block* block) : input_(input), block_(block) {}

  // The top-level call, over one line: matches its brackets first.
  void ParseLine(size_t begin, size_t end) {
    MatchPairs(begin, end);
    Parse(begin, end, true);
  }

 private:
  // `allow_links` is false inside link text, which bounds the recursion.
  // Every search stops at `end`: searching the rest of the input from each
  // line (or each backtick, '[' or '<') made long articles quadratic.
  void Parse(size_t begin, size_t end, bool allow_links) {
    std::string_view upto = input_.substr(0, end);
    size_t pos = begin;
    size_t next_url = FindUrl(upto, pos);
    while (pos < end) {
      if (next_url != std::string_view::npos && next_url < pos) next_url = FindUrl(upto, pos);
      if (pos == next_url) {
        pos = BareUrl(pos, end, allow_links);
        continue;
      }
      char c = input_[pos];
      size_t used = 0;
      if (c == '\\') used = Escape(pos, end);
      else if (c == '`') used = CodeSpan(pos, end);
      else if (c == '[') used = Bracket(pos, end, allow_links);
      else if (c == '!' && pos + 1 < end && input_[pos + 1] == '[') used = Image(pos, end);
      else if (c == '<') used = AngleBracket(pos, end, allow_links);
      if (used == 0) {
        used = std::min(end - pos, SequenceLength(static_cast<unsigned char>(c)));
        block_->Append(input_.substr(pos, used), pos);
      }
      pos += used;
    }
  }

  size_t Escape(size_t pos, size_t end) {
    if (pos + 1 >= end || !std::ispunct(static_cast<unsigned char>(input_[pos + 1]))) return 0;
    block_->Append(input_.substr(pos + 1, 1), pos + 1, true);
    return 2;
  }

  size_t CodeSpan(size_t pos, size_t end) {
    size_t run = input_.find_first_not_of('`', pos);
    if (run == std::string_view::npos || run > end) run = end;
    size_t ticks = run - pos;
    std::string fence(ticks, '`');
    size_t close = run;
    while (true) {
      close = input_.substr(0, end).find(fence, close);
      if (close == std::string_view::npos || close + ticks > end) {
        block_->Append(input_.substr(pos, ticks), pos, true);  // literal backticks
        return ticks;
      }
      size_t after = close + ticks;
      if (after >= end || input_[after] != '`') break;
      close = input_.find_first_not_of('`', after);
      if (close == std::string_view::npos) close = end;
    }
    block_->Append(input_.substr(run, close - run), run, true);
    return close + ticks - pos;
  }

  // Pairs every '(' with its ')' and every '[' with its ']' (a backslash
  // escapes the next character for brackets) over the line, in one pass:
  // scanning forward from each opener made "[[[[..." quadratic. A pair found
  // here is the one a depth count from the opener finds, so looking it up
  // gives the same answer for any sub-range that holds it.
  void MatchPairs(size_t begin, size_t end) {
    line_begin_ = begin;
    paren_match_.assign(end - begin, std::string_view::npos);
    bracket_match_.assign(end - begin, std::string_view::npos);
    std::vector<size_t> parens, brackets;
    for (size_t i = begin; i < end; ++i) {
      char c = input_[i];
      if (c == '(') parens.push_back(i);
      if (c == ')' && !parens.empty()) {
        paren_match_[parens.back() - begin] = i;
        parens.pop_back();
      }
    }
    for (size_t i = begin; i < end; ++i) {
      char c = input_[i];
      if (c == '\\') {
        ++i;
      } else if (c == '[') {
        brackets.push_back(i);
      } else if (c == ']' && !brackets.empty()) {
        bracket_match_[brackets.back() - begin] = i;
        brackets.pop_back();
      }
    }
  }

  static size_t Lookup(const std::vector<size_t>& match, size_t index, size_t end) {
    if (index >= match.size() || match[index] >= end) return std::string_view::npos;
    return match[index];
  }

  // The ')' matching the '(' at `open`, or npos.
  size_t MatchParen(size_t open, size_t end) const {
    if (open >= end || input_[open] != '(') return std::string_view::npos;
    return Lookup(paren_match_, open - line_begin_, end);
  }

  // The ']' matching the '[' at `open`, or npos.
  size_t MatchBracket(size_t open, size_t end) const {
    if (open >= end || input_[open] != '[') return std::string_view::npos;
    return Lookup(bracket_match_, open - line_begin_, end);
  }

  size_t Bracket(size_t pos, size_t end, bool allow_links) {
    std::vector<std::string> keys;
    size_t len = MatchMarker(input_.substr(0, end), pos, &keys);
    if (len > 0 && (pos + len >= end || input_[pos + len] != '(')) {
      for (const std::string& key : keys) {
        block_->anchors.push_back({Anchor::Kind::kMarker, block_->text.size(), key, pos, ""});
      }
      return len;
    }
    if (!allow_links) return 0;
    size_t close = MatchBracket(pos, end);
    if (close == std::string_view::npos || close + 1 >= end || input_[close + 1] != '(') return 0;
    size_t paren = MatchParen(close + 1, end);
    if (paren == std::string_view::npos) return 0;
    std::string_view target = Trim(input_.substr(close + 2, paren - close - 2));
    size_t url_offset = static_cast<size_t>(target.data() - input_.data());
    if (!target.empty() && target.front() == '<') {
      size_t gt = target.find('>');
      target = target.substr(1, gt == std::string_view::npos ? std::string_view::npos : gt - 1);
      ++url_offset;
    } else {
      size_t space = target.find_first_of(" \t");  // a title may follow
      target = target.substr(0, space);
    }
    if (IsDocumentUrl(target)) {
      block_->anchors.push_back(
          {Anchor::Kind::kLink, block_->text.size(), std::string(target), url_offset, ""});
    }
    Parse(pos + 1, close, false);
    return paren + 1 - pos;
  }

  // Images show no text of the article's own.
  size_t Image(size_t pos, size_t end) {
    size_t close = MatchBracket(pos + 1, end);
    if (close == std::string_view::npos || close + 1 >= end || input_[close + 1] != '(') return 0;
    size_t paren = MatchParen(close + 1, end);
    return paren == std::string_view::npos ? 0 : paren + 1 - pos;
  }

  // The first '>' at or after `pos` before `end`, or npos/>= end when none.
  // The last answer is reused while it still holds: "<a<a<a..." must not
  // search from each '<'.
  size_t NextGreaterThan(size_t pos, size_t end) {
    bool valid = gt_from_ <= pos && (gt_ == std::string_view::npos ? end <= gt_end_ : pos <= gt_);
    if (!valid) {
      gt_from_ = pos;
      gt_end_ = end;
      gt_ = input_.substr(0, end).find('>', pos);
    }
    return gt_;
  }

  size_t AngleBracket(size_t pos, size_t end, bool allow_links) {
    size_t gt = NextGreaterThan(pos, end);
    if (gt == std::string_view::npos || gt >= end) return 0;
    std::string_view inside = input_.substr(pos + 1, gt - pos - 1);
    if (IsDocumentUrl(inside) && inside.find_first_of(" \t") == std::string_view::npos) {
      if (allow_links) {
        block_->anchors.push_back(
            {Anchor::Kind::kLink, block_->text.size(), std::string(inside), pos + 1, ""});
      }
      block_->Append(inside, pos + 1, true);
      return gt + 1 - pos;
    }
    char first = pos + 1 < end ? input_[pos + 1] : ' ';
    if (std::isalpha(static_cast<unsigned char>(first)) || first == '/' || first == '!') {
      return gt + 1 - pos;  // an inline HTML tag: its attributes are not prose
    }
    return 0;
  }

  size_t BareUrl(size_t pos, size_t end, bool allow_links) {
    size_t url_end = std::min(UrlEnd(input_.substr(0, end), pos), end);
    if (url_end <= pos) {
      block_->Append(input_.substr(pos, 1), pos);
      return pos + 1;
    }
    std::string_view url = input_.substr(pos, url_end - pos);
    if (allow_links) {
      block_->anchors.push_back(
          {Anchor::Kind::kLink, block_->text.size(), std::string(url), pos, ""});
    }
    block_->Append(url, pos, true);
    return url_end;
  }

  std::string_view input_;
  Block* block_;
  size_t line_begin_ = 0;
  std::vector<size_t> paren_match_;    // by offset from line_begin_
  std::vector<size_t> bracket_match_;  // by offset from line_begin_
  size_t gt_from_ = std::string_view::npos;  // NextGreaterThan's last search
  size_t gt_end_ = 0;
  size_t gt_ = std::string_view::npos;
};

}  // namespace

void AppendMarkdownInline(std::string_view input, size_t begin, size_t end, Block* block) {
  InlineParser(input, block).ParseLine(begin, end);
}

}  // namespace article
}  // namespace citecheck
