package dev.pint.testing;

import java.util.regex.Pattern;
import org.junit.jupiter.api.TestReporter;

/**
 * Publishes what a reliability case yielded, such as {@code exit 1, nothing on stdout, stderr:
 * pint: HTTP 503 ...}, for {@link ReliabilityTally} to copy into the figures. The text is what
 * the test observed, with the loopback ports the tests choose at random replaced by {@code PORT}
 * so the figures do not change from run to run.
 */
public final class Yields {
  /** The key of the report entry. */
  public static final String KEY = "yields";

  private static final Pattern LOOPBACK_PORT =
      Pattern.compile("(127\\.0\\.0\\.1|localhost|\\[::1\\]):\\d+");
  /** A date as {@link java.util.Date#toString()} writes it, such as in an expired certificate's message. */
  private static final Pattern DATE =
      Pattern.compile("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} [A-Z]+ \\d{4}");
  private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
  /** A folder made by JUnit's {@code @TempDir}. */
  private static final Pattern TEMPORARY_FOLDER = Pattern.compile("/[\\w/.-]*/junit-?\\d+");

  private Yields() {}

  /** Publishes {@code text}, made one line, as what the current test yielded. */
  public static void publish(TestReporter reporter, String text) {
    reporter.publishEntry(KEY, normalize(text));
  }

  /**
   * Replaces loopback ports with {@code PORT}, dates and times with {@code DATE} and {@code
   * TIME}, temporary folders with {@code TMP}, and line breaks with {@code \\n}.
   */
  public static String normalize(String text) {
    String oneLine = text.strip().replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ");
    String withoutPorts = LOOPBACK_PORT.matcher(oneLine).replaceAll("$1:PORT");
    String withoutDates = INSTANT.matcher(DATE.matcher(withoutPorts).replaceAll("DATE")).replaceAll("TIME");
    return TEMPORARY_FOLDER.matcher(withoutDates).replaceAll("TMP");
  }
}
