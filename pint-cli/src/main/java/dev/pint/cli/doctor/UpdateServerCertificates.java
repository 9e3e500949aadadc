package dev.pint.cli.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The update server certificates that registration installs as system trust anchors, named
 * {@code registration_server*}, which zypper and the registration client trust for {@code
 * smt-<framework>.susecloud.net}.
 */
final class UpdateServerCertificates {
  /** The folders searched, as paths on an instance, in this order. */
  static final List<String> FOLDERS = List.of("/etc/pki/trust/anchors", "/usr/share/pki/trust/anchors");

  private UpdateServerCertificates() {}

  /**
   * The certificates found.
   *
   * @param files the {@code registration_server*} files found, under the checked root
   * @param certificates every certificate they contain
   * @param unreadable a message for each file that is not a readable PEM certificate
   */
  record Found(List<Path> files, List<X509Certificate> certificates, List<String> unreadable) {}

  /** Finds the installed update server certificates under {@code root}. */
  static Found find(Path root) {
    List<Path> files = new ArrayList<>();
    List<X509Certificate> certificates = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (String folder : FOLDERS) {
      Path directory = Paths.under(root, folder);
      if (!Files.isDirectory(directory)) {
        continue;
      }
      List<Path> matches = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "registration_server*")) {
        stream.forEach(matches::add);
      } catch (IOException e) {
        unreadable.add(directory + " cannot be listed: " + e.getMessage());
        continue;
      }
      matches.sort(null);
      for (Path file : matches) {
        files.add(file);
        try (InputStream in = Files.newInputStream(file)) {
          int before = certificates.size();
          for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            if (certificate instanceof X509Certificate x509) {
              certificates.add(x509);
            }
          }
          if (certificates.size() == before) {
            unreadable.add(file + " contains no PEM certificate");
          }
        } catch (IOException | CertificateException e) {
          unreadable.add(file + " is not a readable PEM certificate: " + Printable.of(String.valueOf(e.getMessage())));
        }
      }
    }
    return new Found(List.copyOf(files), List.copyOf(certificates), List.copyOf(unreadable));
  }

  /** Returns the folders searched under {@code root}, for messages. */
  static String describeFolders(Path root) {
    List<String> paths = new ArrayList<>();
    for (String folder : FOLDERS) {
      paths.add(Paths.under(root, folder).toString());
    }
    return String.join(" or ", paths);
  }
}
