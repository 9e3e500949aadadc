package dev.pint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class IpLiteralsTest {

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "54.197.240.216", "255.255.255.255", "10.0.0.1"})
  void parseIpv4_validLiteral(String text) {
    assertEquals(text, IpLiterals.parseIpv4(text).orElseThrow().getHostAddress());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1..2.3",
      ".1.2.3", "1.2.3.4.", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4;rm -rf /", "1.2.3.4'", "localhost",
      "example.com", "1.2.3.4/24", "0x1.2.3.4", "１.2.3.4", "1.2.3.4\n", "99999999999.1.1.1"})
  void parseIpv4_rejectsNonLiteral(String text) {
    assertTrue(IpLiterals.parseIpv4(text).isEmpty(), text);
  }

  @ParameterizedTest
  @CsvSource({
      "2001:db8::1, 2001:db8::1",
      "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
      "::1, ::1",
      "::, ::",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
      "2001:db8:1:1:1:1:1:1, 2001:db8:1:1:1:1:1:1",
      "2001:db8::0:1:1:1:1, 2001:db8::1:1:1:1",
      "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
      "::2:0:0:0:1, ::2:0:0:0:1",
      "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
  })
  void parseIpv6_canonicalForm(String text, String canonical) {
    Inet6Address address = IpLiterals.parseIpv6(text).orElseThrow();

    assertEquals(canonical, IpLiterals.toCanonical(address));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.2.3.4", "2001:db8::1::1", "2001:db8::g", "fe80::1%eth0",
      "::ffff:192.0.2.1", "[2001:db8::1]", "2001:db8::1/64", "localhost", "2001:db8::1 ",
      "1:2:3:4:5:6:7:8:9", "12345::1", "2001:db8::1;id"})
  void parseIpv6_rejectsNonLiteral(String text) {
    assertTrue(IpLiterals.parseIpv6(text).isEmpty(), text);
  }
}
