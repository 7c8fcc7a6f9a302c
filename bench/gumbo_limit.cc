// The stock gumbo limit for bench/real_pages: how many pages per second
// gumbo-parser alone (gumbo_parse + gumbo_destroy_output, default options, no
// citecheck code) gets through on THREADS threads. Each thread reads its share
// of the files as it goes (the page cache holds them).
// Usage: gumbo_limit DIR [THREADS]  (every *.html file of DIR)
// Prints: pages=N threads=T seconds=S pages_per_s=R mb_per_s=M
#include <gumbo.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

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
    std::fprintf(stderr, "usage: gumbo_limit DIR [THREADS]\n");
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
  std::atomic<int> failures{0};
  auto begin = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (size_t i = next++; i < files.size(); i = next++) {
        std::string html = ReadFile(files[i]);
        bytes += static_cast<int64_t>(html.size());
        GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
        if (!output) {
          ++failures;
          continue;
        }
        gumbo_destroy_output(&kGumboDefaultOptions, output);
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  std::printf("pages=%zu threads=%d seconds=%.3f pages_per_s=%.1f mb_per_s=%.1f failures=%d\n", files.size(),
              threads, seconds, static_cast<double>(files.size()) / seconds,
              static_cast<double>(bytes) / 1e6 / seconds, failures.load());
  return failures == 0 ? 0 : 1;
}
