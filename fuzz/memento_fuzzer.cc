// libFuzzer entry point for the memento target (see targets.h; run by fuzz/run): Wayback URL rewriting and Memento-Datetime parsing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  citecheck::fuzz::MementoTarget(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
