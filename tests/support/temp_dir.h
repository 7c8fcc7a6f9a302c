// A fresh temporary directory, removed with everything in it at destruction.
#ifndef CITECHECK_TESTS_SUPPORT_TEMP_DIR_H_
#define CITECHECK_TESTS_SUPPORT_TEMP_DIR_H_

#include <string>

namespace citecheck::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path()/name
  std::string File(const std::string& name) const;
  // Writes `content` to path()/name and returns the full path.
  std::string Write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

// Contents of a file (throws on error); for reading fixtures.
std::string ReadFile(const std::string& path);
// Path of a file under tests/fixtures/.
std::string FixturePath(const std::string& relative);

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_TEMP_DIR_H_
