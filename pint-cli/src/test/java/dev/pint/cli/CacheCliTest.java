package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CacheCliTest {
  @TempDir Path temporary;

  private WireMockServer service;
  private Map<String, String> environment;
  private String baseUrl;

  @BeforeEach
  void startService() {
    service = ServiceFixture.start();
    baseUrl = "http://127.0.0.1:" + service.port();
    environment = Map.of("XDG_CACHE_HOME", temporary.resolve("cache").toString());
  }

  @AfterEach
  void stopService() {
    service.stop();
  }

  @Test
  void serviceStopped_usesCacheWithWarning() {
    CliRun first = CliRun.run(environment, "--base-url", baseUrl, "amazon", "servers", "--json");
    service.stop();

    CliRun second = CliRun.run(environment, "--base-url", baseUrl, "--max-age", "0",
        "amazon", "servers", "--json");

    assertEquals(0, first.status(), first.err());
    assertEquals(0, second.status(), second.err());
    assertEquals(first.out(), second.out());
    List<String> lines = second.err().lines().toList();
    String url = baseUrl + "/v1/amazon/servers.json";
    assertEquals(4, lines.size(), second.err());
    for (int retry = 1; retry <= 3; retry++) {
      assertTrue(lines.get(retry - 1).matches("pint: warning: retrying \\Q" + url
          + "\\E in \\d+\\.\\d s \\(retry " + retry + " of 3\\) after: cannot connect to"
          + " 127\\.0\\.0\\.1:\\d+ \\(Connection refused\\); check the network, the proxy"
          + " settings and --base-url"), lines.get(retry - 1));
    }
    assertTrue(lines.get(3).matches("pint: warning: using the copy of \\Q" + url + "\\E cached"
        + " \\d+ seconds? ago \\(\\S+Z\\) because the request failed: cannot connect to"
        + " 127\\.0\\.0\\.1:\\d+ \\(Connection refused\\); check the network, the proxy settings"
        + " and --base-url"), lines.get(3));
  }

  @Test
  void freshEntry_isUsedWithoutRequest() {
    CliRun first = CliRun.run(environment, "--base-url", baseUrl, "providers");

    CliRun second = CliRun.run(environment, "--base-url", baseUrl, "providers");

    assertEquals(first.out(), second.out());
    assertEquals("", second.err());
    service.verify(1, getRequestedFor(urlEqualTo("/v1/providers.json")));
  }

  @Test
  void refresh_revalidatesAndRenewsOn304() {
    CliRun.run(environment, "--base-url", baseUrl, "providers");
    String etag = "\"" + Integer.toHexString(ServiceFixture.PROVIDERS.hashCode()) + "\"";
    service.stubFor(get(urlEqualTo("/v1/providers.json")).withHeader("If-None-Match", equalTo(etag))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));

    CliRun second = CliRun.run(environment, "--base-url", baseUrl, "--refresh", "--verbose",
        "providers");

    assertEquals(0, second.status(), second.err());
    assertEquals("<?xml version='1.0' encoding='UTF-8'?>\n<providers>\n  <provider name=\"amazon\"/>\n"
        + "</providers>\n\n", second.out());
    service.verify(getRequestedFor(urlEqualTo("/v1/providers.json"))
        .withHeader("If-None-Match", equalTo(etag)));
    List<String> lines = second.err().lines().toList();
    assertEquals("pint: debug: revalidating the cached copy of " + baseUrl
        + "/v1/providers.json (0 seconds old)", lines.get(0).replaceAll("\\(\\d+ seconds?", "(0 seconds"));
    assertTrue(lines.get(1).matches("pint: debug: GET \\Q" + baseUrl
        + "/v1/providers.json\\E \\(revalidation\\): 304, 0 bytes, \\d+ ms"), lines.get(1));
    assertEquals("pint: debug: revalidated " + baseUrl + "/v1/providers.json: not modified,"
        + " cached copy renewed", lines.get(2));
  }

  @Test
  void noCache_neitherReadsNorWrites() {
    CliRun first = CliRun.run(environment, "--base-url", baseUrl, "--no-cache", "providers");

    CliRun second = CliRun.run(environment, "--base-url", baseUrl, "--no-cache", "providers");

    assertEquals(0, second.status(), second.err());
    assertEquals(first.out(), second.out());
    service.verify(2, getRequestedFor(urlEqualTo("/v1/providers.json")));
    assertTrue(Files.notExists(temporary.resolve("cache")));
  }

  @Test
  void cacheFolder_isPrivate() throws IOException {
    CliRun.run(environment, "--base-url", baseUrl, "providers");

    Path folder = temporary.resolve("cache/pint");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
            file.toString());
      }
    }
  }

  @Test
  void offline_missingEntry_failsWithStatus1() {
    CliRun run = CliRun.run(environment, "--base-url", baseUrl, "--offline", "providers");

    assertEquals(1, run.status());
    assertEquals("", run.out());
    assertEquals("pint: offline, and " + baseUrl + "/v1/providers.json is not in the cache "
        + temporary.resolve("cache/pint") + "; run the command once without --offline, or point"
        + " --base-url at a mirror made by 'pint mirror'\n", run.err());
    service.verify(0, getRequestedFor(urlEqualTo("/v1/providers.json")));
  }

  @Test
  void offline_cachedEntry_answersWithoutRequest() {
    CliRun first = CliRun.run(environment, "--base-url", baseUrl, "amazon", "regions");

    CliRun offline = CliRun.run(environment, "--base-url", baseUrl, "--offline", "--max-age",
        "0", "amazon", "regions");

    assertEquals(0, offline.status(), offline.err());
    assertEquals(first.out(), offline.out());
    assertTrue(offline.err().startsWith("pint: warning: offline: using the copy of " + baseUrl
        + "/v1/amazon/regions.json cached "), offline.err());
    assertTrue(offline.err().endsWith(", older than the cache's time to live of 0 seconds; the"
        + " service may list other addresses by now\n"), offline.err());
    service.verify(1, getRequestedFor(urlEqualTo("/v1/amazon/regions.json")));
  }

  @Test
  void offlineWithNoCache_isUsageError() {
    CliRun run = CliRun.run(environment, "--base-url", baseUrl, "--offline", "--no-cache",
        "providers");

    assertEquals(2, run.status());
    assertEquals("pint: --offline needs the disk cache or a mirror, but --no-cache was given; drop"
        + " --no-cache or point --base-url at a mirror made by 'pint mirror'\n", run.err());
  }

  @Test
  void corruptEntry_isDiscardedWithWarning() throws IOException {
    CliRun first = CliRun.run(environment, "--base-url", baseUrl, "providers");
    Path entry;
    try (Stream<Path> files = Files.list(temporary.resolve("cache/pint"))) {
      entry = files.findFirst().orElseThrow();
    }
    Files.writeString(entry, "pint-cache 1\nurl: " + baseUrl + "/v1/providers.json\n");

    CliRun second = CliRun.run(environment, "--base-url", baseUrl, "providers");

    assertEquals(0, second.status(), second.err());
    assertEquals(first.out(), second.out());
    assertEquals("pint: warning: discarded the corrupt cache entry " + entry + " for " + baseUrl
        + "/v1/providers.json (no end of header); fetching it again\n", second.err());
    service.verify(2, getRequestedFor(urlEqualTo("/v1/providers.json")));
  }

  @Test
  void concurrentWriters_leaveWholeEntry() throws Exception {
    StringBuilder big = new StringBuilder("{\"servers\":[");
    for (int i = 0; i < 4_000; i++) {
      big.append(i == 0 ? "" : ",").append("{\"ip\":\"10.0.").append(i / 250).append('.')
          .append(i % 250).append("\",\"ipv6\":\"\",\"name\":\"\",\"region\":\"us-east-1\","
              + "\"type\":\"regionserver\"}");
    }
    big.append("]}");
    service.stubFor(get(urlEqualTo("/v1/amazon/servers.json")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(big.toString())));
    Map<String, String> processEnvironment = Map.of(
        "XDG_CACHE_HOME", temporary.resolve("cache").toString(),
        "PATH", System.getenv("PATH"));

    List<CliRun> runs = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      Process a = CliRun.start(processEnvironment, temporary.resolve("a" + round), "--base-url",
          baseUrl, "--refresh", "amazon", "servers", "--json");
      Process b = CliRun.start(processEnvironment, temporary.resolve("b" + round), "--base-url",
          baseUrl, "--refresh", "amazon", "servers", "--json");
      runs.add(CliRun.finish(a, temporary.resolve("a" + round)));
      runs.add(CliRun.finish(b, temporary.resolve("b" + round)));
    }
    CliRun offline = CliRun.run(environment, "--base-url", baseUrl, "--offline", "amazon",
        "servers", "--json");

    for (CliRun run : runs) {
      assertEquals(0, run.status(), run.err());
      assertEquals("", run.err());
      assertEquals(runs.get(0).out(), run.out());
    }
    assertEquals(0, offline.status(), offline.err());
    assertEquals("", offline.err());
    assertEquals(runs.get(0).out(), offline.out());
    try (Stream<Path> files = Files.list(temporary.resolve("cache/pint"))) {
      assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList());
    }
  }
}
