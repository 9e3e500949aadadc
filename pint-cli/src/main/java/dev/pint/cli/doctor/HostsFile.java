package dev.pint.cli.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instance's {@code /etc/hosts}, which is the only place the update server's name
 * {@code smt-<framework>.susecloud.net} resolves. It is read, never written.
 */
final class HostsFile {
  /** The hosts file's path on an instance. */
  static final String PATH = "/etc/hosts";

  private HostsFile() {}

  /**
   * One line of the hosts file that names the host looked for.
   *
   * @param lineNumber the line's number, from 1
   * @param address the address field as written
   * @param line the whole line, without its comment
   */
  record Entry(int lineNumber, String address, String line) {}

  /**
   * Returns the lines of the hosts file under {@code root} that list {@code hostname}, compared
   * ignoring case, with comments removed.
   *
   * @throws IOException when the file cannot be read; a missing file throws {@link
   *     java.nio.file.NoSuchFileException}
   */
  static List<Entry> entriesFor(Path root, String hostname) throws IOException {
    Path file = Paths.under(root, PATH);
    // ISO-8859-1 maps every byte to a character, so a file with stray non-UTF-8 bytes still reads.
    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    String wanted = hostname.toLowerCase(Locale.ROOT);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      String[] fields = content.split("\\s+");
      if (fields.length < 2) {
        continue;
      }
      for (int f = 1; f < fields.length; f++) {
        if (fields[f].toLowerCase(Locale.ROOT).equals(wanted)) {
          entries.add(new Entry(i + 1, fields[0], content));
          break;
        }
      }
    }
    return entries;
  }
}
