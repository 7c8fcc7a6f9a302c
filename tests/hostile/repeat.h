// Building large hostile inputs for the sweep tests.
#ifndef CITECHECK_TESTS_HOSTILE_REPEAT_H_
#define CITECHECK_TESTS_HOSTILE_REPEAT_H_

#include <cstddef>
#include <string>

namespace citecheck::testing {

// `s` written `n` times.
inline std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_HOSTILE_REPEAT_H_
