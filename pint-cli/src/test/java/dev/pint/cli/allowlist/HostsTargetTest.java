package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.address;
import static dev.pint.cli.allowlist.AllowlistFixtures.header;
import static dev.pint.cli.allowlist.AllowlistFixtures.renderOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class HostsTargetTest {
  @Test
  void render_oneFilePerRegionWithOneActiveServer() {
    List<GeneratedFile> files = new HostsTarget().render(AllowlistFixtures.sample());

    assertEquals(2, files.size());
    assertEquals("pint-amazon-eu-central-1.hosts", files.get(0).fileName());
    assertEquals(header("hosts") + """
        # lines for instances in eu-central-1
        203.0.113.3\tsmt-ec2.susecloud.net\tsmt-ec2
        203.0.113.3\tregistry-ec2.susecloud.net\tregistry-ec2
        # other update servers of eu-central-1, to use in place of the lines above:
        #203.0.113.100\tsmt-ec2.susecloud.net\tsmt-ec2
        #203.0.113.100\tregistry-ec2.susecloud.net\tregistry-ec2
        """, files.get(0).content());
    assertEquals("pint-amazon-us-east-1.hosts", files.get(1).fileName());
    assertEquals(header("hosts") + """
        # lines for instances in us-east-1
        203.0.113.3\tsmt-ec2.susecloud.net\tsmt-ec2
        203.0.113.3\tregistry-ec2.susecloud.net\tregistry-ec2
        # other update servers of us-east-1, to use in place of the lines above:
        #203.0.113.20\tsmt-ec2.susecloud.net\tsmt-ec2
        #203.0.113.20\tregistry-ec2.susecloud.net\tregistry-ec2
        #2001:db8:1::20\tsmt-ec2.susecloud.net\tsmt-ec2
        #2001:db8:1::20\tregistry-ec2.susecloud.net\tregistry-ec2
        """, files.get(1).content());
  }

  @Test
  void lines_updateServerNameFirst() {
    List<String> lines = HostsTarget.lines(address("192.0.2.1"),
        List.of("registry-gce.susecloud.net", "smt-gce.susecloud.net"));

    assertEquals(List.of("192.0.2.1\tsmt-gce.susecloud.net\tsmt-gce",
        "192.0.2.1\tregistry-gce.susecloud.net\tregistry-gce"), lines);
  }

  @Test
  void render_singleRegionFileNamesProvider() {
    Allowlist allowlist = Allowlist.builder("amazon", java.net.URI.create("http://127.0.0.1/v1/amazon/servers.json"),
            java.time.Instant.parse("2026-01-01T00:00:00Z"), "1.0")
        .region("us-east-1")
        .addRegionServer(address("198.51.100.1"))
        .addUpdateServer("us-east-1", address("203.0.113.20"))
        .addName("smt-ec2.susecloud.net")
        .build();

    List<GeneratedFile> files = new HostsTarget().render(allowlist);

    assertEquals(1, files.size());
    assertEquals("pint-amazon.hosts", files.get(0).fileName());
  }
}
