package dev.pint.cli.doctor;

import dev.pint.internal.IpLiterals;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registration client's log, {@code /var/log/cloudregister}, whose lines read
 * {@code time: module: line function: LEVEL: message}, for example {@code 2024-04-16
 * 10:15:42,123: registerutils: 412 fetch_smt_data: ERROR: No response from: 192.0.2.1}. A line
 * not in that shape continues the message of the line before it.
 */
final class RegistrationLog {
  /** The log's path on an instance. */
  static final String PATH = "/var/log/cloudregister";

  private static final Pattern LINE = Pattern.compile(
      "^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:,\\d+)?): ([\\w.]+): (\\d+) (\\S+): "
          + "(DEBUG|INFO|WARNING|ERROR|CRITICAL): (.*)$");

  /**
   * The message that opens each attempt to fetch the update servers from the region servers;
   * attempt 1 marks the start of a registration run.
   */
  private static final Pattern RUN_START = Pattern.compile("Getting update server information, attempt 1\\b");

  /**
   * IPv4 dotted quads and IPv6 literals inside message text. An address inside a URL or followed
   * by a port, such as a proxy's, is not one the client tried to register with, so it is skipped.
   */
  private static final Pattern ADDRESS = Pattern.compile(
      "(?<![\\w.:/@])(\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7})(?![\\w.:])");

  private RegistrationLog() {}

  /**
   * One log record.
   *
   * @param lineNumber the number of its first line, from 1
   * @param time the time as written
   * @param level {@code INFO}, {@code ERROR} and so on
   * @param message the message, continuation lines joined with newlines
   */
  record Entry(int lineNumber, String time, String level, String message) {}

  /**
   * The last run of the registration client found in the log.
   *
   * @param entries every record of the run
   * @param addresses the IP addresses its messages mention, in the order first mentioned
   * @param problems the records at level WARNING or above
   * @param runMarkerFound whether the run starts at an "attempt 1" line; when false, the run
   *     is the whole log
   */
  record LastRun(List<Entry> entries, List<String> addresses, List<Entry> problems, boolean runMarkerFound) {}

  /**
   * Reads the log under {@code root}.
   *
   * @return the last run, or empty when the log does not exist
   * @throws IOException when the log exists but cannot be read
   */
  static Optional<LastRun> readLastRun(Path root) throws IOException {
    Path file = Paths.under(root, PATH);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    List<Entry> entries = parse(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
    return Optional.of(lastRun(entries));
  }

  static List<Entry> parse(List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher matcher = LINE.matcher(line);
      if (matcher.matches()) {
        entries.add(new Entry(i + 1, matcher.group(1), matcher.group(5), matcher.group(6)));
      } else if (!entries.isEmpty() && !line.isBlank()) {
        Entry last = entries.remove(entries.size() - 1);
        entries.add(new Entry(last.lineNumber(), last.time(), last.level(), last.message() + "\n" + line));
      }
    }
    return entries;
  }

  static LastRun lastRun(List<Entry> entries) {
    int start = -1;
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (RUN_START.matcher(entries.get(i).message()).find()) {
        start = i;
        break;
      }
    }
    List<Entry> run = entries.subList(Math.max(start, 0), entries.size());

    Set<String> addresses = new LinkedHashSet<>();
    List<Entry> problems = new ArrayList<>();
    for (Entry entry : run) {
      Matcher matcher = ADDRESS.matcher(entry.message());
      while (matcher.find()) {
        canonical(matcher.group(1)).ifPresent(addresses::add);
      }
      if (entry.level().equals("WARNING") || entry.level().equals("ERROR") || entry.level().equals("CRITICAL")) {
        problems.add(entry);
      }
    }
    return new LastRun(List.copyOf(run), List.copyOf(addresses), List.copyOf(problems), start >= 0);
  }

  private static Optional<String> canonical(String text) {
    Optional<? extends InetAddress> address = IpLiterals.parseIpv4(text);
    if (address.isEmpty()) {
      address = IpLiterals.parseIpv6(text);
    }
    return address.map(IpLiterals::toCanonical);
  }
}
