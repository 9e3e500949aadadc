package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.FETCHED_AT;
import static dev.pint.cli.allowlist.AllowlistFixtures.SOURCE;
import static dev.pint.cli.allowlist.AllowlistFixtures.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pint.cli.UnrepresentableDataException;
import inet.ipaddr.IPAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AllowlistTest {
  @Test
  void addresses_sortedNumericallyIpv4First() {
    Allowlist allowlist = AllowlistFixtures.sample();

    List<String> addresses = texts(allowlist.addresses());

    assertEquals(List.of("192.0.2.10", "198.51.100.1", "203.0.113.3", "203.0.113.20",
        "203.0.113.100", "2001:db8::10", "2001:db8:1::20"), addresses);
  }

  @Test
  void updateServerAddresses_sharedAddressOnce() {
    Allowlist allowlist = AllowlistFixtures.sample();

    List<String> addresses = texts(allowlist.updateServerAddresses());

    assertEquals(List.of("203.0.113.3", "203.0.113.20", "203.0.113.100", "2001:db8:1::20"), addresses);
  }

  @Test
  void updateServers_byRegionSorted() {
    Allowlist allowlist = AllowlistFixtures.sample();

    assertEquals(List.of("eu-central-1", "us-east-1"), List.copyOf(allowlist.updateServers().keySet()));
    assertEquals(List.of("203.0.113.3", "203.0.113.100"), texts(allowlist.updateServers().get("eu-central-1")));
    assertEquals(List.of("203.0.113.3", "203.0.113.20", "2001:db8:1::20"),
        texts(allowlist.updateServers().get("us-east-1")));
  }

  @Test
  void families_splitAddresses() {
    Allowlist allowlist = AllowlistFixtures.sample();

    assertEquals(5, allowlist.ipv4Addresses().size());
    assertEquals(List.of("2001:db8::10", "2001:db8:1::20"), texts(allowlist.ipv6Addresses()));
  }

  @Test
  void namesAndPorts_sortedWithDefaults() {
    Allowlist https = AllowlistFixtures.sample();
    Allowlist both = AllowlistFixtures.sampleWithHttp();

    assertEquals(List.of("registry-ec2.susecloud.net", "smt-ec2.susecloud.net"), https.names());
    assertEquals(List.of(443), https.ports());
    assertEquals(List.of(80, 443), both.ports());
    assertEquals("169.254.169.254", IpAddresses.text(https.metadataAddress()));
  }

  @Test
  void region_withoutUpdateServersKept() {
    Allowlist allowlist = Allowlist.builder("amazon", SOURCE, FETCHED_AT, "0.1.0")
        .region("us-east-1")
        .build();

    assertEquals(List.of("us-east-1"), allowlist.regions());
    assertEquals(List.of(), allowlist.addresses());
  }

  @Test
  void builder_rejectsUnsafeProvider() {
    UnrepresentableDataException e = assertThrows(UnrepresentableDataException.class,
        () -> Allowlist.builder("amazon;reboot", SOURCE, FETCHED_AT, "0.1.0"));

    assertEquals("cannot build an allowlist: provider name 'amazon;reboot' is not lower-case letters,"
        + " digits, dots, hyphens and underscores; nothing was written", e.getMessage());
  }

  @Test
  void region_rejectsNewline() {
    Allowlist.Builder builder = Allowlist.builder("amazon", SOURCE, FETCHED_AT, "0.1.0");

    UnrepresentableDataException e = assertThrows(UnrepresentableDataException.class,
        () -> builder.addUpdateServer("us-east-1\nCOMMIT", address("192.0.2.1")));

    assertEquals("cannot build an allowlist: region name 'us-east-1\\u000aCOMMIT' has characters other"
        + " than letters, digits, spaces, dots, hyphens and underscores; nothing was written", e.getMessage());
  }

  @Test
  void addName_rejectsInvalidHostNames() {
    Allowlist.Builder builder = Allowlist.builder("amazon", SOURCE, FETCHED_AT, "0.1.0");

    for (String name : List.of("smt-ec2.susecloud.net\"", "smt ec2.susecloud.net", "SMT-EC2.susecloud.net",
        "smt-ec2.susecloud.net;", "localhost", "-smt.susecloud.net", "192.0.2.1", "")) {
      UnrepresentableDataException e = assertThrows(UnrepresentableDataException.class,
          () -> builder.addName(name), name);

      assertEquals("cannot build an allowlist: host name " + dev.pint.cli.Quoting.quote(name)
          + " is not a valid lower-case host name; nothing was written", e.getMessage());
    }
  }

  @Test
  void source_percentEncodingKept() {
    URI source = URI.create("http://127.0.0.1:8080/v1/%22/servers.json");

    Allowlist allowlist = Allowlist.builder("amazon", source, FETCHED_AT, "0.1.0").build();

    assertEquals("http://127.0.0.1:8080/v1/%22/servers.json", allowlist.source().toString());
  }

  @Test
  void builder_rejectsRelativeSource() {
    UnrepresentableDataException e = assertThrows(UnrepresentableDataException.class,
        () -> Allowlist.builder("amazon", URI.create("servers.json"), FETCHED_AT, "0.1.0"));

    assertEquals("cannot build an allowlist: source URL 'servers.json' is not an absolute URL of"
        + " printable characters; nothing was written", e.getMessage());
  }

  @Test
  void builder_rejectsVersionWithSpace() {
    UnrepresentableDataException e = assertThrows(UnrepresentableDataException.class,
        () -> Allowlist.builder("amazon", SOURCE, FETCHED_AT, "0.1 beta"));

    assertEquals("cannot build an allowlist: tool version '0.1 beta' is not a version number;"
        + " nothing was written", e.getMessage());
  }

  @Test
  void addRegionServer_dropsHostPrefixLength() {
    IPAddress withPrefix = new inet.ipaddr.IPAddressString("192.0.2.1/32").getAddress();

    Allowlist allowlist = Allowlist.builder("amazon", SOURCE, FETCHED_AT, "0.1.0")
        .addRegionServer(withPrefix)
        .build();

    assertEquals(List.of("192.0.2.1"), texts(allowlist.regionServers()));
  }

  @Test
  void addRegionServer_rejectsHostWithNetworkPrefix() {
    IPAddress withPrefix = new inet.ipaddr.IPAddressString("192.0.2.1/24").getAddress();
    Allowlist.Builder builder = Allowlist.builder("amazon", SOURCE, FETCHED_AT, "0.1.0");

    UnrepresentableDataException e = assertThrows(UnrepresentableDataException.class,
        () -> builder.addRegionServer(withPrefix));

    assertEquals("cannot build an allowlist: address '192.0.2.1/24' is not a single IP address;"
        + " nothing was written", e.getMessage());
  }

  @Test
  void addRegionServer_rejectsNetwork() {
    IPAddress network = new inet.ipaddr.IPAddressString("192.0.2.0/24").getAddress();
    Allowlist.Builder builder = Allowlist.builder("amazon", SOURCE, FETCHED_AT, "0.1.0");

    UnrepresentableDataException e = assertThrows(UnrepresentableDataException.class,
        () -> builder.addRegionServer(network));

    assertEquals("cannot build an allowlist: address '192.0.2.0/24' is not a single IP address;"
        + " nothing was written", e.getMessage());
  }

  private static List<String> texts(List<IPAddress> addresses) {
    List<String> texts = new ArrayList<>();
    for (IPAddress address : addresses) {
      texts.add(IpAddresses.text(address));
    }
    return texts;
  }
}
