package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each network failure has its own message and exit status 1, with nothing on stdout. */
final class NetworkFailureCliTest {
  @TempDir Path temporary;

  private WireMockServer service;
  private String baseUrl;

  @BeforeEach
  void startService() {
    service = ServiceFixture.start();
    baseUrl = "http://127.0.0.1:" + service.port();
  }

  @AfterEach
  void stopService() {
    service.stop();
  }

  private CliRun providers(String... options) {
    List<String> args = new java.util.ArrayList<>(List.of("--no-cache", "--base-url", baseUrl));
    args.addAll(List.of(options));
    args.add("providers");
    return CliRun.run(Map.of("XDG_CACHE_HOME", temporary.toString()),
        args.toArray(String[]::new));
  }

  private static String lastLine(CliRun run) {
    List<String> lines = run.err().lines().toList();
    return lines.get(lines.size() - 1);
  }

  @Test
  void connectionReset_isRetriedThenReported() {
    service.stubFor(get(urlEqualTo("/v1/providers.json"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    CliRun run = providers();

    assertEquals(1, run.status());
    assertEquals("", run.out());
    assertEquals("pint: connection to 127.0.0.1:" + service.port() + " was reset (Connection"
        + " reset); retry later", lastLine(run));
    assertEquals(4, run.err().lines().count());
    // Four attempts, and HttpURLConnection itself sends a GET once more when the connection is
    // reset before any response.
    service.verify(8, getRequestedFor(urlEqualTo("/v1/providers.json")));
  }

  @Test
  void slowResponse_timesOut() {
    service.stubFor(get(urlEqualTo("/v1/providers.json"))
        .willReturn(aResponse().withFixedDelay(3_000).withBody(ServiceFixture.PROVIDERS)));

    CliRun run = providers("--timeout", "0.5");

    assertEquals(1, run.status());
    assertEquals("", run.out());
    assertEquals("pint: timed out waiting for " + baseUrl + "/v1/providers.json (Read timed"
        + " out); retry later or raise --timeout", lastLine(run));
  }

  @Test
  void htmlPage_isReportedWithItsStart() {
    service.stubFor(get(urlEqualTo("/v1/providers.json")).willReturn(aResponse()
        .withHeader("Content-Type", "text/html")
        .withBody("<html><body>Please log in to the guest network</body></html>")));

    CliRun run = providers();

    assertEquals(1, run.status());
    assertEquals("", run.out());
    assertEquals("pint: expected JSON from " + baseUrl + "/v1/providers.json but got 'text/html'"
        + " starting with '<html><body>Please log in to the guest network</body></html>'; a"
        + " proxy or captive portal may have answered instead\n", run.err());
  }

  @Test
  void status503_honoursRetryAfterThenFails() {
    service.stubFor(get(urlEqualTo("/v1/providers.json"))
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));

    CliRun run = providers();

    assertEquals(1, run.status());
    assertEquals("", run.out());
    assertEquals(List.of(
        "pint: warning: retrying " + baseUrl + "/v1/providers.json in 1.0 s (retry 1 of 3)"
            + " after: HTTP 503 from " + baseUrl + "/v1/providers.json",
        "pint: warning: retrying " + baseUrl + "/v1/providers.json in 1.0 s (retry 2 of 3)"
            + " after: HTTP 503 from " + baseUrl + "/v1/providers.json",
        "pint: warning: retrying " + baseUrl + "/v1/providers.json in 1.0 s (retry 3 of 3)"
            + " after: HTTP 503 from " + baseUrl + "/v1/providers.json",
        "pint: HTTP 503 from " + baseUrl + "/v1/providers.json"), run.err().lines().toList());
  }

  @Test
  void status404_isNotRetried() {
    service.stubFor(get(urlEqualTo("/v1/providers.json")).willReturn(aResponse().withStatus(404)));

    CliRun run = providers();

    assertEquals(1, run.status());
    assertEquals("pint: HTTP 404 from " + baseUrl + "/v1/providers.json\n", run.err());
    service.verify(1, getRequestedFor(urlEqualTo("/v1/providers.json")));
  }

  @Test
  void untrustedCertificate_namesCacert() throws Exception {
    TlsFixture tls = TlsFixture.create(temporary);
    WireMockServer https = tls.startService();
    try {
      CliRun run = CliRun.run(Map.of("XDG_CACHE_HOME", temporary.toString()), "--no-cache",
          "--base-url", "https://127.0.0.1:" + https.httpsPort(), "providers");

      assertEquals(1, run.status());
      assertEquals("pint: TLS certificate of 127.0.0.1:" + https.httpsPort() + " is not trusted"
          + " (unable to find valid certification path to requested target); a TLS-inspecting"
          + " proxy may be in the path: if so, pass its CA certificate with --cacert FILE\n",
          run.err());
    } finally {
      https.stop();
    }
  }

  @Test
  void missingCacertFile_isUsageError() {
    CliRun run = providers("--cacert", temporary.resolve("none.pem").toString());

    assertEquals(2, run.status());
    assertEquals("pint: invalid --cacert '" + temporary.resolve("none.pem") + "': no readable file"
        + " there; give a PEM file of CA certificates\n", run.err());
  }

  @Test
  void debug_printsStackTrace() {
    service.stubFor(get(urlEqualTo("/v1/providers.json")).willReturn(aResponse().withStatus(404)));

    CliRun run = providers("--debug");

    assertEquals(1, run.status());
    List<String> lines = run.err().lines().toList();
    assertEquals("pint: HTTP 404 from " + baseUrl + "/v1/providers.json", lines.get(1));
    assertEquals("dev.pint.HttpStatusException: HTTP 404 from " + baseUrl + "/v1/providers.json",
        lines.get(2));
  }
}
