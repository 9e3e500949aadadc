package dev.pint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pint.internal.CacheEntry;
import dev.pint.internal.DiskCache;
import dev.pint.testing.RawHttpServer;
import dev.pint.testing.ReliabilityTags;
import dev.pint.testing.ServiceFault;
import dev.pint.testing.Yields;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault matrix through the library: each {@link ServiceFault} ends in its exception and
 * message, never in a partial list; a retry absorbs a fault that passes, and the disk cache
 * absorbs every fault that {@link ServiceFault#cacheAbsorbs} names.
 */
@Tag(ReliabilityTags.FAULT)
final class FaultMatrixTest {
  @RegisterExtension
  static WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @TempDir Path cache;

  private final List<AutoCloseable> started = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable server : started) {
      server.close();
    }
  }

  private PintClient.Builder client(String baseUrl) {
    return PintClient.builder().baseUrl(baseUrl)
        .readTimeout(Duration.ofMillis(ServiceFault.READ_TIMEOUT_MILLIS))
        .retryTimeLimit(Duration.ofSeconds(10));
  }

  @ParameterizedTest
  @EnumSource(ServiceFault.class)
  void servers_fault(ServiceFault fault, TestReporter reporter) {
    String baseUrl = fault.arrange(service, started);

    try (PintClient client = client(baseUrl).build()) {
      if (fault.failure() == null) {
        ServerList list = client.servers("google");
        Yields.publish(reporter, "accepted: " + list.servers().size() + " servers");
        assertEquals(2, list.servers().size());
        return;
      }
      PintException e = assertThrows(PintException.class, () -> client.servers("google"));
      Yields.publish(reporter, e.getClass().getSimpleName() + ": " + e.getMessage());

      assertEquals(fault.failure(), e.getClass());
      assertEquals(fault.message(baseUrl), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(ServiceFault.class)
  void servers_faultRetriedOrNot(ServiceFault fault, TestReporter reporter) {
    String baseUrl = fault.arrange(service, started);

    try (PintClient client = client(baseUrl).maxRetries(2).build()) {
      try {
        client.servers("google");
      } catch (PintException e) {
        // The message is checked by servers_fault.
      }
    }
    int requests = requests(baseUrl);
    Yields.publish(reporter, requests < 0 ? "no server to count requests"
        : requests + " requests with 2 retries allowed");

    if (requests >= 0) {
      assertEquals(fault.retried(), requests > 1, requests + " requests");
    }
  }

  /**
   * Returns the requests for the servers document at {@code baseUrl}: WireMock's, a raw
   * server's, or -1 when nothing listens there.
   */
  private int requests(String baseUrl) {
    if (baseUrl.endsWith(":" + service.getPort())) {
      return service.findAll(getRequestedFor(urlEqualTo(ServiceFault.PATH))).size();
    }
    for (AutoCloseable server : started) {
      if (server instanceof RawHttpServer raw && raw.baseUrl().equals(baseUrl)) {
        return raw.requests();
      }
    }
    return -1;
  }

  @ParameterizedTest
  @EnumSource(ServiceFault.class)
  void servers_faultAbsorbedByCache(ServiceFault fault, TestReporter reporter) {
    String baseUrl = fault.arrange(service, started);
    Path entries = cache.resolve("entries");
    new DiskCache(entries).write(new CacheEntry(URI.create(baseUrl + ServiceFault.PATH),
        Instant.now().minus(Duration.ofDays(2)), null, null,
        ServiceFault.SERVERS.getBytes(StandardCharsets.UTF_8)));

    try (PintClient client = client(baseUrl).cacheDirectory(entries).maxRetries(0).build()) {
      if (!fault.cacheAbsorbs() && fault.failure() != null) {
        PintException e = assertThrows(PintException.class, () -> client.servers("google"));
        Yields.publish(reporter, "not absorbed, an answer: " + e.getMessage());
        assertEquals(fault.message(baseUrl), e.getMessage());
        return;
      }
      ServerList list = client.servers("google");
      Yields.publish(reporter, fault.failure() == null
          ? "no failure to absorb: the fresh list of " + list.servers().size() + " servers"
          : "absorbed: the cached list of " + list.servers().size() + " servers");

      assertEquals(2, list.servers().size());
    }
  }

  @Test
  void servers_retryAbsorbs503ThenSucceeds(TestReporter reporter) {
    service.stubFor(get(ServiceFault.PATH).inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("up"));
    service.stubFor(get(ServiceFault.PATH).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson(ServiceFault.SERVERS)));

    try (PintClient client = client("http://127.0.0.1:" + service.getPort()).build()) {
      ServerList list = client.servers("google");
      Yields.publish(reporter, "absorbed by one retry after Retry-After: 1; " + list.servers().size() + " servers");

      assertEquals(2, list.servers().size());
    }
    service.verify(2, getRequestedFor(urlEqualTo(ServiceFault.PATH)));
  }


}
