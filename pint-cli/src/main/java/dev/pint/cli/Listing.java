package dev.pint.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Renders a list of entries in the format chosen and prints it in one piece. */
final class Listing {
  private static final int WRITE_CHUNK = 8192;

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
    // Chunks keep the writer from copying a large document into one char array of its length.
    for (int start = 0; start < document.length(); start += WRITE_CHUNK) {
      out.write(document, start, Math.min(WRITE_CHUNK, document.length() - start));
    }
    out.flush();
  }
}
