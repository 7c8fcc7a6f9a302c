#include "extract/pdf_extractor.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <string>

#include "extract/pdf_helper.h"
#include "extract/pdf_message.h"

namespace citecheck {
namespace {

// The exit code of a child whose exec failed (the shell's "not executable").
constexpr int kExecFailed = 127;

bool WriteAll(int fd, std::string_view data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// Between fork and exec the child of a multithreaded process may only make
// async-signal-safe calls: no allocation, no stdio, only system calls.
[[noreturn]] void ExecHelper(const char* path, char* const argv[], int in, int out, int null_fd, rlim_t cpu_s) {
  // CPU time starts at zero in a new process; SIGXCPU ends it if the
  // parent's wall-clock kill were ever late.
  rlimit cpu{cpu_s, cpu_s + 1};
  setrlimit(RLIMIT_CPU, &cpu);
  if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(null_fd, 2) < 0) _exit(kExecFailed);
  // Another thread's child may hold a copy of this pipe's write end: closing
  // every other descriptor keeps each parent's end of file tied to its own
  // child (they are O_CLOEXEC too; this covers descriptors opened without it).
  close_range(3, ~0U, 0);
  execv(path, argv);
  _exit(kExecFailed);
}

ExtractResult Failure(std::string error) {
  ExtractResult result;
  result.error = std::move(error);
  return result;
}

ExtractResult Decode(const std::string& message) {
  std::optional<PdfRead> read = DecodePdfRead(message);
  if (!read) return Failure("PDF reader failed");
  switch (read->kind) {
    case PdfRead::Kind::kText: {
      ExtractResult result;
      result.ok = true;
      result.page.text = std::move(read->text);
      return result;
    }
    case PdfRead::Kind::kEncrypted:
      return Failure("no text: encrypted PDF");
    case PdfRead::Kind::kNoText:
      return Failure("no text: PDF without a text layer (a scan)");
    case PdfRead::Kind::kUnreadable:
      return Failure("unreadable PDF");
  }
  return Failure("PDF reader failed");
}

// The document as the child's stdin: a memory file, so the parent writes it
// whole before the start and only reads while the child runs.
int DocumentFile(std::string_view bytes) {
  int fd = memfd_create("citecheck-pdf", MFD_CLOEXEC);
  if (fd < 0) return -1;
  if (!WriteAll(fd, bytes) || lseek(fd, 0, SEEK_SET) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

std::string Seconds(int ms) { return std::to_string((ms + 999) / 1000) + " s"; }

}  // namespace

ExtractResult ExtractPdf(std::string_view bytes, const PdfLimits& limits) {
  const PdfHelper& helper = FindPdfHelper();
  if (helper.path.empty()) return Failure("PDF reader: " + helper.error);
  std::string memory = std::to_string(limits.memory_bytes);
  char* const argv[] = {const_cast<char*>(helper.path.c_str()), memory.data(), nullptr};
  int document = DocumentFile(bytes);
  if (document < 0) return Failure(std::string("PDF reader: memory file: ") + std::strerror(errno));
  int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  int fds[2] = {-1, -1};
  if (null_fd < 0 || pipe2(fds, O_CLOEXEC) != 0) {
    std::string error = std::string("PDF reader: pipe: ") + std::strerror(errno);
    close(document);
    if (null_fd >= 0) close(null_fd);
    return Failure(error);
  }
  const auto cpu_s = static_cast<rlim_t>(limits.time_ms / 1000 + 1);
  pid_t pid = fork();
  if (pid == 0) ExecHelper(helper.path.c_str(), argv, document, fds[1], null_fd, cpu_s);
  int fork_errno = errno;
  close(document);
  close(null_fd);
  close(fds[1]);
  if (pid < 0) {
    close(fds[0]);
    return Failure(std::string("PDF reader: fork: ") + std::strerror(fork_errno));
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(limits.time_ms);
  std::string message;
  bool timed_out = false;
  bool too_long = false;
  char buffer[65536];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int ready = poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      timed_out = true;
      break;
    }
    ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // end of the child's output
    message.append(buffer, static_cast<size_t>(n));
    if (static_cast<int64_t>(message.size()) > limits.max_text_bytes + static_cast<int64_t>(kPdfMessageHeaderBytes) + 1) {
      too_long = true;
      break;
    }
  }
  close(fds[0]);
  if (timed_out || too_long) kill(pid, SIGKILL);
  int status = 0;
  pid_t waited;
  do {
    waited = waitpid(pid, &status, 0);
  } while (waited < 0 && errno == EINTR);
  if (timed_out) return Failure("PDF reading stopped at its time limit (" + Seconds(limits.time_ms) + ")");
  if (too_long) return Failure("PDF text larger than " + std::to_string(limits.max_text_bytes >> 20) + " MiB");
  // waitpid fails only where SIGCHLD is ignored; the message's length then
  // tells whether the child finished.
  if (waited == pid && WIFEXITED(status) && WEXITSTATUS(status) == kExecFailed) {
    return Failure("PDF reader: could not start " + helper.path);
  }
  bool exited_ok = waited < 0 || (WIFEXITED(status) && WEXITSTATUS(status) == 0);
  if (waited == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) {
    return Failure("PDF reading stopped at its time limit (" + Seconds(limits.time_ms) + ")");
  }
  if (!exited_ok || message.size() <= kPdfMessageHeaderBytes) {
    return Failure("PDF reader failed (memory limit of " + std::to_string(limits.memory_bytes >> 20) +
                   " MiB, or a malformed file)");
  }
  return Decode(message);
}

}  // namespace citecheck
