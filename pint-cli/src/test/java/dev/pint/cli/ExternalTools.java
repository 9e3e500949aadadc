package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Finds and starts the Debian tools the network tests drive; loopback only. */
final class ExternalTools {
  private ExternalTools() {}

  /**
   * Returns the path of {@code name} on PATH. A missing tool fails the test under CI (CI=true,
   * where .ci/install-deps installs it) and skips it elsewhere.
   */
  static Path require(String name) {
    String path = System.getenv("PATH");
    for (String folder : (path == null ? "/usr/bin:/usr/sbin" : path + ":/usr/sbin").split(File.pathSeparator)) {
      Path candidate = Path.of(folder, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String reason = name + " is not installed; run .ci/install-deps";
    if ("true".equals(System.getenv("CI"))) {
      fail(reason);
    }
    assumeTrue(false, reason);
    throw new AssertionError();
  }

  /** Returns a loopback port that was free a moment ago, for tools that cannot take port 0. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  /** Starts {@code command} with its output in {@code log}, and waits until it accepts on {@code port}. */
  static Process start(List<String> command, Path log, int port) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    awaitPort(process, port, log);
    return process;
  }

  static void awaitPort(Process process, int port, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail(process.info().command().orElse("tool") + " exited with " + process.exitValue()
            + ":\n" + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    process.destroy();
    fail("nothing listens on 127.0.0.1:" + port + " after 20 s:\n" + Files.readString(log));
  }

  /** Stops a process this test started and waits for it. */
  static void stop(Process process) throws InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor();
    }
  }
}
