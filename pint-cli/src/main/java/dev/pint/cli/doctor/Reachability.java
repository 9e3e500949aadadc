package dev.pint.cli.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Locale;

/**
 * Opens a TCP connection to each server, all at once, and reports what happened to each. The
 * connections go directly, never through a proxy.
 */
final class Reachability {
  /**
   * How long a connected socket is watched for an immediate reset or close. Servers speaking
   * HTTP or TLS wait for the client to send first, so silence means the connection stands.
   */
  private static final Duration WATCH_AFTER_CONNECT = Duration.ofMillis(300);

  private static final int MAX_THREADS = 16;

  private Reachability() {}

  /** What a connection attempt ended with. */
  enum Outcome {
    CONNECTED("connected"),
    REFUSED("refused"),
    TIMED_OUT("timed out"),
    RESET("reset"),
    CLOSED("closed by the server right after connecting"),
    UNREACHABLE("no route to host"),
    FAILED("failed");

    private final String description;

    Outcome(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }

  /** The outcome of connecting to {@code target}; {@code detail} is the error text, or empty. */
  record Result(Target target, Outcome outcome, String detail) {}

  /** Connects to every target in parallel, each with {@code timeout}, and returns the results in order. */
  static List<Result> connectAll(List<Target> targets, Duration timeout) {
    if (targets.isEmpty()) {
      return List.of();
    }
    ExecutorService executor = Executors.newFixedThreadPool(Math.min(MAX_THREADS, targets.size()), runnable -> {
      Thread thread = new Thread(runnable, "pint-doctor-connect");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Result>> futures = new ArrayList<>();
      for (Target target : targets) {
        futures.add(executor.submit(() -> connect(target, timeout)));
      }
      List<Result> results = new ArrayList<>();
      for (Future<Result> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      executor.shutdownNow();
    }
  }

  /** Connects to one target and classifies the outcome. */
  static Result connect(Target target, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(target.address(), target.port()), Math.toIntExact(timeout.toMillis()));
      socket.setSoTimeout(Math.toIntExact(WATCH_AFTER_CONNECT.toMillis()));
      InputStream in = socket.getInputStream();
      try {
        if (in.read() < 0) {
          return new Result(target, Outcome.CLOSED, "");
        }
      } catch (SocketTimeoutException quiet) {
        // Nothing arrived and the connection is still open: the usual case.
      }
      return new Result(target, Outcome.CONNECTED, "");
    } catch (SocketTimeoutException e) {
      return new Result(target, Outcome.TIMED_OUT, "after " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      String message = String.valueOf(e.getMessage());
      if (message.toLowerCase(Locale.ROOT).contains("refused")) {
        return new Result(target, Outcome.REFUSED, "");
      }
      if (message.toLowerCase(Locale.ROOT).contains("timed out")) {
        return new Result(target, Outcome.TIMED_OUT, message);
      }
      return new Result(target, Outcome.FAILED, message);
    } catch (NoRouteToHostException e) {
      return new Result(target, Outcome.UNREACHABLE, String.valueOf(e.getMessage()));
    } catch (SocketException e) {
      String message = String.valueOf(e.getMessage());
      if (message.toLowerCase(Locale.ROOT).contains("reset")) {
        return new Result(target, Outcome.RESET, "");
      }
      if (message.toLowerCase(Locale.ROOT).contains("unreachable")) {
        return new Result(target, Outcome.UNREACHABLE, message);
      }
      return new Result(target, Outcome.FAILED, message);
    } catch (IOException e) {
      return new Result(target, Outcome.FAILED, String.valueOf(e.getMessage()));
    }
  }
}
