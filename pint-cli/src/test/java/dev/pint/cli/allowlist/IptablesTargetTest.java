package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.FETCHED_AT;
import static dev.pint.cli.allowlist.AllowlistFixtures.SOURCE;
import static dev.pint.cli.allowlist.AllowlistFixtures.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class IptablesTargetTest {
  @Test
  void render_fourFilesInLoadOrder() {
    List<GeneratedFile> files = new IptablesTarget().render(AllowlistFixtures.sample());

    assertEquals(List.of("pint-amazon.iptables", "pint-amazon.ip6tables", "pint-amazon.ipset-v4",
        "pint-amazon.ipset-v6"), files.stream().map(GeneratedFile::fileName).toList());
  }

  @Test
  void restoreFile_ipv4WithMetadata() {
    String text = IptablesTarget.restoreFile(AllowlistFixtures.sample(), false);

    assertEquals(header("iptables (iptables-restore)") + """
        # Load with: iptables-restore --noflush FILE
        # then, once: iptables -A OUTPUT -j PINT-AMAZON
        *filter
        :PINT-AMAZON - [0:0]
        -A PINT-AMAZON -d 169.254.169.254/32 -p tcp -m tcp --dport 80 -j ACCEPT
        -A PINT-AMAZON -d 192.0.2.10/32 -p tcp -m tcp --dport 443 -j ACCEPT
        -A PINT-AMAZON -d 198.51.100.1/32 -p tcp -m tcp --dport 443 -j ACCEPT
        -A PINT-AMAZON -d 203.0.113.3/32 -p tcp -m tcp --dport 443 -j ACCEPT
        -A PINT-AMAZON -d 203.0.113.20/32 -p tcp -m tcp --dport 443 -j ACCEPT
        -A PINT-AMAZON -d 203.0.113.100/32 -p tcp -m tcp --dport 443 -j ACCEPT
        COMMIT
        """, text);
  }

  @Test
  void restoreFile_ipv6WithMultiport() {
    String text = IptablesTarget.restoreFile(AllowlistFixtures.sampleWithHttp(), true);

    assertEquals(header("iptables (ip6tables-restore)").replace("ports: 443", "ports: 80, 443") + """
        # Load with: ip6tables-restore --noflush FILE
        # then, once: ip6tables -A OUTPUT -j PINT-AMAZON
        *filter
        :PINT-AMAZON - [0:0]
        -A PINT-AMAZON -d 2001:db8::10/128 -p tcp -m multiport --dports 80,443 -j ACCEPT
        -A PINT-AMAZON -d 2001:db8:1::20/128 -p tcp -m multiport --dports 80,443 -j ACCEPT
        COMMIT
        """, text);
  }

  @Test
  void ipsetFile_createFlushAdd() {
    String text = IptablesTarget.ipsetFile(AllowlistFixtures.sample(), true);

    assertEquals(header("iptables (ipset)") + """
        # Load with: ipset restore < FILE (loading it again replaces the members)
        # Match with: ip6tables -A OUTPUT -m set --match-set pint-amazon-v6 dst -p tcp -m tcp --dport 443 -j ACCEPT
        create pint-amazon-v6 hash:ip family inet6 -exist
        flush pint-amazon-v6
        add pint-amazon-v6 2001:db8::10
        add pint-amazon-v6 2001:db8:1::20
        """, text);
  }

  @Test
  void names_longProviderCut() {
    Allowlist allowlist = Allowlist.builder("a-provider.with_a-very-long-name-indeed", SOURCE, FETCHED_AT, "0.1.0").build();

    assertEquals("PINT-A-PROVIDER-WITH_A-VERY-", IptablesTarget.chain(allowlist));
    assertEquals("pint-a-provider-with_a-very--v4", IptablesTarget.setName(allowlist, false));
  }
}
