package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TLS-inspecting proxy: a real mitmdump on loopback that re-signs every certificate. */
final class InterceptionCliTest {
  @TempDir static Path folder;

  private static TlsFixture tls;
  private static WireMockServer service;
  private static Process mitmdump;
  private static int proxyPort;
  private static Path proxyLog;

  @BeforeAll
  static void start() throws Exception {
    Path executable = ExternalTools.require("mitmdump");
    tls = TlsFixture.create(folder);
    service = tls.startService();
    proxyPort = ExternalTools.freePort();
    proxyLog = folder.resolve("mitmdump.log");
    // ssl_insecure: the origin's certificate is self-signed; the client side is what is tested.
    mitmdump = ExternalTools.start(List.of(executable.toString(), "--listen-host", "127.0.0.1",
        "--listen-port", String.valueOf(proxyPort), "--set", "confdir=" + folder.resolve("mitm"),
        "--set", "ssl_insecure=true"), proxyLog, proxyPort);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    ExternalTools.stop(mitmdump);
    if (service != null) {
      service.stop();
    }
  }

  private static Map<String, String> environment() {
    return Map.of("XDG_CACHE_HOME", folder.resolve("cache").toString());
  }

  private static String baseUrl() {
    return "https://127.0.0.1:" + service.httpsPort();
  }

  @Test
  void cacertOfProxy_answersAsDirect() throws Exception {
    Path proxyCa = folder.resolve("mitm/mitmproxy-ca-cert.pem");
    CliRun direct = CliRun.run(environment(), "--no-cache", "--cacert",
        tls.certificatePem.toString(), "--base-url", baseUrl(), "amazon", "servers", "--json");

    CliRun intercepted = CliRun.run(environment(), "--no-cache", "--proxy",
        "http://127.0.0.1:" + proxyPort, "--cacert", proxyCa.toString(), "--base-url", baseUrl(),
        "amazon", "servers", "--json");

    assertEquals(0, direct.status(), direct.err());
    assertEquals(0, intercepted.status(), intercepted.err());
    assertEquals(direct.out(), intercepted.out());
    assertEquals("", intercepted.err());
    String log = Files.readString(proxyLog);
    assertTrue(log.contains("GET " + baseUrl() + "/v1/amazon/servers.json"), log);
  }

  @Test
  void withoutCacert_namesInspectingProxyAndCacert() {
    CliRun run = CliRun.run(environment(), "--no-cache", "--proxy",
        "http://127.0.0.1:" + proxyPort, "--base-url", baseUrl(), "providers");

    assertEquals(1, run.status());
    assertEquals("", run.out());
    assertEquals("pint: TLS certificate of 127.0.0.1:" + service.httpsPort() + " is not trusted"
        + " (unable to find valid certification path to requested target); a TLS-inspecting"
        + " proxy may be in the path: if so, pass its CA certificate with --cacert FILE\n",
        run.err());
  }

  @Test
  void cacertOfOrigin_doesNotTrustProxy() {
    CliRun run = CliRun.run(environment(), "--no-cache", "--proxy",
        "http://127.0.0.1:" + proxyPort, "--cacert", tls.certificatePem.toString(),
        "--base-url", baseUrl(), "providers");

    assertEquals(1, run.status());
    assertTrue(run.err().startsWith("pint: TLS certificate of 127.0.0.1:" + service.httpsPort()
        + " is not trusted ("), run.err());
  }
}
