package dev.pint.cli.doctor;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian tools the tests drive, started on loopback only. A missing tool fails the test under
 * CI ({@code CI=true}), where {@code .ci/install-deps} installs it, and skips it elsewhere.
 */
public final class ExternalTools {
  private ExternalTools() {}

  /** Returns the tool's path, failing or skipping the test when it is not on PATH. */
  public static Path require(String tool, String debianPackage) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(directory, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = tool + " is not installed; install the Debian package " + debianPackage
        + " (.ci/install-deps does)";
    if ("true".equals(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  /** Returns a TCP port that was free on 127.0.0.1 a moment ago, for tools that cannot pick one. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  /** A running mitmproxy (mitmdump) in regular proxy mode on 127.0.0.1. */
  public static final class Mitmproxy implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Proxy server listening at 127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final int port;

    private Mitmproxy(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    /**
     * Starts mitmdump with its own CA in {@code confdir}. It accepts any upstream certificate,
     * since the loopback servers' certificates are made by the tests.
     */
    public static Mitmproxy start(Path confdir) throws Exception {
      Path mitmdump = require("mitmdump", "mitmproxy");
      Process process = new ProcessBuilder(mitmdump.toString(), "--listen-host", "127.0.0.1", "--listen-port", "0",
          "--set", "confdir=" + confdir, "--set", "ssl_insecure=true")
          .redirectErrorStream(true)
          .start();
      process.getOutputStream().close();
      CompletableFuture<Integer> port = new CompletableFuture<>();
      StringBuilder output = new StringBuilder();
      Thread reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = lines.readLine()) != null) {
            synchronized (output) {
              output.append(line).append('\n');
            }
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
              port.complete(Integer.parseInt(matcher.group(1)));
            }
          }
        } catch (IOException e) {
          port.completeExceptionally(e);
        }
        port.completeExceptionally(new IOException("mitmdump exited before listening"));
      }, "mitmdump-output");
      reader.setDaemon(true);
      reader.start();
      int listening;
      try {
        listening = port.get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        process.destroyForcibly();
        synchronized (output) {
          throw new IllegalStateException("mitmdump did not start: " + output, e);
        }
      }
      // The listening line is printed before option errors end the process, so check both.
      waitForPort(listening, process);
      return new Mitmproxy(process, listening);
    }

    public int port() {
      return port;
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** A running tinyproxy on 127.0.0.1 that demands Basic authentication. */
  public static final class Tinyproxy implements AutoCloseable {
    private final Process process;
    private final int port;

    private Tinyproxy(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    /** Starts tinyproxy in the foreground with {@code BasicAuth user password}, config and log in {@code directory}. */
    public static Tinyproxy startWithBasicAuth(Path directory, String user, String password) throws Exception {
      Path tinyproxy = require("tinyproxy", "tinyproxy");
      int port = freePort();
      Path config = directory.resolve("tinyproxy.conf");
      Files.write(config, List.of(
          "Port " + port,
          "Listen 127.0.0.1",
          "Allow 127.0.0.1",
          "BasicAuth " + user + " " + password,
          "LogLevel Connect"));
      Process process = new ProcessBuilder(tinyproxy.toString(), "-d", "-c", config.toString())
          .redirectErrorStream(true)
          .redirectOutput(directory.resolve("tinyproxy.log").toFile())
          .start();
      process.getOutputStream().close();
      waitForPort(port, process);
      return new Tinyproxy(process, port);
    }

    public int port() {
      return port;
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static void waitForPort(int port, Process process) throws Exception {
    for (int i = 0; i < 200; i++) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the process exited with status " + process.exitValue()
            + " before accepting connections on port " + port);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        Thread.sleep(100);
        if (process.isAlive()) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("nothing accepted connections on 127.0.0.1:" + port + " within 10 s");
  }
}
