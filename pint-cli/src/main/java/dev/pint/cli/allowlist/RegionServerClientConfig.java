package dev.pint.cli.allowlist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings this tool reads from the registration client's {@code regionserverclnt.cfg}, an
 * INI file read by Python's {@code configparser}.
 *
 * @param httpsOnly the raw value of {@code httpsOnly}, or empty when the file does not set it
 */
public record RegionServerClientConfig(Optional<String> httpsOnly) {

  /**
   * Reads {@code path}. Keys are matched ignoring case, as {@code configparser} does, in any
   * section; the value is trimmed and an inline {@code #} or {@code ;} comment is not removed.
   *
   * @throws IOException when the file cannot be read
   */
  public static RegionServerClientConfig read(Path path) throws IOException {
    return parse(Files.readAllLines(path, StandardCharsets.UTF_8));
  }

  /** Parses the lines of a configuration file; see {@link #read}. */
  public static RegionServerClientConfig parse(List<String> lines) {
    Optional<String> httpsOnly = Optional.empty();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";") || trimmed.startsWith("[")) {
        continue;
      }
      int separator = indexOfSeparator(trimmed);
      if (separator < 0) {
        continue;
      }
      String key = trimmed.substring(0, separator).strip().toLowerCase(Locale.ROOT);
      // NOTE: the section is not checked, because the registration client's sample file does not
      // contain httpsOnly. A key of that name in any section counts.
      if (key.equals("httpsonly")) {
        httpsOnly = Optional.of(trimmed.substring(separator + 1).strip());
      }
    }
    return new RegionServerClientConfig(httpsOnly);
  }

  /**
   * Returns whether instances use HTTPS only: true only when {@code httpsOnly} is exactly {@code
   * true}. Any other value, and a missing key, means they may also use port 80.
   */
  public boolean isHttpsOnly() {
    return httpsOnly.map("true"::equals).orElse(false);
  }

  private static int indexOfSeparator(String line) {
    int equals = line.indexOf('=');
    int colon = line.indexOf(':');
    if (equals < 0) {
      return colon;
    }
    return colon < 0 ? equals : Math.min(equals, colon);
  }
}
