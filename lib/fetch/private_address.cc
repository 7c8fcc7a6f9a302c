#include "fetch/private_address.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>

namespace citecheck {
namespace {

constexpr std::array<uint8_t, 12> kMappedPrefix = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

bool IsMapped(const uint8_t* v6) { return std::memcmp(v6, kMappedPrefix.data(), 12) == 0; }

IpAddress FromV6Bytes(const uint8_t* v6) {
  IpAddress address;
  if (IsMapped(v6)) {
    std::memcpy(address.bytes.data(), v6 + 12, 4);
  } else {
    address.v6 = true;
    std::memcpy(address.bytes.data(), v6, 16);
  }
  return address;
}

// Written as text so the table reads like docs/fetching.md "Private networks"; parsed once.
constexpr const char* kPrivateRanges[] = {
    "0.0.0.0/8",      "10.0.0.0/8",     "100.64.0.0/10",  "127.0.0.0/8",
    "169.254.0.0/16", "172.16.0.0/12",  "192.168.0.0/16", "224.0.0.0/4",
    "255.255.255.255/32", "::/128",     "::1/128",        "fc00::/7",
    "fe80::/10",      "ff00::/8",
};

const std::vector<AddressRange>& PrivateRanges() {
  static const std::vector<AddressRange> ranges = [] {
    std::vector<AddressRange> parsed;
    for (const char* text : kPrivateRanges) {
      std::string unused;
      parsed.push_back(*ParseAddressRange(text, &unused));
    }
    return parsed;
  }();
  return ranges;
}

bool ParsePrefix(std::string_view text, int max, int* prefix) {
  if (text.empty() || text.size() > 3) return false;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  if (value > max) return false;
  *prefix = value;
  return true;
}

}  // namespace

std::optional<IpAddress> ParseIpAddress(std::string_view text) {
  std::string copy(text);
  IpAddress address;
  if (inet_pton(AF_INET, copy.c_str(), address.bytes.data()) == 1) return address;
  uint8_t v6[16];
  if (inet_pton(AF_INET6, copy.c_str(), v6) == 1) return FromV6Bytes(v6);
  return std::nullopt;
}

std::optional<IpAddress> AddressFromSockaddr(const sockaddr* address) {
  if (address == nullptr) return std::nullopt;
  if (address->sa_family == AF_INET) {
    sockaddr_in in;
    std::memcpy(&in, address, sizeof(in));
    IpAddress result;
    std::memcpy(result.bytes.data(), &in.sin_addr, 4);
    return result;
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 in6;
    std::memcpy(&in6, address, sizeof(in6));
    return FromV6Bytes(in6.sin6_addr.s6_addr);
  }
  return std::nullopt;
}

std::string FormatAddress(const IpAddress& address) {
  char buffer[INET6_ADDRSTRLEN] = {};
  inet_ntop(address.v6 ? AF_INET6 : AF_INET, address.bytes.data(), buffer, sizeof(buffer));
  return buffer;
}

std::optional<AddressRange> ParseAddressRange(std::string_view text, std::string* error) {
  size_t slash = text.find('/');
  std::optional<IpAddress> base = ParseIpAddress(text.substr(0, slash));
  if (!base) {
    *error = "not an IP address or CIDR range: \"" + std::string(text) + "\"";
    return std::nullopt;
  }
  AddressRange range{*base, base->v6 ? 128 : 32};
  if (slash != std::string_view::npos) {
    // A mapped address was stored as IPv4, but its prefix was written for 128 bits.
    bool mapped_input = !base->v6 && text.substr(0, slash).find(':') != std::string_view::npos;
    int prefix = 0;
    if (!ParsePrefix(text.substr(slash + 1), mapped_input || base->v6 ? 128 : 32, &prefix) ||
        (mapped_input && prefix < 96)) {
      *error = "bad prefix length in \"" + std::string(text) + "\"";
      return std::nullopt;
    }
    range.prefix_len = mapped_input ? prefix - 96 : prefix;
  }
  return range;
}

bool ParseAddressRanges(const std::vector<std::string>& texts, std::vector<AddressRange>* ranges,
                        std::string* error) {
  ranges->clear();
  for (const std::string& text : texts) {
    std::string detail;
    std::optional<AddressRange> range = ParseAddressRange(text, &detail);
    if (!range) {
      *error = "fetch.allow_private_networks: " + detail;
      return false;
    }
    ranges->push_back(*range);
  }
  return true;
}

bool RangeContains(const AddressRange& range, const IpAddress& address) {
  if (range.base.v6 != address.v6) return false;
  int full_bytes = range.prefix_len / 8;
  if (std::memcmp(range.base.bytes.data(), address.bytes.data(), full_bytes) != 0) return false;
  int rest_bits = range.prefix_len % 8;
  if (rest_bits == 0) return true;
  uint8_t mask = static_cast<uint8_t>(0xff << (8 - rest_bits));
  return (range.base.bytes[full_bytes] & mask) == (address.bytes[full_bytes] & mask);
}

bool IsPrivateAddress(const IpAddress& address) {
  for (const AddressRange& range : PrivateRanges()) {
    if (RangeContains(range, address)) return true;
  }
  return false;
}

AddressPolicy::AddressPolicy(bool allow_all, std::vector<AddressRange> allowed)
    : allow_all_(allow_all), allowed_(std::move(allowed)) {}

bool AddressPolicy::Allows(const IpAddress& address) const {
  if (allow_all_ || !IsPrivateAddress(address)) return true;
  for (const AddressRange& range : allowed_) {
    if (RangeContains(range, address)) return true;
  }
  return false;
}

}  // namespace citecheck
