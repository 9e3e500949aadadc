package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy paths through a real tinyproxy on loopback. */
final class ProxyCliTest {
  private static final String USER = "pintuser";
  private static final String PASSWORD = "s3cret-pintpass";

  @TempDir static Path certificates;
  @TempDir Path temporary;

  private static TlsFixture tls;
  private WireMockServer service;
  private Process proxy;
  private int proxyPort;
  private Path proxyLog;

  @BeforeAll
  static void createCertificate() throws Exception {
    tls = TlsFixture.create(certificates);
  }

  @BeforeEach
  void startService() {
    service = tls.startService();
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    ExternalTools.stop(proxy);
    service.stop();
  }

  /** Starts tinyproxy with the given extra configuration lines. */
  private void startProxy(String... lines) throws IOException, InterruptedException {
    Path tinyproxy = ExternalTools.require("tinyproxy");
    proxyPort = ExternalTools.freePort();
    Path config = temporary.resolve("tinyproxy.conf");
    StringBuilder text = new StringBuilder("Port " + proxyPort + "\nListen 127.0.0.1\n"
        + "Allow 127.0.0.1\nLogLevel Connect\n");
    for (String line : lines) {
      text.append(line).append('\n');
    }
    Files.writeString(config, text);
    proxyLog = temporary.resolve("tinyproxy.log");
    proxy = ExternalTools.start(List.of(tinyproxy.toString(), "-d", "-c", config.toString()),
        proxyLog, proxyPort);
  }

  private String httpUrl() {
    return "http://127.0.0.1:" + service.port();
  }

  private String httpsUrl() {
    return "https://127.0.0.1:" + service.httpsPort();
  }

  private Map<String, String> environment(String... pairs) {
    Map<String, String> environment = new java.util.HashMap<>();
    environment.put("XDG_CACHE_HOME", temporary.resolve("cache").toString());
    environment.put("PATH", System.getenv("PATH"));
    for (int i = 0; i < pairs.length; i += 2) {
      environment.put(pairs[i], pairs[i + 1]);
    }
    return environment;
  }

  @Test
  void httpProxyVariable_sendsRequestThroughProxy() throws Exception {
    startProxy();
    CliRun direct = CliRun.run(environment(), "--no-cache", "--base-url", httpUrl(),
        "amazon", "servers");

    CliRun proxied = CliRun.run(environment("http_proxy", "http://127.0.0.1:" + proxyPort),
        "--no-cache", "--base-url", httpUrl(), "amazon", "servers");

    assertEquals(0, proxied.status(), proxied.err());
    assertEquals(direct.out(), proxied.out());
    assertEquals("", proxied.err());
    service.verify(1, getRequestedFor(urlEqualTo("/v1/amazon/servers.json"))
        .withHeader("Via", containing("tinyproxy")));
  }

  @Test
  void noProxy_bypassesProxy() throws Exception {
    int closed = ExternalTools.freePort();
    for (String noProxy : List.of("127.0.0.1", " example.com , 127.0.0.0/8", "*",
        "127.0.0.1:" + service.port())) {
      CliRun run = CliRun.run(environment("http_proxy", "http://127.0.0.1:" + closed,
          "NO_PROXY", noProxy), "--no-cache", "--base-url", httpUrl(), "providers");

      assertEquals(0, run.status(), noProxy + ": " + run.err());
      assertEquals("", run.err(), noProxy);
    }
  }

  @Test
  void unreachableProxy_isNamedInError() throws Exception {
    int closed = ExternalTools.freePort();

    CliRun run = CliRun.run(environment("http_proxy", "127.0.0.1:" + closed,
        "no_proxy", "example.com"), "--no-cache", "--base-url", httpUrl(), "providers");

    assertEquals(1, run.status());
    assertEquals("", run.out());
    List<String> lines = run.err().lines().toList();
    assertEquals("pint: cannot connect to proxy 127.0.0.1:" + closed + " (from http_proxy)"
        + " (Connection refused); check the network, the proxy and --base-url",
        lines.get(lines.size() - 1));
  }

  @Test
  void connectWithCredentials_answersAsDirect() throws Exception {
    startProxy("BasicAuth " + USER + " " + PASSWORD, "ConnectPort " + service.httpsPort());
    CliRun direct = CliRun.run(environment(), "--no-cache", "--cacert",
        tls.certificatePem.toString(), "--base-url", httpsUrl(), "amazon", "servers", "--json");

    CliRun proxied = CliRun.subprocess(temporary.resolve("proxied"), environment(
        "https_proxy", "http://" + USER + ":" + PASSWORD + "@127.0.0.1:" + proxyPort),
        "--no-cache", "--cacert", tls.certificatePem.toString(), "--base-url", httpsUrl(),
        "--debug", "amazon", "servers", "--json");

    assertEquals(0, direct.status(), direct.err());
    assertEquals(0, proxied.status(), proxied.err());
    assertEquals(direct.out(), proxied.out());
    assertTrue(proxied.err().contains("GET " + httpsUrl() + "/v1/amazon/servers.json via proxy"
        + " 127.0.0.1:" + proxyPort + " (from https_proxy): 200, "), proxied.err());
    assertFalse(proxied.err().contains(PASSWORD), proxied.err());
    assertTrue(Files.readString(proxyLog).contains("CONNECT"), Files.readString(proxyLog));
  }

  @Test
  void connectWithoutCredentials_reports407() throws Exception {
    startProxy("BasicAuth " + USER + " " + PASSWORD, "ConnectPort " + service.httpsPort());

    CliRun run = CliRun.run(environment("HTTPS_PROXY", "http://127.0.0.1:" + proxyPort),
        "--no-cache", "--cacert", tls.certificatePem.toString(), "--base-url", httpsUrl(),
        "providers");

    assertEquals(1, run.status());
    assertEquals("", run.out());
    assertEquals("pint: the proxy 127.0.0.1:" + proxyPort + " (from HTTPS_PROXY) rejected the"
        + " request to 127.0.0.1:" + service.httpsPort() + " with HTTP 407 Proxy Authentication"
        + " Required; put credentials in the proxy URL, as in http://USER:PASSWORD@127.0.0.1:"
        + proxyPort + "\n", run.err());
  }

  @Test
  void connectWithWrongPassword_reportsStatusWithoutPassword() throws Exception {
    startProxy("BasicAuth " + USER + " " + PASSWORD, "ConnectPort " + service.httpsPort());

    CliRun run = CliRun.subprocess(temporary.resolve("wrong"), environment(), "--no-cache",
        "--proxy", "http://" + USER + ":wrong-" + PASSWORD + "@127.0.0.1:" + proxyPort,
        "--cacert", tls.certificatePem.toString(), "--base-url", httpsUrl(), "--verbose",
        "providers");

    assertEquals(1, run.status());
    assertEquals("", run.out());
    List<String> lines = run.err().lines().toList();
    // tinyproxy 1.11 rejects a wrong password with 401, not 407.
    assertEquals("pint: the proxy 127.0.0.1:" + proxyPort + " (from --proxy) rejected the"
        + " request to 127.0.0.1:" + service.httpsPort() + " with HTTP 401 Unauthorized; check"
        + " the user name and password in the proxy URL", lines.get(lines.size() - 1));
    assertFalse(run.err().contains(PASSWORD), run.err());
  }

  @Test
  void connectToForbiddenPort_reports403() throws Exception {
    startProxy("ConnectPort 443");

    CliRun run = CliRun.run(environment(), "--no-cache", "--proxy",
        "http://127.0.0.1:" + proxyPort, "--cacert", tls.certificatePem.toString(),
        "--base-url", httpsUrl(), "providers");

    assertEquals(1, run.status());
    assertEquals("", run.out());
    assertEquals("pint: the proxy 127.0.0.1:" + proxyPort + " (from --proxy) rejected the request"
        + " to 127.0.0.1:" + service.httpsPort() + " with HTTP 403 Access violation; the proxy"
        + " does not allow this destination: ask its administrator, or bypass it with no_proxy\n",
        run.err());
  }

  @Test
  void invalidProxyUrl_isUsageErrorWithoutPassword() {
    CliRun run = CliRun.run(environment("https_proxy", "socks5://me:" + PASSWORD
        + "@127.0.0.1:1080"), "--base-url", httpsUrl(), "providers");

    assertEquals(2, run.status());
    assertEquals("pint: invalid proxy URL 'socks5://me:***@127.0.0.1:1080' in https_proxy: only"
        + " http:// proxies are supported, not socks5://; use http://[USER:PASSWORD@]HOST:PORT\n",
        run.err());
  }
}
