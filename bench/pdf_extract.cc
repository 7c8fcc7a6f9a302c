// PDF text extraction throughput for bench/pdf: every file named on the
// command line through ExtractPdf (poppler in its limited child process, the
// way the check pipeline reads a fetched PDF), one after the other. Prints
// "files bytes seconds text_bytes" for the script to set beside pdftotext.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "extract/pdf_extractor.h"

int main(int argc, char** argv) {
  std::vector<std::string> bodies;
  long long bytes = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    bodies.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    bytes += static_cast<long long>(bodies.back().size());
  }
  long long text_bytes = 0;
  int failed = 0;
  auto start = std::chrono::steady_clock::now();
  for (const std::string& body : bodies) {
    citecheck::ExtractResult r = citecheck::ExtractPdf(body);
    if (!r.ok) ++failed;
    text_bytes += static_cast<long long>(r.page.text.size());
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu %lld %.6f %lld %d\n", bodies.size(), bytes, seconds, text_bytes, failed);
  return failed == 0 ? 0 : 1;
}
