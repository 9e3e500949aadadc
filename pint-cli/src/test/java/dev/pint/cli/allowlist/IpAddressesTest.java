package dev.pint.cli.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

final class IpAddressesTest {
  @Test
  void parse_rejectsEverythingButPlainLiterals() {
    List<String> rejected = List.of("", " 192.0.2.1", "192.0.2.1 ", "192.0.2.1\n", "192.0.2.1;",
        "192.0.2", "192.0.2.01", "0x7f.0.0.1", "3221225985", "192.0.2.1/32", "192.0.2.0/24",
        "192.0.2.1-5", "192.0.2.*", "fe80::1%eth0", "::ffff:192.0.2.1", "[2001:db8::1]",
        "2001:db8::1/128", "smt-ec2.susecloud.net", "*");

    for (String text : rejected) {
      assertTrue(IpAddresses.parse(text).isEmpty(), text);
    }
  }

  @Test
  void text_isCanonical() {
    assertEquals("2001:db8::1", IpAddresses.text(IpAddresses.parse("2001:DB8:0:0:0:0:0:1").orElseThrow()));
    assertEquals("2001:db8::1:0:0:1", IpAddresses.text(IpAddresses.parse("2001:db8:0:0:1:0:0:1").orElseThrow()));
    assertEquals("2001:db8::c000:201", IpAddresses.text(IpAddresses.parse("2001:db8::192.0.2.1").orElseThrow()));
    assertEquals("192.0.2.1", IpAddresses.text(IpAddresses.parse("192.0.2.1").orElseThrow()));
  }

  @Test
  void fromInetAddress_agreesWithJdk() throws Exception {
    InetAddress jdk = InetAddress.getByName("2001:db8:0:0:0:0:0:1");

    assertEquals("2001:db8::1", IpAddresses.text(IpAddresses.fromInetAddress(jdk)));
  }

  @Test
  void order_ipv4BeforeIpv6Numerically() {
    List<String> sorted = List.of("2001:db8::2", "10.0.0.1", "9.0.0.1", "2001:db8::10").stream()
        .map(AllowlistFixtures::address)
        .sorted(IpAddresses.ORDER)
        .map(IpAddresses::text)
        .toList();

    assertEquals(List.of("9.0.0.1", "10.0.0.1", "2001:db8::2", "2001:db8::10"), sorted);
  }
}
