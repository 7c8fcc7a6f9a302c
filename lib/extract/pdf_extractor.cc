#include "extract/pdf_extractor.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "extract/pdf_reader.h"

#if defined(__SANITIZE_ADDRESS__)
#define CITECHECK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CITECHECK_ASAN 1
#endif
#endif

namespace citecheck {
namespace {

// What the child writes back: 8 bytes of payload length (little-endian),
// then the payload: one byte of PdfRead::Kind and the text. A message whose
// length does not add up is a child that died while writing.
constexpr size_t kHeaderBytes = 8;

std::string Encode(const PdfRead& read) {
  std::string payload(1, static_cast<char>(read.kind));
  payload += read.text;
  std::string out(kHeaderBytes, '\0');
  uint64_t length = payload.size();
  for (size_t i = 0; i < kHeaderBytes; ++i) out[i] = static_cast<char>((length >> (8 * i)) & 0xFF);
  return out + payload;
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

#ifndef CITECHECK_ASAN  // unused under ASan (see LimitChild)
// The child's address space now: the limit is what it may add to it, since
// it starts as a copy of the parent's (thread stacks and heap arenas included).
int64_t CurrentAddressSpace() {
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (!statm) return 0;
  long pages = 0;
  if (std::fscanf(statm, "%ld", &pages) != 1) pages = 0;
  std::fclose(statm);
  return static_cast<int64_t>(pages) * sysconf(_SC_PAGESIZE);
}
#endif

void LimitChild(const PdfLimits& limits) {
  // CPU time starts at zero in a new process; SIGXCPU ends it if the
  // parent's wall-clock kill were ever late.
  rlim_t cpu_s = static_cast<rlim_t>(limits.time_ms / 1000 + 1);
  rlimit cpu{cpu_s, cpu_s + 1};
  setrlimit(RLIMIT_CPU, &cpu);
#ifndef CITECHECK_ASAN
  // AddressSanitizer reserves terabytes of shadow memory, so an address-space
  // limit would stop every allocation; under ASan the time limit bounds it.
  rlim_t as = static_cast<rlim_t>(CurrentAddressSpace() + limits.memory_bytes);
  rlimit memory{as, as};
  setrlimit(RLIMIT_AS, &memory);
#endif
  rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
}

[[noreturn]] void RunChild(std::string_view bytes, const PdfLimits& limits, int out) {
  // Another thread's child may hold a copy of this pipe's write end (and this
  // one of theirs): closing every other descriptor keeps each parent's end of
  // file tied to its own child.
  if (out > 3) close_range(3, static_cast<unsigned>(out - 1), 0);
  close_range(static_cast<unsigned>(out + 1), ~0U, 0);
  LimitChild(limits);
  int code = 0;
  try {
    code = WriteAll(out, Encode(ReadPdf(bytes))) ? 0 : 1;
  } catch (...) {  // std::bad_alloc at the memory limit
    code = 3;
  }
  _exit(code);  // no atexit handlers or destructors of the parent's state
}

ExtractResult Failure(std::string error) {
  ExtractResult result;
  result.error = std::move(error);
  return result;
}

ExtractResult Decode(const std::string& message) {
  uint64_t length = 0;
  for (size_t i = 0; i < kHeaderBytes; ++i) {
    length |= static_cast<uint64_t>(static_cast<unsigned char>(message[i])) << (8 * i);
  }
  if (length == 0 || message.size() != kHeaderBytes + length) return Failure("PDF reader failed");
  auto kind = static_cast<PdfRead::Kind>(message[kHeaderBytes]);
  switch (kind) {
    case PdfRead::Kind::kText: {
      ExtractResult result;
      result.ok = true;
      result.page.text = message.substr(kHeaderBytes + 1);
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

std::string Seconds(int ms) { return std::to_string((ms + 999) / 1000) + " s"; }

}  // namespace

ExtractResult ExtractPdf(std::string_view bytes, const PdfLimits& limits) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return Failure(std::string("PDF reader: pipe: ") + std::strerror(errno));
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return Failure(std::string("PDF reader: fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    close(fds[0]);
    RunChild(bytes, limits, fds[1]);
  }
  close(fds[1]);
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
    if (static_cast<int64_t>(message.size()) > limits.max_text_bytes + static_cast<int64_t>(kHeaderBytes) + 1) {
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
  bool exited_ok = waited < 0 || (WIFEXITED(status) && WEXITSTATUS(status) == 0);
  if (waited == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) {
    return Failure("PDF reading stopped at its time limit (" + Seconds(limits.time_ms) + ")");
  }
  if (!exited_ok || message.size() <= kHeaderBytes) {
    return Failure("PDF reader failed (memory limit of " + std::to_string(limits.memory_bytes >> 20) +
                   " MiB, or a malformed file)");
  }
  return Decode(message);
}

}  // namespace citecheck
