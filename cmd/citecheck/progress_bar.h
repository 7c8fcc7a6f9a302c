// A one-line progress bar on stderr, only when stderr is a terminal.
#ifndef CITECHECK_CMD_CITECHECK_PROGRESS_BAR_H_
#define CITECHECK_CMD_CITECHECK_PROGRESS_BAR_H_

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "check/pipeline.h"

namespace citecheck {

class ProgressBar {
 public:
  ProgressBar() : enabled_(isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}
  ~ProgressBar() {
    if (enabled_ && drawn_) std::cerr << "\r\033[K" << std::flush;
  }
  void Update(const Progress& p) {
    if (!enabled_) return;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    double rate = seconds > 0 ? p.done / seconds : 0;
    char line[160];
    std::snprintf(line, sizeof line, "\r\033[Kchecking links %d/%d  failures %d  %.1f/s", p.done,
                  p.total, p.failed, rate);
    std::cerr << line << std::flush;
    drawn_ = true;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace citecheck

#endif  // CITECHECK_CMD_CITECHECK_PROGRESS_BAR_H_
