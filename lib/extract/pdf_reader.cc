#include "extract/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <memory>
#include <vector>

#include "extract/pdf_lines.h"

namespace citecheck {
namespace {

// poppler reports every oddity of a malformed file on stderr by default; a
// hostile source must not flood the run's output.
void IgnorePopplerMessage(const std::string&, void*) {}

bool HasText(const std::string& page) {
  for (char c : page) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') return true;
  }
  return false;
}

}  // namespace

PdfRead ReadPdf(std::string_view bytes) {
  poppler::set_debug_error_function(IgnorePopplerMessage, nullptr);
  PdfRead read;
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return read;
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    // poppler gives no reason; an encryption dictionary in the file is the
    // common one and the only one worth telling apart.
    read.kind = bytes.find("/Encrypt") != std::string_view::npos ? PdfRead::Kind::kEncrypted
                                                                 : PdfRead::Kind::kUnreadable;
    return read;
  }
  if (doc->is_locked()) {
    read.kind = PdfRead::Kind::kEncrypted;
    return read;
  }
  std::vector<std::string> pages;
  bool any_text = false;
  const int count = doc->pages();
  for (int i = 0; i < count; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    std::string text;
    if (page) {
      poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
      text.assign(utf8.begin(), utf8.end());
    }
    any_text = any_text || HasText(text);
    pages.push_back(std::move(text));
  }
  read.pages = count;
  if (count <= 0) return read;  // no page poppler can find: nothing a scan would have either
  if (!any_text) {
    read.kind = PdfRead::Kind::kNoText;
    return read;
  }
  read.kind = PdfRead::Kind::kText;
  read.text = JoinPdfPages(pages);
  return read;
}

}  // namespace citecheck
