#include "article/html_reader.h"

namespace citecheck {
namespace article {

int HtmlNestingDepth(std::string_view) { return 0; }
bool LooksLikeHtml(std::string_view) { return false; }
Document ReadHtml(std::string_view) { return Document(); }

}  // namespace article
}  // namespace citecheck
