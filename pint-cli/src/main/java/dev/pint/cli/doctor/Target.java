package dev.pint.cli.doctor;

import dev.pint.internal.IpLiterals;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * A server port that the registration client connects to.
 *
 * @param role {@code region server} or {@code update server}
 * @param name how the registration client names the server: the {@code regionsrv} entry for a
 *     region server, the update server name for an update server
 * @param address the server's address
 * @param port the TCP port
 */
record Target(String role, String name, InetAddress address, int port) {

  /** Returns the address in canonical form, such as {@code 192.0.2.1} or {@code 2001:db8::1}. */
  String host() {
    return IpLiterals.toCanonical(address);
  }

  /** Returns {@code address:port}, with an IPv6 address in brackets. */
  String hostAndPort() {
    return (address instanceof Inet6Address ? "[" + host() + "]" : host()) + ":" + port;
  }

  @Override
  public String toString() {
    return role + " " + hostAndPort();
  }
}
