package dev.pint.cli.allowlist;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Debian tools that check generated files. A missing tool fails the test when the
 * environment variable {@code CI} is {@code true}, because {@code .ci/install-deps} installs
 * them there, and skips it elsewhere.
 */
final class ExternalTools {
  /** Generous, so a slow machine never fails a check; it only stops a hung tool. */
  private static final long TIMEOUT_SECONDS = 120;

  private ExternalTools() {}

  /** The exit status and the combined stdout and stderr of a finished command. */
  record Result(int status, String output) {}

  /** Fails or skips the test unless every command is on the PATH or in {@code /usr/sbin}. */
  static void require(String... commands) {
    for (String command : commands) {
      if (find(command) == null) {
        String reason = command + " is not installed; .ci/install-deps installs it";
        if ("true".equals(System.getenv("CI"))) {
          fail(reason);
        }
        Assumptions.abort(reason);
      }
    }
  }

  /**
   * Skips the test unless {@code unshare -n} can create a network namespace, where the firewall
   * tools can change the kernel's tables without touching the machine's own.
   */
  static void requireNetworkNamespace() throws Exception {
    require("unshare");
    Result result = run(List.of("unshare", "-n", "true"), null);
    Assumptions.assumeTrue(result.status() == 0,
        "this sandbox does not allow network namespaces (unshare -n): " + result.output());
  }

  /** Runs {@code command} with {@code input} on stdin (or none) and waits for it to finish. */
  static Result run(List<String> command, String input) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PATH", path());
    Process process = builder.start();
    if (input != null) {
      process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    byte[] output;
    try (InputStream in = process.getInputStream()) {
      output = in.readAllBytes();
    }
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** Runs a shell script with {@code sh -c}, the arguments available as $1, $2 and so on. */
  static Result shell(String script, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", "-c", script, "sh"));
    command.addAll(List.of(arguments));
    return run(command, null);
  }

  /** Returns the PATH for child processes, with the sbin directories where the firewall tools are. */
  static String path() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    return path + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
  }

  private static Path find(String command) {
    for (String directory : path().split(File.pathSeparator)) {
      Path candidate = Path.of(directory, command);
      if (!directory.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
