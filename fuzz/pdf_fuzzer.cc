// libFuzzer entry point for the pdf target (see targets.h; run by fuzz/run).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  citecheck::fuzz::PdfTarget(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
