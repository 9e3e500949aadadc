package dev.pint.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Strict parsers for IP address literals. Neither ever performs a DNS lookup: text that is not a
 * literal is rejected before it reaches {@link InetAddress}.
 */
public final class IpLiterals {
  private IpLiterals() {}

  /**
   * Parses dotted-quad IPv4 text: four decimal numbers from 0 to 255 without leading zeros, which
   * some parsers read as octal.
   */
  public static Optional<Inet4Address> parseIpv4(String text) {
    byte[] bytes = new byte[4];
    int part = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '.';
      if (c >= '0' && c <= '9') {
        if (digits > 0 && value == 0) {
          return Optional.empty();
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        digits++;
        if (value > 255) {
          return Optional.empty();
        }
      } else if (c == '.') {
        if (digits == 0 || part == 4) {
          return Optional.empty();
        }
        bytes[part++] = (byte) value;
        value = -1;
        digits = 0;
      } else {
        return Optional.empty();
      }
    }
    if (part != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of((Inet4Address) InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Parses IPv6 text in any RFC 4291 form, including an embedded IPv4 suffix. Zone indexes
   * ({@code %eth0}) and IPv4-mapped addresses ({@code ::ffff:192.0.2.1}, which Java turns into
   * IPv4 addresses) are rejected.
   */
  public static Optional<Inet6Address> parseIpv6(String text) {
    if (text.indexOf(':') < 0 || text.length() > 45) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') {
        return Optional.empty();
      }
    }
    // With only hex digits, colons and dots, and a colon present, InetAddress treats the text as
    // an IPv6 literal and fails rather than asking DNS.
    try {
      InetAddress address = InetAddress.getByName(text);
      return address instanceof Inet6Address v6 ? Optional.of(v6) : Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Formats an IPv6 address in the RFC 5952 canonical text form: lower case, longest zero run as {@code ::}. */
  public static String toCanonical(Inet6Address address) {
    byte[] bytes = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }

    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }

    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  /** Formats an address canonically: dotted quad for IPv4, RFC 5952 for IPv6. */
  public static String toCanonical(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      return toCanonical(v6);
    }
    return address.getHostAddress();
  }
}
