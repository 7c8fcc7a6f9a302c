#include "article/quote_scanner.h"

#include <algorithm>
#include <array>
#include <iterator>

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
        PushOpen({kExplicit, q.begin, q.begin, q.source_offset, starts[si].second});
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
  // The opening marks, each with the stack indices of its open quotes (so
  // that finding the nearest of a kind does not walk a stack of 100,000
  // unclosed «).
  static constexpr char32_t kKinds[] = {kExplicit, '"', 0x201C, 0x201E, 0xAB, 0xBB, 0x2018};
  static size_t KindSlot(char32_t kind) {
    return static_cast<size_t>(std::find(std::begin(kKinds), std::end(kKinds), kind) - std::begin(kKinds));
  }

  void PushOpen(const Open& o) {
    by_kind_[KindSlot(o.kind)].push_back(static_cast<int>(stack_.size()));
    stack_.push_back(o);
  }

  void TruncateStack(int size) {
    for (std::vector<int>& indices : by_kind_) {
      while (!indices.empty() && indices.back() >= size) indices.pop_back();
    }
    stack_.resize(static_cast<size_t>(size));
  }

  // Index in the stack of the nearest open quote of one of `kinds`, or -1.
  int FindOpen(std::initializer_list<char32_t> kinds) const {
    int found = -1;
    for (char32_t kind : kinds) {
      const std::vector<int>& indices = by_kind_[KindSlot(kind)];
      if (!indices.empty()) found = std::max(found, indices.back());
    }
    return found;
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
    PushOpen({kind, pos, pos + len, block_.source[pos], SIZE_MAX});
  }

  // An open ‘ below does not make a quote inner: it may be an elided letter.
  bool IsOutermost(int index) const {
    for (size_t slot = 0; slot < by_kind_.size(); ++slot) {
      if (kKinds[slot] != 0x2018 && !by_kind_[slot].empty() && by_kind_[slot].front() < index) {
        return false;
      }
    }
    return true;
  }

  // Reports a quote, dropping quotes reported earlier inside it (they were
  // reported provisionally above a ‘ that has now turned out to pair).
  // found_ stays in order of `open` (each report drops every later one), so
  // those quotes are at its end.
  void Report(const Open& o, size_t end, size_t close_end, bool closed) {
    while (!found_.empty() && found_.back().open > o.open) found_.pop_back();
    found_.push_back({o.open, o.begin, end, close_end, o.source_offset, closed});
  }

  void Close(int index, size_t pos, size_t len) {
    if (IsOutermost(index)) Report(stack_[index], pos, pos + len, true);
    TruncateStack(index);
  }

  void CloseExplicit(size_t explicit_index, size_t pos) {
    const std::vector<int>& explicit_opens = by_kind_[KindSlot(kExplicit)];
    for (size_t k = explicit_opens.size(); k > 0; --k) {
      int i = explicit_opens[k - 1];
      if (stack_[static_cast<size_t>(i)].explicit_index == explicit_index) return Close(i, pos, 0);
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
  std::array<std::vector<int>, std::size(kKinds)> by_kind_;  // stack indices, ascending
  std::vector<FoundQuote> found_;
};

}  // namespace

std::vector<FoundQuote> ScanQuotes(const Block& block) { return Scanner(block).Run(); }

}  // namespace article
}  // namespace citecheck
