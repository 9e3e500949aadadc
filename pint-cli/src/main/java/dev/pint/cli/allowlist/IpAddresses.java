package dev.pint.cli.allowlist;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict parsing, canonical printing and ordering of single IP addresses, on top of the IPAddress
 * library. Allowlists end up in root-run firewall scripts, so only plain literals pass: no
 * white space, prefix lengths, masks, ranges, wildcards, zones, IPv4-mapped IPv6 addresses or the {@code
 * inet_aton} forms ({@code 1.2.3}, {@code 0x7f.1}, leading zeros) that some tools read differently.
 */
public final class IpAddresses {
  /** IPv4 before IPv6, then by numeric value. */
  public static final Comparator<IPAddress> ORDER =
      Comparator.comparing(IPAddress::isIPv6).thenComparing(IPAddress::getValue);

  private static final IPAddressStringParameters STRICT = strictParameters();
  private static final Pattern LITERAL_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpAddresses() {}

  /**
   * Parses {@code text} as a single IPv4 or IPv6 literal.
   *
   * @return the address, or empty when the text is anything else
   */
  public static Optional<IPAddress> parse(String text) {
    // The library trims surrounding white space, so text with any character outside the literal
    // alphabet is rejected before it is parsed.
    if (text.isEmpty() || !LITERAL_CHARACTERS.matcher(text).matches()) {
      return Optional.empty();
    }
    IPAddress address = new IPAddressString(text, STRICT).getAddress();
    if (address == null || address.isMultiple() || address.isPrefixed()) {
      return Optional.empty();
    }
    if (address instanceof IPv6Address v6 && (v6.isIPv4Mapped() || v6.hasZone())) {
      return Optional.empty();
    }
    return Optional.of(address);
  }

  /**
   * Re-parses an address that {@code pint-core} already parsed, through its canonical text, so
   * the two parsers must agree before the address is used.
   *
   * @throws IllegalArgumentException when they do not agree
   */
  public static IPAddress fromInetAddress(InetAddress inetAddress) {
    String text = inetAddress.getHostAddress();
    IPAddress address = parse(text)
        .orElseThrow(() -> new IllegalArgumentException("not a plain IP address: " + text));
    if (!address.toInetAddress().equals(inetAddress)) {
      throw new IllegalArgumentException("parsers disagree on " + text);
    }
    return address;
  }

  /**
   * Formats an address canonically: dotted decimal for IPv4, RFC 5952 for IPv6 (lower case, the
   * longest run of zero groups as {@code ::}, no embedded IPv4 part).
   */
  public static String text(IPAddress address) {
    return address.toCanonicalString();
  }

  private static IPAddressStringParameters strictParameters() {
    IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
        .allowEmpty(false)
        .allowAll(false)
        .allowSingleSegment(false)
        .allowPrefix(false)
        .allowMask(false)
        .allowPrefixOnly(false)
        .allowWildcardedSeparator(false)
        .setRangeOptions(RangeParameters.NO_RANGE);
    builder.getIPv4AddressParametersBuilder()
        .allow_inet_aton(false)
        .allowBinary(false)
        .allowLeadingZeros(false)
        .allowUnlimitedLeadingZeros(false)
        .setRangeOptions(RangeParameters.NO_RANGE);
    builder.getIPv6AddressParametersBuilder()
        .allowZone(false)
        .allowEmptyZone(false)
        .allowBase85(false)
        .allowBinary(false)
        .allow_mixed_inet_aton(false)
        .allowUnlimitedLeadingZeros(false)
        .setRangeOptions(RangeParameters.NO_RANGE);
    return builder.toParams();
  }
}
