package dev.pint.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --json}, {@code --xml} and {@code --format} options, of which one may be given. */
final class OutputOptions {
  @Option(names = "--json", description = "Print JSON, byte for byte as the reference pint does.")
  boolean json;

  @Option(names = "--xml", description = "Print XML, byte for byte as the reference pint does (the default).")
  boolean xml;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES}.")
  @Nullable OutputFormat format;

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
