package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.address;
import static dev.pint.cli.allowlist.AllowlistFixtures.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class MitmproxyTargetTest {
  @Test
  void render_argumentsThenConfigFragment() {
    List<GeneratedFile> files = new MitmproxyTarget().render(AllowlistFixtures.sample());

    assertEquals(List.of("pint-amazon.mitmproxy-args", "pint-amazon.mitmproxy.yaml"),
        files.stream().map(GeneratedFile::fileName).toList());
    assertEquals(header("mitmproxy") + """
        # Arguments for mitmproxy or mitmdump: grep -v '^#' FILE | xargs mitmdump
        --ignore-hosts '^registry-ec2\\.susecloud\\.net$'
        --ignore-hosts '^smt-ec2\\.susecloud\\.net$'
        --ignore-hosts '^192\\.0\\.2\\.10$'
        --ignore-hosts '^198\\.51\\.100\\.1$'
        --ignore-hosts '^203\\.0\\.113\\.3$'
        --ignore-hosts '^203\\.0\\.113\\.20$'
        --ignore-hosts '^203\\.0\\.113\\.100$'
        --ignore-hosts '^\\[?2001:db8::10\\]?$'
        --ignore-hosts '^\\[?2001:db8:1::20\\]?$'
        """, files.get(0).content());
    assertEquals(header("mitmproxy") + """
        # Fragment of ~/.mitmproxy/config.yaml
        ignore_hosts:
          - '^registry-ec2\\.susecloud\\.net$'
          - '^smt-ec2\\.susecloud\\.net$'
          - '^192\\.0\\.2\\.10$'
          - '^198\\.51\\.100\\.1$'
          - '^203\\.0\\.113\\.3$'
          - '^203\\.0\\.113\\.20$'
          - '^203\\.0\\.113\\.100$'
          - '^\\[?2001:db8::10\\]?$'
          - '^\\[?2001:db8:1::20\\]?$'
        """, files.get(1).content());
  }

  @Test
  void pattern_matchesOnlyItsAddress() {
    Pattern pattern = Pattern.compile(MitmproxyTarget.pattern(address("192.0.2.1")));

    assertTrue(pattern.matcher("192.0.2.1").find());
    assertFalse(pattern.matcher("192.0.2.10").find());
    assertFalse(pattern.matcher("10.192.0.2.1").find());
    assertFalse(pattern.matcher("192x0y2z1").find());
  }

  @Test
  void pattern_ipv6WithOrWithoutBrackets() {
    Pattern pattern = Pattern.compile(MitmproxyTarget.pattern(address("2001:db8::1")));

    assertTrue(pattern.matcher("2001:db8::1").find());
    assertTrue(pattern.matcher("[2001:db8::1]").find());
    assertFalse(pattern.matcher("2001:db8::10").find());
    assertFalse(pattern.matcher("2001:db8::1:443").find());
  }
}
