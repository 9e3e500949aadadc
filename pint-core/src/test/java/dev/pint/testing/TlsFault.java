package dev.pint.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TLS faults: a loopback HTTPS copy of the service whose certificate is wrong in one way. Each
 * case also writes {@code ca.pem}, a test certificate authority that the client is configured to trust
 * (as with {@code --cacert}), so only the fault itself can fail the handshake.
 */
public enum TlsFault {
  /** A certificate for 127.0.0.1 from the trusted test CA: the handshake succeeds. */
  TRUSTED(null),
  /** A certificate from the trusted CA, but for the name {@code other.example}. */
  WRONG_NAME("No subject alternative names matching IP address 127.0.0.1 found"),
  /** A certificate for 127.0.0.1 from the trusted CA that expired a day ago. */
  EXPIRED("NotAfter: "),
  /** A certificate for 127.0.0.1 that signs itself. */
  SELF_SIGNED("unable to find valid certification path to requested target");

  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  private final String rootCause;

  TlsFault(String rootCause) {
    this.rootCause = rootCause;
  }

  /** Tells whether the handshake fails. */
  public boolean fails() {
    return rootCause != null;
  }

  /**
   * Returns the start of the expected message for a server at {@code hostAndPort}; an expired
   * certificate's message goes on with the date it expired.
   */
  public String messagePrefix(String hostAndPort) {
    return "TLS certificate of " + hostAndPort + " is not trusted (" + rootCause;
  }

  /** Returns the end of the expected message, after the root cause. */
  public static String messageSuffix() {
    return "); a TLS-inspecting proxy may be in the path: if so, pass its CA certificate with"
        + " --cacert FILE";
  }

  /** A started HTTPS server and the CA file the client should trust. */
  public record Server(HttpsServer https, Path caPem) implements AutoCloseable {
    /** Returns the base URL, such as {@code https://127.0.0.1:41234}. */
    public String baseUrl() {
      return "https://127.0.0.1:" + https.getAddress().getPort();
    }

    @Override
    public void close() {
      https.stop(0);
    }
  }

  /**
   * Starts an HTTPS server on 127.0.0.1 that serves {@code body} for every path, and writes the
   * trusted CA into {@code folder}.
   */
  public Server start(Path folder, String body) {
    try {
      KeyPair caKeys = keyPair();
      X509Certificate ca = certificate("CN=pint test CA", caKeys, "CN=pint test CA", caKeys.getPrivate(),
          null, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(2)), true);
      KeyPair serverKeys = keyPair();
      X509Certificate leaf = switch (this) {
        case TRUSTED -> leaf(serverKeys, ca, caKeys, new GeneralName(GeneralName.iPAddress, "127.0.0.1"), false);
        case WRONG_NAME -> leaf(serverKeys, ca, caKeys, new GeneralName(GeneralName.dNSName, "other.example"), false);
        case EXPIRED -> leaf(serverKeys, ca, caKeys, new GeneralName(GeneralName.iPAddress, "127.0.0.1"), true);
        case SELF_SIGNED -> certificate("CN=127.0.0.1", serverKeys, "CN=127.0.0.1", serverKeys.getPrivate(),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"), Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(2)), false);
      };
      Path caPem = folder.resolve("ca.pem");
      Files.writeString(caPem, pem(ca));

      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      char[] password = "test".toCharArray();
      X509Certificate[] chain = this == SELF_SIGNED ? new X509Certificate[] {leaf} : new X509Certificate[] {leaf, ca};
      keyStore.setKeyEntry("server", serverKeys.getPrivate(), password, chain);
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keyStore, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, null);

      HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      https.setHttpsConfigurator(new HttpsConfigurator(context));
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      https.createContext("/", exchange -> {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      });
      https.start();
      return new Server(https, caPem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate leaf(KeyPair keys, X509Certificate ca, KeyPair caKeys, GeneralName name,
      boolean expired) throws GeneralSecurityException, OperatorCreationException, IOException {
    Instant notBefore = Instant.now().minus(Duration.ofDays(expired ? 10 : 1));
    Instant notAfter = expired ? Instant.now().minus(Duration.ofDays(1)) : Instant.now().plus(Duration.ofDays(2));
    return certificate("CN=pint test server", keys, ca.getSubjectX500Principal().getName(), caKeys.getPrivate(),
        name, notBefore, notAfter, false);
  }

  private static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey signer,
      GeneralName name, Instant notBefore, Instant notAfter, boolean authority)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
        BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
        new X500Name(subject), keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
    if (name != null) {
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(name));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String pem(X509Certificate certificate) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(certificate);
    }
    return text.toString();
  }

}
