// libFuzzer entry point for the elide target (see targets.h; run by fuzz/run):
// the full and the elided parse of the same bytes must extract the same page.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  citecheck::fuzz::ElideTarget(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
