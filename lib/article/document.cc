#include "article/document.h"

#include "article/text_util.h"

namespace citecheck {
namespace article {

void Block::Append(std::string_view s, size_t src, bool is_opaque) {
  text.append(s);
  for (size_t i = 0; i < s.size(); ++i) {
    source.push_back(static_cast<uint32_t>(src + i));
    opaque.push_back(is_opaque);
  }
}

void Block::AppendAt(std::string_view s, size_t src, bool is_opaque) {
  text.append(s);
  source.insert(source.end(), s.size(), static_cast<uint32_t>(src));
  opaque.insert(opaque.end(), s.size(), is_opaque);
}

bool Block::Empty() const { return anchors.empty() && explicit_quotes.empty() && IsBlank(text); }

}  // namespace article
}  // namespace citecheck
