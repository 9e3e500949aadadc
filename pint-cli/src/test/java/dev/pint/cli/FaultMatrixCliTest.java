package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pint.internal.CacheEntry;
import dev.pint.internal.DiskCache;
import dev.pint.testing.ReliabilityTags;
import dev.pint.testing.ServiceFault;
import dev.pint.testing.Yields;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault matrix through the {@code pint} command. A failing run exits with 1, prints nothing
 * on stdout, and ends stderr with one {@code pint: } error line; the only lines before it are the
 * one-line warnings of retries. A run that a retry or the cache absorbs prints the whole list.
 */
@Tag(ReliabilityTags.FAULT)
final class FaultMatrixCliTest {
  @RegisterExtension
  static WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  /** What {@code pint google servers --json} prints for {@link ServiceFault#SERVERS}. */
  private static final String EXPECTED_JSON = "{\n  \"servers\": [\n    {\n      \"ip\": \"192.0.2.1\",\n"
      + "      \"ipv6\": \"\",\n      \"name\": \"smt-gce.susecloud.net\",\n      \"region\": \"us-central1\",\n"
      + "      \"type\": \"smt\"\n    },\n    {\n      \"ip\": \"192.0.2.2\",\n      \"ipv6\": \"2001:db8::2\",\n"
      + "      \"name\": \"\",\n      \"region\": \"us-central1\",\n      \"type\": \"regionserver\"\n    }\n  ]\n}\n";

  @TempDir Path cache;

  private final List<AutoCloseable> started = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable server : started) {
      server.close();
    }
  }

  private CliRun pint(String baseUrl) {
    return CliRun.run(Map.of("PINT_BASE_URL", baseUrl, "XDG_CACHE_HOME", cache.toString()),
        "google", "servers", "--json", "--timeout=" + ServiceFault.READ_TIMEOUT_MILLIS / 1000.0);
  }

  private static List<String> warnings(CliRun run) {
    return run.err().lines().filter(line -> line.startsWith("pint: warning: ")).toList();
  }

  @ParameterizedTest
  @EnumSource(ServiceFault.class)
  void servers_fault(ServiceFault fault, TestReporter reporter) {
    String baseUrl = fault.arrange(service, started);

    CliRun run = pint(baseUrl);
    Yields.publish(reporter, HostileDataCliTest.describe(run));

    HostileDataCliTest.assertTerminalSafe(run.err());
    if (fault.failure() == null) {
      assertEquals(EXPECTED_JSON, run.out());
      assertEquals(0, run.status());
      return;
    }
    List<String> lines = run.err().lines().toList();
    assertEquals("", run.out());
    assertEquals(1, run.status());
    assertEquals("pint: " + fault.message(baseUrl), lines.get(lines.size() - 1));
    assertEquals(lines.size() - 1, warnings(run).size(), run.err());
    assertEquals(fault.retried() ? 3 : 0, warnings(run).size(), run.err());
  }

  @ParameterizedTest
  @EnumSource(ServiceFault.class)
  void servers_faultAbsorbedByCache(ServiceFault fault, TestReporter reporter) {
    String baseUrl = fault.arrange(service, started);
    new DiskCache(cache.resolve("pint")).write(new CacheEntry(URI.create(baseUrl + ServiceFault.PATH),
        Instant.now().minus(Duration.ofDays(2)), null, null,
        ServiceFault.SERVERS.getBytes(StandardCharsets.UTF_8)));

    CliRun run = pint(baseUrl);
    Yields.publish(reporter, HostileDataCliTest.describe(run));

    if (!fault.cacheAbsorbs() && fault.failure() != null) {
      assertEquals("", run.out());
      assertEquals("pint: " + fault.message(baseUrl) + "\n", run.err());
      assertEquals(1, run.status());
      return;
    }
    assertEquals(EXPECTED_JSON, run.out());
    assertEquals(0, run.status());
    if (fault.failure() != null) {
      String last = warnings(run).get(warnings(run).size() - 1);
      assertTrue(last.startsWith("pint: warning: using the copy of " + baseUrl + ServiceFault.PATH
          + " cached 2 days ago ("), last);
    }
  }

  @Test
  void servers_retryAbsorbs503(TestReporter reporter) {
    service.stubFor(get("/v1/google/servers.json").inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("up"));
    service.stubFor(get("/v1/google/servers.json").inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson(ServiceFault.SERVERS)));
    String baseUrl = "http://127.0.0.1:" + service.getPort();

    CliRun run = pint(baseUrl);
    Yields.publish(reporter, HostileDataCliTest.describe(run));

    assertEquals(EXPECTED_JSON, run.out());
    assertEquals("pint: warning: retrying " + baseUrl + "/v1/google/servers.json in 1.0 s (retry 1"
        + " of 3) after: HTTP 503 from " + baseUrl + "/v1/google/servers.json\n", run.err());
    assertEquals(0, run.status());
  }
}
