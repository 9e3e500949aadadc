package dev.pint.cli;

import dev.pint.internal.IpLiterals;
import java.net.InetAddress;
import java.util.Collection;

/**
 * Renders the {@code ips} format: one address per line in canonical form (dotted quad, RFC 5952
 * for IPv6), IPv4 before IPv6, sorted numerically, each address once.
 */
final class AddressLines {
  private AddressLines() {}

  static String render(Collection<? extends InetAddress> addresses) {
    StringBuilder out = new StringBuilder();
    for (InetAddress address : AddressOrder.sortedDistinct(addresses)) {
      out.append(IpLiterals.toCanonical(address)).append('\n');
    }
    return out.toString();
  }
}
