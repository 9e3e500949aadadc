package dev.pint.cli;

import dev.pint.internal.IpLiterals;
import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Renders the {@code cidr} format: one prefix per line, IPv4 before IPv6, sorted numerically.
 * Without aggregation each address becomes a host prefix ({@code /32} or {@code /128}); with it,
 * the addresses of each family are merged into the fewest prefixes that cover exactly them, so
 * {@code 192.0.2.0} to {@code 192.0.2.3} become {@code 192.0.2.0/30} and no other address is
 * allowed.
 */
final class CidrBlocks {
  private CidrBlocks() {}

  static String render(Collection<? extends InetAddress> addresses, boolean aggregate) {
    List<InetAddress> sorted = AddressOrder.sortedDistinct(addresses);
    StringBuilder out = new StringBuilder();
    if (!aggregate) {
      for (InetAddress address : sorted) {
        int hostPrefix = address instanceof Inet4Address ? 32 : 128;
        out.append(IpLiterals.toCanonical(address)).append('/').append(hostPrefix).append('\n');
      }
      return out.toString();
    }

    List<IPAddress> ipv4 = new ArrayList<>();
    List<IPAddress> ipv6 = new ArrayList<>();
    for (InetAddress address : sorted) {
      if (address instanceof Inet4Address v4) {
        ipv4.add(new IPv4Address(v4));
      } else {
        ipv6.add(new IPv6Address((Inet6Address) address));
      }
    }
    for (IPAddress block : merge(ipv4)) {
      out.append(block.toCanonicalString()).append('\n');
    }
    for (IPAddress block : merge(ipv6)) {
      out.append(block.toCanonicalString()).append('\n');
    }
    return out.toString();
  }

  /** Merges addresses of one family into prefix blocks, ordered by their first address. */
  private static List<IPAddress> merge(List<IPAddress> addresses) {
    if (addresses.isEmpty()) {
      return List.of();
    }
    IPAddress first = addresses.get(0);
    IPAddress[] others = addresses.subList(1, addresses.size()).toArray(new IPAddress[0]);
    List<IPAddress> blocks = new ArrayList<>(List.of(first.mergeToPrefixBlocks(others)));
    blocks.sort(Comparator.comparing(IPAddress::getLower, IPAddress::compareTo));
    return blocks;
  }
}
