#include "article/quote_scanner.h"

#include <algorithm>

#include "article/text_util.h"

namespace citecheck {
namespace article {
namespace {

constexpr char32_t kExplicit = 0;  // opener kind of a markup quote

struct Open {
  char32_t kind;  // the opening mark, or kExplicit
  size_t open;
  size_t begin;
  size_t source_offset;
  size_t explicit_index;
};

class Scanner {
 public:
  explicit Scanner(const Block& block) : block_(block), text_(block.text) {}

  std::vector<FoundQuote> Run() {
    std::vector<std::pair<size_t, size_t>> starts, ends;  // (offset, explicit index)
    for (size_t i = 0; i < block_.explicit_quotes.size(); ++i) {
      starts.emplace_back(block_.explicit_quotes[i].begin, i);
      ends.emplace_back(block_.explicit_quotes[i].end, i);
    }
    std::sort(starts.begin(), starts.end());
    // Inner quotes close first at a shared offset.
    std::sort(ends.begin(), ends.end(), [](auto& a, auto& b) {
      return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    size_t si = 0, ei = 0;
    size_t pos = 0;
    while (pos <= text_.size()) {
      for (; ei < ends.size() && ends[ei].first <= pos; ++ei) CloseExplicit(ends[ei].second, pos);
      for (; si < starts.size() && starts[si].first <= pos; ++si) {
        const ExplicitQuote& q = block_.explicit_quotes[starts[si].second];
        stack_.push_back({kExplicit, q.begin, q.begin, q.source_offset, starts[si].second});
      }
      if (pos == text_.size()) break;
      size_t len = SequenceLength(static_cast<unsigned char>(text_[pos]));
      if (!block_.opaque[pos]) Mark(pos, len);
      pos += len;
    }
    FinishOpen();
    return std::move(found_);
  }

 private:
  // Index in the stack of the nearest open quote of one of `kinds`, or -1.
  int FindOpen(std::initializer_list<char32_t> kinds) const {
    for (int i = static_cast<int>(stack_.size()) - 1; i >= 0; --i) {
      if (std::find(kinds.begin(), kinds.end(), stack_[i].kind) != kinds.end()) return i;
    }
    return -1;
  }

  void Mark(size_t pos, size_t len) {
    char32_t cp = CodePointAt(text_, pos);
    char32_t prev = CodePointBefore(text_, pos);
    char32_t next = CodePointAt(text_, pos + len);
    bool after_space = prev == 0 || IsSpace(prev) || IsOpeningPunct(prev);
    bool before_text = next != 0 && !IsSpace(next);
    bool can_open = after_space && before_text;
    bool can_close = prev != 0 && !IsSpace(prev) && (next == 0 || IsSpace(next) || IsPunct(next));
    switch (cp) {
      case '"':
        if (can_close && FindOpen({'"'}) >= 0) return Close(FindOpen({'"'}), pos, len);
        if (can_open) Push(cp, pos, len);
        return;
      case 0x201C:  // “ opens in English, closes „ in German
        if (prev != 0 && !IsSpace(prev) && FindOpen({0x201E}) >= 0) {
          return Close(FindOpen({0x201E}), pos, len);
        }
        if (before_text) Push(cp, pos, len);
        return;
      case 0x201D:  // ”
        if (FindOpen({0x201C, 0x201E}) >= 0) Close(FindOpen({0x201C, 0x201E}), pos, len);
        return;
      case 0x201E:  // „
        if (before_text) Push(cp, pos, len);
        return;
      case 0xAB:  // « opens, or closes »…« (Danish, German)
        if (FindOpen({0xBB}) >= 0 && prev != 0 && !IsSpace(prev)) return Close(FindOpen({0xBB}), pos, len);
        Push(cp, pos, len);  // French puts a space inside: « texte »
        return;
      case 0xBB:  // »
        if (FindOpen({0xAB}) >= 0) return Close(FindOpen({0xAB}), pos, len);
        if (before_text) Push(cp, pos, len);
        return;
      case 0x2018:  // ‘ only by flanking
        if (can_open) Push(cp, pos, len);
        return;
      case 0x2019:  // ’ is an apostrophe unless it closes a ‘ by flanking
        if (can_close && FindOpen({0x2018}) >= 0) Close(FindOpen({0x2018}), pos, len);
        return;
      default:
        return;
    }
  }

  void Push(char32_t kind, size_t pos, size_t len) {
    stack_.push_back({kind, pos, pos + len, block_.source[pos], SIZE_MAX});
  }

  // An open ‘ below does not make a quote inner: it may be an elided letter.
  bool IsOutermost(int index) const {
    for (int i = 0; i < index; ++i) {
      if (stack_[i].kind != 0x2018) return false;
    }
    return true;
  }

  // Reports a quote, dropping quotes reported earlier inside it (they were
  // reported provisionally above a ‘ that has now turned out to pair).
  void Report(const Open& o, size_t end, size_t close_end, bool closed) {
    found_.erase(std::remove_if(found_.begin(), found_.end(),
                                [&](const FoundQuote& q) { return q.open > o.open; }),
                 found_.end());
    found_.push_back({o.open, o.begin, end, close_end, o.source_offset, closed});
  }

  void Close(int index, size_t pos, size_t len) {
    if (IsOutermost(index)) Report(stack_[index], pos, pos + len, true);
    stack_.resize(index);
  }

  void CloseExplicit(size_t explicit_index, size_t pos) {
    for (int i = static_cast<int>(stack_.size()) - 1; i >= 0; --i) {
      if (stack_[i].kind == kExplicit && stack_[i].explicit_index == explicit_index) {
        return Close(i, pos, 0);
      }
    }
  }

  // A quote still open when its block ends is reported unclosed; a lone ‘ is
  // not: it is far more often an elided letter ('90s) than a quotation.
  void FinishOpen() {
    for (const Open& o : stack_) {
      if (o.kind == 0x2018) continue;
      Report(o, text_.size(), text_.size(), false);
      break;
    }
    std::sort(found_.begin(), found_.end(),
              [](const FoundQuote& a, const FoundQuote& b) { return a.open < b.open; });
  }

  const Block& block_;
  std::string_view text_;
  std::vector<Open> stack_;
  std::vector<FoundQuote> found_;
};

}  // namespace

std::vector<FoundQuote> ScanQuotes(const Block& block) { return Scanner(block).Run(); }

}  // namespace article
}  // namespace citecheck
