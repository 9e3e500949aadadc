package dev.pint.cli.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The registration client's configuration, {@code /etc/regionserverclnt.cfg}, read as Python's
 * {@code configparser.RawConfigParser} reads it: {@code [section]} headers, {@code key = value}
 * or {@code key: value}, option names compared ignoring case, values trimmed, lines starting with
 * {@code #} or {@code ;} ignored, indented lines continuing the previous value, and a section or
 * option given twice an error.
 *
 * @param file the file that was read
 * @param regionServers the {@code [server] regionsrv} entries, trimmed, in file order; an empty
 *     entry (from a stray comma) is kept so it can be reported
 * @param certLocation the {@code [server] certLocation} folder as written, an absolute path on
 *     the instance, or null when absent
 * @param httpsOnlyValue the {@code [instance] httpsOnly} value as written, or null when absent
 */
record RegistrationConfig(
    Path file, List<String> regionServers, @Nullable String certLocation, @Nullable String httpsOnlyValue) {

  /** The configuration's path on an instance. */
  static final String PATH = "/etc/regionserverclnt.cfg";

  RegistrationConfig {
    regionServers = List.copyOf(regionServers);
  }

  /**
   * Returns whether the registration client uses HTTPS only. It compares the value with exactly
   * {@code true}, so {@code True} and {@code yes} mean HTTP on port 80 stays in use.
   */
  boolean httpsOnly() {
    return "true".equals(httpsOnlyValue);
  }

  /**
   * Reads the configuration under {@code root}.
   *
   * @return the configuration, or empty when the file does not exist
   * @throws InvalidConfigException when the file cannot be read or parsed, with the line
   */
  static Optional<RegistrationConfig> read(Path root) throws InvalidConfigException {
    Path file = Paths.under(root, PATH);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidConfigException(file + ": cannot be read: " + e.getMessage());
    }

    Map<String, Map<String, String>> sections = parse(file, lines);
    Map<String, String> server = sections.getOrDefault("server", Map.of());
    Map<String, String> instance = sections.getOrDefault("instance", Map.of());
    List<String> regionServers = new ArrayList<>();
    String regionsrv = server.get("regionsrv");
    if (regionsrv != null && !regionsrv.isEmpty()) {
      for (String entry : regionsrv.split(",", -1)) {
        regionServers.add(entry.strip());
      }
    }
    return Optional.of(new RegistrationConfig(
        file, regionServers, server.get("certlocation"), instance.get("httpsonly")));
  }

  private static Map<String, Map<String, String>> parse(Path file, List<String> lines)
      throws InvalidConfigException {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> section = null;
    String lastKey = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String stripped = line.strip();
      int lineNumber = i + 1;
      if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
        continue;
      }

      boolean indented = Character.isWhitespace(line.charAt(0));
      if (indented && section != null && lastKey != null) {
        String previous = section.get(lastKey);
        section.put(lastKey, previous.isEmpty() ? stripped : previous + "\n" + stripped);
        continue;
      }

      if (stripped.startsWith("[") && stripped.endsWith("]")) {
        String name = stripped.substring(1, stripped.length() - 1);
        if (sections.containsKey(name)) {
          throw new InvalidConfigException(file + " line " + lineNumber + ": section ["
              + Printable.of(name) + "] appears twice");
        }
        section = new LinkedHashMap<>();
        sections.put(name, section);
        lastKey = null;
        continue;
      }

      if (section == null) {
        throw new InvalidConfigException(file + " line " + lineNumber
            + ": an option before the first [section] header");
      }
      int separator = separatorIndex(stripped);
      if (separator <= 0) {
        throw new InvalidConfigException(file + " line " + lineNumber + ": "
            + Printable.quote(stripped) + " is neither a [section] header nor key = value");
      }
      String key = stripped.substring(0, separator).strip().toLowerCase(Locale.ROOT);
      String value = stripped.substring(separator + 1).strip();
      if (section.containsKey(key)) {
        throw new InvalidConfigException(file + " line " + lineNumber + ": option '"
            + Printable.of(key) + "' appears twice in its section");
      }
      section.put(key, value);
      lastKey = key;
    }
    return sections;
  }

  /** Returns the index of the first {@code =} or {@code :}, or -1; configparser splits there. */
  private static int separatorIndex(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '=' || c == ':') {
        return i;
      }
    }
    return -1;
  }

  /** A configuration file that the registration client would fail to parse. */
  static final class InvalidConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidConfigException(String message) {
      super(message);
    }
  }
}
