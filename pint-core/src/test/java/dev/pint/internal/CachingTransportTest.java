package dev.pint.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.pint.CacheMode;
import dev.pint.HttpStatusException;
import dev.pint.MalformedDataException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CachingTransportTest {
  private static final String BODY = "{\"providers\":[{\"name\":\"amazon\"}]}";
  private static final Instant FETCHED = Instant.parse("2024-04-16T08:00:00Z");

  @TempDir Path folder;

  private WireMockServer service;
  private URI url;
  private DiskCache cache;
  private final List<String> warnings = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void start() {
    service = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    service.start();
    url = URI.create("http://127.0.0.1:" + service.port() + "/v1/providers.json");
    cache = new DiskCache(folder.resolve("pint"));
    Logger.getLogger("dev.pint").addHandler(handler);
  }

  @AfterEach
  void stop() {
    Logger.getLogger("dev.pint").removeHandler(handler);
    service.stop();
  }

  private CachingTransport transport(CacheMode mode, Instant now) {
    HttpTransport http = new HttpTransport(Duration.ofSeconds(5), Duration.ofSeconds(5), "test",
        1 << 20, ProxySettings.read(null, Map.of(), new Properties()), null);
    return new CachingTransport(http, cache, Duration.ofHours(1), mode,
        Clock.fixed(now, ZoneOffset.UTC));
  }

  private void storeBody() {
    cache.write(new CacheEntry(url, FETCHED, "\"v1\"", "Tue, 16 Apr 2024 07:00:00 GMT",
        BODY.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void get_futureEntry_isRevalidated() {
    storeBody();
    service.stubFor(get(urlEqualTo("/v1/providers.json"))
        .willReturn(aResponse().withBody("{\"providers\":[]}")));

    Response response = transport(CacheMode.NORMAL, FETCHED.minus(Duration.ofDays(1)))
        .get(Request.of(url));

    assertEquals("{\"providers\":[]}", new String(response.body(), StandardCharsets.UTF_8));
    service.verify(1, getRequestedFor(urlEqualTo("/v1/providers.json")));
  }

  @Test
  void get_slightlyFutureEntry_isFresh() {
    storeBody();

    Response response = transport(CacheMode.NORMAL, FETCHED.minusSeconds(30)).get(Request.of(url));

    assertEquals(BODY, new String(response.body(), StandardCharsets.UTF_8));
    service.verify(0, getRequestedFor(urlEqualTo("/v1/providers.json")));
  }

  @Test
  void offline_staleEntry_warns() {
    storeBody();

    Response response = transport(CacheMode.OFFLINE, FETCHED.plus(Duration.ofDays(3)))
        .get(Request.of(url));

    assertEquals(BODY, new String(response.body(), StandardCharsets.UTF_8));
    assertEquals(List.of("offline: using the copy of " + url + " cached 3 days ago (" + FETCHED
        + "), older than the cache's time to live of 60 minutes; the service may list other"
        + " addresses by now"), warnings);
    service.verify(0, getRequestedFor(urlEqualTo("/v1/providers.json")));
  }

  @Test
  void offline_freshEntry_isQuiet() {
    storeBody();

    Response response = transport(CacheMode.OFFLINE, FETCHED.plusSeconds(60)).get(Request.of(url));

    assertEquals(BODY, new String(response.body(), StandardCharsets.UTF_8));
    assertEquals(List.of(), warnings);
  }

  @Test
  void freshEntry_isReturnedWithoutRequest() {
    storeBody();

    Response response = transport(CacheMode.NORMAL, FETCHED.plusSeconds(60)).get(Request.of(url));

    assertEquals(BODY, new String(response.body(), StandardCharsets.UTF_8));
    assertEquals(FETCHED, response.fetchedAt());
    service.verify(0, getRequestedFor(urlEqualTo("/v1/providers.json")));
  }

  @Test
  void expiredEntry_notModified_renewsFetchTime() {
    storeBody();
    service.stubFor(get(urlEqualTo("/v1/providers.json"))
        .withHeader("If-None-Match", equalTo("\"v1\""))
        .withHeader("If-Modified-Since", equalTo("Tue, 16 Apr 2024 07:00:00 GMT"))
        .willReturn(aResponse().withStatus(304)));

    Response response = transport(CacheMode.NORMAL, FETCHED.plus(Duration.ofHours(2)))
        .get(Request.of(url));

    assertEquals(200, response.status());
    assertEquals(BODY, new String(response.body(), StandardCharsets.UTF_8));
    CacheEntry renewed = cache.read(url);
    assertEquals(BODY, new String(renewed.body(), StandardCharsets.UTF_8));
    assertEquals("\"v1\"", renewed.etag());
    assertTrue(renewed.fetchedAt().isAfter(FETCHED), renewed.fetchedAt().toString());
  }

  @Test
  void expiredEntry_serverError_fallsBackWithAge() {
    storeBody();
    service.stubFor(get(urlEqualTo("/v1/providers.json")).willReturn(aResponse().withStatus(500)));

    Response response = transport(CacheMode.NORMAL, FETCHED.plus(Duration.ofHours(5)))
        .get(Request.of(url));

    assertEquals(BODY, new String(response.body(), StandardCharsets.UTF_8));
    assertEquals(List.of("using the copy of " + url + " cached 5 hours ago (2024-04-16T08:00:00Z)"
        + " because the request failed: HTTP 500 from " + url), warnings);
  }

  @Test
  void expiredEntry_notFound_isThrown() {
    storeBody();
    service.stubFor(get(urlEqualTo("/v1/providers.json")).willReturn(aResponse().withStatus(404)));

    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> transport(CacheMode.NORMAL, FETCHED.plus(Duration.ofHours(5))).get(Request.of(url)));

    assertEquals(404, e.code());
    assertEquals(List.of(), warnings);
  }

  @Test
  void htmlPage_isNeverCached() {
    service.stubFor(get(urlEqualTo("/v1/providers.json")).willReturn(aResponse()
        .withHeader("Content-Type", "text/html").withBody("<html>portal</html>")));

    assertThrows(MalformedDataException.class,
        () -> transport(CacheMode.NORMAL, FETCHED).get(Request.of(url)));

    assertNull(cache.read(url));
  }

  @Test
  void refresh_revalidatesFreshEntry() {
    storeBody();
    service.stubFor(get(urlEqualTo("/v1/providers.json"))
        .willReturn(aResponse().withBody("{\"providers\":[]}")));

    Response response = transport(CacheMode.REFRESH, FETCHED.plusSeconds(1)).get(Request.of(url));

    assertEquals("{\"providers\":[]}", new String(response.body(), StandardCharsets.UTF_8));
    assertArrayEquals(response.body(), cache.read(url).body());
  }

  @Test
  void corruptEntry_isDiscardedWithWarning() throws Exception {
    storeBody();
    Path file = cache.fileFor(url);
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    bytes[bytes.length - 3] = 'X';
    java.nio.file.Files.write(file, bytes);

    CacheEntry entry = cache.read(url);

    assertNull(entry);
    assertEquals(List.of("discarded the corrupt cache entry " + file + " for " + url
        + " (the body does not match its CRC-32C); fetching it again"), warnings);
    assertEquals(false, java.nio.file.Files.exists(file));
  }

  @Test
  void read_deviceEntry_isDiscarded() throws Exception {
    Path file = cache.fileFor(url);
    java.nio.file.Files.createDirectories(file.getParent());
    java.nio.file.Files.createSymbolicLink(file, Path.of("/dev/zero"));

    CacheEntry entry = cache.read(url);

    assertNull(entry);
    assertEquals(List.of("discarded the corrupt cache entry " + file + " for " + url
        + " (it is not a regular file); fetching it again"), warnings);
    assertEquals(false, java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void read_oversizedEntry_isDiscarded() throws Exception {
    DiskCache small = new DiskCache(cache.directory(), 10);
    Path file = small.fileFor(url);
    java.nio.file.Files.createDirectories(file.getParent());
    java.nio.file.Files.write(file, new byte[100_000]);

    CacheEntry entry = small.read(url);

    assertNull(entry);
    assertEquals(List.of("discarded the corrupt cache entry " + file + " for " + url
        + " (it has 100000 bytes, more than 65546); fetching it again"), warnings);
    assertEquals(false, java.nio.file.Files.exists(file));
  }

  @Test
  void read_otherUrlEntry_isQuietMiss() throws Exception {
    storeBody();
    URI other = URI.create(url + "?other");
    java.nio.file.Files.move(cache.fileFor(url), cache.fileFor(other));

    CacheEntry entry = cache.read(other);

    assertNull(entry);
    assertEquals(List.of(), warnings);
    assertEquals(true, java.nio.file.Files.exists(cache.fileFor(other)));
  }

  @Test
  void read_hugeHeaderValue_isCutInWarning() throws Exception {
    Path file = cache.fileFor(url);
    java.nio.file.Files.createDirectories(file.getParent());
    java.nio.file.Files.writeString(file, "pint-cache 1\nurl: " + url + "\nfetched-at: "
        + "9".repeat(100_000) + "\nbody-length: 2\nbody-crc32c: x\n\n{}");

    cache.read(url);

    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).length() < 400, warnings.get(0).length() + " characters");
  }
}
