// The extraction limit for bench/fetch: how many pages per second gumbo parse
// plus the project's visible-text walk (ExtractHtml) get through on THREADS
// threads (default: every core), with no network in the way. Each thread
// reads its share of the files from disk as it goes (the page cache holds
// them), so memory stays at one page per thread.
// Usage: extract_limit DIR [THREADS]  (every *.html file of DIR)
// Prints: pages=N seconds=S pages_per_s=R mb_per_s=M
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extract/extractor.h"

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: extract_limit DIR [THREADS]\n");
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
    if (entry.path().extension() == ".html") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  int threads = argc > 2 ? std::atoi(argv[2]) : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(1, threads);

  std::atomic<size_t> next{0};
  std::atomic<int64_t> bytes{0};
  std::atomic<int64_t> text_bytes{0};
  std::atomic<int> failures{0};
  auto begin = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (size_t i = next++; i < files.size(); i = next++) {
        std::string html = ReadFile(files[i]);
        bytes += static_cast<int64_t>(html.size());
        citecheck::ExtractResult result = citecheck::ExtractHtml(html);
        if (!result.ok) ++failures;
        text_bytes += static_cast<int64_t>(result.page.text.size());
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  std::printf("pages=%zu threads=%d seconds=%.3f pages_per_s=%.1f mb_per_s=%.1f text_mb=%.1f failures=%d\n",
              files.size(), threads, seconds, static_cast<double>(files.size()) / seconds,
              static_cast<double>(bytes) / 1e6 / seconds, static_cast<double>(text_bytes) / 1e6,
              failures.load());
  return failures == 0 ? 0 : 1;
}
