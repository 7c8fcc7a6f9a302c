#include "fetch/charset.h"

#include <errno.h>
#include <iconv.h>
#include <uchardet.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <utility>

#include "core/ascii.h"
#include "core/utf8.h"

namespace citecheck {
namespace {

constexpr size_t kMetaScanBytes = 4096;
// Enough text for uchardet to be confident without scanning a 10 MiB body.
constexpr size_t kDetectBytes = 64 * 1024;
constexpr char kReplacement[] = "\xEF\xBF\xBD";

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

bool IsCharsetNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':';
}

// Reads `charset` '=' value starting at `pos` in lower-cased text.
std::string ReadCharsetValue(std::string_view text, size_t pos) {
  pos += 7;  // "charset"
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  if (pos >= text.size() || text[pos] != '=') return "";
  ++pos;
  while (pos < text.size() && (std::isspace(static_cast<unsigned char>(text[pos])) ||
                               text[pos] == '"' || text[pos] == '\'')) {
    ++pos;
  }
  size_t end = pos;
  while (end < text.size() && IsCharsetNameChar(text[end])) ++end;
  return std::string(text.substr(pos, end - pos));
}

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};
using IconvHandle = std::unique_ptr<void, IconvCloser>;

IconvHandle OpenToUtf8(const std::string& charset) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return nullptr;
  return IconvHandle(cd);
}

// Maps a declared or detected name to the one to decode with; "" when
// unusable. Follows the WHATWG Encoding standard where it matters: Latin-1
// and ASCII labels mean windows-1252, and a UTF-16 label inside an
// ASCII-compatible document (a <meta>) cannot be true.
std::string CanonicalCharset(std::string_view name, bool from_meta) {
  std::string upper = Upper(Trim(name));
  if (upper.empty()) return "";
  if (upper == "ISO-8859-1" || upper == "LATIN1" || upper == "US-ASCII" || upper == "ISO_8859-1" ||
      upper == "ASCII") {
    return "WINDOWS-1252";
  }
  if (upper == "UTF8") return "UTF-8";
  if (from_meta && upper.rfind("UTF-16", 0) == 0) return "UTF-8";
  if (upper == "UTF-8") return upper;
  return OpenToUtf8(upper) ? upper : "";
}

std::string BomCharset(std::string_view body, size_t* bom_size) {
  *bom_size = 0;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") {
    *bom_size = 3;
    return "UTF-8";
  }
  if (body.substr(0, 2) == "\xFF\xFE") {
    *bom_size = 2;
    return "UTF-16LE";
  }
  if (body.substr(0, 2) == "\xFE\xFF") {
    *bom_size = 2;
    return "UTF-16BE";
  }
  return "";
}

std::string DetectCharset(std::string_view body) {
  std::string_view sample = body.substr(0, kDetectBytes);
  // Valid non-ASCII UTF-8 is almost never another encoding by accident, and
  // uchardet sometimes guesses otherwise on short pages.
  size_t bad_offset = 0;
  bool cut_mid_character = sample.size() < body.size();
  if (IsValidUtf8(sample, &bad_offset) || (cut_mid_character && bad_offset + 4 > sample.size())) {
    return "UTF-8";
  }
  std::unique_ptr<uchardet, void (*)(uchardet_t)> detector(uchardet_new(), uchardet_delete);
  if (!detector || uchardet_handle_data(detector.get(), sample.data(), sample.size()) != 0) {
    return "";
  }
  uchardet_data_end(detector.get());
  const char* name = uchardet_get_charset(detector.get());
  return name == nullptr ? "" : CanonicalCharset(name, false);
}

}  // namespace

std::string CharsetParameter(std::string_view content_type) {
  std::string lower = AsciiLower(content_type);
  size_t semicolon = lower.find(';');
  if (semicolon == std::string::npos) return "";
  size_t pos = lower.find("charset", semicolon);
  if (pos == std::string::npos) return "";
  return ReadCharsetValue(lower, pos);
}

std::string MetaCharset(std::string_view html) {
  std::string head = AsciiLower(html.substr(0, kMetaScanBytes));
  for (size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    size_t end = head.find('>', meta);
    std::string_view tag = std::string_view(head).substr(meta, end == std::string::npos ? std::string::npos : end - meta);
    size_t pos = tag.find("charset");
    if (pos == std::string_view::npos) continue;
    std::string value = ReadCharsetValue(tag, pos);
    if (!value.empty()) return value;
  }
  return "";
}

bool IsTextMediaType(std::string_view media_type) {
  if (media_type.empty() || media_type.rfind("text/", 0) == 0) return true;
  auto ends_with = [&](std::string_view suffix) {
    return media_type.size() >= suffix.size() &&
           media_type.substr(media_type.size() - suffix.size()) == suffix;
  };
  return media_type == "application/xhtml+xml" || media_type == "application/xml" ||
         media_type == "application/json" || ends_with("+xml") || ends_with("+json");
}

std::string ChooseCharset(std::string_view body, std::string_view http_charset) {
  size_t bom_size = 0;
  std::string charset = BomCharset(body, &bom_size);
  if (charset.empty()) charset = CanonicalCharset(http_charset, false);
  if (charset.empty()) charset = CanonicalCharset(MetaCharset(body), true);
  if (charset.empty()) charset = DetectCharset(body);
  return charset.empty() ? "UTF-8" : charset;
}

std::string ConvertToUtf8(std::string_view body, const std::string& charset) {
  if (charset == "UTF-8") return RepairUtf8(body);
  IconvHandle handle = OpenToUtf8(charset);
  if (!handle) return RepairUtf8(body);
  iconv_t cd = static_cast<iconv_t>(handle.get());
  std::string out;
  out.reserve(body.size() * 2);
  char* in = const_cast<char*>(body.data());
  size_t in_left = body.size();
  char buffer[16384];
  while (in_left > 0) {
    char* out_ptr = buffer;
    size_t out_left = sizeof(buffer);
    size_t rc = iconv(cd, &in, &in_left, &out_ptr, &out_left);
    int saved_errno = errno;
    out.append(buffer, out_ptr - buffer);
    if (rc != static_cast<size_t>(-1) || saved_errno == E2BIG) continue;
    // EILSEQ (invalid) or EINVAL (cut short at the end): one byte becomes
    // U+FFFD and decoding resumes after it, as browsers do.
    out += kReplacement;
    ++in;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  char* out_ptr = buffer;
  size_t out_left = sizeof(buffer);
  iconv(cd, nullptr, nullptr, &out_ptr, &out_left);
  out.append(buffer, out_ptr - buffer);
  return RepairUtf8(out);  // belt and braces: the contract is valid UTF-8
}

std::string DecodeToUtf8(std::string_view body, std::string_view http_charset) {
  size_t bom_size = 0;
  BomCharset(body, &bom_size);
  std::string charset = ChooseCharset(body, http_charset);
  return ConvertToUtf8(body.substr(bom_size), charset);
}

std::string DecodeBodyToUtf8(std::string body, std::string_view http_charset) {
  size_t bom_size = 0;
  BomCharset(body, &bom_size);
  std::string charset = ChooseCharset(body, http_charset);
  std::string_view rest = std::string_view(body).substr(bom_size);
  if (charset != "UTF-8" || !IsValidUtf8(rest)) return ConvertToUtf8(rest, charset);
  body.erase(0, bom_size);
  return body;
}

}  // namespace citecheck
