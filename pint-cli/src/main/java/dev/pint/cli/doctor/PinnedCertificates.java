package dev.pint.cli.doctor;

import dev.pint.internal.IpLiterals;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The region servers' pinned certificates: for each {@code regionsrv} entry, the registration
 * client verifies the server with {@code <certLocation>/<entry>.pem} and nothing else, and skips
 * a server whose file is missing. An IP entry is written in Python's {@code ipaddress} form, so
 * an IPv6 address is looked up in its compressed lower-case form.
 */
final class PinnedCertificates {
  private PinnedCertificates() {}

  /**
   * The pinned certificate of one region server.
   *
   * @param entry the {@code regionsrv} entry
   * @param file the certificate file under the checked root
   * @param certificate the certificate, or null when the file is missing or invalid
   * @param problem why the certificate cannot be used, or null
   */
  record Pinned(String entry, Path file, @Nullable X509Certificate certificate, @Nullable String problem) {}

  /** Loads the pinned certificate of every non-empty entry of {@code config}. */
  static List<Pinned> load(Path root, RegistrationConfig config) {
    List<Pinned> pinned = new ArrayList<>();
    String location = config.certLocation();
    if (location == null) {
      return pinned;
    }
    for (String entry : config.regionServers()) {
      if (entry.isEmpty()) {
        continue;
      }
      Path file = Paths.under(root, location).resolve(fileName(entry));
      pinned.add(loadOne(entry, file));
    }
    return pinned;
  }

  /** Returns the name of the file the registration client looks for, such as {@code 2001:db8::1.pem}. */
  static String fileName(String entry) {
    Optional<? extends InetAddress> address = IpLiterals.parseIpv4(entry);
    if (address.isEmpty()) {
      address = IpLiterals.parseIpv6(entry);
    }
    return address.map(IpLiterals::toCanonical).orElse(entry) + ".pem";
  }

  private static Pinned loadOne(String entry, Path file) {
    if (!Files.isRegularFile(file)) {
      return new Pinned(entry, file, null, "missing " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends java.security.cert.Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty() || !(certificates.iterator().next() instanceof X509Certificate x509)) {
        return new Pinned(entry, file, null, file + " contains no PEM certificate");
      }
      return new Pinned(entry, file, x509, null);
    } catch (IOException e) {
      return new Pinned(entry, file, null, file + " cannot be read: " + e.getMessage());
    } catch (CertificateException e) {
      return new Pinned(entry, file, null, file + " is not a valid PEM certificate: "
          + Printable.of(String.valueOf(e.getMessage())));
    }
  }

  /** Returns whether {@code certificate} has expired at {@code now}. */
  static boolean expired(X509Certificate certificate, Instant now) {
    return certificate.getNotAfter().toInstant().isBefore(now);
  }
}
