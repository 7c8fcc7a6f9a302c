#include "extract/pdf_helper.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace citecheck {
namespace {

namespace fs = std::filesystem;

bool IsExecutable(const fs::path& path) { return !path.empty() && access(path.c_str(), X_OK) == 0; }

bool IsUnder(const fs::path& path, const fs::path& dir) {
  auto [end, _] = std::mismatch(dir.begin(), dir.end(), path.begin(), path.end());
  return end == dir.end();
}

PdfHelper Look() {
  if (const char* env = std::getenv("CITECHECK_PDFTEXT"); env && *env) {
    if (IsExecutable(env)) return {env, ""};
    return {"", std::string("CITECHECK_PDFTEXT=") + env + " is not an executable program"};
  }
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  std::string tried;
#ifdef CITECHECK_PDFTEXT_BUILT
  if (!ec && IsUnder(self, fs::path(CITECHECK_BUILD_DIR).lexically_normal())) {
    if (IsExecutable(CITECHECK_PDFTEXT_BUILT)) return {CITECHECK_PDFTEXT_BUILT, ""};
    tried += std::string(CITECHECK_PDFTEXT_BUILT) + ", ";
  }
#endif
  if (!ec) {
    fs::path beside = (self.parent_path() / CITECHECK_PDFTEXT_FROM_BINDIR).lexically_normal();
    if (IsExecutable(beside)) return {beside.string(), ""};
    tried += beside.string() + ", ";
  }
  if (IsExecutable(CITECHECK_PDFTEXT_INSTALLED)) return {CITECHECK_PDFTEXT_INSTALLED, ""};
  tried += CITECHECK_PDFTEXT_INSTALLED;
  return {"", "citecheck-pdftext not found (tried " + tried + "; set CITECHECK_PDFTEXT)"};
}

}  // namespace

const PdfHelper& FindPdfHelper() {
  static const PdfHelper helper = Look();
  return helper;
}

}  // namespace citecheck
