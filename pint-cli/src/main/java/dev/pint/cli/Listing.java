package dev.pint.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Renders a list of entries in the format chosen and prints it in one piece. */
final class Listing {
  private Listing() {}

  /**
   * Prints the entries to {@code out}. The whole document is rendered before anything is
   * written, so a failure never leaves partial output on stdout.
   */
  static void print(PrintWriter out, OutputFormat format, String listName, String entryName,
      List<? extends Map<String, @Nullable Object>> entries) {
    String document = switch (format) {
      case JSON -> ReferenceJson.render(listName, entries);
      case XML -> ReferenceXml.render(listName, entryName, entries);
    };
    out.print(document);
    out.flush();
  }
}
