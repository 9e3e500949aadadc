package dev.pint.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Certificate authorities trusted in addition to Java's default ones, such as the CA of a
 * TLS-inspecting proxy. Certificates are always verified: a server must chain to a default
 * authority or to one of these, and its name must match.
 *
 * <p>The TLS context is built on the first HTTPS request, so a run that needs none pays nothing.
 */
public final class TrustAnchors {
  private final Path file;
  private final List<X509Certificate> certificates;
  private volatile @Nullable SSLSocketFactory socketFactory;

  private TrustAnchors(Path file, List<X509Certificate> certificates) {
    this.file = file;
    this.certificates = certificates;
  }

  /**
   * Reads a PEM bundle of one or more CA certificates.
   *
   * @throws IllegalArgumentException when the file cannot be read or holds no certificate
   */
  public static TrustAnchors readPem(Path file) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> parsed =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      for (Certificate certificate : parsed) {
        certificates.add((X509Certificate) certificate);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read CA certificates from " + file + ": "
          + e.getMessage(), e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("invalid CA certificate file " + file
          + ": expected PEM certificates (-----BEGIN CERTIFICATE-----): " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("invalid CA certificate file " + file
          + ": it holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return new TrustAnchors(file, List.copyOf(certificates));
  }

  /** The PEM file the certificates came from. */
  public Path file() {
    return file;
  }

  /** Returns a socket factory that trusts Java's default authorities and these. */
  public SSLSocketFactory socketFactory() {
    SSLSocketFactory factory = socketFactory;
    if (factory == null) {
      synchronized (this) {
        factory = socketFactory;
        if (factory == null) {
          factory = createSocketFactory();
          socketFactory = factory;
        }
      }
    }
    return factory;
  }

  private SSLSocketFactory createSocketFactory() {
    try {
      X509ExtendedTrustManager defaults = trustManager(null);

      KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
      extra.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        extra.setCertificateEntry("pint-cacert-" + i, certificates.get(i));
      }
      X509ExtendedTrustManager added = trustManager(extra);

      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new EitherTrustManager(defaults, added)}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS with the certificates of " + file, e);
    }
  }

  private static X509ExtendedTrustManager trustManager(@Nullable KeyStore store)
      throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("no X.509 trust manager in " + factory.getAlgorithm());
  }

  /**
   * Trusts a server that either manager trusts. Both check the chain and, with the socket or
   * engine given, the host name, so adding anchors never weakens verification.
   */
  private static final class EitherTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager first;
    private final X509ExtendedTrustManager second;

    EitherTrustManager(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      try {
        first.checkServerTrusted(chain, authType, socket);
      } catch (CertificateException e) {
        second.checkServerTrusted(chain, authType, socket);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      try {
        first.checkServerTrusted(chain, authType, engine);
      } catch (CertificateException e) {
        second.checkServerTrusted(chain, authType, engine);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      try {
        first.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        second.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      X509Certificate[] a = first.getAcceptedIssuers();
      X509Certificate[] b = second.getAcceptedIssuers();
      X509Certificate[] all = new X509Certificate[a.length + b.length];
      System.arraycopy(a, 0, all, 0, a.length);
      System.arraycopy(b, 0, all, a.length, b.length);
      return all;
    }
  }
}
