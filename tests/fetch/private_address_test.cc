// Address classification and allow-list parsing (lib/fetch/private_address).
#include "fetch/private_address.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

namespace citecheck {
namespace {

struct ClassifyCase {
  const char* address;
  bool is_private;
};

class IsPrivateAddressTest : public ::testing::TestWithParam<ClassifyCase> {};

TEST_P(IsPrivateAddressTest, Classifies) {
  std::optional<IpAddress> address = ParseIpAddress(GetParam().address);
  ASSERT_TRUE(address.has_value()) << GetParam().address;
  EXPECT_EQ(IsPrivateAddress(*address), GetParam().is_private) << GetParam().address;
}

INSTANTIATE_TEST_SUITE_P(
    Table, IsPrivateAddressTest,
    ::testing::Values(
        ClassifyCase{"127.0.0.1", true}, ClassifyCase{"127.255.255.254", true},
        ClassifyCase{"10.1.2.3", true}, ClassifyCase{"172.16.0.1", true},
        ClassifyCase{"172.31.255.255", true}, ClassifyCase{"172.32.0.1", false},
        ClassifyCase{"172.15.255.255", false}, ClassifyCase{"192.168.1.1", true},
        ClassifyCase{"192.169.0.1", false}, ClassifyCase{"169.254.169.254", true},
        ClassifyCase{"100.64.0.1", true}, ClassifyCase{"100.127.255.255", true},
        ClassifyCase{"100.128.0.1", false}, ClassifyCase{"0.0.0.0", true},
        ClassifyCase{"0.1.2.3", true}, ClassifyCase{"224.0.0.1", true},
        ClassifyCase{"239.255.255.250", true}, ClassifyCase{"255.255.255.255", true},
        ClassifyCase{"8.8.8.8", false}, ClassifyCase{"93.184.216.34", false},
        ClassifyCase{"::1", true}, ClassifyCase{"::", true}, ClassifyCase{"fc00::1", true},
        ClassifyCase{"fd12:3456::1", true}, ClassifyCase{"fe80::1", true},
        ClassifyCase{"febf::1", true}, ClassifyCase{"fec0::1", false},
        ClassifyCase{"ff02::1", true}, ClassifyCase{"2001:db8::1", false},
        ClassifyCase{"2606:4700::1111", false}, ClassifyCase{"::ffff:127.0.0.1", true},
        ClassifyCase{"::ffff:10.0.0.1", true}, ClassifyCase{"::ffff:8.8.8.8", false}));

TEST(ParseIpAddressTest, MappedAddressBecomesIpv4) {
  std::optional<IpAddress> mapped = ParseIpAddress("::ffff:192.168.0.1");
  ASSERT_TRUE(mapped.has_value());
  EXPECT_FALSE(mapped->v6);
  EXPECT_EQ(FormatAddress(*mapped), "192.168.0.1");
}

TEST(ParseIpAddressTest, RejectsNonAddresses) {
  for (const char* text : {"", "localhost", "127.0.0.256", "1.2.3", "::g", "[::1]", "127.0.0.1:80"}) {
    EXPECT_FALSE(ParseIpAddress(text).has_value()) << text;
  }
}

TEST(AddressFromSockaddrTest, ReadsIpv4AndMappedIpv6) {
  sockaddr_in in{};
  in.sin_family = AF_INET;
  inet_pton(AF_INET, "127.0.0.1", &in.sin_addr);
  std::optional<IpAddress> v4 = AddressFromSockaddr(reinterpret_cast<sockaddr*>(&in));
  ASSERT_TRUE(v4.has_value());
  EXPECT_EQ(FormatAddress(*v4), "127.0.0.1");

  sockaddr_in6 in6{};
  in6.sin6_family = AF_INET6;
  inet_pton(AF_INET6, "::ffff:127.0.0.1", &in6.sin6_addr);
  std::optional<IpAddress> mapped = AddressFromSockaddr(reinterpret_cast<sockaddr*>(&in6));
  ASSERT_TRUE(mapped.has_value());
  EXPECT_FALSE(mapped->v6);
  EXPECT_TRUE(IsPrivateAddress(*mapped));
}

struct RangeCase {
  const char* range;
  const char* address;
  bool contains;
};

class RangeContainsTest : public ::testing::TestWithParam<RangeCase> {};

TEST_P(RangeContainsTest, Matches) {
  std::string error;
  std::optional<AddressRange> range = ParseAddressRange(GetParam().range, &error);
  ASSERT_TRUE(range.has_value()) << error;
  std::optional<IpAddress> address = ParseIpAddress(GetParam().address);
  ASSERT_TRUE(address.has_value());
  EXPECT_EQ(RangeContains(*range, *address), GetParam().contains)
      << GetParam().range << " " << GetParam().address;
}

INSTANTIATE_TEST_SUITE_P(
    Table, RangeContainsTest,
    ::testing::Values(RangeCase{"127.0.0.2/32", "127.0.0.2", true},
                      RangeCase{"127.0.0.2/32", "127.0.0.1", false},
                      RangeCase{"127.0.0.2", "127.0.0.2", true},
                      RangeCase{"10.0.0.0/8", "10.255.0.1", true},
                      RangeCase{"10.0.0.0/8", "11.0.0.1", false},
                      RangeCase{"172.16.0.0/12", "172.31.1.1", true},
                      RangeCase{"0.0.0.0/0", "8.8.8.8", true},
                      RangeCase{"::1", "::1", true}, RangeCase{"::1", "127.0.0.1", false},
                      RangeCase{"fd00::/8", "fd12::1", true},
                      RangeCase{"fe80::/10", "fec0::1", false},
                      RangeCase{"::ffff:127.0.0.0/104", "127.9.9.9", true},
                      RangeCase{"::ffff:127.0.0.1", "::ffff:127.0.0.1", true}));

TEST(ParseAddressRangesTest, ErrorNamesTheBadEntry) {
  struct Case {
    const char* entry;
    const char* expected_in_error;
  };
  for (const Case& c : {Case{"127.0.0.1/33", "127.0.0.1/33"}, Case{"::1/129", "::1/129"},
                        Case{"10.0.0.0/", "10.0.0.0/"}, Case{"10.0.0.0/x", "10.0.0.0/x"},
                        Case{"localhost", "localhost"}, Case{"300.0.0.1/8", "300.0.0.1/8"},
                        Case{"::ffff:1.2.3.4/90", "::ffff:1.2.3.4/90"}}) {
    std::vector<AddressRange> ranges;
    std::string error;
    EXPECT_FALSE(ParseAddressRanges({"127.0.0.2/32", c.entry}, &ranges, &error)) << c.entry;
    EXPECT_NE(error.find(c.expected_in_error), std::string::npos) << error;
  }
}

TEST(ParseAddressRangesTest, AcceptsMixedList) {
  std::vector<AddressRange> ranges;
  std::string error;
  ASSERT_TRUE(ParseAddressRanges({"127.0.0.2/32", "::1", "10.0.0.0/8", "fd00::/8"}, &ranges, &error));
  EXPECT_EQ(ranges.size(), 4u);
  EXPECT_EQ(ranges[1].prefix_len, 128);
}

TEST(AddressPolicyTest, AllowListAllowsOnlyThosePrivateAddresses) {
  std::vector<AddressRange> ranges;
  std::string error;
  ASSERT_TRUE(ParseAddressRanges({"127.0.0.2/32"}, &ranges, &error));
  AddressPolicy policy(false, ranges);
  EXPECT_TRUE(policy.Allows(*ParseIpAddress("127.0.0.2")));
  EXPECT_FALSE(policy.Allows(*ParseIpAddress("127.0.0.1")));
  EXPECT_FALSE(policy.Allows(*ParseIpAddress("::ffff:127.0.0.1")));
  EXPECT_TRUE(policy.Allows(*ParseIpAddress("8.8.8.8")));  // public stays allowed
  EXPECT_TRUE(AddressPolicy(true, {}).Allows(*ParseIpAddress("::1")));
  EXPECT_FALSE(AddressPolicy(false, {}).Allows(*ParseIpAddress("::1")));
}

}  // namespace
}  // namespace citecheck
