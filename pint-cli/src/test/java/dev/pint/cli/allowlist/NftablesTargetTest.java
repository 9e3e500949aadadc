package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.FETCHED_AT;
import static dev.pint.cli.allowlist.AllowlistFixtures.SOURCE;
import static dev.pint.cli.allowlist.AllowlistFixtures.header;
import static dev.pint.cli.allowlist.AllowlistFixtures.renderOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class NftablesTargetTest {
  @Test
  void render_tableWithSetsAndOutputChain() {
    String text = renderOne(new NftablesTarget(), AllowlistFixtures.sample());

    assertEquals(header("nftables") + """
        # Load with: nft -f FILE (loading it again replaces the table's rules).
        table inet pint_amazon
        delete table inet pint_amazon
        table inet pint_amazon {
        \tset ipv4_addresses {
        \t\ttype ipv4_addr
        \t\telements = {
        \t\t\t192.0.2.10,
        \t\t\t198.51.100.1,
        \t\t\t203.0.113.3,
        \t\t\t203.0.113.20,
        \t\t\t203.0.113.100,
        \t\t}
        \t}
        \tset ipv6_addresses {
        \t\ttype ipv6_addr
        \t\telements = {
        \t\t\t2001:db8::10,
        \t\t\t2001:db8:1::20,
        \t\t}
        \t}
        \tchain output {
        \t\ttype filter hook output priority filter; policy accept;
        \t\tip daddr 169.254.169.254 tcp dport 80 accept
        \t\tip daddr @ipv4_addresses tcp dport { 443 } accept
        \t\tip6 daddr @ipv6_addresses tcp dport { 443 } accept
        \t}
        }
        """, text);
  }

  @Test
  void render_port80InPortSet() {
    String text = renderOne(new NftablesTarget(), AllowlistFixtures.sampleWithHttp());

    assertTrue(text.contains("\t\tip daddr @ipv4_addresses tcp dport { 80, 443 } accept\n"));
    assertTrue(text.contains("\t\tip6 daddr @ipv6_addresses tcp dport { 80, 443 } accept\n"));
  }

  @Test
  void render_emptySetHasNoElements() {
    Allowlist empty = Allowlist.builder("amazon", SOURCE, FETCHED_AT, "0.1.0").region("us-east-1").build();

    String text = renderOne(new NftablesTarget(), empty);

    assertFalse(text.contains("elements"));
  }
}
