package dev.pint.cli.allowlist;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of DNS host names as they may appear in generated files. */
public final class Hostnames {
  /** One RFC 1123 label: letters, digits and inner hyphens, at most 63 characters. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  private Hostnames() {}

  /**
   * Returns whether {@code name} is a fully qualified host name in lower case: at least two
   * RFC 1123 labels separated by dots, at most 253 characters, no trailing dot, and a last label
   * that is not all digits (so no IPv4 literal passes as a name).
   */
  public static boolean isValid(String name) {
    if (name.isEmpty() || name.length() > 253 || !name.equals(name.toLowerCase(Locale.ROOT))) {
      return false;
    }
    String[] labels = name.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
  }

  /** Returns the first label of a valid name, such as {@code smt-ec2} for {@code smt-ec2.susecloud.net}. */
  public static String shortName(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
