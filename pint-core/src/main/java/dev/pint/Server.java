package dev.pint;

import java.net.InetAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A region server or update server as the service lists it.
 *
 * <p>At least one of {@link #ipv4()} and {@link #ipv6()} is present. Addresses are parsed as IP
 * literals and never resolved through DNS.
 *
 * @param ipv4 the IPv4 address, or null for an IPv6-only server
 * @param ipv6 the IPv6 address, or null when the service lists none
 * @param hostname the server's name, such as {@code smt-ec2.susecloud.net}; empty for region
 *     servers, which instances contact by address
 * @param region the region name as the service spells it
 * @param type region server or update server
 * @param fields every field of the entry in the order the service sent them, including fields
 *     this version does not know. A value is a {@code String}, {@code Boolean}, {@code
 *     BigInteger}, {@code BigDecimal}, {@code List}, {@code Map} or null, as in the JSON.
 */
public record Server(
    @Nullable Inet4Address ipv4,
    @Nullable Inet6Address ipv6,
    String hostname,
    String region,
    ServerType type,
    Map<String, @Nullable Object> fields) {

  public Server {
    if (ipv4 == null && ipv6 == null) {
      throw new IllegalArgumentException("a server needs an IPv4 or an IPv6 address");
    }
    fields = Fields.freeze(fields);
  }

  /** Returns the IPv4 address, then the IPv6 address, of those present. */
  public List<InetAddress> addresses() {
    List<InetAddress> addresses = new ArrayList<>(2);
    if (ipv4 != null) {
      addresses.add(ipv4);
    }
    if (ipv6 != null) {
      addresses.add(ipv6);
    }
    return addresses;
  }
}
