package dev.pint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pint.internal.IpLiterals;
import dev.pint.testing.ReliabilityTags;
import dev.pint.testing.Yields;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Odd and hostile server lists through the library. Each case has one decided outcome: the list
 * is accepted with the values stated, or the whole list is rejected with a message that names the
 * entry and shows network text escaped. No case returns part of a list.
 */
@Tag(ReliabilityTags.HOSTILE)
final class HostileDataTest {
  @RegisterExtension
  static WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private PintClient client;
  private String url;

  @BeforeEach
  void setUp() {
    client = PintClient.builder().baseUrl(base()).readTimeout(Duration.ofSeconds(20)).build();
    url = base() + "/v1/google/servers.json";
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static String base() {
    return "http://127.0.0.1:" + service.getPort();
  }

  private static void serve(String json) {
    service.stubFor(get("/v1/google/servers.json").willReturn(okJson(json)));
  }

  private static String entry(String fields) {
    return "{\"servers\":[{" + fields + "}]}";
  }

  private MalformedDataException rejected(TestReporter reporter) {
    MalformedDataException e = assertThrows(MalformedDataException.class, () -> client.servers("google"));
    Yields.publish(reporter, "MalformedDataException: " + e.getMessage());
    return e;
  }

  private ServerList accepted(TestReporter reporter) {
    ServerList list = client.servers("google");
    Yields.publish(reporter, "accepted: " + list.servers().size() + " servers");
    return list;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
      "192.0.2.1; rm -rf /|'192.0.2.1; rm -rf /'",
      "$(reboot)|'$(reboot)'",
      "`id`|'`id`'",
      "192.0.2.1' OR '1'='1|'192.0.2.1\\u0027 OR \\u00271\\u0027=\\u00271'",
      "\"192.0.2.1\"|'\"192.0.2.1\"'",
      "smt-ec2.susecloud.net|'smt-ec2.susecloud.net'",
      "^192.0.2.1 ^|'192.0.2.1 '",
      "0x7f.1|'0x7f.1'",
      "010.0.0.1|'010.0.0.1'",
  })
  void ip_notAnIpLiteral(String ip, String quoted, TestReporter reporter) {
    serve(entry("\"ip\":\"" + ip.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\",\"region\":\"r\",\"type\":\"smt\""));

    MalformedDataException e = rejected(reporter);

    assertEquals("malformed data from " + url + ": server entry 0 is invalid: 'ip' " + quoted
        + " is not an IPv4 address", e.getMessage());
  }

  @Test
  void ip_lineBreakBetweenTwoAddresses(TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\\n192.0.2.2\",\"region\":\"r\",\"type\":\"smt\""));

    MalformedDataException e = rejected(reporter);

    assertEquals("malformed data from " + url + ": server entry 0 is invalid: 'ip'"
        + " '192.0.2.1\\u000a192.0.2.2' is not an IPv4 address", e.getMessage());
  }

  @Test
  void ipv6_shellCharacters(TestReporter reporter) {
    serve(entry("\"ip\":\"\",\"ipv6\":\"2001:db8::1;id\",\"region\":\"r\",\"type\":\"smt\""));

    MalformedDataException e = rejected(reporter);

    assertEquals("malformed data from " + url + ": server entry 0 is invalid: 'ipv6'"
        + " '2001:db8::1;id' is not an IPv6 address", e.getMessage());
  }

  @Test
  void ip_hostPrefixLengthIsTheAddress(TestReporter reporter) {
    serve(entry("\"ip\":\"203.0.113.5/32\",\"ipv6\":\"2001:db8::5/128\",\"region\":\"r\",\"type\":\"smt\""));

    Server server = accepted(reporter).servers().get(0);

    assertEquals("203.0.113.5", server.ipv4().getHostAddress());
    assertEquals("2001:db8::5", IpLiterals.toCanonical(server.ipv6()));
    assertEquals("203.0.113.5/32", server.fields().get("ip"));
  }

  @ParameterizedTest
  @CsvSource({
      "ip, 203.0.113.0/24, '203.0.113.0/24' is not an IPv4 address",
      "ip, 203.0.113.5/33, '203.0.113.5/33' is not an IPv4 address",
      "ipv6, 2001:db8::/64, '2001:db8::/64' is not an IPv6 address",
  })
  void ip_networkPrefixIsRejected(String field, String address, String problem, TestReporter reporter) {
    String other = field.equals("ip") ? "\"ipv6\":\"\"" : "\"ip\":\"\"";
    serve(entry("\"" + field + "\":\"" + address + "\"," + other + ",\"region\":\"r\",\"type\":\"smt\""));

    MalformedDataException e = rejected(reporter);

    assertEquals("malformed data from " + url + ": server entry 0 is invalid: '" + field + "' "
        + problem, e.getMessage());
  }

  @Test
  void ipv6Only_emptyIp(TestReporter reporter) {
    serve(entry("\"ip\":\"\",\"ipv6\":\"2001:db8::7\",\"region\":\"r\",\"type\":\"regionserver\""));

    Server server = accepted(reporter).servers().get(0);

    assertNull(server.ipv4());
    assertEquals("2001:db8::7", IpLiterals.toCanonical(server.ipv6()));
  }

  @Test
  void addresses_bothEmpty(TestReporter reporter) {
    serve(entry("\"ip\":\"\",\"ipv6\":\"\",\"region\":\"r\",\"type\":\"smt\""));

    MalformedDataException e = rejected(reporter);

    assertEquals("malformed data from " + url + ": server entry 0 is invalid: it has neither an"
        + " 'ip' nor an 'ipv6' address", e.getMessage());
  }

  @Test
  void invalidEntry_rejectsWholeList(TestReporter reporter) {
    serve("{\"servers\":[{\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":\"smt\"},"
        + "{\"ip\":\"192.0.2.2\",\"region\":\"r\",\"type\":\"smt\"},"
        + "{\"ip\":\"192.0.2.3/\",\"region\":\"r\",\"type\":\"smt\"}]}");

    MalformedDataException e = rejected(reporter);

    assertEquals("malformed data from " + url + ": server entry 2 is invalid: 'ip' '192.0.2.3/'"
        + " is not an IPv4 address", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"smt server 1", "smt\\u001b[2Jserver", "smt\\nserver", "smt\\u0000", "smt\\u202eten"})
  void hostname_spacesOrControlCharacters(String name, TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"name\":\"" + name + "\",\"region\":\"r\",\"type\":\"smt\""));

    Server server = accepted(reporter).servers().get(0);

    assertEquals(unescape(name), server.hostname());
  }

  @ParameterizedTest
  @ValueSource(strings = {"us\\neast", "us-east-1\\u001b]0;pwned\\u0007", "région-α", "北京", "r\\u009b31m"})
  void region_oddName(String region, TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"region\":\"" + region + "\",\"type\":\"smt\""));

    ServerList all = accepted(reporter);
    ServerList selected = client.servers(ServerQuery.of("google").withRegions(unescape(region)));

    assertEquals(unescape(region), all.servers().get(0).region());
    assertEquals(1, selected.servers().size());
    assertEquals(List.of(unescape(region)), selected.regions());
  }

  @Test
  void region_suggestionsKeepNetworkTextInException(TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"region\":\"us-east-1\\u001b\",\"type\":\"smt\""));
    service.stubFor(get("/v1/google/us-east-1x/servers.json").willReturn(aResponse().withStatus(404)));

    UnknownRegionException e = assertThrows(UnknownRegionException.class,
        () -> client.servers(ServerQuery.of("google").withRegions("us-east-1x")));
    Yields.publish(reporter, "UnknownRegionException with suggestions " + e.suggestions().size()
        + "; the CLI escapes them");

    assertEquals(List.of("us-east-1\u001b"), e.suggestions());
  }

  @Test
  void duplicates_listedAsSent(TestReporter reporter) {
    String server = "{\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":\"smt\"}";
    serve("{\"servers\":[" + server + "," + server + "]}");

    ServerList all = accepted(reporter);
    ServerList queried = client.servers(ServerQuery.of("google"));

    assertEquals(2, all.servers().size());
    assertEquals(2, queried.servers().size());
  }

  @Test
  void sameAddress_severalRegions(TestReporter reporter) {
    serve("{\"servers\":[{\"ip\":\"192.0.2.1\",\"region\":\"a\",\"type\":\"smt\"},"
        + "{\"ip\":\"192.0.2.1\",\"region\":\"b\",\"type\":\"smt\"}]}");

    ServerList all = accepted(reporter);
    ServerList regionA = client.servers(ServerQuery.of("google").withRegions("a"));
    ServerList both = client.servers(ServerQuery.of("google").withRegions("a", "b"));

    assertEquals(2, all.servers().size());
    assertEquals(1, regionA.servers().size());
    assertEquals(2, both.servers().size());
  }

  @Test
  void unknownFields_keptAndMissingIpv6Absent(TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":\"smt\",\"weight\":3,\"tags\":[\"a\"]"));

    Server server = accepted(reporter).servers().get(0);

    assertNull(server.ipv6());
    assertEquals(List.of("ip", "region", "type", "weight", "tags"), new ArrayList<>(server.fields().keySet()));
  }

  @Test
  void null_ipWithIpv6IsIpv6Only(TestReporter reporter) {
    serve(entry("\"ip\":null,\"ipv6\":\"2001:db8::9\",\"name\":null,\"region\":\"r\",\"type\":\"smt\""));

    Server server = accepted(reporter).servers().get(0);

    assertNull(server.ipv4());
    assertEquals("", server.hostname());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"ip\":\"192.0.2.1\",\"region\":null,\"type\":\"smt\"|'region' is missing or empty",
      "\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":null|'type' '' is neither 'regionserver' nor 'smt', with or without a '-variant' suffix",
      "\"ip\":null,\"ipv6\":null,\"region\":\"r\",\"type\":\"smt\"|it has neither an 'ip' nor an 'ipv6' address",
      "\"ip\":3221225985,\"region\":\"r\",\"type\":\"smt\"|'ip' is not a string",
      "\"ip\":[\"192.0.2.1\"],\"region\":\"r\",\"type\":\"smt\"|'ip' is not a string",
      "\"ip\":\"192.0.2.1\",\"region\":{},\"type\":\"smt\"|'region' is not a string",
      "\"ip\":\"192.0.2.1\",\"ip\":\"$(id)\",\"region\":\"r\",\"type\":\"smt\"|'ip' '$(id)' is not an IPv4 address",
  })
  void entry_wrongValueType(String fields, String problem, TestReporter reporter) {
    serve(entry(fields));

    MalformedDataException e = rejected(reporter);

    assertEquals("malformed data from " + url + ": server entry 0 is invalid: " + problem, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"servers\":null}|expected a JSON object with a 'servers' list",
      "{\"servers\":{}}|expected a JSON object with a 'servers' list",
      "{\"server\":[]}|expected a JSON object with a 'servers' list",
      "{\"servers\":[null]}|entry 0 of 'servers' is not a JSON object",
      "{\"servers\":[\"192.0.2.1\"]}|entry 0 of 'servers' is not a JSON object",
      "{\"servers\":[]} {\"servers\":[]}|unexpected content after the JSON document",
  })
  void document_wrongShape(String json, String problem, TestReporter reporter) {
    serve(json);

    MalformedDataException e = rejected(reporter);

    assertEquals("malformed data from " + url + ": " + problem, e.getMessage());
  }

  @Test
  void document_topLevelArray(TestReporter reporter) {
    serve("[{\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":\"smt\"}]");

    MalformedDataException e = rejected(reporter);

    assertEquals("malformed data from " + url + ": expected a JSON object but got a JSON array",
        e.getMessage());
  }

  @Test
  void document_deeplyNested(TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":\"smt\",\"x\":"
        + "[".repeat(5_000) + "]".repeat(5_000)));

    MalformedDataException e = rejected(reporter);

    assertEquals("malformed data from " + url + ": invalid JSON (Document nesting depth (1001)"
        + " exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`))",
        e.getMessage());
  }

  @Test
  void document_invalidUtf8(TestReporter reporter) {
    byte[] json = entry("\"ip\":\"192.0.2.1\",\"region\":\"r?\",\"type\":\"smt\"")
        .getBytes(StandardCharsets.UTF_8);
    json[new String(json, StandardCharsets.UTF_8).indexOf('?')] = (byte) 0xC3;
    service.stubFor(get("/v1/google/servers.json").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(json)));

    MalformedDataException e = rejected(reporter);

    assertEquals(true, e.getMessage().startsWith("malformed data from " + url
        + ": invalid JSON (Invalid UTF-8 middle byte"), e.getMessage());
  }

  @Test
  void list_hundredThousandEntries(TestReporter reporter) {
    StringBuilder json = new StringBuilder("{\"servers\":[");
    for (int i = 0; i < 100_000; i++) {
      json.append(i == 0 ? "" : ",").append("{\"ip\":\"10.").append(i >> 16).append('.')
          .append((i >> 8) & 0xff).append('.').append(i & 0xff)
          .append("\",\"ipv6\":\"\",\"name\":\"\",\"region\":\"r").append(i % 50)
          .append("\",\"type\":\"regionserver\"}");
    }
    serve(json.append("]}").toString());

    ServerList list = accepted(reporter);
    ServerList oneRegion = client.servers(ServerQuery.of("google").withRegions("r7"));

    assertEquals(100_000, list.servers().size());
    assertEquals("10.1.134.159", list.servers().get(99_999).ipv4().getHostAddress());
    assertEquals(2_000, oneRegion.servers().size());
  }

  @Test
  void list_empty(TestReporter reporter) {
    serve("{\"servers\":[]}");

    ServerList list = accepted(reporter);

    assertEquals(List.of(), list.servers());
  }

  /** Turns the JSON escapes {@code \\n} and {@code \\uXXXX} of a test value into characters. */
  private static String unescape(String json) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\' && json.charAt(i + 1) == 'n') {
        text.append('\n');
        i++;
      } else if (c == '\\' && json.charAt(i + 1) == 'u') {
        text.append((char) Integer.parseInt(json.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

}
