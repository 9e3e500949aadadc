package dev.pint.cli;

/** Quotes and escapes text from the network or the command line for a terminal. */
public final class Quoting {
  private static final int MAX_LENGTH = 80;

  private Quoting() {}

  /**
   * Returns {@code text} in single quotes with every character outside printable ASCII, the
   * backslash and the quote written as {@code \\uXXXX}, cut after 80 characters. Escape
   * sequences from the network can then neither move the cursor nor hide lines.
   */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('\'');
    int limit = Math.min(text.length(), MAX_LENGTH);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'') {
        quoted.append(c);
      } else {
        appendEscape(quoted, c);
      }
    }
    if (text.length() > limit) {
      quoted.append("...");
    }
    return quoted.append('\'').toString();
  }

  /**
   * Returns {@code text} with every character that could change what a terminal shows written
   * as {@code \\uXXXX}: C0 and C1 control characters (escape, carriage return, newline, tab,
   * backspace), DEL, Unicode format characters (bidirectional overrides, zero-width characters),
   * line and paragraph separators, unpaired surrogates, and the backslash itself, so an escape in
   * the output is never confused with the same six characters in the data. Other text, non-ASCII
   * letters included, is kept whole and not cut.
   */
  static String escapeControls(String text) {
    StringBuilder escaped = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean safe = isSafe(text, i);
      if (safe && escaped == null) {
        continue;
      }
      if (escaped == null) {
        escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (safe) {
        escaped.append(c);
      } else {
        appendEscape(escaped, c);
      }
    }
    return escaped == null ? text : escaped.toString();
  }

  private static boolean isSafe(String text, int i) {
    char c = text.charAt(i);
    if (c >= 0x20 && c < 0x7f) {
      return c != '\\';
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
          && isSafeCodePoint(text.codePointAt(i));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(text.charAt(i - 1))
          && isSafeCodePoint(text.codePointAt(i - 1));
    }
    return isSafeCodePoint(c);
  }

  private static boolean isSafeCodePoint(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED, Character.PRIVATE_USE,
          Character.SURROGATE -> false;
      default -> true;
    };
  }

  private static void appendEscape(StringBuilder out, char c) {
    out.append(String.format("\\u%04x", (int) c));
  }
}
