package dev.pint.cli;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** The order of addresses in every address output: IPv4 before IPv6, then numeric. */
final class AddressOrder {
  /** Orders IPv4 addresses before IPv6 addresses, and each family by unsigned numeric value. */
  static final Comparator<InetAddress> NUMERIC = Comparator
      .comparing((InetAddress address) -> !(address instanceof Inet4Address))
      .thenComparing(InetAddress::getAddress, Arrays::compareUnsigned);

  private AddressOrder() {}

  /** Returns the distinct addresses in {@link #NUMERIC} order. */
  static List<InetAddress> sortedDistinct(Collection<? extends InetAddress> addresses) {
    TreeSet<InetAddress> sorted = new TreeSet<>(NUMERIC);
    sorted.addAll(addresses);
    return List.copyOf(sorted);
  }
}
