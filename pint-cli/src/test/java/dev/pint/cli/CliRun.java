package dev.pint.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code pint}, with its exit status and captured output: in-process through {@link
 * Cli#execute}, or as a real {@code java} process where JVM-wide state matters.
 */
record CliRun(int status, String out, String err) {

  /**
   * Gives a run without its own cache folder a new empty one, so that documents cached by an
   * earlier test, perhaps from a WireMock server on the same port, cannot answer for this one.
   */
  static Map<String, String> withPrivateCache(Map<String, String> environment) {
    if (environment.containsKey("XDG_CACHE_HOME")) {
      return environment;
    }
    Map<String, String> copy = new java.util.HashMap<>(environment);
    try {
      copy.put("XDG_CACHE_HOME", Files.createTempDirectory("pint-test-cache").toString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return copy;
  }

  static CliRun run(Map<String, String> environment, String... args) {
    environment = withPrivateCache(environment);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = Cli.execute(args, environment, outStream, errStream);
    }
    return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Starts {@code pint} as a separate JVM with exactly {@code environment}; its stdout and
   * stderr go to {@code output} with {@code .out} and {@code .err} appended.
   */
  static Process start(Map<String, String> environment, Path output, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.pint.cli.Main");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(output.resolveSibling(output.getFileName() + ".out").toFile())
        .redirectError(output.resolveSibling(output.getFileName() + ".err").toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    return builder.start();
  }

  /** Waits for a process from {@link #start} and collects its outcome. */
  static CliRun finish(Process process, Path output) throws IOException, InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pint did not finish in 60 s");
    }
    return new CliRun(process.exitValue(),
        Files.readString(output.resolveSibling(output.getFileName() + ".out")),
        Files.readString(output.resolveSibling(output.getFileName() + ".err")));
  }

  /** Runs {@code pint} as a separate JVM and waits for it. */
  static CliRun subprocess(Path output, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    return finish(start(environment, output, args), output);
  }
}
