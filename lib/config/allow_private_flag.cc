#include "config/allow_private_flag.h"

#include <string_view>

namespace citecheck {

std::vector<std::string> ExtractAllowPrivate(int argc, char** argv, std::optional<std::string>* value) {
  static constexpr std::string_view kWithList = "--allow-private=";
  std::vector<std::string> rest;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--allow-private") {
      *value = "";
    } else if (arg.rfind(kWithList, 0) == 0) {
      *value = arg.substr(kWithList.size());
    } else {
      rest.push_back(std::move(arg));
    }
  }
  return rest;
}

}  // namespace citecheck
