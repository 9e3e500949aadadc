package dev.pint.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** The output formats of the listing commands. */
enum OutputFormat {
  /** The reference client's XML, its default. */
  XML,
  /** The reference client's JSON. */
  JSON,
  /** Aligned columns with a header line, for people. */
  TABLE,
  /** RFC 4180 CSV with a header line. */
  CSV,
  /** One address per line, IPv4 before IPv6, sorted numerically, each once; servers only. */
  IPS,
  /** One prefix per line ({@code /32}, {@code /128}, or merged with {@code --aggregate}); servers only. */
  CIDR;

  /**
   * The format names in lower case, as the help and completion show them. Without it, picocli
   * lists the constants in upper case, and bash completion offers only those.
   */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>();
      for (OutputFormat format : values()) {
        names.add(format.name().toLowerCase(Locale.ROOT));
      }
      return names.iterator();
    }
  }

  /** Tells whether the format prints addresses only, which only server lists have. */
  boolean listsAddresses() {
    return this == IPS || this == CIDR;
  }
}
