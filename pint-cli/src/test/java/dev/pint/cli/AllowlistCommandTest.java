package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AllowlistCommandTest {
  /**
   * Region servers in two regions, update servers in us-east-1 and eu-central-1 that share
   * 203.0.113.3, and us-west-2, which has only a region server.
   */
  private static final String SERVERS = """
      {"servers":[
      {"ip":"192.0.2.10","ipv6":"2001:db8::10","name":"","region":"us-east-1","type":"regionserver"},
      {"ip":"192.0.2.11","ipv6":"","name":"","region":"us-west-2","type":"regionserver-sles"},
      {"ip":"203.0.113.20","ipv6":"2001:db8:1::20","name":"smt-ec2.susecloud.net","region":"us-east-1","type":"smt-sles"},
      {"ip":"203.0.113.3","ipv6":"","name":"smt-ec2.susecloud.net","region":"us-east-1","type":"smt-sles"},
      {"ip":"203.0.113.3","ipv6":"","name":"smt-ec2.susecloud.net","region":"eu-central-1","type":"smt-sles"},
      {"ip":"203.0.113.100","ipv6":"","name":"SMT-EC2.susecloud.net","region":"eu-central-1","type":"smt-sap"}
      ]}
      """;

  private static final String UPDATE_SERVERS_ONLY = """
      {"servers":[
      {"ip":"203.0.113.20","ipv6":"","name":"smt-ec2.susecloud.net","region":"us-east-1","type":"smt"}
      ]}
      """;

  private WireMockServer server;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void startServer() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    server.stubFor(get(urlEqualTo("/v1/providers.json")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"providers\":[{\"name\":\"amazon\"},{\"name\":\"google\"}]}")));
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void allowlist_plainForOneRegion() {
    stubServers("amazon", SERVERS);

    int status = run("amazon", "allowlist", "--region=us-east-1");

    assertEquals(0, status);
    assertEquals(header("plain", "us-east-1", "443") + """
        metadata\t169.254.169.254
        port\t443
        name\tregistry-ec2.susecloud.net
        name\tsmt-ec2.susecloud.net
        region-server\t192.0.2.10
        region-server\t192.0.2.11
        region-server\t2001:db8::10
        update-server\t203.0.113.3\tus-east-1
        update-server\t203.0.113.20\tus-east-1
        update-server\t2001:db8:1::20\tus-east-1
        """, stdout());
    assertEquals("", stderr());
  }

  @Test
  void allowlist_addressInTwoRegionsOnce() {
    stubServers("amazon", SERVERS);

    int status = run("amazon", "allowlist", "--region=us-east-1,eu-central-1", "--target=plain");

    assertEquals(0, status);
    assertEquals(2, stdout().split("203\\.0\\.113\\.3", -1).length, stdout());
    assertTrue(stdout().contains("update-server\t203.0.113.3\teu-central-1,us-east-1\n"), stdout());
    assertEquals("", stderr());
  }

  @Test
  void allowlist_hostsForTwoRegionsNeedsOutputDirectory() {
    stubServers("amazon", SERVERS);

    int status = run("amazon", "allowlist", "--region=us-east-1,eu-central-1", "--target=hosts");

    assertEquals(2, status);
    assertEquals("", stdout());
    assertEquals("pint: target 'hosts' writes 2 files (pint-amazon-eu-central-1.hosts,"
        + " pint-amazon-us-east-1.hosts), which cannot share stdout; give --output-dir DIR\n", stderr());
  }

  @Test
  void allowlist_noRegionServersRejected() {
    stubServers("amazon", UPDATE_SERVERS_ONLY);

    int status = run("amazon", "allowlist", "--region=us-east-1", "--target=squid");

    assertEquals(1, status);
    assertEquals("", stdout());
    assertEquals("pint: the allowlist would cut instances off: the service lists no"
        + " region servers for amazon, so instances could not register; check 'pint amazon servers',"
        + " or give --allow-empty to write it anyway\n", stderr());
  }

  @Test
  void allowlist_regionWithoutUpdateServersRejected() {
    stubServers("amazon", SERVERS);

    int status = run("amazon", "allowlist", "--region=us-west-2,us-east-1", "--target=nftables");

    assertEquals(1, status);
    assertEquals("", stdout());
    assertEquals("pint: the allowlist would cut instances off: the service lists no"
        + " update servers for region 'us-west-2' (a region may be served from another one);"
        + " check 'pint amazon servers', or give --allow-empty to write it anyway\n", stderr());
  }

  @Test
  void allowlist_allowEmptyWarns() {
    stubServers("amazon", UPDATE_SERVERS_ONLY);

    int status = run("amazon", "allowlist", "--region=us-east-1", "--target=no-proxy", "--allow-empty");

    assertEquals(0, status);
    assertTrue(stdout().endsWith("NO_PROXY=\"169.254.169.254,registry-ec2.susecloud.net,"
        + "smt-ec2.susecloud.net,203.0.113.20\"\n"), stdout());
    assertEquals("pint: warning: the service lists no region servers for amazon, so instances could"
        + " not register; written anyway because of --allow-empty\n", stderr());
  }

  @Test
  void allowlist_hostileNameRejected() {
    stubServers("amazon", """
        {"servers":[
        {"ip":"192.0.2.10","ipv6":"","name":"","region":"us-east-1","type":"regionserver"},
        {"ip":"203.0.113.20","ipv6":"","name":"smt-ec2.susecloud.net\\"; reboot; \\"","region":"us-east-1","type":"smt"}
        ]}
        """);

    int status = run("amazon", "allowlist", "--region=us-east-1", "--target=no-proxy");

    assertEquals(1, status);
    assertEquals("", stdout());
    assertEquals("pint: unsafe data in the server list, region 'us-east-1': 'name'"
        + " 'smt-ec2.susecloud.net\"; reboot; \"' is not a valid host name; nothing was written\n",
        stderr());
  }

  @Test
  void allowlist_nameWithNewlineRejected() {
    stubServers("amazon", """
        {"servers":[
        {"ip":"192.0.2.10","ipv6":"","name":"","region":"us-east-1","type":"regionserver"},
        {"ip":"203.0.113.20","ipv6":"","name":"smt-ec2.susecloud.net\\n-A OUTPUT -j ACCEPT","region":"us-east-1","type":"smt"}
        ]}
        """);

    int status = run("amazon", "allowlist", "--region=us-east-1", "--target=iptables");

    assertEquals(1, status);
    assertEquals("", stdout());
    assertEquals("pint: unsafe data in the server list, region 'us-east-1': 'name'"
        + " 'smt-ec2.susecloud.net\\u000a-A OUTPUT -j ACCEPT' is not a valid host name;"
        + " nothing was written\n", stderr());
  }

  @Test
  void allowlist_hostileAddressRejected() {
    stubServers("amazon", """
        {"servers":[
        {"ip":"192.0.2.10\\nCOMMIT","ipv6":"","name":"","region":"us-east-1","type":"regionserver"},
        {"ip":"203.0.113.20","ipv6":"","name":"smt-ec2.susecloud.net","region":"us-east-1","type":"smt"}
        ]}
        """);

    int status = run("amazon", "allowlist", "--region=us-east-1", "--target=iptables");

    assertEquals(1, status);
    assertEquals("", stdout());
    assertEquals("pint: malformed data from " + baseUrl() + "/v1/amazon/servers.json: server"
        + " entry 0 is invalid: 'ip' '192.0.2.10\\u000aCOMMIT' is not an IPv4 address\n", stderr());
  }

  @Test
  void allowlist_ipv6ZoneRejected() {
    stubServers("amazon", """
        {"servers":[
        {"ip":"","ipv6":"fe80::1%eth0","name":"","region":"us-east-1","type":"regionserver"},
        {"ip":"203.0.113.20","ipv6":"","name":"smt-ec2.susecloud.net","region":"us-east-1","type":"smt"}
        ]}
        """);

    int status = run("amazon", "allowlist", "--region=us-east-1", "--target=squid");

    assertEquals(1, status);
    assertEquals("", stdout());
    assertEquals("pint: malformed data from " + baseUrl() + "/v1/amazon/servers.json: server"
        + " entry 0 is invalid: 'ipv6' 'fe80::1%eth0' is not an IPv6 address\n", stderr());
  }

  @Test
  void allowlist_addressPrintedCanonically() {
    stubServers("amazon", """
        {"servers":[
        {"ip":"192.0.2.10/32","ipv6":"2001:DB8:0:0:0:0:0:10","name":"","region":"us-east-1","type":"regionserver"},
        {"ip":"203.0.113.20","ipv6":"","name":"smt-ec2.susecloud.net","region":"us-east-1","type":"smt"}
        ]}
        """);

    int status = run("amazon", "allowlist", "--region=us-east-1", "--target=java");

    assertEquals(0, status);
    assertTrue(stdout().endsWith("-Dhttp.nonProxyHosts=169.254.169.254|registry-ec2.susecloud.net"
        + "|smt-ec2.susecloud.net|192.0.2.10|203.0.113.20|[2001:db8::10]\n"), stdout());
  }

  @Test
  void allowlist_unknownTarget() {
    int status = run("amazon", "allowlist", "--region=us-east-1", "--target=ufw");

    assertEquals(2, status);
    assertEquals("", stdout());
    assertEquals("pint: unknown --target 'ufw'; give one of hosts, no-proxy, java, mitmproxy, squid,"
        + " nftables, iptables, pac, aws-sg, azure-nsg, gcloud, plain, json\n", stderr());
  }

  @Test
  void allowlist_regionRequired() {
    int status = run("amazon", "allowlist", "--target=hosts");

    assertEquals(2, status);
    assertEquals("", stdout());
    assertEquals("pint: Missing required option: '--region=REGION'; see 'pint --help'\n", stderr());
  }

  @Test
  void allowlist_unknownRegion() {
    stubServers("amazon", SERVERS);

    int status = run("amazon", "allowlist", "--region=us-esat-1");

    assertEquals(2, status);
    assertEquals("", stdout());
    assertEquals("pint: unknown region 'us-esat-1' for amazon; did you mean 'us-east-1'?\n", stderr());
  }

  @Test
  void allowlist_configHttpsOnlyTrue(@TempDir Path directory) throws Exception {
    stubServers("amazon", SERVERS);
    Path config = directory.resolve("regionserverclnt.cfg");
    Files.writeString(config, "[server]\napi = regionInfo\n[instance]\nhttpsOnly = true\n");

    int status = run("amazon", "allowlist", "--region=us-east-1", "--config", config.toString());

    assertEquals(0, status);
    assertTrue(stdout().contains("# ports: 443\n"), stdout());
    assertFalse(stdout().contains("port\t80\n"), stdout());
  }

  @Test
  void allowlist_configNotTrueAddsPort80(@TempDir Path directory) throws Exception {
    stubServers("amazon", SERVERS);
    Path config = directory.resolve("regionserverclnt.cfg");
    Files.writeString(config, "[instance]\nhttpsOnly = True\n");

    int status = run("amazon", "allowlist", "--region=us-east-1", "--config", config.toString());

    assertEquals(0, status);
    assertTrue(stdout().contains("# ports: 80, 443\n"), stdout());
    assertTrue(stdout().contains("\nport\t80\nport\t443\n"), stdout());
  }

  @Test
  void allowlist_port80Option() {
    stubServers("amazon", SERVERS);

    int status = run("amazon", "allowlist", "--region=us-east-1", "--port-80", "--target=nftables");

    assertEquals(0, status);
    assertTrue(stdout().contains("\t\tip daddr @ipv4_addresses tcp dport { 80, 443 } accept\n"), stdout());
  }

  @Test
  void allowlist_configMissing(@TempDir Path directory) {
    Path config = directory.resolve("missing.cfg");

    int status = run("amazon", "allowlist", "--region=us-east-1", "--config", config.toString());

    assertEquals(2, status);
    assertEquals("", stdout());
    assertEquals("pint: --config '" + config + "' does not exist; give the path of"
        + " regionserverclnt.cfg\n", stderr());
  }

  @Test
  void allowlist_outputDirWritesEveryFile(@TempDir Path directory) throws Exception {
    stubServers("amazon", SERVERS);

    int status = run("amazon", "allowlist", "--region=us-east-1", "--target=iptables",
        "--output-dir", directory.toString());

    assertEquals(0, status);
    assertEquals("", stdout());
    assertEquals("", stderr());
    assertEquals(List.of("pint-amazon.ip6tables", "pint-amazon.ipset-v4", "pint-amazon.ipset-v6",
        "pint-amazon.iptables"), fileNames(directory));
    assertTrue(Files.readString(directory.resolve("pint-amazon.iptables"))
        .contains("-A PINT-AMAZON -d 203.0.113.3/32 -p tcp -m tcp --dport 443 -j ACCEPT\n"));
  }

  @Test
  void allowlist_outputDirMissing(@TempDir Path directory) {
    Path missing = directory.resolve("missing");

    int status = run("amazon", "allowlist", "--region=us-east-1", "--output-dir", missing.toString());

    assertEquals(2, status);
    assertEquals("", stdout());
    assertEquals("pint: --output-dir '" + missing + "' is not a directory; create it first\n", stderr());
  }

  @Test
  void allowlist_rejectedDataWritesNoFile(@TempDir Path directory) throws Exception {
    stubServers("amazon", UPDATE_SERVERS_ONLY);

    int status = run("amazon", "allowlist", "--region=us-east-1", "--target=iptables",
        "--output-dir", directory.toString());

    assertEquals(1, status);
    assertEquals(List.of(), fileNames(directory));
  }

  @Test
  void allowlist_helpOffline() {
    int status = run("amazon", "allowlist", "--help");

    assertEquals(0, status);
    assertTrue(stdout().contains("--target=TARGET"), stdout());
    assertTrue(stdout().contains("What to write: hosts, no-proxy, java, mitmproxy,"), stdout());
    assertEquals(0, server.getAllServeEvents().size());
  }

  private void stubServers(String provider, String body) {
    server.stubFor(get(urlEqualTo("/v1/" + provider + "/servers.json")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(body)));
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(0, "--base-url=" + baseUrl());
    return Cli.execute(all.toArray(String[]::new), CliRun.withPrivateCache(Map.of()),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** Returns stdout with the fetch time, which changes on every run, replaced by a fixed text. */
  private String stdout() {
    return out.toString(StandardCharsets.UTF_8).replaceAll("(?m)^# fetched: .*$", "# fetched: TIME");
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String header(String target, String regions, String ports) {
    return "# Generated by pint " + dev.pint.PintClient.version() + " (target " + target
        + "); regenerate instead of editing.\n"
        + "# provider: amazon\n"
        + "# regions: " + regions + "\n"
        + "# ports: " + ports + "\n"
        + "# source: " + baseUrl() + "/v1/amazon/servers.json\n"
        + "# fetched: TIME\n";
  }

  private static List<String> fileNames(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
