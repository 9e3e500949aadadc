package dev.pint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pint.testing.JsonText;
import dev.pint.testing.PropertyCheck;
import dev.pint.testing.ReliabilityTags;
import dev.pint.testing.ServerListGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Region and kind selections of the library never return a server the whole list lacks. */
@Tag(ReliabilityTags.PROPERTY)
final class ServerQueryPropertyTest {
  @RegisterExtension
  static WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  /** A served list and two queries, the second one narrower than the first. */
  record Case(List<Map<String, @Nullable Object>> entries, List<String> regions, String extraRegion,
      ServerType.@Nullable Kind kind) {}

  private static Case generate(SplittableRandom random) {
    List<Map<String, @Nullable Object>> entries = ServerListGenerator.serverEntries(random, 12);
    List<String> regions = new ArrayList<>();
    for (Map<String, @Nullable Object> entry : entries) {
      if (random.nextInt(3) == 0) {
        regions.add((String) entry.get("region"));
      }
    }
    String extra = entries.isEmpty() ? "nowhere" : (String) entries.get(random.nextInt(entries.size())).get("region");
    ServerType.Kind[] kinds = ServerType.Kind.values();
    return new Case(entries, regions, extra, random.nextBoolean() ? null : kinds[random.nextInt(kinds.length)]);
  }

  private static Set<Map<String, @Nullable Object>> fields(ServerList list) {
    Set<Map<String, @Nullable Object>> fields = new HashSet<>();
    for (Server server : list.servers()) {
      fields.add(server.fields());
    }
    return fields;
  }

  /** Runs the query, returning an empty set when it fails, which widens nothing either. */
  private static Set<Map<String, @Nullable Object>> select(PintClient client, ServerQuery query) {
    try {
      return fields(client.servers(query));
    } catch (UnknownRegionException | AmbiguousRegionException e) {
      return Set.of();
    }
  }

  @Test
  void servers_selectionNeverWidens(TestReporter reporter) {
    service.stubFor(get(urlPathMatching("/v1/google/.+/servers.json")).willReturn(aResponse().withStatus(404)));

    PropertyCheck.forAll(reporter, 150, ServerQueryPropertyTest::generate, c -> {
      service.stubFor(get("/v1/google/servers.json")
          .willReturn(okJson(JsonText.document("servers", c.entries()))));
      try (PintClient client = PintClient.builder().baseUrl("http://127.0.0.1:" + service.getPort()).build()) {
        Set<Map<String, @Nullable Object>> all = fields(client.servers("google"));
        List<String> wider = new ArrayList<>(c.regions());
        wider.add(c.extraRegion());

        Set<Map<String, @Nullable Object>> byKind = select(client, ServerQuery.of("google").withKind(c.kind()));
        Set<Map<String, @Nullable Object>> byRegions = c.regions().isEmpty()
            ? all : select(client, ServerQuery.of("google").withRegions(c.regions()));
        Set<Map<String, @Nullable Object>> byMoreRegions = select(client, ServerQuery.of("google").withRegions(wider));
        Set<Map<String, @Nullable Object>> byBoth = c.regions().isEmpty()
            ? byKind : select(client, ServerQuery.of("google").withRegions(c.regions()).withKind(c.kind()));

        assertTrue(all.containsAll(byKind), "kind");
        assertTrue(all.containsAll(byMoreRegions), "regions");
        assertTrue(byRegions.containsAll(byBoth), "regions and kind within regions");
        assertTrue(byKind.containsAll(byBoth), "regions and kind within kind");
      }
    });
  }
}
