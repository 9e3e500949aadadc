package dev.pint.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One in-process run of {@code pint} against a base URL, with its exit status and captured output.
 *
 * @param status the exit status
 * @param out what was written to stdout, decoded as UTF-8
 * @param err what was written to stderr, decoded as UTF-8
 */
record CommandRun(int status, String out, String err) {

  /** Runs {@code pint args} with {@code PINT_BASE_URL} set to {@code baseUrl}. */
  static CommandRun of(String baseUrl, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Cli.execute(args, Map.of("PINT_BASE_URL", baseUrl),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CommandRun(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
