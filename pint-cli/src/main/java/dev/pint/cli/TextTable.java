package dev.pint.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a header and rows as aligned columns for people to read: columns separated by two
 * spaces, each as wide as its widest cell, no trailing spaces, and a newline after every line.
 *
 * <p>Every cell passes through {@link Quoting#escapeControls}, so text from the network can
 * neither move the cursor nor hide a line. Widths count code points.
 */
final class TextTable {
  private static final String GAP = "  ";

  private TextTable() {}

  /**
   * Renders the table. A row shorter than the header is padded with empty cells.
   *
   * @throws IllegalArgumentException when a row has more cells than the header
   */
  static String render(List<String> header, List<? extends List<String>> rows) {
    List<List<String>> lines = new ArrayList<>(rows.size() + 1);
    lines.add(escapeAll(header, header.size()));
    for (List<String> row : rows) {
      if (row.size() > header.size()) {
        throw new IllegalArgumentException("row has " + row.size() + " cells but the header "
            + header.size() + ": " + row);
      }
      lines.add(escapeAll(row, header.size()));
    }

    int[] widths = new int[header.size()];
    for (List<String> line : lines) {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], width(line.get(column)));
      }
    }

    StringBuilder out = new StringBuilder();
    for (List<String> line : lines) {
      appendLine(out, line, widths);
    }
    return out.toString();
  }

  private static List<String> escapeAll(List<String> cells, int columns) {
    List<String> escaped = new ArrayList<>(columns);
    for (String cell : cells) {
      escaped.add(Quoting.escapeControls(cell));
    }
    while (escaped.size() < columns) {
      escaped.add("");
    }
    return escaped;
  }

  private static void appendLine(StringBuilder out, List<String> line, int[] widths) {
    // Padding after the last non-empty cell is cut again, so no line ends in spaces.
    int end = out.length();
    for (int column = 0; column < widths.length; column++) {
      if (column > 0) {
        out.append(GAP);
      }
      String cell = line.get(column);
      out.append(cell);
      if (!cell.isEmpty()) {
        end = out.length();
      }
      out.append(" ".repeat(widths[column] - width(cell)));
    }
    out.setLength(end);
    out.append('\n');
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}
