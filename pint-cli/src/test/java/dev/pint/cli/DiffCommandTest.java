package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DiffCommandTest {
  private WireMockServer service;
  @TempDir Path directory;
  private String old;
  private String changed;

  @BeforeEach
  void setUp() throws IOException {
    service = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    service.start();
    old = save("old.json", fixture("servers.json"));
    changed = save("new.json", fixture("servers-changed.json"));
  }

  @AfterEach
  void stopService() {
    service.stop();
  }

  @Test
  void diff_sameListsExitZeroSilently() {
    CliRun run = pint("diff", old, old);

    assertEquals(0, run.status());
    assertEquals("", run.out());
    assertEquals("", run.err());
  }

  @Test
  void diff_changedAddressesExitOne() {
    CliRun run = pint("diff", old, changed);

    assertEquals(1, run.status());
    assertEquals("""
        change   region     type      address
        removed  eu-west-1  smt-sles  192.0.2.3
        added    eu-west-1  smt-sles  192.0.2.4
        removed  us-east-1  smt       2001:db8:10::8
        added    us-east-1  smt       2001:db8:10::9
        """, run.out());
    assertEquals("", run.err());
  }

  @Test
  void diff_withProviderNamesIt() {
    CliRun run = pint("Amazon", "diff", changed, old);

    assertEquals(1, run.status());
    assertEquals("""
        change   provider  region     type      address
        added    amazon    eu-west-1  smt-sles  192.0.2.3
        removed  amazon    eu-west-1  smt-sles  192.0.2.4
        added    amazon    us-east-1  smt       2001:db8:10::8
        removed  amazon    us-east-1  smt       2001:db8:10::9
        """, run.out());
    assertEquals(0, service.getAllServeEvents().size());
  }

  @Test
  void diff_regionOptionLimitsBothLists() {
    CliRun run = pint("diff", "--region=US_East-1", old, changed);

    assertEquals(1, run.status());
    assertEquals("""
        change   region     type  address
        removed  us-east-1  smt   2001:db8:10::8
        added    us-east-1  smt   2001:db8:10::9
        """, run.out());
  }

  @Test
  void diff_regionServerOptionIgnoresUpdateServers() {
    CliRun run = pint("diff", "--regionserver", old, changed);

    assertEquals(0, run.status());
    assertEquals("", run.out());
    assertEquals("", run.err());
  }

  @Test
  void diff_movedAddressIsRemovedAndAdded() throws IOException {
    String moved = save("moved.json", fixture("servers.json")
        .replace("\"ip\":\"192.0.2.11\",\"ipv6\":\"\",\"name\":\"\",\"region\":\"eu-west-1\"",
            "\"ip\":\"192.0.2.11\",\"ipv6\":\"\",\"name\":\"\",\"region\":\"eu-central-1\""));

    CliRun run = pint("diff", old, moved);

    assertEquals(1, run.status());
    assertEquals("""
        change   region        type          address
        added    eu-central-1  regionserver  192.0.2.11
        removed  eu-west-1     regionserver  192.0.2.11
        """, run.out());
  }

  @Test
  void diff_liveFetchesProviderList() {
    service.stubFor(get("/v1/amazon/servers.json").willReturn(okJson(fixture("servers-changed.json"))));

    CliRun run = pint("amazon", "diff", old, "live");

    assertEquals(1, run.status());
    assertEquals("""
        change   provider  region     type      address
        removed  amazon    eu-west-1  smt-sles  192.0.2.3
        added    amazon    eu-west-1  smt-sles  192.0.2.4
        removed  amazon    us-east-1  smt       2001:db8:10::8
        added    amazon    us-east-1  smt       2001:db8:10::9
        """, run.out());
    assertEquals("", run.err());
  }

  @Test
  void diff_liveUnchangedExitsZero() {
    service.stubFor(get("/v1/amazon/servers.json").willReturn(okJson(fixture("servers.json"))));

    CliRun run = pint("amazon", "diff", "live", old);

    assertEquals(0, run.status());
    assertEquals("", run.out());
    assertEquals("", run.err());
  }

  @Test
  void diff_liveWithoutProviderIsTrouble() {
    CliRun run = pint("diff", old, "live");

    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals("pint: 'live' needs a provider before 'diff', as in"
        + " 'pint amazon diff saved.json live'\n", run.err());
    assertEquals(0, service.getAllServeEvents().size());
  }

  @Test
  void diff_serviceFailureIsTroubleNotChange() {
    service.stubFor(get("/v1/amazon/servers.json").willReturn(aResponse().withStatus(500)));

    CliRun run = pint("amazon", "diff", old, "live");

    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals("pint: HTTP 500 from " + baseUrl() + "/v1/amazon/servers.json\n", run.err());
  }

  @Test
  void diff_unknownProviderIsTrouble() {
    service.stubFor(get("/v1/amazn/servers.json").willReturn(aResponse().withStatus(404)));
    service.stubFor(get("/v1/providers.json")
        .willReturn(okJson("{\"providers\":[{\"name\":\"amazon\"},{\"name\":\"google\"}]}")));

    CliRun run = pint("amazn", "diff", old, "live");

    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals("pint: unknown provider 'amazn'; known providers: amazon, google\n", run.err());
  }

  @Test
  void diff_missingFileIsTrouble() {
    String missing = directory.resolve("missing.json").toString();

    CliRun run = pint("diff", old, missing);

    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals("pint: cannot read '" + missing + "': no such file; give a file saved with"
        + " 'pint <provider> servers --json', or live\n", run.err());
  }

  @Test
  void diff_directoryIsTrouble() {
    CliRun run = pint("diff", old, directory.toString());

    assertEquals(2, run.status());
    assertEquals("pint: cannot read '" + directory + "': it is a directory; give a file saved with"
        + " 'pint <provider> servers --json'\n", run.err());
  }

  @Test
  void diff_xmlFileIsTrouble() throws IOException {
    String xml = save("servers.xml", "<?xml version='1.0' encoding='UTF-8'?>\n<servers/>\n");

    CliRun run = pint("diff", xml, old);

    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals("pint: malformed data from " + Path.of(xml).toUri() + ": invalid JSON"
        + " (Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number,"
        + " Array, Object or token 'null', 'true' or 'false'))\n", run.err());
  }

  @Test
  void diff_invalidAddressInFileIsTrouble() throws IOException {
    String hostile = save("hostile.json", "{\"servers\":[{\"ip\":\"192.0.2.1; reboot\","
        + "\"region\":\"eu-west-1\",\"type\":\"smt\"}]}");

    CliRun run = pint("diff", old, hostile);

    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals("pint: malformed data from " + Path.of(hostile).toUri() + ": server entry 0 is"
        + " invalid: 'ip' '192.0.2.1; reboot' is not an IPv4 address\n", run.err());
  }

  @Test
  void diff_unknownRegionIsTrouble() {
    CliRun run = pint("diff", "--region=eu-west-2", old, changed);

    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals("pint: region 'eu-west-2' is in neither list; did you mean 'eu-west-1'?\n",
        run.err());
  }

  @Test
  void diff_ambiguousRegionIsTrouble() throws IOException {
    String twoSpellings = save("two.json", "{\"servers\":["
        + "{\"ip\":\"192.0.2.1\",\"region\":\"Germany Central\",\"type\":\"smt\"},"
        + "{\"ip\":\"192.0.2.2\",\"region\":\"germanycentral\",\"type\":\"smt\"},"
        + "{\"ip\":\"192.0.2.3\",\"region\":\"germany\\u001bcentral\",\"type\":\"smt\"}]}");

    CliRun run = pint("diff", "--region=germany-central", twoSpellings, old);

    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals("pint: region 'germany-central' matches 'Germany Central', 'germanycentral';"
        + " give the exact name\n", run.err());
  }

  @Test
  void diff_suggestionsAreEscaped() throws IOException {
    String hostile = save("hostile.json", "{\"servers\":["
        + "{\"ip\":\"192.0.2.1\",\"region\":\"eu-west\\u001b1\",\"type\":\"smt\"}]}");

    CliRun run = pint("diff", "--region=eu-west-2", hostile, hostile);

    assertEquals(2, run.status());
    assertEquals("pint: region 'eu-west-2' is in neither list; did you mean"
        + " 'eu-west\\u001b1'?\n", run.err());
  }

  @Test
  void diff_missingOperandIsTrouble() {
    CliRun run = pint("diff", old);

    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals("pint: Missing required parameter: 'NEW'; see 'pint --help'\n", run.err());
  }

  @Test
  void diff_escapesHostileRegionNames() throws IOException {
    String empty = save("empty.json", "{\"servers\":[]}");
    String hostile = save("hostile.json", fixture("servers-hostile.json"));

    CliRun run = pint("diff", empty, hostile);

    assertEquals(1, run.status());
    assertEquals("""
        change  region              type          address
        added   eu-west-1\\u001b[1A  smt           192.0.2.5
        added   us\\u202eeast\\u000d  regionserver  192.0.2.6
        """, run.out());
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + service.port();
  }

  private String save(String name, String content) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, content);
    return file.toString();
  }

  private CliRun pint(String... args) {
    return CliRun.run(Map.of("PINT_BASE_URL", baseUrl()), args);
  }

  private static String fixture(String name) {
    try (InputStream in = DiffCommandTest.class.getResourceAsStream("formats/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource formats/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
