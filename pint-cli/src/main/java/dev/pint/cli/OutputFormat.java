package dev.pint.cli;

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

  /** Tells whether the format prints addresses only, which only server lists have. */
  boolean listsAddresses() {
    return this == IPS || this == CIDR;
  }
}
