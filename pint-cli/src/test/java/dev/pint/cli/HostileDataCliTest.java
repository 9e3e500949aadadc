package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pint.testing.ReliabilityTags;
import dev.pint.testing.Yields;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Odd and hostile server lists through the {@code pint} command. Every run, passing or failing,
 * must leave stdout and stderr free of control characters that a terminal would act on (only the
 * line ends {@code pint} writes itself); a failing run prints one line on stderr and nothing on
 * stdout.
 */
@Tag(ReliabilityTags.HOSTILE)
final class HostileDataCliTest {
  @RegisterExtension
  static WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @TempDir Path cache;

  private String url;

  @BeforeEach
  void setUp() {
    url = "http://127.0.0.1:" + service.getPort() + "/v1/google/servers.json";
  }

  private static void serve(String json) {
    service.stubFor(get("/v1/google/servers.json").willReturn(okJson(json)));
  }

  private static String entry(String fields) {
    return "{\"servers\":[{" + fields + "}]}";
  }

  private CliRun pint(TestReporter reporter, String... args) {
    CliRun run = CliRun.run(Map.of("PINT_BASE_URL", "http://127.0.0.1:" + service.getPort(),
        "XDG_CACHE_HOME", cache.toString()), args);
    assertTerminalSafe(run.out());
    assertTerminalSafe(run.err());
    Yields.publish(reporter, describe(run));
    return run;
  }

  /**
   * Describes a run for the figures: the status, the size of stdout, and the last line of stderr
   * with the number of lines before it. The earlier lines are retry warnings, whose delays are
   * random, so they are counted rather than copied.
   */
  static String describe(CliRun run) {
    long lines = run.out().chars().filter(c -> c == '\n').count();
    List<String> errors = run.err().lines().toList();
    String stderr = switch (errors.size()) {
      case 0 -> "";
      case 1 -> ", stderr: " + errors.get(0);
      default -> ", stderr: " + (errors.size() - 1) + " warning lines, then " + errors.get(errors.size() - 1);
    };
    return "exit " + run.status() + ", "
        + (run.out().isEmpty() ? "nothing on stdout" : lines + " lines on stdout") + stderr;
  }

  /**
   * Asserts that {@code text} has no character a terminal acts on but line ends: the line feed,
   * and the CR LF that ends CSV records.
   */
  static void assertTerminalSafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      boolean lineEnd = c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
      boolean unsafe = (c < 0x20 && !lineEnd) || (c >= 0x7f && c < 0xa0)
          || type == Character.FORMAT || c == '\u2028' || c == '\u2029';
      if (unsafe) {
        fail("character U+" + String.format("%04X", (int) c) + " at " + i + " in: " + text);
      }
    }
  }

  private static void assertFailure(int status, String message, CliRun run) {
    assertEquals("", run.out());
    assertEquals(message + "\n", run.err());
    assertEquals(status, run.status());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
      "192.0.2.1; rm -rf /|'192.0.2.1; rm -rf /'",
      "$(reboot)|'$(reboot)'",
      "192.0.2.1' OR '1'='1|'192.0.2.1\\u0027 OR \\u00271\\u0027=\\u00271'",
      "\\\"192.0.2.1\\\"|'\"192.0.2.1\"'",
      "192.0.2.1\\n192.0.2.2|'192.0.2.1\\u000a192.0.2.2'",
      "192.0.2.1\\u001b[2J|'192.0.2.1\\u001b[2J'",
  })
  void ip_notAnIpLiteral(String ip, String quoted, TestReporter reporter) {
    serve(entry("\"ip\":\"" + ip + "\",\"region\":\"r\",\"type\":\"smt\""));

    CliRun run = pint(reporter, "google", "servers", "--json");

    assertFailure(1, "pint: malformed data from " + url + ": server entry 0 is invalid: 'ip' "
        + quoted + " is not an IPv4 address", run);
  }

  @Test
  void ip_hostPrefixLengthPrintedAsSent(TestReporter reporter) {
    serve(entry("\"ip\":\"203.0.113.5/32\",\"region\":\"r\",\"type\":\"smt\""));

    CliRun run = pint(reporter, "google", "servers", "--json", "--filter=ip=203.0.113.5");

    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("\"ip\": \"203.0.113.5/32\""), run.out());
  }

  @Test
  void ip_networkPrefixFails(TestReporter reporter) {
    serve(entry("\"ip\":\"203.0.113.0/24\",\"region\":\"r\",\"type\":\"smt\""));

    CliRun run = pint(reporter, "google", "servers");

    assertFailure(1, "pint: malformed data from " + url + ": server entry 0 is invalid: 'ip'"
        + " '203.0.113.0/24' is not an IPv4 address", run);
  }

  @Test
  void ipv6Only_listed(TestReporter reporter) {
    serve(entry("\"ip\":\"\",\"ipv6\":\"2001:db8::7\",\"region\":\"r\",\"type\":\"smt\""));

    CliRun run = pint(reporter, "google", "servers", "--xml");

    assertEquals("<?xml version='1.0' encoding='UTF-8'?>\n<servers>\n  <server ip=\"\""
        + " ipv6=\"2001:db8::7\" region=\"r\" type=\"smt\"/>\n</servers>\n\n", run.out());
    assertEquals(0, run.status());
  }

  @Test
  void addresses_bothEmptyFails(TestReporter reporter) {
    serve(entry("\"ip\":\"\",\"ipv6\":\"\",\"region\":\"r\",\"type\":\"smt\""));

    CliRun run = pint(reporter, "google", "servers");

    assertFailure(1, "pint: malformed data from " + url + ": server entry 0 is invalid: it has"
        + " neither an 'ip' nor an 'ipv6' address", run);
  }

  @ParameterizedTest
  @ValueSource(strings = {"smt server 1", "smt\\u001b[2Jserver", "smt\\u0000", "smt\\u202eten", "smt\\u0085x"})
  void hostname_escapedInJson(String name, TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"name\":\"" + name + "\",\"region\":\"r\",\"type\":\"smt\""));

    CliRun run = pint(reporter, "google", "servers", "--json");

    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("\"name\": \"" + name + "\""), run.out());
  }

  @Test
  void hostname_spacesKeptInXml(TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"name\":\"smt server 1\",\"region\":\"r\",\"type\":\"smt\""));

    CliRun run = pint(reporter, "google", "servers");

    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains(" name=\"smt server 1\" "), run.out());
  }

  @ParameterizedTest
  @CsvSource({
      "smt\\u001b[2Jserver, 001B",
      "smt\\u0000, 0000",
  })
  void hostname_controlCharacterFailsXml(String name, String codePoint, TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"name\":\"" + name + "\",\"region\":\"r\",\"type\":\"smt\""));

    CliRun run = pint(reporter, "google", "servers", "--xml");

    assertFailure(1, "pint: field 'name' holds character U+" + codePoint + ", which XML cannot"
        + " represent; use --json", run);
  }

  @Test
  void region_newlineEscapedInXml(TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"region\":\"us\\neast\",\"type\":\"smt\""));

    CliRun run = pint(reporter, "google", "servers");

    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains(" region=\"us&#10;east\" "), run.out());
  }

  @Test
  void region_escapeSequenceEscapedInJson(TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"region\":\"r\\u001b]0;pwned\\u0007\",\"type\":\"smt\""));

    CliRun run = pint(reporter, "google", "servers", "--json");

    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("\"region\": \"r\\u001b]0;pwned\\u0007\""), run.out());
  }

  @Test
  void region_nonAsciiSelectedAndPrinted(TestReporter reporter) {
    serve("{\"servers\":[{\"ip\":\"192.0.2.1\",\"region\":\"région-α\",\"type\":\"smt\"},"
        + "{\"ip\":\"192.0.2.2\",\"region\":\"北京\",\"type\":\"smt\"}]}");

    CliRun json = pint(reporter, "google", "servers", "--json", "--region=RÉGION_Α");
    CliRun xml = pint(reporter, "google", "servers", "--region=北京");

    assertTrue(json.out().contains("\"region\": \"r\\u00e9gion-\\u03b1\""), json.out());
    assertTrue(xml.out().contains(" region=\"北京\" "), xml.out());
    assertEquals(0, json.status() + xml.status(), json.err() + xml.err());
  }

  @Test
  void region_suggestionFromNetworkEscaped(TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"region\":\"us-east-1\\u001b\",\"type\":\"smt\""));
    service.stubFor(get("/v1/google/us-east-1x/servers.json").willReturn(aResponse().withStatus(404)));

    CliRun run = pint(reporter, "google", "servers", "--region=us-east-1x");

    assertFailure(2, "pint: unknown region 'us-east-1x' for google; did you mean"
        + " 'us-east-1\\u001b'?", run);
  }

  @Test
  void region_ambiguousCandidatesEscaped(TestReporter reporter) {
    serve("{\"servers\":[{\"ip\":\"192.0.2.1\",\"region\":\"West US\\u001b[8m\",\"type\":\"smt\"},"
        + "{\"ip\":\"192.0.2.2\",\"region\":\"west-us\\u001b[8m\",\"type\":\"smt\"}]}");

    CliRun run = pint(reporter, "google", "servers", "--region=westus\u001b[8m");

    assertFailure(2, "pint: region 'westus\\u001b[8m' is ambiguous for google: it matches"
        + " 'West US\\u001b[8m', 'west-us\\u001b[8m'; give one of them exactly", run);
  }

  @Test
  void region_emptyHintEscaped(TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"region\":\"r\\u001b[2J\",\"type\":\"smt\""));

    CliRun run = pint(reporter, "google", "servers", "--json", "--regionserver", "--region=R\u001b[2J");

    assertEquals("pint: no servers match in r\\u001b[2J; check --region, --smt, --regionserver"
        + " and --filter\n", run.err());
    assertEquals(0, run.status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"table", "csv"})
  void region_controlCharactersEscapedInColumns(String format, TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"name\":\"a\\rb\",\"region\":\"us\\neast\\u001b[2J\",\"type\":\"smt\""));

    CliRun run = pint(reporter, "google", "servers", "--format=" + format);

    assertEquals(0, run.status(), run.err());
    assertEquals(2, run.out().lines().count(), run.out());
    assertTrue(run.out().contains("us\\u000aeast\\u001b[2J"), run.out());
    assertTrue(run.out().contains("a\\u000db"), run.out());
  }

  @Test
  void provider_unknownListsEscapedNames(TestReporter reporter) {
    service.stubFor(get("/v1/providers.json").willReturn(okJson(
        "{\"providers\":[{\"name\":\"amazon\"},{\"name\":\"evil\\u001b[2J\"}]}")));
    service.stubFor(get("/v1/googel/servers.json").willReturn(aResponse().withStatus(404)));

    CliRun run = pint(reporter, "googel", "servers");

    assertFailure(2, "pint: unknown provider 'googel'; known providers: amazon, evil\\u001b[2J", run);
  }

  @Test
  void providers_nameWithEscapeInJson(TestReporter reporter) {
    service.stubFor(get("/v1/providers.json").willReturn(okJson(
        "{\"providers\":[{\"name\":\"evil\\u001b[2J\\r\\u009b\"}]}")));

    CliRun run = pint(reporter, "providers", "--json");

    assertEquals("{\n  \"providers\": [\n    {\n      \"name\": \"evil\\u001b[2J\\r\\u009b\"\n"
        + "    }\n  ]\n}\n", run.out());
  }

  @Test
  void duplicates_printedAsSent(TestReporter reporter) {
    String server = "{\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":\"smt\"}";
    serve("{\"servers\":[" + server + "," + server + "]}");

    CliRun run = pint(reporter, "google", "servers", "--json");

    assertEquals(2, run.out().split("\"ip\"").length - 1, run.out());
  }

  @Test
  void sameAddress_printedForEachRegion(TestReporter reporter) {
    serve("{\"servers\":[{\"ip\":\"192.0.2.1\",\"region\":\"a\",\"type\":\"smt\"},"
        + "{\"ip\":\"192.0.2.1\",\"region\":\"b\",\"type\":\"smt\"}]}");

    CliRun both = pint(reporter, "google", "servers", "--json");
    CliRun one = pint(reporter, "google", "servers", "--json", "--region=b");

    assertEquals(2, both.out().split("\"ip\"").length - 1, both.out());
    assertEquals(1, one.out().split("\"ip\"").length - 1, one.out());
  }

  @Test
  void unknownFields_printedAndMissingIpv6Absent(TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":\"smt\",\"weight\":3"));

    CliRun xml = pint(reporter, "google", "servers");
    CliRun json = pint(reporter, "google", "servers", "--json");

    assertEquals("<?xml version='1.0' encoding='UTF-8'?>\n<servers>\n  <server ip=\"192.0.2.1\""
        + " region=\"r\" type=\"smt\" weight=\"3\"/>\n</servers>\n\n", xml.out());
    assertEquals("{\n  \"servers\": [\n    {\n      \"ip\": \"192.0.2.1\",\n      \"region\": \"r\",\n"
        + "      \"type\": \"smt\",\n      \"weight\": 3\n    }\n  ]\n}\n", json.out());
  }

  @Test
  void null_nameIsPrintedAsNull(TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"name\":null,\"region\":\"r\",\"type\":\"smt\""));

    CliRun json = pint(reporter, "google", "servers", "--json");
    CliRun xml = pint(reporter, "google", "servers");

    assertTrue(json.out().contains("\"name\": null"), json.out());
    assertTrue(xml.out().contains(" name=\"\" "), xml.out());
  }

  @Test
  void null_regionFails(TestReporter reporter) {
    serve(entry("\"ip\":\"192.0.2.1\",\"region\":null,\"type\":\"smt\""));

    CliRun run = pint(reporter, "google", "servers");

    assertFailure(1, "pint: malformed data from " + url + ": server entry 0 is invalid: 'region'"
        + " is missing or empty", run);
  }

  @Test
  void list_hundredThousandEntries(TestReporter reporter) {
    StringBuilder json = new StringBuilder("{\"servers\":[");
    for (int i = 0; i < 100_000; i++) {
      json.append(i == 0 ? "" : ",").append("{\"ip\":\"10.").append(i >> 16).append('.')
          .append((i >> 8) & 0xff).append('.').append(i & 0xff)
          .append("\",\"region\":\"r").append(i % 50).append("\",\"type\":\"smt\"}");
    }
    serve(json.append("]}").toString());

    CliRun run = pint(reporter, "google", "servers", "--json");

    assertEquals(0, run.status(), run.err());
    assertEquals(100_000, run.out().split("\"ip\"").length - 1);
    assertTrue(run.out().endsWith("\"ip\": \"10.1.134.159\",\n      \"region\": \"r49\",\n"
        + "      \"type\": \"smt\"\n    }\n  ]\n}\n"), run.out().substring(run.out().length() - 200));
  }

  @Test
  void list_emptyIsSuccessWithHint(TestReporter reporter) {
    serve("{\"servers\":[]}");

    CliRun run = pint(reporter, "google", "servers", "--json");

    assertEquals("{\n  \"servers\": []\n}\n", run.out());
    assertEquals("pint: no servers match; check --region, --smt, --regionserver and --filter\n", run.err());
    assertEquals(0, run.status());
  }
}
