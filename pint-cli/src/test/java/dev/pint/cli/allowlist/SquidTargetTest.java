package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.FETCHED_AT;
import static dev.pint.cli.allowlist.AllowlistFixtures.SOURCE;
import static dev.pint.cli.allowlist.AllowlistFixtures.header;
import static dev.pint.cli.allowlist.AllowlistFixtures.renderOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class SquidTargetTest {
  private static final String ACLS = """
      # Include this file before any ssl_bump bump, stare or terminate rule and before
      # 'http_access deny all'.
      acl pint_amazon_addresses dst 192.0.2.10
      acl pint_amazon_addresses dst 198.51.100.1
      acl pint_amazon_addresses dst 203.0.113.3
      acl pint_amazon_addresses dst 203.0.113.20
      acl pint_amazon_addresses dst 203.0.113.100
      acl pint_amazon_addresses dst 2001:db8::10
      acl pint_amazon_addresses dst 2001:db8:1::20
      acl pint_amazon_domains dstdomain registry-ec2.susecloud.net
      acl pint_amazon_domains dstdomain smt-ec2.susecloud.net
      acl pint_amazon_server_names ssl::server_name registry-ec2.susecloud.net
      acl pint_amazon_server_names ssl::server_name smt-ec2.susecloud.net
      acl pint_amazon_connect method CONNECT
      acl pint_amazon_https_port port 443
      """;

  @Test
  void render_spliceAndConnectRules() {
    String text = renderOne(new SquidTarget(), AllowlistFixtures.sample());

    assertEquals(header("squid") + ACLS + """
        ssl_bump splice pint_amazon_addresses
        ssl_bump splice pint_amazon_server_names
        http_access allow pint_amazon_connect pint_amazon_https_port pint_amazon_addresses
        http_access allow pint_amazon_connect pint_amazon_https_port pint_amazon_domains
        """, text);
  }

  @Test
  void render_port80AllowsPlainHttp() {
    String text = renderOne(new SquidTarget(), AllowlistFixtures.sampleWithHttp());

    assertEquals(header("squid").replace("ports: 443", "ports: 80, 443") + ACLS + """
        acl pint_amazon_http_port port 80
        ssl_bump splice pint_amazon_addresses
        ssl_bump splice pint_amazon_server_names
        http_access allow pint_amazon_connect pint_amazon_https_port pint_amazon_addresses
        http_access allow pint_amazon_connect pint_amazon_https_port pint_amazon_domains
        http_access allow !pint_amazon_connect pint_amazon_http_port pint_amazon_addresses
        http_access allow !pint_amazon_connect pint_amazon_http_port pint_amazon_domains
        """, text);
  }

  @Test
  void render_emptyAclsLeftOut() {
    Allowlist empty = Allowlist.builder("amazon", SOURCE, FETCHED_AT, "0.1.0").region("us-east-1").build();

    String text = renderOne(new SquidTarget(), empty);

    assertFalse(text.contains(" dst "));
    assertFalse(text.contains(" dstdomain "));
    assertFalse(text.contains("http_access allow"));
    assertFalse(text.contains("ssl_bump splice"));
    assertTrue(text.contains("acl pint_amazon_connect method CONNECT\n"));
  }

  @Test
  void render_metadataLeftOut() {
    String text = renderOne(new SquidTarget(), AllowlistFixtures.sample());

    assertFalse(text.contains("169.254.169.254"));
  }
}
