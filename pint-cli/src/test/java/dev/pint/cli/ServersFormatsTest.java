package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class ServersFormatsTest {
  private WireMockServer service;

  @BeforeEach
  void startService() {
    service = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    service.start();
    service.stubFor(get("/v1/amazon/servers.json").willReturn(okJson(fixture("servers.json"))));
    service.stubFor(get("/v1/hostile/servers.json").willReturn(okJson(fixture("servers-hostile.json"))));
  }

  @AfterEach
  void stopService() {
    service.stop();
  }

  @Test
  void table_alignsServerFields() {
    CliRun run = pint("amazon", "servers", "--format=table");

    assertEquals(0, run.status());
    assertEquals("""
        ip            ipv6            name                   region     type
        192.0.2.11                                           eu-west-1  regionserver
        198.51.100.7  2001:db8:10::7                         us-east-1  regionserver
        192.0.2.2                     smt-ec2.susecloud.net  eu-west-1  smt-sles
        192.0.2.3     2001:DB8::1     smt-ec2.susecloud.net  eu-west-1  smt-sles
        192.0.2.0     2001:db8::      smt-ec2.susecloud.net  eu-west-1  smt-sap
        192.0.2.1                     smt-ec2.susecloud.net  eu-west-1  smt-sap
        192.0.2.11                                           us-east-1  regionserver
                      2001:db8:10::8  smt-ec2.susecloud.net  us-east-1  smt
        """, run.out());
    assertEquals("", run.err());
  }

  @Test
  void csv_writesHeaderAndOneRecordPerServer() {
    CliRun run = pint("amazon", "servers", "--format=csv", "--region=us-east-1");

    assertEquals(0, run.status());
    assertEquals("ip,ipv6,name,region,type\r\n"
        + "198.51.100.7,2001:db8:10::7,,us-east-1,regionserver\r\n"
        + "192.0.2.11,,,us-east-1,regionserver\r\n"
        + ",2001:db8:10::8,smt-ec2.susecloud.net,us-east-1,smt\r\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void csv_emptySelectionPrintsHeaderOnly() {
    CliRun run = pint("amazon", "servers", "--format=csv", "--filter=name~nothing");

    assertEquals(0, run.status());
    assertEquals("ip,ipv6,name,region,type\r\n", run.out());
    assertEquals("pint: no servers match; check --region, --smt, --regionserver and --filter\n",
        run.err());
  }

  @Test
  void ips_printsEachAddressOnceInOrder() {
    CliRun run = pint("amazon", "servers", "--format=ips");

    assertEquals(0, run.status());
    assertEquals("""
        192.0.2.0
        192.0.2.1
        192.0.2.2
        192.0.2.3
        192.0.2.11
        198.51.100.7
        2001:db8::
        2001:db8::1
        2001:db8:10::7
        2001:db8:10::8
        """, run.out());
    assertEquals("", run.err());
  }

  @Test
  void ips_followsSmtSelection() {
    CliRun run = pint("amazon", "servers", "--format=ips", "--smt", "--region=us-east-1");

    assertEquals(0, run.status());
    assertEquals("2001:db8:10::8\n", run.out());
  }

  @Test
  void cidr_printsHostPrefixes() {
    CliRun run = pint("amazon", "servers", "--format=cidr", "--region=eu-west-1");

    assertEquals(0, run.status());
    assertEquals("""
        192.0.2.0/32
        192.0.2.1/32
        192.0.2.2/32
        192.0.2.3/32
        192.0.2.11/32
        2001:db8::/128
        2001:db8::1/128
        """, run.out());
  }

  @Test
  void cidrAggregate_mergesAdjacentAddresses() {
    CliRun run = pint("amazon", "servers", "--format=cidr", "--aggregate");

    assertEquals(0, run.status());
    assertEquals("""
        192.0.2.0/30
        192.0.2.11/32
        198.51.100.7/32
        2001:db8::/127
        2001:db8:10::7/128
        2001:db8:10::8/128
        """, run.out());
  }

  @Test
  void aggregate_withoutCidrIsUsageError() {
    CliRun run = pint("amazon", "servers", "--format=ips", "--aggregate");

    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals("pint: --aggregate applies only to --format=cidr\n", run.err());
  }

  @Test
  void addressFormat_onRegionsIsUsageError() {
    CliRun run = pint("amazon", "regions", "--format=cidr");

    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals("pint: --format=cidr prints server addresses and applies only to 'servers', not to"
        + " 'regions'; use xml, json, table or csv\n", run.err());
    assertEquals(0, service.getAllServeEvents().size());
  }

  @Test
  void format_withJsonIsUsageError() {
    CliRun run = pint("amazon", "servers", "--format=table", "--json");

    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertEquals("pint: --json, --xml and --format are mutually exclusive; give one of them\n",
        run.err());
  }

  @Test
  void table_escapesHostileFields() {
    CliRun run = pint("hostile", "servers", "--format=table");

    assertEquals(0, run.status());
    assertEquals("""
        ip         ipv6  name                               region              type          note
        192.0.2.5        smt"; rm -rf /;\\u000a\\u001b[2Jx,y  eu-west-1\\u001b[1A  smt
        192.0.2.6        =HYPERLINK("http://a")             us\\u202eeast\\u000d  regionserver  a\\u005cu001b
        """, run.out());
    assertEquals("", run.err());
  }

  @Test
  void csv_escapesHostileFields() {
    CliRun run = pint("hostile", "servers", "--format=csv");

    assertEquals(0, run.status());
    assertEquals("ip,ipv6,name,region,type,note\r\n"
        + "192.0.2.5,,\"smt\"\"; rm -rf /;\\u000a\\u001b[2Jx,y\",eu-west-1\\u001b[1A,smt,\r\n"
        + "192.0.2.6,,\"'=HYPERLINK(\"\"http://a\"\")\",us\\u202eeast\\u000d,regionserver,"
        + "a\\u005cu001b\r\n", run.out());
  }

  @Test
  void textFormats_haveNoControlCharacters() {
    for (String format : new String[] {"table", "csv", "ips", "cidr"}) {
      CliRun run = pint("hostile", "servers", "--format=" + format);

      assertEquals(0, run.status(), format);
      String visible = run.out().replace("\r\n", "").replace("\n", "");
      assertEquals(-1, indexOfControl(visible), format + " output: " + run.out());
    }
  }

  private static int indexOfControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.getType(c) == Character.FORMAT) {
        return i;
      }
    }
    return -1;
  }

  private CliRun pint(String... args) {
    return CliRun.run(Map.of("PINT_BASE_URL", "http://127.0.0.1:" + service.port()), args);
  }

  private static String fixture(String name) {
    try (InputStream in = ServersFormatsTest.class.getResourceAsStream("formats/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource formats/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
