package dev.pint.cli;

import java.util.List;

/**
 * Renders a header and rows as CSV following RFC 4180: a header line, CRLF after every line, and
 * a field enclosed in double quotes, with its quotes doubled, when it contains a comma or a
 * double quote.
 *
 * <p>Two changes to the data make the file safe to print and to open. Every field passes through
 * {@link Quoting#escapeControls}, so no field contains a line break or a terminal escape sequence. A
 * field that starts with {@code =}, {@code +}, {@code -} or {@code @}, which spreadsheets run as a
 * formula, gets a leading apostrophe, as OWASP's advice on CSV injection suggests. Addresses,
 * names, regions and types from the service never start with those characters.
 *
 * <p>The quoting rules take a few lines, so no CSV library is added to the start-up class path.
 */
final class CsvTable {
  private static final String LINE_END = "\r\n";

  private CsvTable() {}

  /**
   * Renders the CSV text. A row shorter than the header gets empty fields at its end.
   *
   * @throws IllegalArgumentException when a row has more fields than the header
   */
  static String render(List<String> header, List<? extends List<String>> rows) {
    StringBuilder out = new StringBuilder();
    appendRecord(out, header, header.size());
    for (List<String> row : rows) {
      if (row.size() > header.size()) {
        throw new IllegalArgumentException("row has " + row.size() + " fields but the header "
            + header.size() + ": " + row);
      }
      appendRecord(out, row, header.size());
    }
    return out.toString();
  }

  private static void appendRecord(StringBuilder out, List<String> fields, int columns) {
    for (int i = 0; i < columns; i++) {
      if (i > 0) {
        out.append(',');
      }
      if (i < fields.size()) {
        appendField(out, fields.get(i));
      }
    }
    out.append(LINE_END);
  }

  private static void appendField(StringBuilder out, String field) {
    String text = Quoting.escapeControls(field);
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0) {
      out.append(text);
      return;
    }
    out.append('"').append(text.replace("\"", "\"\"")).append('"');
  }
}
