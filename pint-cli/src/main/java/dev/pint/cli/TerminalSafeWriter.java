package dev.pint.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer for stderr that escapes characters able to take over a terminal, so that text from
 * the network inside a message can neither move the cursor, retitle the window, reset the
 * terminal nor reorder the line. Control characters other than newline and tab, DEL, the C1
 * controls and the Unicode bidirectional and invisible format characters become {@code \\uXXXX};
 * letters of any script pass through.
 */
final class TerminalSafeWriter extends FilterWriter {

  TerminalSafeWriter(Writer out) {
    super(out);
  }

  /** Tells whether {@code c} must be escaped before it reaches a terminal. */
  static boolean isUnsafe(char c) {
    if (c == '\n' || c == '\t') {
      return false;
    }
    return Character.isISOControl(c)
        || Character.getType(c) == Character.FORMAT
        || c == '\u2028'
        || c == '\u2029';
  }

  @Override
  public void write(int c) throws IOException {
    if (isUnsafe((char) c)) {
      out.write(String.format("\\u%04x", c));
    } else {
      out.write(c);
    }
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(buffer[i]);
    }
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(text.charAt(i));
    }
  }
}
