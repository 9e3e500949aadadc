package dev.pint.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that responds to every connection with bytes a test writes itself, for faults
 * WireMock cannot make: a reset in the middle of a body, a body longer than it says, a stream of
 * bytes larger than the client's size cap. It reads the request head, then runs the handler.
 */
public final class RawHttpServer implements AutoCloseable {
  /** Writes the response to a connection whose request head has been read. */
  public interface Handler {
    void respond(Socket socket, OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "raw-http-server");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicInteger requests = new AtomicInteger();

  /** Starts the server on a free port of 127.0.0.1. */
  public RawHttpServer(Handler handler) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(() -> accept(handler));
  }

  /** Returns the base URL, such as {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** Returns how many requests have arrived. */
  public int requests() {
    return requests.get();
  }

  /** Writes a status line and headers for a JSON body of {@code length} bytes. */
  public static void writeHead(OutputStream out, long length) throws IOException {
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length
        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
  }

  /** Closes {@code socket} with a TCP reset instead of an orderly close. */
  public static void reset(Socket socket) throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  private void accept(Handler handler) {
    while (!socket.isClosed()) {
      Socket connection;
      try {
        connection = socket.accept();
      } catch (IOException e) {
        return;
      }
      threads.execute(() -> serve(connection, handler));
    }
  }

  private void serve(Socket connection, Handler handler) {
    try (connection) {
      readHead(connection);
      requests.incrementAndGet();
      OutputStream out = connection.getOutputStream();
      handler.respond(connection, out);
      if (!connection.isClosed()) {
        out.flush();
      }
    } catch (SocketException e) {
      // The client gave up first, as the size cap and timeout cases expect.
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Reads up to the blank line that ends the request head. */
  private static void readHead(Socket connection) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = connection.getInputStream().read();
      if (b < 0) {
        return;
      }
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
