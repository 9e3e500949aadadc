package dev.pint.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PinnedCertificatesTest {
  @TempDir Path root;

  @Test
  void fileName_ipv6IsCompressedLowerCase() {
    assertEquals("2001:db8::1.pem", PinnedCertificates.fileName("2001:DB8:0:0:0:0:0:1"));
    assertEquals("192.0.2.1.pem", PinnedCertificates.fileName("192.0.2.1"));
    assertEquals("rs.example.com.pem", PinnedCertificates.fileName("rs.example.com"));
  }

  @Test
  void load_entriesUnderCertLocation() {
    TestCertificates.Identity identity = TestCertificates.selfSigned("rs", List.of(), List.of("192.0.2.1"));
    TestCertificates.writePem(root.resolve("var/lib/regionService/certs/2001:db8::1.pem"), identity.certificate());
    RegistrationConfig config = new RegistrationConfig(root.resolve("etc/regionserverclnt.cfg"),
        List.of("2001:DB8::1", "192.0.2.1"), "/var/lib/regionService/certs", null);

    List<PinnedCertificates.Pinned> pinned = PinnedCertificates.load(root, config);

    assertNotNull(pinned.get(0).certificate());
    assertNull(pinned.get(0).problem());
    assertNull(pinned.get(1).certificate());
    assertEquals("missing " + root.resolve("var/lib/regionService/certs/192.0.2.1.pem"), pinned.get(1).problem());
  }
}
