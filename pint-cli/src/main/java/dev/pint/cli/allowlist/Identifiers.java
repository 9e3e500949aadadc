package dev.pint.cli.allowlist;

import java.util.Locale;

/** Names of the objects a target creates (ACLs, tables, chains, sets), derived from the provider. */
final class Identifiers {
  private Identifiers() {}

  /**
   * Returns {@code pint_<provider>} with every character other than a letter, digit or
   * underscore replaced by an underscore, such as {@code pint_amazon}.
   */
  static String lowerWithUnderscores(String provider) {
    return "pint_" + provider.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  /**
   * Returns {@code pint-<provider>} with every character other than a letter, digit, hyphen or
   * underscore replaced by a hyphen, cut to {@code maxLength}, such as {@code pint-amazon}.
   */
  static String lowerWithHyphens(String provider, int maxLength) {
    String name = "pint-" + provider.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    return name.length() <= maxLength ? name : name.substring(0, maxLength);
  }
}
