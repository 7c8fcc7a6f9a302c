// libFuzzer entry point for the cookie target (see targets.h; run by fuzz/run): the web interface's Cookie header reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  citecheck::fuzz::CookieTarget(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
