// --allow-private, shared by citecheck and citecheckd. It can stand alone
// or take "=LIST", so it must never swallow the next argument (an article
// path): it is taken out of the command line before CLI11 parses the rest.
#ifndef CITECHECK_CONFIG_ALLOW_PRIVATE_FLAG_H_
#define CITECHECK_CONFIG_ALLOW_PRIVATE_FLAG_H_

#include <optional>
#include <string>
#include <vector>

namespace citecheck {

// The arguments without any --allow-private[=LIST]; `*value` is set to ""
// (bare flag) or LIST when one was given (the last one wins).
std::vector<std::string> ExtractAllowPrivate(int argc, char** argv, std::optional<std::string>* value);

// Help text for the flag, for a command's footer.
inline constexpr const char* kAllowPrivateHelp =
    "  --allow-private[=LIST]      allow fetching private/loopback addresses; with =LIST\n"
    "                              only those addresses and CIDR ranges (comma-separated)";

}  // namespace citecheck

#endif  // CITECHECK_CONFIG_ALLOW_PRIVATE_FLAG_H_
