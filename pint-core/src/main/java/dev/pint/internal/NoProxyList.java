package dev.pint.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code no_proxy} list: hosts that are reached directly although a proxy is set.
 *
 * <p>Entries are separated by commas and trimmed; case is ignored. Each entry is one of:
 *
 * <ul>
 *   <li>{@code *}, which matches every host;
 *   <li>a domain such as {@code example.com}, {@code .example.com} or {@code *.example.com},
 *       which matches that host and every host under it;
 *   <li>an IPv4 or IPv6 literal ({@code 192.0.2.7}, {@code ::1} or {@code [::1]}), which matches
 *       a URL whose host is that literal;
 *   <li>a CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}), which matches a URL whose host is a
 *       literal inside it.
 * </ul>
 *
 * <p>Any entry may end in {@code :PORT} to match only that port. Host names are never resolved,
 * so an IP entry does not match a name that would resolve to it.
 */
final class NoProxyList {
  private final List<Entry> entries;

  private NoProxyList(List<Entry> entries) {
    this.entries = entries;
  }

  static NoProxyList parse(String list) {
    List<Entry> entries = new ArrayList<>();
    for (String part : list.split(",")) {
      String text = part.trim().toLowerCase(Locale.ROOT);
      if (!text.isEmpty()) {
        entries.add(Entry.parse(text));
      }
    }
    return new NoProxyList(List.copyOf(entries));
  }

  /** Whether a request to {@code host} and {@code port} bypasses the proxy. */
  boolean matches(String host, int port) {
    String name = unbracket(host.toLowerCase(Locale.ROOT));
    Optional<InetAddress> address = literal(name);
    for (Entry entry : entries) {
      // -1 is "any port"; -2, an invalid port, never matches.
      if (entry.port != -1 && entry.port != port) {
        continue;
      }
      if (entry.matches(name, address)) {
        return true;
      }
    }
    return false;
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static Optional<InetAddress> literal(String host) {
    Optional<? extends InetAddress> v4 = IpLiterals.parseIpv4(host);
    if (v4.isPresent()) {
      return Optional.of(v4.get());
    }
    return IpLiterals.parseIpv6(host).map(InetAddress.class::cast);
  }

  /**
   * One entry: a domain suffix when {@code network} is null, else an address block of {@code
   * prefixBits} bits (the full length for a single address).
   */
  private record Entry(String domain, @Nullable InetAddress network, int prefixBits, int port) {

    static Entry parse(String text) {
      if (text.equals("*")) {
        return new Entry("", null, 0, -1);
      }
      int port = -1;
      String host = text;
      int colon = text.lastIndexOf(':');
      boolean bracketed = text.startsWith("[");
      if (colon > 0 && (bracketed ? text.charAt(colon - 1) == ']' : text.indexOf(':') == colon)) {
        port = parsePort(text.substring(colon + 1));
        host = text.substring(0, colon);
      }
      host = unbracket(host);

      int slash = host.indexOf('/');
      String addressText = slash >= 0 ? host.substring(0, slash) : host;
      Optional<InetAddress> address = literal(addressText);
      if (address.isPresent()) {
        int length = address.get().getAddress().length * 8;
        int bits = slash >= 0 ? parsePrefix(host.substring(slash + 1), length) : length;
        return new Entry("", address.get(), bits, port);
      }
      if (slash >= 0) {
        // Not a valid block, so it can never match; keeping it is harmless and mirrors curl.
        return new Entry(host, null, 0, port);
      }
      String domain = host.startsWith("*.") ? host.substring(2)
          : host.startsWith(".") ? host.substring(1)
          : host;
      return new Entry(domain, null, 0, port);
    }

    private static int parsePort(String text) {
      try {
        int port = Integer.parseInt(text);
        return port >= 0 && port <= 65535 ? port : -2;
      } catch (NumberFormatException e) {
        return -2;
      }
    }

    private static int parsePrefix(String text, int length) {
      try {
        int bits = Integer.parseInt(text);
        return bits >= 0 && bits <= length ? bits : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    boolean matches(String host, Optional<InetAddress> address) {
      if (network == null) {
        if (domain.isEmpty() && prefixBits == 0) {
          return true;
        }
        return host.equals(domain) || host.endsWith("." + domain);
      }
      if (address.isEmpty() || prefixBits < 0) {
        return false;
      }
      return inBlock(address.get().getAddress(), network.getAddress(), prefixBits);
    }

    private static boolean inBlock(byte[] candidate, byte[] block, int bits) {
      if (candidate.length != block.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((candidate[i / 8] & mask) != (block[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
