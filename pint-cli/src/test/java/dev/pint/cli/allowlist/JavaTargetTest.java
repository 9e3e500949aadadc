package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.header;
import static dev.pint.cli.allowlist.AllowlistFixtures.renderOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class JavaTargetTest {
  @Test
  void render_argumentFileWithBracketedIpv6() {
    String text = renderOne(new JavaTarget(), AllowlistFixtures.sample());

    assertEquals(header("java")
        + "-Dhttp.nonProxyHosts=169.254.169.254|registry-ec2.susecloud.net|smt-ec2.susecloud.net"
        + "|192.0.2.10|198.51.100.1|203.0.113.3|203.0.113.20|203.0.113.100"
        + "|[2001:db8::10]|[2001:db8:1::20]\n", text);
  }
}
