#include "web/cookies.h"

namespace citecheck {

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  for (size_t i = 0; i < req.get_header_value_count("Cookie"); ++i) {
    const std::string header = req.get_header_value("Cookie", i);
    size_t pos = 0;
    while (pos < header.size()) {
      size_t end = header.find(';', pos);
      if (end == std::string::npos) end = header.size();
      std::string pair = header.substr(pos, end - pos);
      const size_t first = pair.find_first_not_of(' ');
      pair = first == std::string::npos ? "" : pair.substr(first);
      const size_t eq = pair.find('=');
      if (eq != std::string::npos && pair.compare(0, eq, name) == 0 && eq == name.size()) return pair.substr(eq + 1);
      pos = end + 1;
    }
  }
  return "";
}

void SetCookie(const httplib::Request& req, httplib::Response& res, const std::string& name,
               const std::string& value, int64_t max_age_s) {
  std::string cookie = name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_s);
  if (req.get_header_value("X-Forwarded-Proto") == "https") cookie += "; Secure";
  res.set_header("Set-Cookie", cookie);
}

}  // namespace citecheck
