package dev.pint.internal;

import dev.pint.HttpStatusException;
import dev.pint.PintException;
import dev.pint.ServiceUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Turns the {@link IOException}s of {@link java.net.HttpURLConnection} into messages that name
 * the failure and the next step, and decides which failures are worth retrying.
 *
 * <p>The cases told apart: a refused connection, a reset connection, a timeout, a host that does
 * not resolve, an untrusted certificate (often a TLS-inspecting proxy), another TLS failure, and
 * a proxy that rejects the tunnel.
 */
final class NetworkFailures {
  /** The JDK's text for a rejected CONNECT, such as {@code Proxy returns "HTTP/1.1 407 ..."}. */
  private static final Pattern TUNNEL_REJECTED =
      Pattern.compile("Unable to tunnel through proxy\\. Proxy returns \"HTTP/\\d(?:\\.\\d)? (\\d{3})([^\"]*)\"");

  private NetworkFailures() {}

  /** Returns the exception to throw for {@code e}, raised by a request to {@code url}. */
  static PintException classify(URI url, IOException e, @Nullable ProxyRoute route) {
    String endpoint = hostAndPort(url);
    String peer = route == null ? endpoint : route.describe();

    Matcher tunnel = e.getMessage() == null ? null : TUNNEL_REJECTED.matcher(e.getMessage());
    if (tunnel != null && tunnel.find() && route != null) {
      int status = Integer.parseInt(tunnel.group(1));
      return proxyRejected(url, route, status, tunnel.group(2).trim());
    }
    if (e instanceof SocketTimeoutException) {
      String phase = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect")
          ? "connecting to " + peer
          : "waiting for " + url;
      return new ServiceUnavailableException(url, "timed out " + phase + " (" + e.getMessage()
          + "); retry later or raise --timeout", e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return new ServiceUnavailableException(url, "cannot connect to " + peer + " ("
          + e.getMessage() + "); check the network, "
          + (route == null ? "the proxy settings" : "the proxy") + " and --base-url", e);
    }
    if (e instanceof UnknownHostException) {
      String host = route == null ? url.getHost() : route.host();
      return new ServiceUnavailableException(url, "cannot resolve host '" + host + "'"
          + (route == null ? "" : " of the " + route.describe())
          + "; check DNS and the proxy settings", e);
    }
    if (untrustedCertificate(e)) {
      return new ServiceUnavailableException(url, "TLS certificate of " + endpoint
          + " is not trusted (" + rootMessage(e) + "); a TLS-inspecting proxy may be in the path:"
          + " if so, pass its CA certificate with --cacert FILE", e);
    }
    if (reset(e)) {
      return new ServiceUnavailableException(url, "connection to " + peer + " was reset"
          + (e instanceof SSLException ? " during the TLS handshake" : "") + " ("
          + rootMessage(e) + "); retry later", e);
    }
    if (e instanceof SSLException) {
      return new ServiceUnavailableException(url, "TLS handshake with " + endpoint + " failed ("
          + rootMessage(e) + "); a TLS-inspecting proxy may be in the path:"
          + " if so, pass its CA certificate with --cacert FILE", e);
    }
    return new ServiceUnavailableException(url, "request to " + url + " failed ("
        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
  }

  /** Returns the exception for a proxy that answered {@code status} instead of forwarding. */
  static HttpStatusException proxyRejected(URI url, ProxyRoute route, int status, String reason) {
    String text = "the " + route.describe() + " rejected the request to " + hostAndPort(url)
        + " with HTTP " + status + (reason.isEmpty() ? "" : " " + reason);
    if (status == 407 || status == 401) {
      text += route.hasCredentials()
          ? "; check the user name and password in the proxy URL" + BasicTunneling.hint(url)
          : "; put credentials in the proxy URL, as in http://USER:PASSWORD@"
              + route.host() + ":" + route.port();
    } else if (status == 403) {
      text += "; the proxy does not allow this destination: ask its administrator, or bypass it"
          + " with no_proxy";
    }
    return new HttpStatusException(url, status, text);
  }

  /**
   * Whether a retry may succeed: refused or reset connections and timeouts. A certificate or
   * other TLS failure, an unknown host and a rejected tunnel fail the same way again.
   */
  static boolean isTransient(PintException failure) {
    if (failure instanceof HttpStatusException status) {
      int code = status.code();
      return code == 429 || code == 502 || code == 503 || code == 504;
    }
    if (!(failure instanceof ServiceUnavailableException) || failure.getCause() == null) {
      return false;
    }
    Throwable cause = failure.getCause();
    if (cause instanceof SocketTimeoutException || cause instanceof ConnectException
        || cause instanceof NoRouteToHostException) {
      return true;
    }
    return cause instanceof IOException io && !untrustedCertificate(io) && reset(io);
  }

  private static boolean untrustedCertificate(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException || t instanceof CertPathBuilderException
          || t instanceof CertPathValidatorException) {
        return true;
      }
    }
    return false;
  }

  /** Whether the peer reset or closed the connection, as opposed to a protocol failure. */
  private static boolean reset(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if ((t instanceof SocketException && !(t instanceof ConnectException))
          || message.contains("connection reset")
          || message.contains("remote host terminated the handshake")
          || message.contains("unexpected end of file")
          || message.contains("broken pipe")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  static String hostAndPort(URI url) {
    int port = url.getPort() >= 0 ? url.getPort()
        : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    return url.getHost() + ":" + port;
  }
}
