package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AddressFormatsTest {

  @Test
  void ips_sortsNumericallyIpv4FirstWithoutDuplicates() throws UnknownHostException {
    List<InetAddress> addresses = addresses(
        "2001:db8::10", "192.0.2.10", "2001:db8::9", "192.0.2.9", "10.0.0.1", "192.0.2.10",
        "2001:DB8:0:0::9", "255.255.255.255", "ffff::1");

    String lines = AddressLines.render(addresses);

    assertEquals("""
        10.0.0.1
        192.0.2.9
        192.0.2.10
        255.255.255.255
        2001:db8::9
        2001:db8::10
        ffff::1
        """, lines);
  }

  @Test
  void ips_emptyListPrintsNothing() {
    assertEquals("", AddressLines.render(List.of()));
  }

  @Test
  void cidr_writesHostPrefixes() throws UnknownHostException {
    List<InetAddress> addresses = addresses("2001:db8:0:0:0:0:0:1", "192.0.2.1", "192.0.2.0");

    String blocks = CidrBlocks.render(addresses, /* aggregate= */ false);

    assertEquals("192.0.2.0/32\n192.0.2.1/32\n2001:db8::1/128\n", blocks);
  }

  @Test
  void cidr_aggregateMergesAdjacentAddresses() throws UnknownHostException {
    List<InetAddress> addresses = addresses(
        "192.0.2.3", "192.0.2.0", "192.0.2.2", "192.0.2.1", "192.0.2.5",
        "198.51.100.255", "198.51.101.0",
        "2001:db8::1", "2001:db8::", "2001:db8::7", "2001:db8::8");

    String blocks = CidrBlocks.render(addresses, /* aggregate= */ true);

    assertEquals("""
        192.0.2.0/30
        192.0.2.5/32
        198.51.100.255/32
        198.51.101.0/32
        2001:db8::/127
        2001:db8::7/128
        2001:db8::8/128
        """, blocks);
  }

  @Test
  void cidr_aggregateMergesFullBlock() throws UnknownHostException {
    List<InetAddress> addresses = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      addresses.add(InetAddress.getByName("203.0.113." + i));
    }
    addresses.add(InetAddress.getByName("203.0.112.255"));

    String blocks = CidrBlocks.render(addresses, /* aggregate= */ true);

    assertEquals("203.0.112.255/32\n203.0.113.0/24\n", blocks);
  }

  @Test
  void cidr_aggregateOfEmptyListPrintsNothing() {
    assertEquals("", CidrBlocks.render(List.of(), /* aggregate= */ true));
  }

  /** Parses literals only: every argument is an IP address, so no DNS lookup happens. */
  private static List<InetAddress> addresses(String... literals) throws UnknownHostException {
    List<InetAddress> addresses = new ArrayList<>();
    for (String literal : literals) {
      addresses.add(InetAddress.getByName(literal));
    }
    return addresses;
  }
}
