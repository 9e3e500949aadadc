package dev.pint.cli;

/** Quotes text from the network or the command line for messages on a terminal. */
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
        quoted.append(String.format("\\u%04x", (int) c));
      }
    }
    if (text.length() > limit) {
      quoted.append("...");
    }
    return quoted.append('\'').toString();
  }
}
