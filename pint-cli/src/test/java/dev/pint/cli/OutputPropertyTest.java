package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pint.internal.IpLiterals;
import dev.pint.internal.JsonDocuments;
import dev.pint.internal.ServerEntries;
import dev.pint.testing.JsonText;
import dev.pint.testing.PropertyCheck;
import dev.pint.testing.ReliabilityTags;
import dev.pint.testing.ServerListGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Properties of the output formats and filters on generated server lists. */
@Tag(ReliabilityTags.PROPERTY)
final class OutputPropertyTest {
  @RegisterExtension
  static WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final URI URL = URI.create("http://127.0.0.1/v1/google/servers.json");
  private static final Map<String, String> SERVER_FILTERS = Map.of("ip", "=", "name", "~!%", "type", "~!%");

  private static List<Map<String, @Nullable Object>> parse(String json) {
    return JsonDocuments.readList(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "servers", URL);
  }

  /**
   * Returns {@code value} with every decimal number in its shortest form, because JSON, like the
   * reference client, does not keep trailing zeros: {@code 10.00} and {@code 10.0} are one number.
   */
  private static @Nullable Object numbersNormalized(@Nullable Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, @Nullable Object> normalized = new LinkedHashMap<>();
      map.forEach((k, v) -> normalized.put(k, numbersNormalized(v)));
      return normalized;
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> normalized = new ArrayList<>();
      list.forEach(v -> normalized.add(numbersNormalized(v)));
      return normalized;
    }
    return value;
  }

  @TempDir Path cacheRoot;

  /** Runs {@code pint} with a new, empty disk cache, because every try serves another list. */
  private CliRun pint(String... args) {
    try {
      Path cache = Files.createTempDirectory(cacheRoot, "cache");
      return CliRun.run(Map.of("PINT_BASE_URL", "http://127.0.0.1:" + service.getPort(),
          "XDG_CACHE_HOME", cache.toString()), args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void referenceJson_parsesBackUnchanged(TestReporter reporter) {
    PropertyCheck.forAll(reporter, 1_000, random -> {
      List<Map<String, @Nullable Object>> entries = new ArrayList<>();
      for (int i = random.nextInt(6); i > 0; i--) {
        Map<String, @Nullable Object> entry = ServerListGenerator.serverEntry(random);
        entry.put("extra", ServerListGenerator.jsonValue(random, 3));
        entries.add(entry);
      }
      return entries;
    }, entries -> {
      String json = ReferenceJson.render("servers", entries);

      assertEquals(numbersNormalized(entries), numbersNormalized(parse(json)));
      assertTrue(json.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)), json);
    });
  }

  @Test
  void serversJson_printsServedEntries(TestReporter reporter) {
    PropertyCheck.forAll(reporter, 60, random -> ServerListGenerator.serverEntries(random, 10), entries -> {
      service.resetAll();
      service.stubFor(get("/v1/google/servers.json")
          .willReturn(okJson(JsonText.document("servers", entries))));

      CliRun run = pint("google", "servers", "--json");

      assertEquals(0, run.status(), run.err());
      assertEquals(numbersNormalized(entries), numbersNormalized(parse(run.out())));
    });
  }

  /** A list of entries and two filter phrases built from their values. */
  record FilterCase(List<Map<String, @Nullable Object>> entries, String first, String second) {}

  private static FilterCase filterCase(SplittableRandom random) {
    List<Map<String, @Nullable Object>> entries = ServerListGenerator.serverEntries(random, 10);
    return new FilterCase(entries, phrase(random, entries), phrase(random, entries));
  }

  private static String phrase(SplittableRandom random, List<Map<String, @Nullable Object>> entries) {
    Map<String, @Nullable Object> source = entries.isEmpty()
        ? ServerListGenerator.serverEntry(random)
        : entries.get(random.nextInt(entries.size()));
    switch (random.nextInt(4)) {
      case 0: {
        String ip = (String) source.get("ip");
        String address = ip == null || ip.isEmpty() || ip.endsWith("/32")
            ? ServerListGenerator.ipv4(random) : ip;
        return "ip=" + address;
      }
      case 1:
        return "type" + "~!%".charAt(random.nextInt(3)) + fragment(random, (String) source.get("type"));
      default: {
        String name = (String) source.get("name");
        String value = fragment(random, name == null || name.isEmpty() ? "smt" : name);
        String withoutCommas = value.replace(",", "");
        return "name" + "~!".charAt(random.nextInt(2)) + (withoutCommas.isEmpty() ? "x" : withoutCommas);
      }
    }
  }

  /** Returns a non-empty piece of {@code text}, or {@code text} itself when it is short. */
  private static String fragment(SplittableRandom random, String text) {
    if (text.length() <= 2) {
      return text.isEmpty() ? "x" : text;
    }
    int start = random.nextInt(text.length() - 1);
    return text.substring(start, random.nextInt(start + 1, text.length() + 1));
  }

  private static List<Map<String, @Nullable Object>> keep(
      List<Map<String, @Nullable Object>> entries, Predicate<Map<String, @Nullable Object>> filter) {
    List<Map<String, @Nullable Object>> kept = new ArrayList<>();
    for (Map<String, @Nullable Object> entry : entries) {
      if (filter.test(entry)) {
        kept.add(entry);
      }
    }
    return kept;
  }

  @Test
  void filterPhrases_neverWiden(TestReporter reporter) {
    PropertyCheck.forAll(reporter, 2_000, OutputPropertyTest::filterCase, c -> {
      if (c.first().contains(",") || c.second().contains(",")) {
        return;
      }
      List<Map<String, @Nullable Object>> first = keep(c.entries(), FilterPhrases.parse(c.first(), SERVER_FILTERS));
      List<Map<String, @Nullable Object>> both = keep(c.entries(),
          FilterPhrases.parse(c.first() + "," + c.second(), SERVER_FILTERS));

      assertTrue(c.entries().containsAll(first), "one phrase");
      assertTrue(first.containsAll(both), "a second phrase");
    });
  }

  @Test
  void serversOptions_neverWiden(TestReporter reporter) {
    PropertyCheck.forAll(reporter, 40, random -> {
      FilterCase c = filterCase(random);
      List<String> options = new ArrayList<>(List.of("google", "servers", "--json"));
      if (random.nextBoolean()) {
        options.add(random.nextBoolean() ? "--smt" : "--regionserver");
      }
      if (random.nextBoolean() && !c.first().contains(",")) {
        options.add("--filter=" + c.first());
      }
      return Map.entry(c.entries(), options);
    }, c -> {
      service.resetAll();
      service.stubFor(get("/v1/google/servers.json")
          .willReturn(okJson(JsonText.document("servers", c.getKey()))));

      CliRun all = pint("google", "servers", "--json");
      CliRun some = pint(c.getValue().toArray(String[]::new));

      assertEquals(0, all.status(), all.err());
      assertEquals(0, some.status(), some.err());
      assertTrue(parse(all.out()).containsAll(parse(some.out())), some.out());
    });
  }

  /** Returns the canonical addresses of {@code entries}, as the library reads them. */
  private static Set<String> addresses(List<Map<String, @Nullable Object>> entries) {
    Set<String> addresses = new TreeSet<>();
    for (int i = 0; i < entries.size(); i++) {
      for (InetAddress address : ServerEntries.toServer(entries.get(i), i, URL).addresses()) {
        addresses.add(IpLiterals.toCanonical(address));
      }
    }
    return addresses;
  }

  @Test
  void ipsAndCidr_exactlyTheInputAddresses(TestReporter reporter) {
    PropertyCheck.forAll(reporter, 40, random -> ServerListGenerator.serverEntries(random, 12), entries -> {
      service.resetAll();
      service.stubFor(get("/v1/google/servers.json")
          .willReturn(okJson(JsonText.document("servers", entries))));
      Set<String> expected = addresses(entries);

      CliRun ips = pint("google", "servers", "--format=ips");
      CliRun cidr = pint("google", "servers", "--format=cidr");
      CliRun aggregated = pint("google", "servers", "--format=cidr", "--aggregate");

      assertEquals(expected, new TreeSet<>(ips.out().lines().toList()), ips.err());
      assertEquals(expected.size(), ips.out().lines().count());
      Set<String> hosts = new TreeSet<>();
      for (String address : expected) {
        hosts.add(address + (address.contains(":") ? "/128" : "/32"));
      }
      assertEquals(hosts, new TreeSet<>(cidr.out().lines().toList()), cidr.err());
      assertEquals(expected.size(), coveredAddresses(aggregated.out(), expected).longValue(), aggregated.out());
    });
  }

  /**
   * Returns how many addresses the prefixes in {@code cidrLines} cover, after checking that each
   * address of {@code expected} lies in one of them. With the counts equal, the prefixes cover
   * exactly the expected addresses.
   */
  private static BigInteger coveredAddresses(String cidrLines, Set<String> expected) {
    BigInteger covered = BigInteger.ZERO;
    List<String> prefixes = cidrLines.lines().toList();
    for (String prefix : prefixes) {
      int bits = prefix.contains(":") ? 128 : 32;
      covered = covered.add(BigInteger.ONE.shiftLeft(bits - Integer.parseInt(prefix.substring(prefix.indexOf('/') + 1))));
    }
    for (String address : expected) {
      assertTrue(prefixes.stream().anyMatch(prefix -> contains(prefix, address)), address + " in " + prefixes);
    }
    return covered;
  }

  private static boolean contains(String prefix, String address) {
    byte[] network = IpLiterals.parseIpv4(prefix.substring(0, prefix.indexOf('/'))).map(InetAddress::getAddress)
        .orElseGet(() -> IpLiterals.parseIpv6(prefix.substring(0, prefix.indexOf('/'))).orElseThrow().getAddress());
    byte[] host = IpLiterals.parseIpv4(address).map(InetAddress::getAddress)
        .orElseGet(() -> IpLiterals.parseIpv6(address).orElseThrow().getAddress());
    if (network.length != host.length) {
      return false;
    }
    int length = Integer.parseInt(prefix.substring(prefix.indexOf('/') + 1));
    BigInteger mask = BigInteger.ONE.shiftLeft(network.length * 8).subtract(BigInteger.ONE)
        .shiftRight(length).not();
    return new BigInteger(1, network).and(mask).equals(new BigInteger(1, host).and(mask));
  }
}
