package dev.pint.cli.allowlist;

import dev.pint.cli.Quoting;
import dev.pint.cli.UnrepresentableDataException;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Helpers the cloud firewall targets ({@code aws-sg}, {@code azure-nsg}, {@code gcloud}) share:
 * splitting address lists where a provider caps the entries of a rule, host prefixes, and rule
 * descriptions limited to a provider's character set and length.
 */
final class CloudRules {
  private CloudRules() {}

  /** Splits {@code addresses} into consecutive lists of at most {@code size}; none for an empty list. */
  static List<List<IPAddress>> chunks(List<IPAddress> addresses, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("chunk size must be positive: " + size);
    }
    List<List<IPAddress>> chunks = new ArrayList<>();
    for (int start = 0; start < addresses.size(); start += size) {
      chunks.add(addresses.subList(start, Math.min(addresses.size(), start + size)));
    }
    return chunks;
  }

  /** Returns the address as a host prefix, such as {@code 192.0.2.1/32} or {@code 2001:db8::1/128}. */
  static String hostPrefix(IPAddress address) {
    return IpAddresses.text(address) + (address.isIPv4() ? "/32" : "/128");
  }

  /**
   * Returns {@code "<prefix> <regions><suffix>"}, or {@code "<prefix> <N> regions<suffix>"} when
   * the region names would make the text longer than {@code maxLength}.
   */
  static String withRegions(String prefix, List<String> regions, String suffix, int maxLength) {
    String named = prefix + " " + String.join(" ", regions) + suffix;
    if (named.length() <= maxLength) {
      return named;
    }
    return prefix + " " + regions.size() + " regions" + suffix;
  }

  /**
   * Checks a description against a provider's rules before it is written.
   *
   * @throws UnrepresentableDataException when it has another character or is too long
   */
  static String checkDescription(String description, Pattern allowed, int maxLength, String target) {
    if (description.length() > maxLength || !allowed.matcher(description).matches()) {
      throw new UnrepresentableDataException("cannot write " + target + " rules: description "
          + Quoting.quote(description) + " is longer than " + maxLength
          + " characters or has a character the provider does not accept; nothing was written");
    }
    return description;
  }
}
