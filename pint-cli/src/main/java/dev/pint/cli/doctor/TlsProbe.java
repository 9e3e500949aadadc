package dev.pint.cli.doctor;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Performs a TLS handshake with a server the way the registration client does, trusting only
 * the certificates it trusts, and reports why a handshake fails: a certificate from another issuer
 * (a TLS-inspecting proxy), a reset or close during the handshake (a network device), a proxy
 * refusing the tunnel, or no trusted certificate installed at all.
 */
final class TlsProbe {
  private TlsProbe() {}

  /** The outcome of a handshake. */
  enum Outcome {
    /** The server's certificate verified against the trusted certificates. */
    TRUSTED,
    /** The certificate was issued by someone other than the trusted issuer: interception. */
    OTHER_ISSUER,
    /** The certificate names the trusted issuer but does not verify, such as an expired one. */
    NOT_VERIFIED,
    /** Nothing is trusted locally, so the certificate could only be observed. */
    NO_TRUST_ANCHOR,
    /** The connection was reset during the handshake. */
    RESET,
    /** The server closed the connection during the handshake. */
    CLOSED,
    /** The server did not respond in time. */
    TIMED_OUT,
    /** The TCP connection was refused. */
    REFUSED,
    /** The proxy responded to CONNECT with a status other than 200. */
    PROXY_REFUSED,
    /** The proxy could not be reached or did not respond to CONNECT. */
    PROXY_FAILED,
    /** The server does not speak TLS on this port. */
    NOT_TLS,
    /** Any other failure, which the detail describes. */
    FAILED
  }

  /**
   * The outcome of a handshake.
   *
   * @param target the server
   * @param outcome how it ended
   * @param leafSubject the subject of the certificate the server presented, or null when none
   *     was received
   * @param leafIssuer the issuer of that certificate, or null
   * @param chainTop the issuer of the last certificate of the presented chain, or null
   * @param proxyStatus the proxy's status for {@link Outcome#PROXY_REFUSED}, else 0
   * @param detail the error text, or empty; for {@link Outcome#PROXY_REFUSED} the proxy's status
   *     and reason, such as {@code 407 Proxy Authentication Required}
   */
  record Result(
      Target target,
      Outcome outcome,
      @Nullable String leafSubject,
      @Nullable String leafIssuer,
      @Nullable String chainTop,
      int proxyStatus,
      String detail) {}

  /**
   * Connects to {@code target} directly or through {@code proxy}, then performs a handshake.
   *
   * @param serverName the name sent as SNI, or null to send none, as for a server contacted by
   *     IP address
   * @param anchors the only certificates trusted; when empty the certificate is only observed
   * @param proxy the HTTP proxy to tunnel through, or null to connect directly
   */
  static Result probe(Target target, @Nullable String serverName, List<X509Certificate> anchors,
      @Nullable URI proxy, Duration timeout) {
    Socket raw;
    try {
      raw = proxy != null
          ? ProxyTunnel.open(proxy, target.hostAndPort(), timeout)
          : connect(target, timeout);
    } catch (ProxyTunnel.TunnelRefusedException e) {
      return failure(target, Outcome.PROXY_REFUSED, e.status(),
          e.status() + (e.reason().isEmpty() ? "" : " " + e.reason()));
    } catch (IOException e) {
      if (proxy != null) {
        return failure(target, Outcome.PROXY_FAILED, 0, "proxy " + ProxySettings.redact(proxy) + ": " + describe(e));
      }
      return failure(target, connectOutcome(e), 0, describe(e));
    }

    RecordingTrustManager trust;
    try {
      trust = new RecordingTrustManager(anchors);
    } catch (GeneralSecurityException e) {
      closeQuietly(raw);
      return failure(target, Outcome.FAILED, 0, "cannot use the trusted certificates: " + e.getMessage());
    }

    try (Socket closing = raw) {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      String host = serverName != null ? serverName : target.host();
      SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(raw, host, target.port(), true);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setServerNames(serverName != null ? List.of(new SNIHostName(serverName)) : List.of());
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
      socket.startHandshake();
      socket.close();
      return withChain(target, anchors.isEmpty() ? Outcome.NO_TRUST_ANCHOR : Outcome.TRUSTED, trust, "");
    } catch (IOException e) {
      X509Certificate[] chain = trust.chain;
      if (chain != null && trust.failure != null) {
        Outcome outcome = issuedByAnchor(chain[0], anchors) ? Outcome.NOT_VERIFIED : Outcome.OTHER_ISSUER;
        return withChain(target, outcome, trust, String.valueOf(trust.failure.getMessage()));
      }
      return withChain(target, handshakeOutcome(e), trust, describe(e));
    } catch (GeneralSecurityException e) {
      return failure(target, Outcome.FAILED, 0, String.valueOf(e.getMessage()));
    }
  }

  private static Socket connect(Target target, Duration timeout) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(target.address(), target.port()), Math.toIntExact(timeout.toMillis()));
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static Outcome connectOutcome(IOException e) {
    if (e instanceof SocketTimeoutException) {
      return Outcome.TIMED_OUT;
    }
    if (e instanceof ConnectException && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("refused")) {
      return Outcome.REFUSED;
    }
    return Outcome.FAILED;
  }

  /** Classifies a handshake that failed before any certificate was checked. */
  private static Outcome handshakeOutcome(IOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
      if (cause instanceof SocketTimeoutException) {
        return Outcome.TIMED_OUT;
      }
      if (message.contains("connection reset") || message.contains("broken pipe")) {
        return Outcome.RESET;
      }
      if (cause instanceof EOFException || message.contains("remote host terminated")) {
        return Outcome.CLOSED;
      }
      if (message.contains("unsupported or unrecognized ssl message")) {
        return Outcome.NOT_TLS;
      }
    }
    return Outcome.FAILED;
  }

  private static boolean issuedByAnchor(X509Certificate leaf, List<X509Certificate> anchors) {
    for (X509Certificate anchor : anchors) {
      if (anchor.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
        return true;
      }
    }
    return false;
  }

  private static Result failure(Target target, Outcome outcome, int proxyStatus, String detail) {
    return new Result(target, outcome, null, null, null, proxyStatus, detail);
  }

  private static Result withChain(Target target, Outcome outcome, RecordingTrustManager trust, String detail) {
    X509Certificate[] chain = trust.chain;
    if (chain == null || chain.length == 0) {
      return failure(target, outcome, 0, detail);
    }
    return new Result(target, outcome,
        chain[0].getSubjectX500Principal().getName(),
        chain[0].getIssuerX500Principal().getName(),
        chain[chain.length - 1].getIssuerX500Principal().getName(),
        0, detail);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + Printable.of(message));
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // The probe has already failed; a close error adds nothing.
    }
  }

  /**
   * Trusts exactly the given certificates, or observes without trusting when there are none,
   * and records the chain the server presented and why it was rejected.
   */
  private static final class RecordingTrustManager implements X509TrustManager {
    private final @Nullable X509TrustManager delegate;
    volatile X509Certificate @Nullable [] chain;
    volatile @Nullable CertificateException failure;

    RecordingTrustManager(List<X509Certificate> anchors) throws GeneralSecurityException {
      if (anchors.isEmpty()) {
        delegate = null;
        return;
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      try {
        store.load(null, null);
      } catch (IOException e) {
        throw new AssertionError("an empty key store needs no input", e);
      }
      for (int i = 0; i < anchors.size(); i++) {
        store.setCertificateEntry("anchor-" + i, anchors.get(i));
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(store);
      X509TrustManager found = null;
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          found = x509;
        }
      }
      if (found == null) {
        throw new GeneralSecurityException("no X.509 trust manager for PKIX");
      }
      delegate = found;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType) throws CertificateException {
      chain = presented.clone();
      if (delegate == null) {
        return;
      }
      try {
        delegate.checkServerTrusted(presented, authType);
      } catch (CertificateException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType) throws CertificateException {
      throw new CertificateException("a client certificate is never expected");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
