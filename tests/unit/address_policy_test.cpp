#include "address_policy.hpp"

#include <gtest/gtest.h>

using namespace morgue;

TEST(AddressPolicy, InternalAddresses) {
    for (const char* ip : {"127.0.0.1",
                           "127.255.0.9",
                           "10.0.0.1",
                           "172.16.0.1",
                           "172.31.255.255",
                           "192.168.1.1",
                           "169.254.169.254",
                           "0.0.0.0",
                           "100.64.0.1",
                           "224.0.0.1",
                           "239.255.255.250",
                           "255.255.255.255",
                           "198.18.0.1",
                           "::1",
                           "::",
                           "[::1]",
                           "fe80::1",
                           "fe80::1%eth0",
                           "fc00::1",
                           "fd12:3456::1",
                           "ff02::1",
                           "fec0::1",
                           "::ffff:127.0.0.1",
                           "::ffff:10.1.2.3",
                           "64:ff9b::a9fe:a9fe",
                           "::127.0.0.1",
                           "not an address",
                           ""})
        EXPECT_TRUE(is_internal_address(ip)) << ip;
}

TEST(AddressPolicy, PublicAddresses) {
    for (const char* ip : {"8.8.8.8", "93.184.216.34", "172.32.0.1", "172.15.255.255",
                           "192.169.0.1", "100.128.0.1", "198.51.100.7", "2001:db8::1",
                           "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"})
        EXPECT_FALSE(is_internal_address(ip)) << ip;
}

TEST(AddressPolicy, CredentialsStayWithTheirHost) {
    EXPECT_EQ(redirect_url("http://u:p@a.example/feed", "http://a.example/new"),
              "http://u:p@a.example/new");
    EXPECT_EQ(redirect_url("http://u:p@a.example/feed", "http://b.example/new"),
              "http://b.example/new");
    // Another port or scheme is another origin.
    EXPECT_EQ(redirect_url("http://u:p@a.example/feed", "http://a.example:8080/new"),
              "http://a.example:8080/new");
    EXPECT_EQ(redirect_url("http://u:p@a.example/feed", "https://a.example/new"),
              "https://a.example/new");
    EXPECT_EQ(redirect_url("http://u:p@a.example:80/feed", "http://a.example/new"),
              "http://u:p@a.example/new");
    // The server's own credentials in its Location are kept as written.
    EXPECT_EQ(redirect_url("http://a.example/feed", "http://x:y@b.example/new"),
              "http://x:y@b.example/new");
    EXPECT_EQ(redirect_url("http://a.example/feed", "http://a.example/new"),
              "http://a.example/new");
}
