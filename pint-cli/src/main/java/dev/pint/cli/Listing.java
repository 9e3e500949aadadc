package dev.pint.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Renders a list of entries in the format chosen and prints it in one piece. */
final class Listing {
  private static final int WRITE_CHUNK = 8192;

  private Listing() {}

  /**
   * Prints the entries to {@code out}; table and CSV columns are the entries' fields in the
   * order they first appear. The whole document is rendered before anything is written, so a
   * failure never leaves partial output on stdout.
   */
  static void print(PrintWriter out, OutputFormat format, String listName, String entryName,
      List<? extends Map<String, @Nullable Object>> entries) {
    print(out, format, listName, entryName, List.of(), entries);
  }

  /**
   * Prints the entries to {@code out}, as {@link #print(PrintWriter, OutputFormat, String,
   * String, List)} does. Table and CSV columns start with {@code columns}, present even when no
   * entry has them so the header stays the same from one run to the next, followed by any other
   * field in the order it first appears.
   *
   * @throws IllegalArgumentException for {@code ips} and {@code cidr}, which need addresses
   */
  static void print(PrintWriter out, OutputFormat format, String listName, String entryName,
      List<String> columns, List<? extends Map<String, @Nullable Object>> entries) {
    String document = switch (format) {
      case JSON -> ReferenceJson.render(listName, entries);
      case XML -> ReferenceXml.render(listName, entryName, entries);
      case TABLE, CSV -> renderColumns(format, columns, entries);
      case IPS, CIDR -> throw new IllegalArgumentException(format + " needs addresses, not entries");
    };
    // Chunks keep the writer from copying a large document into one char array of its length.
    for (int start = 0; start < document.length(); start += WRITE_CHUNK) {
      out.write(document, start, Math.min(WRITE_CHUNK, document.length() - start));
    }
    out.flush();
  }

  private static String renderColumns(OutputFormat format, List<String> columns,
      List<? extends Map<String, @Nullable Object>> entries) {
    List<String> header = header(columns, entries);
    List<List<String>> rows = rows(header, entries);
    return format == OutputFormat.TABLE
        ? TextTable.render(header, rows)
        : CsvTable.render(header, rows);
  }

  private static List<String> header(List<String> columns,
      List<? extends Map<String, @Nullable Object>> entries) {
    Set<String> names = new LinkedHashSet<>(columns);
    for (Map<String, @Nullable Object> entry : entries) {
      names.addAll(entry.keySet());
    }
    return List.copyOf(names);
  }

  private static List<List<String>> rows(List<String> header,
      List<? extends Map<String, @Nullable Object>> entries) {
    List<List<String>> rows = new ArrayList<>(entries.size());
    for (Map<String, @Nullable Object> entry : entries) {
      List<String> row = new ArrayList<>(header.size());
      for (String column : header) {
        row.add(text(entry.get(column)));
      }
      rows.add(row);
    }
    return rows;
  }

  /** Turns a JSON value into cell text: null is empty, and numbers are written without exponents. */
  private static String text(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return String.valueOf(value);
  }
}
