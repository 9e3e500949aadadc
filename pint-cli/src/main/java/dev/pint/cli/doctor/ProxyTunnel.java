package dev.pint.cli.doctor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Opens a tunnel through an HTTP proxy with {@code CONNECT}, as an HTTPS client does. Credentials
 * in the proxy URL are sent with Basic authentication and never appear in a message.
 */
final class ProxyTunnel {
  /** Maximum size of the proxy's response header, in bytes; the body of an error page is never read. */
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private ProxyTunnel() {}

  /**
   * Connects to {@code proxy} and requests a tunnel to {@code hostAndPort}.
   *
   * @return the socket, positioned after the proxy's {@code 200} response
   * @throws TunnelRefusedException when the proxy answers with another status
   * @throws IOException when the proxy URL is not {@code http://}, or the proxy cannot be reached
   *     or closes the connection
   */
  static Socket open(URI proxy, String hostAndPort, Duration timeout) throws IOException {
    if (!"http".equalsIgnoreCase(proxy.getScheme())) {
      throw new IOException("the proxy URL scheme " + Printable.quote(String.valueOf(proxy.getScheme()))
          + " is not supported; only http:// proxies can be checked");
    }
    int port = proxy.getPort() >= 0 ? proxy.getPort() : 80;
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(proxy.getHost(), port), Math.toIntExact(timeout.toMillis()));
      socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
      StringBuilder request = new StringBuilder()
          .append("CONNECT ").append(hostAndPort).append(" HTTP/1.1\r\n")
          .append("Host: ").append(hostAndPort).append("\r\n");
      String userInfo = proxy.getRawUserInfo();
      if (userInfo != null) {
        String decoded = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
        request.append("Proxy-Authorization: Basic ")
            .append(Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8)))
            .append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();

      String statusLine = readHeader(socket.getInputStream());
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("the proxy sent no HTTP response to CONNECT but "
            + Printable.quote(statusLine));
      }
      int status;
      try {
        status = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IOException("the proxy sent an invalid status line " + Printable.quote(statusLine));
      }
      if (status != 200) {
        throw new TunnelRefusedException(status, parts.length > 2 ? Printable.of(parts[2].strip()) : "");
      }
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Reads the response header up to the blank line and returns its first line. */
  private static String readHeader(InputStream in) throws IOException {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        if (header.size() == 0) {
          throw new IOException("the proxy closed the connection without answering CONNECT");
        }
        break;
      }
      header.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (header.size() > MAX_HEADER_BYTES) {
        throw new IOException("the proxy's response header is longer than " + MAX_HEADER_BYTES + " bytes");
      }
    }
    String text = header.toString(StandardCharsets.ISO_8859_1);
    int lineEnd = text.indexOf("\r\n");
    return lineEnd >= 0 ? text.substring(0, lineEnd) : text.strip();
  }

  /** The proxy answered {@code CONNECT} with a status other than 200. */
  static final class TunnelRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    TunnelRefusedException(int status, String reason) {
      super("the proxy refused the tunnel with " + status + (reason.isEmpty() ? "" : " " + reason));
      this.status = status;
      this.reason = reason;
    }

    int status() {
      return status;
    }

    String reason() {
      return reason;
    }
  }
}
