// gzip-compresses test bodies (Content-Encoding: gzip fixtures, gzip bombs).
#ifndef CITECHECK_TESTS_SUPPORT_GZIP_H_
#define CITECHECK_TESTS_SUPPORT_GZIP_H_

#include <string>

namespace citecheck::testing {

// `data` in gzip format (zlib, best compression). Throws on a zlib failure.
std::string Gzip(const std::string& data);

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_GZIP_H_
