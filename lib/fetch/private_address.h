// Private-network policy (docs/fetching.md "Private networks"): which IP addresses a transfer may
// connect to. Judged on the address actually connected to (the fetcher calls
// this from CURLOPT_OPENSOCKETFUNCTION), so neither DNS nor redirects can
// route a request to a loopback or internal host.
#ifndef CITECHECK_FETCH_PRIVATE_ADDRESS_H_
#define CITECHECK_FETCH_PRIVATE_ADDRESS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sockaddr;

namespace citecheck {

// An IPv4 or IPv6 address. IPv4 uses bytes[0..3]. IPv4-mapped IPv6 addresses
// (::ffff:a.b.c.d) are always stored as the IPv4 address they map, so that
// they are judged exactly as that address.
struct IpAddress {
  bool v6 = false;
  std::array<uint8_t, 16> bytes{};
};

// An address with a prefix length: "10.0.0.0/8", "::1" (= "::1/128").
struct AddressRange {
  IpAddress base;
  int prefix_len = 0;
};

// Parses a literal IPv4 or IPv6 address (no brackets, no port).
std::optional<IpAddress> ParseIpAddress(std::string_view text);

// Reads the address of an AF_INET or AF_INET6 socket address; nullopt for
// other families.
std::optional<IpAddress> AddressFromSockaddr(const sockaddr* address);

// "127.0.0.1", "::1".
std::string FormatAddress(const IpAddress& address);

// Parses one allow-list entry: an address or address/prefix. Host bits set
// beyond the prefix are accepted (and ignored), as in most firewalls.
std::optional<AddressRange> ParseAddressRange(std::string_view text, std::string* error);

// Parses fetch.allow_private_networks list entries (for the config layer and
// the fetcher). On failure returns false and *error names the bad entry;
// *ranges is then unspecified.
bool ParseAddressRanges(const std::vector<std::string>& texts, std::vector<AddressRange>* ranges,
                        std::string* error);

bool RangeContains(const AddressRange& range, const IpAddress& address);

// Loopback, private, CGNAT, link-local, unique-local, multicast, broadcast or
// unspecified: anything that is not a public unicast destination.
bool IsPrivateAddress(const IpAddress& address);

// The configured policy. Immutable after construction; safe to share.
class AddressPolicy {
 public:
  // allow_all: every address is allowed. Otherwise private addresses are
  // refused unless they fall in one of `allowed`; public ones are allowed.
  AddressPolicy(bool allow_all, std::vector<AddressRange> allowed);

  bool Allows(const IpAddress& address) const;

 private:
  bool allow_all_;
  std::vector<AddressRange> allowed_;
};

}  // namespace citecheck

#endif  // CITECHECK_FETCH_PRIVATE_ADDRESS_H_
