package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.address;
import static dev.pint.cli.allowlist.AllowlistFixtures.header;
import static dev.pint.cli.allowlist.AllowlistFixtures.renderOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class HostsTargetTest {
  @Test
  void render_updateServersOnceEach() {
    String text = renderOne(new HostsTarget(), AllowlistFixtures.sample());

    assertEquals(header("hosts") + """
        203.0.113.3\tsmt-ec2.susecloud.net\tsmt-ec2
        203.0.113.3\tregistry-ec2.susecloud.net\tregistry-ec2
        203.0.113.20\tsmt-ec2.susecloud.net\tsmt-ec2
        203.0.113.20\tregistry-ec2.susecloud.net\tregistry-ec2
        203.0.113.100\tsmt-ec2.susecloud.net\tsmt-ec2
        203.0.113.100\tregistry-ec2.susecloud.net\tregistry-ec2
        2001:db8:1::20\tsmt-ec2.susecloud.net\tsmt-ec2
        2001:db8:1::20\tregistry-ec2.susecloud.net\tregistry-ec2
        """, text);
  }

  @Test
  void lines_updateServerNameFirst() {
    List<String> lines = HostsTarget.lines(address("192.0.2.1"),
        List.of("registry-gce.susecloud.net", "smt-gce.susecloud.net"));

    assertEquals(List.of("192.0.2.1\tsmt-gce.susecloud.net\tsmt-gce",
        "192.0.2.1\tregistry-gce.susecloud.net\tregistry-gce"), lines);
  }

  @Test
  void render_fileNameNamesProvider() {
    List<GeneratedFile> files = new HostsTarget().render(AllowlistFixtures.sample());

    assertEquals("pint-amazon.hosts", files.get(0).fileName());
  }
}
