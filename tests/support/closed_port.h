// A loopback TCP port nothing listens on, for "connection refused" cases.
#ifndef CITECHECK_TESTS_SUPPORT_CLOSED_PORT_H_
#define CITECHECK_TESTS_SUPPORT_CLOSED_PORT_H_

namespace citecheck::testing {

// Binds 127.0.0.1 on a free port to learn its number, then closes it. Another
// process could take the port meanwhile; on a test machine that is rare.
int ClosedPort();

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_CLOSED_PORT_H_
