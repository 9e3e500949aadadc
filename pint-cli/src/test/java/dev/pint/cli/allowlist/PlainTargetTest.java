package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.header;
import static dev.pint.cli.allowlist.AllowlistFixtures.renderOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class PlainTargetTest {
  @Test
  void render_sharedUpdateServerOnceWithBothRegions() {
    String text = renderOne(new PlainTarget(), AllowlistFixtures.sample());

    assertEquals(header("plain") + """
        metadata\t169.254.169.254
        port\t443
        name\tregistry-ec2.susecloud.net
        name\tsmt-ec2.susecloud.net
        region-server\t192.0.2.10
        region-server\t198.51.100.1
        region-server\t2001:db8::10
        update-server\t203.0.113.3\teu-central-1,us-east-1
        update-server\t203.0.113.20\tus-east-1
        update-server\t203.0.113.100\teu-central-1
        update-server\t2001:db8:1::20\tus-east-1
        """, text);
  }
}
