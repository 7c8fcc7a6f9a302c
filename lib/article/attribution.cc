#include "article/attribution.h"

#include <algorithm>
#include <unordered_set>

#include "article/sentences.h"
#include "article/text_util.h"

namespace citecheck {
namespace article {

Attributor::Attributor(const Block& block, const std::vector<size_t>& sentence_starts)
    : block_(block), starts_(sentence_starts), first_text_(sentence_starts.size(), std::string_view::npos) {
  const std::vector<Anchor>& anchors = block.anchors;
  const std::string_view text = block.text;
  anchor_sentence_.resize(anchors.size());
  for (size_t i = 0; i < anchors.size(); ++i) anchor_sentence_[i] = SentenceOfAnchor(i);
  // Anchors [a, b) are one group when only white space separates them.
  group_first_.resize(anchors.size());
  group_last_.resize(anchors.size());
  for (size_t i = 0; i < anchors.size(); ++i) {
    bool joined = i > 0 && IsBlank(text.substr(anchors[i - 1].offset, anchors[i].offset - anchors[i - 1].offset));
    group_first_[i] = joined ? group_first_[i - 1] : i;
  }
  for (size_t i = anchors.size(); i > 0; --i) {
    size_t k = i - 1;
    group_last_[k] = k + 1 < anchors.size() && group_first_[k + 1] == group_first_[k] ? group_last_[k + 1] : k + 1;
  }
}

// The sentence an anchor belongs to: a marker at the very start of a
// sentence ("... end. [3] Next") closes the sentence before it.
size_t Attributor::SentenceOfAnchor(size_t index) {
  const Anchor& anchor = block_.anchors[index];
  size_t s = SentenceAt(starts_, anchor.offset);
  if (anchor.kind != Anchor::Kind::kMarker || s == 0) return s;
  if (first_text_[s] == std::string_view::npos) {
    const std::string_view text = block_.text;
    size_t pos = starts_[s];
    while (pos < text.size() && IsSpace(CodePointAt(text, pos))) {
      pos += SequenceLength(static_cast<unsigned char>(text[pos]));
    }
    first_text_[s] = pos;
  }
  return anchor.offset <= first_text_[s] ? s - 1 : s;
}

const std::vector<std::string>& Attributor::Ids(size_t first, size_t last) {
  auto [it, inserted] = ids_.try_emplace({first, last});
  if (!inserted) return it->second;
  std::vector<std::string>& ids = it->second;
  std::unordered_set<std::string> seen;
  for (size_t i = first; i < last && ids.size() < kMaxCitationsPerQuote; ++i) {
    const std::string& id = block_.anchors[i].id;
    if (!id.empty() && seen.insert(id).second) ids.push_back(id);
  }
  return ids;
}

std::vector<std::string> Attributor::For(const FoundQuote& quote) {
  const std::vector<Anchor>& anchors = block_.anchors;
  size_t sentence = SentenceAt(starts_, quote.open);
  auto range = std::equal_range(anchor_sentence_.begin(), anchor_sentence_.end(), sentence);
  std::vector<std::string> ids =
      Ids(static_cast<size_t>(range.first - anchor_sentence_.begin()),
          static_cast<size_t>(range.second - anchor_sentence_.begin()));
  if (!ids.empty()) return ids;
  auto by_offset = [](const Anchor& a, size_t offset) { return a.offset < offset; };
  size_t after = static_cast<size_t>(
      std::lower_bound(anchors.begin(), anchors.end(), quote.close_end, by_offset) - anchors.begin());
  if (after < anchors.size()) return Ids(after, group_last_[after]);
  size_t before = static_cast<size_t>(
      std::lower_bound(anchors.begin(), anchors.end(), quote.open, by_offset) - anchors.begin());
  if (before > 0) return Ids(group_first_[before - 1], before);
  return ids;
}

}  // namespace article
}  // namespace citecheck
