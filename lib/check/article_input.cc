#include "check/article_input.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace citecheck {
namespace {

ArticleInput Fail(const std::string& source, const std::string& why) {
  ArticleInput input;
  input.source = source;
  input.error = source + ": " + why;
  return input;
}

}  // namespace

bool IsUrlSource(const std::string& source) {
  return source.rfind("http://", 0) == 0 || source.rfind("https://", 0) == 0;
}

ArticleInput LoadArticleInput(const std::string& source, std::istream& stdin_stream,
                              const std::string& stdin_name) {
  ArticleInput input;
  input.source = source;
  if (source == "-") {
    std::ostringstream ss;
    ss << stdin_stream.rdbuf();
    input.bytes = ss.str();
    input.identity = stdin_name.empty() ? "stdin" : stdin_name;
    input.source = stdin_name.empty() ? "-" : stdin_name;
    input.ok = true;
    return input;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::file_status status = fs::status(source, ec);
  if (ec || !fs::exists(status)) return Fail(source, "no such file");
  if (fs::is_directory(status)) return Fail(source, "is a directory, not an article file");
  if (!fs::is_regular_file(status)) return Fail(source, "is not a regular file");
  auto size = fs::file_size(source, ec);
  if (!ec && size > static_cast<uintmax_t>(kMaxArticleBytes)) {
    return Fail(source, "too large for an article (" + std::to_string(size) + " bytes)");
  }
  std::ifstream in(source, std::ios::binary);
  if (!in) return Fail(source, std::string("cannot open: ") + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Fail(source, "read error");
  input.bytes = ss.str();
  fs::path real = fs::canonical(source, ec);
  input.identity = ec ? fs::absolute(source).string() : real.string();
  input.ok = true;
  return input;
}

}  // namespace citecheck
