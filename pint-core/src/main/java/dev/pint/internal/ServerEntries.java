package dev.pint.internal;

import dev.pint.MalformedDataException;
import dev.pint.Server;
import dev.pint.ServerType;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns the service's server entries into {@link Server} values. An entry that cannot be trusted
 * is an error naming the entry, never skipped: a list with a silent gap would cut instances off.
 */
public final class ServerEntries {
  private ServerEntries() {}

  /**
   * Converts one entry of a server list.
   *
   * @param index the entry's position in the list, for the error message
   * @throws MalformedDataException when an address is not an IP literal, both addresses are
   *     missing, or the region or type is missing or invalid
   */
  public static Server toServer(Map<String, @Nullable Object> fields, int index, URI url) {
    String ip = optionalString(fields, "ip", index, url);
    String ipv6 = optionalString(fields, "ipv6", index, url);
    String name = optionalString(fields, "name", index, url);
    String region = optionalString(fields, "region", index, url);
    String type = optionalString(fields, "type", index, url);

    Inet4Address v4 = null;
    if (!ip.isEmpty()) {
      v4 = IpLiterals.parseIpv4(stripPrefixLength(ip, "/32"))
          .orElseThrow(() -> invalid(url, index, "'ip' " + quote(ip) + " is not an IPv4 address"));
    }
    Inet6Address v6 = null;
    if (!ipv6.isEmpty()) {
      v6 = IpLiterals.parseIpv6(stripPrefixLength(ipv6, "/128"))
          .orElseThrow(() -> invalid(url, index, "'ipv6' " + quote(ipv6) + " is not an IPv6 address"));
    }
    if (v4 == null && v6 == null) {
      throw invalid(url, index, "it has neither an 'ip' nor an 'ipv6' address");
    }
    if (region.isEmpty()) {
      throw invalid(url, index, "'region' is missing or empty");
    }
    Optional<ServerType> serverType = ServerType.parse(type);
    if (serverType.isEmpty()) {
      throw invalid(url, index, "'type' " + quote(type)
          + " is neither 'regionserver' nor 'smt', with or without a '-variant' suffix");
    }
    return new Server(v4, v6, name, region, serverType.get(), fields);
  }

  /**
   * Removes a host prefix length, which the service's database type can add to an address. Any
   * other prefix length stays and fails to parse, because a network is not a server address.
   */
  private static String stripPrefixLength(String address, String hostPrefix) {
    return address.endsWith(hostPrefix)
        ? address.substring(0, address.length() - hostPrefix.length())
        : address;
  }

  private static String optionalString(
      Map<String, @Nullable Object> fields, String field, int index, URI url) {
    Object value = fields.get(field);
    if (value == null) {
      return "";
    }
    if (value instanceof String text) {
      return text;
    }
    throw invalid(url, index, "'" + field + "' is not a string");
  }

  private static MalformedDataException invalid(URI url, int index, String problem) {
    return new MalformedDataException(url, "malformed data from " + url + ": server entry "
        + index + " is invalid: " + problem);
  }

  /**
   * Escapes control characters and invisible format characters (such as bidirectional
   * overrides) as a backslash, {@code u} and four hex digits, leaving all other text as it is.
   */
  public static String escapeControls(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** Quotes text from the network for an error message, escaping anything that is not printable ASCII. */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('\'');
    int limit = Math.min(text.length(), 80);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'') {
        quoted.append(c);
      } else {
        quoted.append(String.format("\\u%04x", (int) c));
      }
    }
    if (text.length() > limit) {
      quoted.append("...");
    }
    return quoted.append('\'').toString();
  }
}
