#include "match/matcher.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "match/exact_search.h"
#include "match/language.h"
#include "match/near_search.h"
#include "match/normalize.h"
#include "match/quote_pattern.h"

namespace citecheck {

struct PreparedPage::Impl {
  std::string text;
  std::string language_hint;
  WordIndex words;  // words.ids is the sequence every search runs over
  std::string detected_language;
  // The page's words without its optional ones (note markers), and for each
  // its index in `words`; both empty when the page has no optional words.
  std::vector<uint64_t> kept_ids;
  std::vector<size_t> kept_words;
};

PreparedPage::PreparedPage(std::string text, std::string language_hint, std::vector<TextSpan> optional)
    : impl_(std::make_unique<Impl>()) {
  impl_->text = std::move(text);
  impl_->language_hint = std::move(language_hint);
  if (optional.empty()) {
    impl_->words = IndexWords(impl_->text);
  } else {
    std::vector<bool> is_optional;
    impl_->words = IndexWords(impl_->text, optional, &is_optional);
    if (std::find(is_optional.begin(), is_optional.end(), true) != is_optional.end()) {
      for (size_t i = 0; i < is_optional.size(); ++i) {
        if (is_optional[i]) continue;
        impl_->kept_ids.push_back(impl_->words.ids[i]);
        impl_->kept_words.push_back(i);
      }
    }
  }
  impl_->detected_language = DetectLanguageOf(impl_->text, impl_->words.ids);
}

PreparedPage::~PreparedPage() = default;

const std::string& PreparedPage::text() const { return impl_->text; }
const std::string& PreparedPage::detected_language() const { return impl_->detected_language; }

namespace {

// Code points of context the evidence snippet shows on each side.
constexpr int64_t kSnippetContext = 80;

// Extra page words an ellipsis quote may span beyond twice its own length.
constexpr size_t kEllipsisSlack = 50;

// A sequence of page words a search runs over: all of them, or those left
// when the optional ones are skipped. Word() maps a position back to the
// page's words, so evidence offsets stay exact across skipped words.
struct Sequence {
  const std::vector<uint64_t>* ids;
  const std::vector<size_t>* words;  // null: position i is word i

  size_t Word(size_t i) const { return words ? (*words)[i] : i; }
};

// The sequences a quote is searched in, in order of preference.
std::vector<Sequence> Sequences(const PreparedPage::Impl& page) {
  std::vector<Sequence> sequences{{&page.words.ids, nullptr}};
  if (!page.kept_ids.empty()) sequences.push_back({&page.kept_ids, &page.kept_words});
  return sequences;
}

Evidence MakeEvidence(const PreparedPage::Impl& page, size_t first_word, size_t end_word) {
  const std::string& text = page.text;
  size_t begin = page.words.offsets[first_word].begin;
  size_t end = page.words.offsets[end_word - 1].end;
  Evidence evidence;
  evidence.offset = static_cast<int64_t>(CountCodePoints(std::string_view(text).substr(0, begin)));
  evidence.matched = text.substr(begin, end - begin);
  evidence.length = static_cast<int64_t>(CountCodePoints(evidence.matched));
  size_t from = ByteOffsetOfCodePoint(
      text, static_cast<size_t>(std::max<int64_t>(0, evidence.offset - kSnippetContext)));
  size_t to = std::min(text.size(), end);
  for (int64_t i = 0; i < kSnippetContext && to < text.size(); ++i) DecodeUtf8(text, &to);
  evidence.snippet = text.substr(from, to - from);
  return evidence;
}

// The quote's words and wildcards in order across its parts; gaps and
// ellipses are dropped, since an approximate match has no room for them.
struct FlatQuote {
  std::vector<uint64_t> ids;
  std::vector<std::string> words;
};

FlatQuote Flatten(const QuotePattern& pattern) {
  FlatQuote flat;
  for (const QuotePart& part : pattern.parts) {
    for (const Token& token : part.tokens) {
      if (token.kind == Token::Kind::kGap) continue;
      bool wild = token.kind == Token::Kind::kWildcard;
      // Hash 0 is reserved for the wildcard; a real word hashing to it is
      // astronomically unlikely and would only become a wildcard.
      flat.ids.push_back(wild ? kAnyWord : token.id);
      flat.words.push_back(part.Display(token));
    }
  }
  return flat;
}

std::string PageWord(const PreparedPage::Impl& page, size_t index) {
  const WordOffsets& word = page.words.offsets[index];
  return page.text.substr(word.begin, word.end - word.begin);
}

std::optional<Verdict> NearVerdict(const FlatQuote& quote, const PreparedPage::Impl& page,
                                   const Sequence& sequence, const MatchOptions& options) {
  size_t words = quote.ids.size();
  auto k = static_cast<size_t>(std::floor(options.near_threshold * static_cast<double>(words)));
  k = std::max<size_t>(1, k);
  auto near = FindNear(*sequence.ids, quote.ids, k);
  // A window that shares no word with the quote is no misquote of it.
  if (!near || near->distance >= words || near->page_end <= near->page_begin) return std::nullopt;
  Verdict verdict;
  verdict.status = QuoteStatus::kNearMatch;
  verdict.score = 1.0 - static_cast<double>(near->distance) / static_cast<double>(words);
  Evidence evidence =
      MakeEvidence(page, sequence.Word(near->page_begin), sequence.Word(near->page_end - 1) + 1);
  for (const AlignStep& step : near->steps) {
    if (step.equal) continue;
    std::string article = step.quote == AlignStep::kNone ? "" : quote.words[step.quote];
    std::string page_word =
        step.page == AlignStep::kNone ? "" : PageWord(page, sequence.Word(step.page));
    evidence.differences.emplace_back(std::move(article), std::move(page_word));
  }
  verdict.evidence = std::move(evidence);
  return verdict;
}

std::string PrimaryLanguage(const std::string& tag) { return tag.substr(0, tag.find('-')); }

}  // namespace

Verdict MatchQuote(std::string_view quote, const PreparedPage& page, const MatchOptions& options) {
  const PreparedPage::Impl& impl = page.impl();
  QuotePattern pattern = ParseQuote(quote);
  Verdict verdict;
  if (pattern.words == 0 || impl.words.ids.empty()) return verdict;
  size_t window = 2 * pattern.words + kEllipsisSlack;
  const std::vector<Sequence> sequences = Sequences(impl);
  // A quote matches with or without the page's optional words: exactly in
  // either sequence is verified, before any near search.
  for (const Sequence& sequence : sequences) {
    if (auto span = FindPattern(*sequence.ids, pattern, window)) {
      verdict.status = QuoteStatus::kVerified;
      verdict.score = 1.0;
      verdict.evidence = MakeEvidence(impl, sequence.Word(span->begin), sequence.Word(span->end - 1) + 1);
      return verdict;
    }
  }
  // Near search in both too: a changed word next to a marker is a near
  // match, not a quote missing from the page. The closer window wins.
  FlatQuote flat = Flatten(pattern);
  std::optional<Verdict> best;
  for (const Sequence& sequence : sequences) {
    auto near = NearVerdict(flat, impl, sequence, options);
    if (near && (!best || near->score > best->score)) best = std::move(near);
  }
  if (best) return *best;
  std::string quote_language = DetectLanguage(quote);
  const std::string& page_language = impl.detected_language;
  bool languages_differ = !quote_language.empty() && !page_language.empty() &&
                          PrimaryLanguage(quote_language) != PrimaryLanguage(page_language);
  if (!page_language.empty() && (languages_differ || WrittenInDifferentScripts(quote, impl.text))) {
    verdict.status = QuoteStatus::kUnverifiable;
    verdict.reason = "source is in " + page_language + "; the quote may be a translation";
  }
  return verdict;
}

std::string DetectLanguage(std::string_view text) {
  return DetectLanguageOf(text, IndexWords(text).ids);
}

}  // namespace citecheck
