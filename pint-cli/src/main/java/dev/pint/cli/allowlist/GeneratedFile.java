package dev.pint.cli.allowlist;

import java.util.regex.Pattern;

/**
 * One file a target produces.
 *
 * @param fileName the name to write it under with {@code --output-dir}, without a directory
 * @param content the whole file, ending in a newline
 */
public record GeneratedFile(String fileName, String content) {
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public GeneratedFile {
    if (!FILE_NAME.matcher(fileName).matches()) {
      throw new IllegalArgumentException("file name must be letters, digits, dots, hyphens and underscores: " + fileName);
    }
    if (!content.endsWith("\n")) {
      throw new IllegalArgumentException("content must end in a newline: " + fileName);
    }
  }
}
