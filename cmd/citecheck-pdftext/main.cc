// citecheck-pdftext MEMORY_BYTES: reads a PDF on stdin with poppler and
// writes its text to stdout as a pdf_message.h message. Started by
// ExtractPdf (lib/extract/pdf_extractor.h), which holds the wall-clock limit
// and kills it at that limit; this program bounds its own memory and CPU
// time, so a decompression bomb or a crash in poppler only costs the one
// document its text. Not meant to be run by hand; no options.
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

#include "extract/pdf_message.h"
#include "extract/pdf_reader.h"

#if defined(__SANITIZE_ADDRESS__)
#define CITECHECK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CITECHECK_ASAN 1
#endif
#endif

namespace {

#ifndef CITECHECK_ASAN  // unused under ASan (see LimitMemory)
// This process's address space now (shared libraries mapped): the limit is
// what the reading may add to it.
int64_t CurrentAddressSpace() {
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (!statm) return 0;
  long pages = 0;
  if (std::fscanf(statm, "%ld", &pages) != 1) pages = 0;
  std::fclose(statm);
  return static_cast<int64_t>(pages) * sysconf(_SC_PAGESIZE);
}
#endif

void LimitMemory([[maybe_unused]] int64_t bytes) {
#ifndef CITECHECK_ASAN
  // AddressSanitizer reserves terabytes of shadow memory, so an address-space
  // limit would stop every allocation; under ASan the time limit bounds it.
  rlim_t as = static_cast<rlim_t>(CurrentAddressSpace() + bytes);
  rlimit memory{as, as};
  setrlimit(RLIMIT_AS, &memory);
#endif
}

bool ReadAll(int fd, std::string& out) {
  char buffer[65536];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    out.append(buffer, static_cast<size_t>(n));
  }
}

bool WriteAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  char* end = nullptr;
  long long memory = argc == 2 ? std::strtoll(argv[1], &end, 10) : -1;
  if (argc != 2 || *end != '\0' || memory <= 0) {
    std::fprintf(stderr, "citecheck-pdftext: started by citecheck to read a PDF; usage: citecheck-pdftext MEMORY_BYTES < file.pdf\n");
    return 2;
  }
  rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  LimitMemory(memory);
  try {
    std::string bytes;
    if (!ReadAll(0, bytes)) return 1;
    return WriteAll(1, citecheck::EncodePdfRead(citecheck::ReadPdf(bytes))) ? 0 : 1;
  } catch (const std::bad_alloc&) {  // at the memory limit
    return 3;
  }
}
