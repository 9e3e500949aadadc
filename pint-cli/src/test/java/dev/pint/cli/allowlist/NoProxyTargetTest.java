package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.header;
import static dev.pint.cli.allowlist.AllowlistFixtures.renderOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class NoProxyTargetTest {
  private static final String VALUE = "169.254.169.254,registry-ec2.susecloud.net,smt-ec2.susecloud.net,"
      + "192.0.2.10,198.51.100.1,203.0.113.3,203.0.113.20,203.0.113.100,2001:db8::10,2001:db8:1::20";

  @Test
  void value_metadataNamesThenAddresses() {
    assertEquals(VALUE, NoProxyTarget.value(AllowlistFixtures.sample()));
  }

  @Test
  void sysconfigLine_doubleQuoted() {
    assertEquals("NO_PROXY=\"" + VALUE + "\"", NoProxyTarget.sysconfigLine(AllowlistFixtures.sample()));
  }

  @Test
  void render_valueAndSysconfigLine() {
    String text = renderOne(new NoProxyTarget(), AllowlistFixtures.sample());

    assertEquals(header("no-proxy")
        + "# NO_PROXY value (also for no_proxy), for the environment of a process:\n"
        + VALUE + "\n"
        + "# Line for /etc/sysconfig/proxy:\n"
        + "NO_PROXY=\"" + VALUE + "\"\n", text);
  }
}
