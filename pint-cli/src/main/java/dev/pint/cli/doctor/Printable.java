package dev.pint.cli.doctor;

/**
 * Makes text read from the checked files, the network or a log safe to print on a terminal:
 * every character outside printable ASCII is written as {@code \\uXXXX}, so escape sequences
 * can neither move the cursor nor hide lines of the report.
 */
final class Printable {
  private static final int MAX_QUOTED_LENGTH = 80;

  private Printable() {}

  /** Returns {@code text} with control and non-ASCII characters escaped. */
  static String of(String text) {
    StringBuilder printable = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 0x20 && c < 0x7f && c != '\\') || c == '\t') {
        printable.append(c);
      } else {
        printable.append(String.format("\\u%04x", (int) c));
      }
    }
    return printable.toString();
  }

  /** Returns {@code text} escaped, cut after 80 characters and in single quotes. */
  static String quote(String text) {
    String cut = text.length() > MAX_QUOTED_LENGTH ? text.substring(0, MAX_QUOTED_LENGTH) : text;
    return "'" + of(cut).replace("'", "\\u0027") + (cut.length() < text.length() ? "..." : "") + "'";
  }
}
