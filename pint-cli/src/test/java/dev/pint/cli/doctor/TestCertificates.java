package dev.pint.cli.doctor;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made for the tests with BouncyCastle: a self-signed server certificate, as SUSE
 * pins for region servers and installs for update servers, and a CA chain, as a corporate
 * TLS-inspecting proxy uses.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  private TestCertificates() {}

  /**
   * A key pair with its certificate chain, leaf first.
   *
   * @param keyPair the leaf's key pair
   * @param chain the leaf certificate and its issuers, without a self-signed root unless the
   *     leaf is self-signed
   */
  public record Identity(KeyPair keyPair, List<X509Certificate> chain) {
    public X509Certificate certificate() {
      return chain.get(0);
    }

    /** Returns an SSL context that presents this identity as a server. */
    public SSLContext serverContext() {
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keyPair.getPrivate(), new char[0], chain.toArray(new X509Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Makes a self-signed server certificate for {@code commonName} with these subject alternative names. */
  public static Identity selfSigned(String commonName, List<String> dnsNames, List<String> ipAddresses) {
    KeyPair keyPair = keyPair();
    X500Name subject = new X500Name("O=SUSE Test,CN=" + commonName);
    X509Certificate certificate = sign(subject, keyPair, subject, keyPair, false, dnsNames, ipAddresses,
        Instant.now().plus(Duration.ofDays(30)));
    return new Identity(keyPair, List.of(certificate));
  }

  /** Makes an expired self-signed server certificate. */
  public static Identity expired(String commonName, List<String> ipAddresses) {
    KeyPair keyPair = keyPair();
    X500Name subject = new X500Name("O=SUSE Test,CN=" + commonName);
    X509Certificate certificate = sign(subject, keyPair, subject, keyPair, false, List.of(), ipAddresses,
        Instant.now().minus(Duration.ofDays(1)));
    return new Identity(keyPair, List.of(certificate));
  }

  /**
   * Makes the chain a corporate inspection proxy presents: a root CA, an intermediate CA
   * ({@code Corp Inspection CA}) and a leaf for {@code dnsName}. The chain holds the leaf and the
   * intermediate, as servers send it.
   */
  public static Identity corporateChain(String dnsName) {
    KeyPair rootKeys = keyPair();
    X500Name root = new X500Name("O=Example Corp,CN=Corp Root CA");
    KeyPair intermediateKeys = keyPair();
    X500Name intermediate = new X500Name("O=Example Corp,CN=Corp Inspection CA");
    X509Certificate intermediateCertificate = sign(intermediate, intermediateKeys, root, rootKeys, true,
        List.of(), List.of(), Instant.now().plus(Duration.ofDays(30)));
    KeyPair leafKeys = keyPair();
    X509Certificate leaf = sign(new X500Name("CN=" + dnsName), leafKeys, intermediate, intermediateKeys, false,
        List.of(dnsName), List.of(), Instant.now().plus(Duration.ofDays(30)));
    return new Identity(leafKeys, List.of(leaf, intermediateCertificate));
  }

  /** Writes {@code certificates} to {@code file} as PEM, creating the folders. */
  public static void writePem(Path file, X509Certificate... certificates) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, pem(certificates), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns {@code certificates} as PEM text. */
  public static String pem(X509Certificate... certificates) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (X509Certificate certificate : certificates) {
        writer.writeObject(certificate);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
      boolean ca, List<String> dnsNames, List<String> ipAddresses, Instant notAfter) {
    try {
      Instant notBefore = notAfter.isBefore(Instant.now()) ? notAfter.minus(Duration.ofDays(30))
          : Instant.now().minus(Duration.ofHours(1));
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
          BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
          subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (ca) {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      }
      List<GeneralName> names = new ArrayList<>();
      for (String dns : dnsNames) {
        names.add(new GeneralName(GeneralName.dNSName, dns));
      }
      for (String ip : ipAddresses) {
        names.add(new GeneralName(GeneralName.iPAddress, ip));
      }
      if (!names.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(names.toArray(new GeneralName[0])));
      }
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a test certificate for " + subject, e);
    }
  }
}
