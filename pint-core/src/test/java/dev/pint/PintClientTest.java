package dev.pint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class PintClientTest {
  @RegisterExtension
  static WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private PintClient client;
  private String base;

  @BeforeEach
  void setUp() {
    base = "http://127.0.0.1:" + service.getPort();
    client = PintClient.builder().baseUrl(base).readTimeout(Duration.ofSeconds(5)).build();
    service.stubFor(get("/v1/providers.json").willReturn(okJson(Fixtures.read("providers.json"))));
    service.stubFor(get("/v1/amazon/servers.json").willReturn(okJson(Fixtures.read("amazon-servers.json"))));
    service.stubFor(get("/v1/microsoft/servers.json")
        .willReturn(okJson(Fixtures.read("microsoft-servers.json"))));
    service.stubFor(get("/v1/microsoft/regions.json")
        .willReturn(okJson(Fixtures.read("microsoft-regions.json"))));
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static List<String> ips(ServerList list) {
    List<String> ips = new ArrayList<>();
    for (Server server : list.servers()) {
      ips.add(server.ipv4() != null ? server.ipv4().getHostAddress() : "v6");
    }
    return ips;
  }

  @Test
  void servers_wholeList() {
    ServerList list = client.servers("amazon");

    assertEquals(11, list.servers().size());
    assertEquals("amazon", list.provider());
    assertEquals(base + "/v1/amazon/servers.json", list.source().toString());
    service.verify(getRequestedFor(urlEqualTo("/v1/amazon/servers.json"))
        .withHeader("Accept-Encoding", equalTo("gzip"))
        .withHeader("User-Agent", equalTo("pint-java/" + PintClient.version())));
  }

  @Test
  void servers_oneRequestForManyQueries() {
    client.servers(ServerQuery.of("amazon").withRegions("us-east-1"));
    client.servers(ServerQuery.of("amazon").withRegions("eu-central-1"));
    client.servers(ServerQuery.of("Amazon").withKind(ServerType.Kind.REGION_SERVER));

    service.verify(1, getRequestedFor(urlEqualTo("/v1/amazon/servers.json")));
  }

  @Test
  void servers_providerSentInLowerCase() {
    ServerList list = client.servers("AMAZON");

    assertEquals("amazon", list.provider());
    service.verify(1, getRequestedFor(urlEqualTo("/v1/amazon/servers.json")));
  }

  @Test
  void servers_oneRegion() {
    ServerList list = client.servers(ServerQuery.of("amazon").withRegions("us-east-1"));

    assertEquals(List.of("198.51.100.10", "203.0.113.11", "203.0.113.12", "203.0.113.13"), ips(list));
    assertEquals(List.of("us-east-1"), list.regions());
  }

  @Test
  void servers_severalRegionsInListOrder() {
    ServerList list = client.servers(ServerQuery.of("amazon").withRegions("us-west-2", "eu-central-1"));

    assertEquals(List.of("198.51.100.20", "198.51.100.30", "203.0.113.31", "v6", "203.0.113.51"),
        ips(list));
    assertEquals(List.of("us-west-2", "eu-central-1"), list.regions());
  }

  @Test
  void servers_sameRegionTwiceListsEachServerOnce() {
    ServerList list = client.servers(ServerQuery.of("amazon").withRegions("us-east-2", "US_East_2"));

    assertEquals(List.of("203.0.113.21"), ips(list));
  }

  @Test
  void servers_kindFilterKeepsVariants() {
    ServerList updates = client.servers(ServerQuery.of("amazon").withRegions("us-east-1")
        .withKind(ServerType.Kind.UPDATE_SERVER));
    ServerList regionServers = client.servers(ServerQuery.of("amazon")
        .withKind(ServerType.Kind.REGION_SERVER));

    assertEquals(List.of("203.0.113.11", "203.0.113.12", "203.0.113.13"), ips(updates));
    assertEquals(List.of("198.51.100.10", "198.51.100.20", "198.51.100.30"), ips(regionServers));
  }

  @Test
  void servers_exactRegionWinsOverNormalizedTwin() {
    ServerList spaced = client.servers(ServerQuery.of("microsoft").withRegions("Germany Central"));
    ServerList joined = client.servers(ServerQuery.of("microsoft").withRegions("germanycentral"));

    assertEquals(List.of("192.0.2.11", "192.0.2.12"), ips(spaced));
    assertEquals(List.of("192.0.2.21"), ips(joined));
  }

  @Test
  void servers_ambiguousRegion() {
    AmbiguousRegionException e = assertThrows(AmbiguousRegionException.class,
        () -> client.servers(ServerQuery.of("microsoft").withRegions("GermanyCentral")));

    assertEquals("region 'GermanyCentral' is ambiguous for microsoft: it matches"
        + " 'Germany Central', 'germanycentral'; give one of them exactly", e.getMessage());
    assertEquals(List.of("Germany Central", "germanycentral"), e.candidates());
  }

  @Test
  void servers_normalizedRegion() {
    ServerList list = client.servers(ServerQuery.of("microsoft").withRegions("GermanyWestCentral"));

    assertEquals(List.of("192.0.2.31"), ips(list));
    assertEquals(List.of("germanywestcentral"), list.regions());
  }

  @Test
  void servers_aliasThroughRegionRoute() {
    service.stubFor(get("/v1/microsoft/uswest/servers.json")
        .willReturn(okJson(Fixtures.read("microsoft-westus-servers.json"))));

    ServerList list = client.servers(ServerQuery.of("microsoft").withRegions("uswest"));

    assertEquals(List.of("192.0.2.41", "192.0.2.42"), ips(list));
    assertEquals(List.of("westus"), list.regions());
  }

  @Test
  void servers_regionNameIsPercentEncoded() {
    service.stubFor(get("/v1/microsoft/West%20US/servers.json")
        .willReturn(okJson(Fixtures.read("microsoft-westus-servers.json"))));

    ServerList list = client.servers(ServerQuery.of("microsoft").withRegions("West US"));

    assertEquals(List.of("192.0.2.41", "192.0.2.42"), ips(list));
  }

  @Test
  void servers_unknownRegionSuggestsClosest() {
    service.stubFor(get("/v1/amazon/us-esat-1/servers.json").willReturn(aResponse().withStatus(404)));

    UnknownRegionException e = assertThrows(UnknownRegionException.class,
        () -> client.servers(ServerQuery.of("amazon").withRegions("us-esat-1")));

    assertEquals("unknown region 'us-esat-1' for amazon; did you mean 'us-east-1', 'us-west-1'?",
        e.getMessage());
  }

  @Test
  void servers_unknownRegionWithoutSuggestion() {
    service.stubFor(get("/v1/amazon/mars-1/servers.json").willReturn(aResponse().withStatus(404)));

    UnknownRegionException e = assertThrows(UnknownRegionException.class,
        () -> client.servers(ServerQuery.of("amazon").withRegions("mars-1")));

    assertEquals("unknown region 'mars-1' for amazon; list the regions with 'pint amazon regions'",
        e.getMessage());
  }

  @Test
  void servers_listedRegionWithoutServersIsEmptySuccess() {
    service.stubFor(get("/v1/microsoft/norwayeast/servers.json").willReturn(okJson("{\"servers\":[]}")));

    ServerList list = client.servers(ServerQuery.of("microsoft").withRegions("norwayeast"));

    assertEquals(List.of(), list.servers());
    assertEquals(List.of("norwayeast"), list.regions());
  }

  @Test
  void servers_emptyAnswerForUnlistedRegionIsUnknown() {
    service.stubFor(get("/v1/microsoft/westeurope/servers.json").willReturn(okJson("{\"servers\":[]}")));

    UnknownRegionException e = assertThrows(UnknownRegionException.class,
        () -> client.servers(ServerQuery.of("microsoft").withRegions("westeurope")));

    assertEquals("westeurope", e.region());
  }

  @Test
  void servers_unknownProviderListsKnownOnes() {
    service.stubFor(get("/v1/amazn/servers.json").willReturn(aResponse().withStatus(404)));

    UnknownProviderException e = assertThrows(UnknownProviderException.class,
        () -> client.servers("amazn"));

    assertEquals("unknown provider 'amazn'; known providers: alibaba, amazon, google, microsoft, oracle",
        e.getMessage());
  }

  @Test
  void servers_providerWithPathCharactersIsUnknown() {
    UnknownProviderException e = assertThrows(UnknownProviderException.class,
        () -> client.servers("../v1"));

    assertEquals("../v1", e.provider());
    service.verify(0, getRequestedFor(urlEqualTo("/v1/servers.json")));
  }

  @Test
  void servers_serverErrorStatus() {
    service.stubFor(get("/v1/google/servers.json").willReturn(aResponse().withStatus(500)));

    HttpStatusException e = assertThrows(HttpStatusException.class, () -> client.servers("google"));

    assertEquals(500, e.code());
    assertEquals("HTTP 500 from " + base + "/v1/google/servers.json", e.getMessage());
  }

  @Test
  void servers_redirectIsNotFollowed() {
    service.stubFor(get("/v1/google/servers.json").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://127.0.0.2:1/v1/google/servers.json")));

    HttpStatusException e = assertThrows(HttpStatusException.class, () -> client.servers("google"));

    assertEquals(302, e.code());
    assertTrue(e.getMessage().contains("redirect to 'http://127.0.0.2:1/v1/google/servers.json'"),
        e.getMessage());
  }

  @Test
  void servers_htmlPageWithStatus200() {
    service.stubFor(get("/v1/google/servers.json").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<!DOCTYPE html><html>Blocked</html>")));

    MalformedDataException e = assertThrows(MalformedDataException.class, () -> client.servers("google"));

    assertEquals("expected JSON from " + base + "/v1/google/servers.json but got 'text/html'"
        + " starting with '<!DOCTYPE html><html>Blocked</html>'; a proxy or captive portal may"
        + " have answered instead", e.getMessage());
  }

  @Test
  void servers_emptyBody() {
    service.stubFor(get("/v1/google/servers.json").willReturn(aResponse().withStatus(200)));

    MalformedDataException e = assertThrows(MalformedDataException.class, () -> client.servers("google"));

    assertEquals("malformed data from " + base + "/v1/google/servers.json: the response body is"
        + " empty where JSON was expected", e.getMessage());
  }

  @Test
  void servers_gzipBodyIsDecoded() throws IOException {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
      out.write(Fixtures.read("google-servers.json").getBytes(StandardCharsets.UTF_8));
    }
    service.stubFor(get("/v1/google/servers.json").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Encoding", "gzip").withBody(gzipped.toByteArray())));

    assertEquals(3, client.servers("google").servers().size());
  }

  @Test
  void servers_bodyOverCapIsRejected() {
    PintClient small = PintClient.builder().baseUrl(base).maxResponseBytes(100).build();
    service.stubFor(get("/v1/google/servers.json").willReturn(okJson(Fixtures.read("google-servers.json"))));

    MalformedDataException e = assertThrows(MalformedDataException.class, () -> small.servers("google"));

    assertEquals("response from " + base + "/v1/google/servers.json is larger than 100 bytes;"
        + " refusing to read it", e.getMessage());
  }

  @Test
  void servers_connectionReset() {
    service.stubFor(get("/v1/google/servers.json")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThrows(ServiceUnavailableException.class, () -> client.servers("google"));
  }

  @Test
  void servers_connectionRefused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PintClient closed = PintClient.builder().baseUrl("http://127.0.0.1:" + port).build();

    ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
        () -> closed.servers("google"));

    assertTrue(e.getMessage().startsWith("cannot connect to 127.0.0.1:" + port + " ("), e.getMessage());
  }

  @Test
  void servers_readTimeout() {
    PintClient impatient = PintClient.builder().baseUrl(base).readTimeout(Duration.ofMillis(200)).build();
    service.stubFor(get("/v1/google/servers.json")
        .willReturn(okJson(Fixtures.read("google-servers.json")).withFixedDelay(2000)));

    ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
        () -> impatient.servers("google"));

    assertEquals("timed out waiting for " + base + "/v1/google/servers.json (Read timed out);"
        + " retry later or raise --timeout", e.getMessage());
  }

  @Test
  void servers_invalidEntryFailsWholeList() {
    service.stubFor(get("/v1/google/servers.json").willReturn(okJson(
        "{\"servers\":[{\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":\"smt\"},"
            + "{\"ip\":\"192.0.2.2; reboot\",\"region\":\"r\",\"type\":\"smt\"}]}")));

    MalformedDataException e = assertThrows(MalformedDataException.class, () -> client.servers("google"));

    assertEquals("malformed data from " + base + "/v1/google/servers.json: server entry 1 is"
        + " invalid: 'ip' '192.0.2.2; reboot' is not an IPv4 address", e.getMessage());
  }

  @Test
  void servers_failureIsNotCached() {
    service.stubFor(get("/v1/google/servers.json").willReturn(aResponse().withStatus(503)));
    assertThrows(HttpStatusException.class, () -> client.servers("google"));
    service.stubFor(get("/v1/google/servers.json").willReturn(okJson(Fixtures.read("google-servers.json"))));

    assertEquals(3, client.servers("google").servers().size());
  }

  @Test
  void servers_fiftyThreadsShareOneRequest() throws Exception {
    service.stubFor(get("/v1/google/servers.json")
        .willReturn(okJson(Fixtures.read("google-servers.json")).withFixedDelay(300)));
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(() -> {
        start.await();
        return client.servers("google").servers().size();
      });
    }

    List<Future<Integer>> results = new ArrayList<>();
    for (Callable<Integer> call : calls) {
      results.add(pool.submit(call));
    }
    start.countDown();
    for (Future<Integer> result : results) {
      assertEquals(3, result.get());
    }
    pool.shutdown();

    service.verify(1, getRequestedFor(urlEqualTo("/v1/google/servers.json")));
  }

  @Test
  void servers_expiredEntryIsFetchedAgain() {
    PintClient uncached = PintClient.builder().baseUrl(base).cacheTtl(Duration.ZERO).build();
    service.stubFor(get("/v1/google/servers.json").willReturn(okJson(Fixtures.read("google-servers.json"))));

    uncached.servers("google");
    uncached.servers("google");

    service.verify(2, getRequestedFor(urlEqualTo("/v1/google/servers.json")));
  }

  @Test
  void regions_listAsSent() {
    List<Region> regions = client.regions("microsoft");

    assertEquals(8, regions.size());
    assertEquals("East US 2", regions.get(0).name());
  }

  @Test
  void serverTypes_listAsSent() {
    service.stubFor(get("/v1/amazon/servers/types.json").willReturn(okJson(Fixtures.read("amazon-types.json"))));

    List<ServerTypeName> types = client.serverTypes("amazon");

    assertEquals(List.of("region", "update"), types.stream().map(ServerTypeName::name).toList());
  }

  @Test
  void providers_listAsSent() {
    assertEquals(List.of("alibaba", "amazon", "google", "microsoft", "oracle"),
        client.providers().stream().map(Provider::name).toList());
  }

  @Test
  void builder_settingTwice() {
    PintClient.Builder builder = PintClient.builder().baseUrl(base);

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder.baseUrl(base));

    assertEquals("baseUrl was already set", e.getMessage());
  }

  @Test
  void builder_rejectsOtherSchemes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PintClient.builder().baseUrl("ftp://127.0.0.1/"));

    assertEquals("base URL must be an absolute http, https or file URL: ftp://127.0.0.1/",
        e.getMessage());
  }

  @Test
  void builder_trailingSlashIgnored() {
    assertEquals(base, PintClient.builder().baseUrl(base + "//").build().baseUrl().toString());
  }

  @Test
  void builder_fetchesNothing() {
    PintClient.builder().baseUrl(base).build().close();

    assertEquals(0, service.getAllServeEvents().size());
  }
}
