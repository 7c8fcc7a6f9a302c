#include "daemon/instance.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace citecheck {

InstanceLock::InstanceLock() = default;
InstanceLock::~InstanceLock() = default;

bool InstanceLock::Acquire(const std::string& db, std::string* error) {
  try {
    store_ = Store::Open(db);
  } catch (const StoreError& e) {
    *error = e.what();
    return false;
  }
  if (const std::optional<InstanceMode> mode = store_->LockInstance(error)) {
    mode_ = *mode;
    return true;
  }
  store_.reset();
  return false;
}

namespace {

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

bool ReadToken(const std::string& path, std::string* token, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read token file " + path;
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  *token = Trim(ss.str());
  if (token->empty()) {
    *error = "token file " + path + " is empty";
    return false;
  }
  return true;
}

bool GenerateToken(const std::string& path, std::string* token, std::string* error) {
  unsigned char bytes[32];
  std::ifstream random("/dev/urandom", std::ios::binary);
  if (!random.read(reinterpret_cast<char*>(bytes), sizeof bytes)) {
    *error = "cannot read /dev/urandom for a token";
    return false;
  }
  static const char kHex[] = "0123456789abcdef";
  token->clear();
  for (unsigned char b : bytes) {
    *token += kHex[b >> 4];
    *token += kHex[b & 15];
  }
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    *error = "cannot create token file " + path + ": " + std::strerror(errno);
    return false;
  }
  std::string line = *token + "\n";
  bool ok = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  close(fd);
  if (!ok) *error = "cannot write token file " + path;
  return ok;
}

}  // namespace

bool LoadOrCreateToken(const std::string& token_file, const std::string& db_path, std::string* token,
                       std::string* path, bool* generated, std::string* error) {
  *generated = false;
  if (!token_file.empty()) {
    *path = token_file;
    return ReadToken(token_file, token, error);
  }
  const std::filesystem::path parent = LocalStateDirectory(db_path);
  *path = (parent.empty() ? std::filesystem::path("citecheckd.token") : parent / "citecheckd.token").string();
  std::error_code ec;
  if (std::filesystem::exists(*path, ec)) return ReadToken(*path, token, error);
  // A PostgreSQL database's data directory may not exist yet (a SQLite
  // file's does: the store made it).
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  *generated = true;
  return GenerateToken(*path, token, error);
}

bool TokensEqual(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  const std::string& longer = a.size() >= b.size() ? a : b;
  for (size_t i = 0; i < longer.size(); ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= static_cast<unsigned char>(x ^ y);
  }
  return diff == 0;
}

}  // namespace citecheck
