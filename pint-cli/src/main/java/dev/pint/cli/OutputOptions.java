package dev.pint.cli;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --json}, {@code --xml} and {@code --format} options, of which one may be given. */
final class OutputOptions {
  @Option(names = "--json", description = "Print JSON, byte for byte as the reference pint does.")
  boolean json;

  @Option(names = "--xml", description = "Print XML, byte for byte as the reference pint does (the default).")
  boolean xml;

  @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = OutputFormat.Names.class,
      description = "Output format: ${COMPLETION-CANDIDATES}. xml and json are the reference"
          + " pint's; table is aligned columns; csv is RFC 4180 with a header line; ips and cidr"
          + " (servers only) print one address or prefix per line.")
  @Nullable OutputFormat format;

  /**
   * Returns the format chosen for a command that lists entries other than servers.
   *
   * @throws UsageException when the format prints addresses, which only servers have
   */
  OutputFormat entryFormat(String command) {
    OutputFormat chosen = format();
    if (chosen.listsAddresses()) {
      throw new UsageException("--format=" + chosen.name().toLowerCase(Locale.ROOT)
          + " prints server addresses and applies only to 'servers', not to '" + command
          + "'; use xml, json, table or csv");
    }
    return chosen;
  }

  /** Returns the format chosen, XML when none was. */
  OutputFormat format() {
    int given = (json ? 1 : 0) + (xml ? 1 : 0) + (format != null ? 1 : 0);
    if (given > 1) {
      throw new UsageException("--json, --xml and --format are mutually exclusive; give one of them");
    }
    if (json) {
      return OutputFormat.JSON;
    }
    return format != null ? format : OutputFormat.XML;
  }
}
