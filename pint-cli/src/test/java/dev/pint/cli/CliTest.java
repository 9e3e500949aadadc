package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class CliTest {
  @RegisterExtension
  static WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @TempDir Path cache;

  private Map<String, String> env;

  @BeforeEach
  void setUp() {
    // Each test gets an empty disk cache, so no test reads another's documents.
    env = Map.of("PINT_BASE_URL", "http://127.0.0.1:" + service.getPort(),
        "XDG_CACHE_HOME", cache.toString());
    service.stubFor(get("/v1/providers.json").willReturn(okJson(TestResources.fixture("providers.json"))));
    service.stubFor(get("/v1/amazon/servers.json")
        .willReturn(okJson(TestResources.fixture("amazon-servers.json"))));
    service.stubFor(get("/v1/microsoft/servers.json")
        .willReturn(okJson(TestResources.fixture("microsoft-servers.json"))));
    service.stubFor(get("/v1/microsoft/regions.json")
        .willReturn(okJson(TestResources.fixture("microsoft-regions.json"))));
    service.stubFor(get("/v1/amazon/servers/types.json")
        .willReturn(okJson(TestResources.fixture("amazon-types.json"))));
  }

  private CliRun pint(String... args) {
    return CliRun.run(env, args);
  }

  private static void assertOutput(String golden, CliRun run) {
    assertEquals("", run.err());
    assertEquals(0, run.status());
    assertEquals(TestResources.golden(golden), run.out());
  }

  private static void assertFailure(int status, String message, CliRun run) {
    assertEquals("", run.out());
    assertEquals(message + "\n", run.err());
    assertEquals(status, run.status());
  }

  @ParameterizedTest
  @CsvSource({
      "providers.xml, providers",
      "providers.xml, providers --xml",
      "providers.json, providers --json",
      "amazon-servers.xml, amazon servers",
      "amazon-servers.json, amazon servers --json",
      "amazon-servers.json, Amazon servers --format=json",
      "amazon-servers-us-east-1.xml, amazon servers --region=us-east-1",
      "amazon-servers-us-east-1.json, amazon servers --region us-east-1 --json",
      "amazon-servers-us-east-1.json, amazon servers --region US_EAST_1 --json",
      "amazon-servers-smt.json, amazon servers --smt --json",
      "amazon-servers-smt.xml, amazon servers --smt",
      "amazon-types.json, amazon server_types --json",
      "amazon-types.xml, amazon server_types",
      "microsoft-regions.json, microsoft regions --json",
      "microsoft-regions.xml, microsoft regions --xml",
  })
  void command_matchesReferenceOutput(String golden, String commandLine) {
    assertOutput(golden, pint(commandLine.split(" ")));
  }

  @Test
  void servers_regionWithSpace() {
    assertOutput("microsoft-servers-germany-central.xml",
        pint("microsoft", "servers", "--region", "Germany Central"));
    assertOutput("microsoft-servers-germany-central.json",
        pint("microsoft", "servers", "--json", "--region=Germany Central"));
  }

  @Test
  void servers_severalRegions() {
    CliRun run = pint("amazon", "servers", "--region=us-east-2,us-west-1", "--json");

    assertEquals(0, run.status());
    assertTrue(run.out().contains("\"ip\": \"203.0.113.21\""), run.out());
    assertTrue(run.out().contains("\"ip\": \"203.0.113.41\""), run.out());
    assertEquals(2, run.out().split("\"region\"").length - 1);
  }

  @Test
  void servers_repeatedRegionOption() {
    CliRun joined = pint("amazon", "servers", "--region=us-east-2,us-west-1");
    CliRun repeated = pint("amazon", "servers", "--region=us-east-2", "--region", "us-west-1");

    assertEquals(joined, repeated);
  }

  @Test
  void servers_regionServersOnly() {
    CliRun run = pint("amazon", "servers", "--regionserver", "--json");

    assertEquals(0, run.status());
    assertEquals(3, run.out().split("\"type\": \"regionserver").length - 1);
    assertEquals(-1, run.out().indexOf("smt"));
  }

  @Test
  void servers_emptyRegionIsSuccessWithHint() {
    service.stubFor(get("/v1/microsoft/norwayeast/servers.json").willReturn(okJson("{\"servers\":[]}")));

    CliRun run = pint("microsoft", "servers", "--region=norwayeast", "--json");

    assertEquals(TestResources.golden("empty-servers.json"), run.out());
    assertEquals("pint: no servers match in norwayeast; check --region, --smt, --regionserver"
        + " and --filter\n", run.err());
    assertEquals(0, run.status());
  }

  @Test
  void servers_emptyXml() {
    CliRun run = pint("amazon", "servers", "--filter=name~nothing-like-this");

    assertEquals(TestResources.golden("empty-servers.xml"), run.out());
    assertEquals(0, run.status());
  }

  @Test
  void servers_regionTypo() {
    service.stubFor(get("/v1/amazon/us-esat-1/servers.json").willReturn(aResponse().withStatus(404)));

    assertFailure(2, "pint: unknown region 'us-esat-1' for amazon; did you mean 'us-east-1',"
        + " 'us-west-1'?", pint("amazon", "servers", "--region=us-esat-1"));
  }

  @Test
  void servers_oneUnknownRegionAmongSeveral() {
    service.stubFor(get("/v1/amazon/nowhere/servers.json").willReturn(aResponse().withStatus(404)));

    assertFailure(2, "pint: unknown region 'nowhere' for amazon; list the regions with"
        + " 'pint amazon regions'", pint("amazon", "servers", "--region=us-east-1,nowhere"));
  }

  @Test
  void servers_ambiguousRegion() {
    assertFailure(2, "pint: region 'GermanyCentral' is ambiguous for microsoft: it matches"
        + " 'Germany Central', 'germanycentral'; give one of them exactly",
        pint("microsoft", "servers", "--region=GermanyCentral"));
  }

  @Test
  void servers_emptyRegionName() {
    assertFailure(2, "pint: invalid --region: empty region name in 'us-east-1,'",
        pint("amazon", "servers", "--region=us-east-1,"));
  }

  @Test
  void servers_unknownProvider() {
    service.stubFor(get("/v1/amazonn/servers.json").willReturn(aResponse().withStatus(404)));

    assertFailure(2, "pint: unknown provider 'amazonn'; known providers: alibaba, amazon,"
        + " google, microsoft, oracle", pint("amazonn", "servers"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "name~SMT-EC2|8",
      "name!smt|3",
      "name%smt-ec2\\.suse|8",
      "name%susecloud|0",
      "type~sap|2",
      "type!smt|3",
      "type%SMT$|7",
      "ip=203.0.113.12|1",
      "ip=2001:db8:0011:0::12|1",
      "name~smt,type!sap,ip=203.0.113.31|1",
  })
  void servers_filter(String filter, int expected) {
    CliRun run = pint("amazon", "servers", "--json", "--filter=" + filter);

    assertEquals(0, run.status(), run.err());
    assertEquals(expected, run.out().split("\"region\"").length - 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"name=smt", "ip~1.2", "region=us-east-1", "name", "name~", "", "a,b",
      "ip=1.2.3.4,"})
  void servers_invalidFilterPhrase(String filter) {
    CliRun run = pint("amazon", "servers", "--filter=" + filter);

    assertEquals("", run.out());
    assertEquals(2, run.status());
    assertTrue(run.err().startsWith("pint: invalid filter phrase '"), run.err());
    assertTrue(run.err().endsWith("; valid forms: ip=VALUE, name~VALUE, name!VALUE, name%VALUE,"
        + " type~VALUE, type!VALUE, type%VALUE (join several with commas)\n"), run.err());
  }

  @Test
  void servers_filterAddressNotAnAddress() {
    assertFailure(2, "pint: invalid filter phrase 'ip=203.0.113' : '203.0.113' is not an IPv4 or"
        .replace("' :", "':") + " IPv6 address", pint("amazon", "servers", "--filter=ip=203.0.113"));
  }

  @Test
  void servers_filterInvalidRegex() {
    assertFailure(2, "pint: invalid filter phrase 'name%(smt': invalid regular expression"
        + " (Unclosed group)", pint("amazon", "servers", "--filter=name%(smt"));
  }

  @Test
  void servers_smtAndRegionServerExclusive() {
    assertFailure(2, "pint: --smt and --regionserver are mutually exclusive; give at most one",
        pint("amazon", "servers", "--smt", "--regionserver"));
  }

  @Test
  void servers_jsonAndXmlExclusive() {
    assertFailure(2, "pint: --json, --xml and --format are mutually exclusive; give one of them",
        pint("amazon", "servers", "--json", "--xml"));
  }

  @Test
  void servers_withoutProvider() {
    assertFailure(2, "pint: 'servers' needs a provider, as in 'pint amazon servers'; see 'pint --help'",
        pint("servers"));
  }

  @Test
  void providers_withProvider() {
    assertFailure(2, "pint: 'providers' takes no provider, but 'amazon' was given; see 'pint --help'",
        pint("amazon", "providers"));
  }

  @Test
  void root_withoutCommand() {
    assertFailure(2, "pint: missing command; see 'pint --help'", pint());
    assertFailure(2, "pint: missing command after provider 'amazon'; see 'pint --help'", pint("amazon"));
  }

  @Test
  void root_unknownOption() {
    assertFailure(2, "pint: Unknown option: '--bogus'; see 'pint --help'",
        pint("amazon", "servers", "--bogus"));
  }

  @Test
  void version_printsWithoutNetwork() {
    CliRun run = CliRun.run(Map.of("PINT_BASE_URL", "http://127.0.0.1:1", "XDG_CACHE_HOME", cache.toString()), "--version");

    assertEquals(0, run.status());
    assertTrue(run.out().matches("pint \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), run.out());
  }

  @Test
  void help_printsWithoutNetwork() {
    CliRun run = pint("--help");

    assertEquals(0, run.status());
    assertTrue(run.out().startsWith("Query the SUSE Public Cloud Information Service.\nUsage: pint"),
        run.out());
    assertTrue(run.out().contains("  2  invalid usage"), run.out());
    assertEquals(0, service.getAllServeEvents().size());
  }

  @Test
  void subcommandHelp_printsWithoutNetwork() {
    CliRun run = pint("amazon", "servers", "--help");

    assertEquals(0, run.status());
    assertTrue(run.out().contains("--region=REGION"), run.out());
    assertEquals(0, service.getAllServeEvents().size());
  }

  @Test
  void baseUrl_optionOverridesEnvironment() {
    CliRun run = CliRun.run(Map.of("PINT_BASE_URL", "http://127.0.0.1:1", "XDG_CACHE_HOME", cache.toString()),
        "providers", "--base-url", "http://127.0.0.1:" + service.getPort() + "/");

    assertEquals(TestResources.golden("providers.xml"), run.out());
  }

  @Test
  void baseUrl_invalid() {
    assertFailure(2, "pint: invalid --base-url 'ftp://127.0.0.1/': base URL must be an absolute"
        + " http, https or file URL: ftp://127.0.0.1/; give an http or https URL such as"
        + " https://susepubliccloudinfo.suse.com", pint("providers", "--base-url=ftp://127.0.0.1/"));
  }

  @Test
  void baseUrl_emptyOptionIsNotTheDefault() {
    assertFailure(2, "pint: invalid --base-url '': it is empty; give an http or https URL such as"
        + " https://susepubliccloudinfo.suse.com", pint("providers", "--base-url="));
  }

  @Test
  void baseUrl_emptyEnvironmentIsNotTheDefault() {
    CliRun run = CliRun.run(Map.of("PINT_BASE_URL", " "), "providers");

    assertEquals("", run.out());
    assertEquals("pint: invalid PINT_BASE_URL ' ': it is empty; give an http or https URL such as"
        + " https://susepubliccloudinfo.suse.com\n", run.err());
    assertEquals(2, run.status());
  }

  @Test
  void baseUrl_missingEnvFolder_namesVariable() {
    CliRun run = CliRun.run(Map.of("PINT_BASE_URL", "no-such-folder"), "providers");

    assertEquals("", run.out());
    assertEquals("pint: invalid PINT_BASE_URL 'no-such-folder': no such folder; give a URL such as"
        + " https://HOST, or a folder written by 'pint mirror'\n", run.err());
    assertEquals(2, run.status());
  }

  @Test
  void baseUrl_portOutOfRange() {
    CliRun run = pint("providers", "--base-url=http://127.0.0.1:99999");

    assertEquals(2, run.status());
    assertTrue(run.err().contains("base URL port must be at most 65535"), run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "..", "../microsoft", "us-east-1/..", "/", "%2F", "a?b", "a#b"})
  void servers_regionCannotWalkThePath(String region) {
    CliRun run = pint("amazon", "servers", "--region=" + region);

    assertEquals("", run.out());
    assertEquals(2, run.status());
    assertTrue(run.err().startsWith("pint: unknown region '"), run.err());
    assertEquals(1, service.getAllServeEvents().size());
  }

  @Test
  void stderr_escapesTerminalControls() {
    service.stubFor(get("/v1/google/servers.json").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html\u001b]0;PWNED\u0007").withBody("<html>")));
    service.stubFor(get("/v1/evil/servers.json").willReturn(aResponse().withStatus(404)));
    service.stubFor(get("/v1/providers.json").willReturn(okJson(
        "{\"providers\":[{\"name\":\"ama\\u001b[31mzon\\u202e\"}]}")));

    CliRun html = pint("google", "servers");
    CliRun provider = pint("evil", "servers");

    assertEquals(-1, html.err().indexOf('\u001b'), html.err());
    assertEquals(-1, provider.err().indexOf('\u001b'), provider.err());
    assertEquals(-1, provider.err().indexOf('\u202e'), provider.err());
    assertEquals("pint: unknown provider 'evil'; known providers: ama\\u001b[31mzon\\u202e\n",
        provider.err());
  }

  @Test
  void stdout_writeFailureIsAnError() {
    java.io.PrintStream broken = new java.io.PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    });
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

    int status = Cli.execute(new String[] {"amazon", "servers"}, env, broken,
        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));

    assertEquals(1, status);
    assertEquals("pint: cannot write the output (disk full, or the reader closed the pipe?);"
        + " nothing complete was written\n", err.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void version_onSubcommand() {
    CliRun run = pint("amazon", "servers", "--version");

    assertEquals(0, run.status());
    assertTrue(run.out().startsWith("pint "), run.out());
  }

  @Test
  void atFile_isNotExpanded() {
    service.stubFor(get(urlEqualTo("/v1/amazon/%40nofile/servers.json")).willReturn(aResponse().withStatus(404)));

    CliRun run = pint("amazon", "servers", "--region", "@/etc/hostname");

    assertEquals(2, run.status());
    assertTrue(run.err().startsWith("pint: unknown region '@/etc/hostname'"), run.err());
  }

  @Test
  void servers_duplicateEntriesKeptAsSent() {
    service.stubFor(get("/v1/google/servers.json").willReturn(okJson("{\"servers\":["
        + "{\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":\"smt\"},"
        + "{\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":\"smt\"}]}")));

    CliRun all = pint("google", "servers", "--json");
    CliRun region = pint("google", "servers", "--json", "--region=r,R");

    assertEquals(2, all.out().split("192.0.2.1").length - 1);
    assertEquals(all.out(), region.out());
  }

  @Test
  void filter_addressMatchesPrefixedEntry() {
    service.stubFor(get("/v1/google/servers.json").willReturn(okJson("{\"servers\":["
        + "{\"ip\":\"192.0.2.1/32\",\"ipv6\":\"2001:db8::1/128\",\"region\":\"r\",\"type\":\"smt\"}]}")));

    CliRun v4 = pint("google", "servers", "--json", "--filter=ip=192.0.2.1");
    CliRun v6 = pint("google", "servers", "--json", "--filter=ip=2001:db8::1");

    assertTrue(v4.out().contains("192.0.2.1/32"), v4.out());
    assertTrue(v6.out().contains("192.0.2.1/32"), v6.out());
  }

  @Test
  void xml_nestedValueIsAnError() {
    service.stubFor(get("/v1/google/servers.json").willReturn(okJson(
        "{\"servers\":[{\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":\"smt\",\"x\":{\"a\":1}}]}")));

    assertFailure(1, "pint: field 'x' holds a JSON object or list, which an XML attribute cannot"
        + " carry; use --json", pint("google", "servers"));
  }

  @Test
  void xml_invalidAttributeName() {
    service.stubFor(get("/v1/google/servers.json").willReturn(okJson(
        "{\"servers\":[{\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":\"smt\",\"n\\u009b\":\"1\"}]}")));

    assertFailure(1, "pint: field name 'n\\u009b' is not a valid XML attribute name; use --json",
        pint("google", "servers"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "3601", "0.0001"})
  void timeout_outOfRange(String seconds) {
    assertFailure(2, "pint: invalid --timeout '" + seconds + "': give a number of seconds from 0.001"
        + " to 3600", pint("providers", "--timeout=" + seconds));
  }

  @Test
  void timeout_notANumber() {
    assertFailure(2, "pint: invalid --timeout 'soon': give a number of seconds from 0.001"
        + " to 3600", pint("providers", "--timeout=soon"));
  }

  @Test
  void service_unreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    CliRun run = CliRun.run(Map.of("XDG_CACHE_HOME", cache.toString()), "amazon", "servers",
        "--base-url=http://127.0.0.1:" + port);

    assertEquals("", run.out());
    assertEquals(1, run.status());
    String lastLine = run.err().lines().reduce((first, second) -> second).orElse("");
    assertTrue(lastLine.startsWith("pint: cannot connect to 127.0.0.1:" + port + " ("), run.err());
  }

  @Test
  void service_htmlPage() {
    service.stubFor(get("/v1/google/servers.json").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html><body>Access denied</body></html>")));

    assertFailure(1, "pint: expected JSON from http://127.0.0.1:" + service.getPort()
        + "/v1/google/servers.json but got 'text/html' starting with '<html><body>Access denied"
        + "</body></html>'; a proxy or captive portal may have answered instead",
        pint("google", "servers"));
  }

  @Test
  void service_invalidEntry() {
    service.stubFor(get("/v1/google/servers.json").willReturn(okJson(
        "{\"servers\":[{\"ip\":\"192.0.2.1\",\"region\":\"r\",\"type\":\"smt\"},"
            + "{\"ip\":\"192.0.2.2\\n192.0.2.3\",\"region\":\"r\",\"type\":\"smt\"}]}")));

    assertFailure(1, "pint: malformed data from http://127.0.0.1:" + service.getPort()
        + "/v1/google/servers.json: server entry 1 is invalid: 'ip' '192.0.2.2\\u000a192.0.2.3'"
        + " is not an IPv4 address", pint("google", "servers"));
  }

  @Test
  void service_errorStatus() {
    service.stubFor(get("/v1/google/servers.json").willReturn(aResponse().withStatus(500)));

    assertFailure(1, "pint: HTTP 500 from http://127.0.0.1:" + service.getPort()
        + "/v1/google/servers.json", pint("google", "servers"));
  }

  @Test
  void xml_unrepresentableCharacter() {
    service.stubFor(get("/v1/google/servers.json").willReturn(okJson(
        "{\"servers\":[{\"ip\":\"192.0.2.1\",\"region\":\"r\\u0007\",\"type\":\"smt\"}]}")));

    assertFailure(1, "pint: field 'region' holds character U+0007, which XML cannot represent;"
        + " use --json", pint("google", "servers"));
  }

  @Test
  void servers_requestsWholeListOnce() {
    pint("amazon", "servers", "--region=us-east-1,eu-central-1,us-west-2");

    service.verify(1, getRequestedFor(urlEqualTo("/v1/amazon/servers.json")));
    service.verify(0, getRequestedFor(urlEqualTo("/v1/providers.json")));
  }
}
