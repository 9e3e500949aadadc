package dev.pint.cli.allowlist;

import dev.pint.cli.UnrepresentableDataException;

/**
 * Quoting of words for POSIX shell scripts. A word in single quotes is taken literally by every
 * POSIX shell, newlines, semicolons, dollar signs and backslashes included; only the single quote
 * itself needs care, and it is written as {@code '\''} (end the quote, an escaped quote, reopen).
 */
public final class ShellQuoting {
  private ShellQuoting() {}

  /**
   * Returns {@code word} as one single-quoted shell word, such as {@code 'it'\''s'} for {@code
   * it's}.
   *
   * @throws UnrepresentableDataException when the word contains a NUL character, which no shell
   *     argument can carry
   */
  public static String quote(String word) {
    if (word.indexOf('\0') >= 0) {
      throw new UnrepresentableDataException("a shell word cannot contain a NUL character; nothing was written");
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
