// gzip-compresses test bodies (Content-Encoding: gzip fixtures, gzip bombs)
// and reads gzip files (the shared corpus, read in place).
#ifndef CITECHECK_TESTS_SUPPORT_GZIP_H_
#define CITECHECK_TESTS_SUPPORT_GZIP_H_

#include <string>

namespace citecheck::testing {

// `data` in gzip format (zlib, best compression). Throws on a zlib failure.
std::string Gzip(const std::string& data);

// The content of a gzip file (the corpus pages). Throws on a zlib failure
// or a file that cannot be read.
std::string GunzipFile(const std::string& path);

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_GZIP_H_
