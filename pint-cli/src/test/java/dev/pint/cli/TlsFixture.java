package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A self-signed certificate for 127.0.0.1, made with the JDK's keytool, and a WireMock copy of
 * the service that serves HTTPS with it.
 */
final class TlsFixture {
  static final String PASSWORD = "changeit";

  final Path keyStore;
  final Path certificatePem;

  private TlsFixture(Path keyStore, Path certificatePem) {
    this.keyStore = keyStore;
    this.certificatePem = certificatePem;
  }

  static TlsFixture create(Path folder) throws IOException, InterruptedException {
    Path keyStore = folder.resolve("origin.p12");
    Path pem = folder.resolve("origin.pem");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(List.of(keytool, "-genkeypair", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
        "-storepass", PASSWORD, "-keypass", PASSWORD, "-alias", "origin", "-keyalg", "RSA",
        "-keysize", "2048", "-validity", "2", "-dname", "CN=pint-test-origin",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost"));
    run(List.of(keytool, "-exportcert", "-rfc", "-keystore", keyStore.toString(), "-storepass",
        PASSWORD, "-alias", "origin", "-file", pem.toString()));
    return new TlsFixture(keyStore, pem);
  }

  /** Starts the service on a loopback HTTPS port (and an HTTP one that the tests ignore). */
  WireMockServer startService() {
    return ServiceFixture.start(WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .dynamicPort()
        .dynamicHttpsPort()
        .keystorePath(keyStore.toString())
        .keystoreType("PKCS12")
        .keystorePassword(PASSWORD)
        .keyManagerPassword(PASSWORD));
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + output);
  }
}
