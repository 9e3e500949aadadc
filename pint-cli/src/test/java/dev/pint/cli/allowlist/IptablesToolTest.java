package dev.pint.cli.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the iptables, ip6tables and ipset files with the real tools, in a throwaway network
 * namespace: {@code ipset} has no test mode, and loading for real shows that a second load
 * replaces the rules instead of adding a copy.
 */
final class IptablesToolTest {
  @TempDir Path directory;

  @BeforeEach
  void requireTools() throws Exception {
    ExternalTools.require("iptables-restore", "ip6tables-restore", "iptables", "ipset");
    ExternalTools.requireNetworkNamespace();
  }

  @Test
  void restore_testAcceptsBothFamilies() throws Exception {
    writeAll(AllowlistFixtures.sampleWithHttp());

    ExternalTools.Result result = ExternalTools.shell("cd \"$1\" && unshare -n sh -c '"
        + "iptables-restore --test --noflush pint-amazon.iptables"
        + " && ip6tables-restore --test --noflush pint-amazon.ip6tables'", directory.toString());

    assertEquals(0, result.status(), result.output());
  }

  @Test
  void restore_loadingTwiceKeepsOneCopy() throws Exception {
    writeAll(AllowlistFixtures.sample());

    ExternalTools.Result result = ExternalTools.shell("cd \"$1\" && unshare -n sh -c '"
        + "iptables-restore --noflush pint-amazon.iptables && iptables-restore --noflush pint-amazon.iptables"
        + " && ip6tables-restore --noflush pint-amazon.ip6tables && ip6tables-restore --noflush pint-amazon.ip6tables"
        + " && iptables -S PINT-AMAZON && ip6tables -S PINT-AMAZON'", directory.toString());

    assertEquals(0, result.status(), result.output());
    assertEquals(6 + 2, result.output().lines().filter(line -> line.startsWith("-A PINT-AMAZON")).count(),
        result.output());
    assertTrue(result.output().contains("-A PINT-AMAZON -d 203.0.113.100/32 -p tcp -m tcp --dport 443 -j ACCEPT"),
        result.output());
    assertTrue(result.output().contains("-A PINT-AMAZON -d 2001:db8:1::20/128 -p tcp -m tcp --dport 443 -j ACCEPT"),
        result.output());
  }

  @Test
  void ipset_setsLoadTwiceAndMatchRulesWork() throws Exception {
    writeAll(AllowlistFixtures.sample());

    ExternalTools.Result result = ExternalTools.shell("cd \"$1\" && unshare -n sh -c '"
        + "ipset restore < pint-amazon.ipset-v4 && ipset restore < pint-amazon.ipset-v4"
        + " && ipset restore < pint-amazon.ipset-v6 && ipset restore < pint-amazon.ipset-v6"
        + " && iptables -A OUTPUT -m set --match-set pint-amazon-v4 dst -p tcp -m tcp --dport 443 -j ACCEPT"
        + " && ip6tables -A OUTPUT -m set --match-set pint-amazon-v6 dst -p tcp -m tcp --dport 443 -j ACCEPT"
        + " && ipset list pint-amazon-v4 && ipset list pint-amazon-v6'", directory.toString());

    assertEquals(0, result.status(), result.output());
    assertTrue(result.output().contains("Number of entries: 5"), result.output());
    assertTrue(result.output().contains("Number of entries: 2"), result.output());
    assertTrue(result.output().contains("\n2001:db8:1::20\n"), result.output());
  }

  @Test
  void restore_testRejectsBrokenFile() throws Exception {
    Files.writeString(directory.resolve("broken.iptables"),
        IptablesTarget.restoreFile(AllowlistFixtures.sample(), false).replace("203.0.113.100/32", "203.0.113.999/32"));

    ExternalTools.Result result = ExternalTools.shell(
        "cd \"$1\" && unshare -n iptables-restore --test --noflush broken.iptables", directory.toString());

    assertEquals(2, result.status(), result.output());
    assertTrue(result.output().contains("203.0.113.999"), result.output());
  }

  private void writeAll(Allowlist allowlist) throws Exception {
    for (GeneratedFile file : new IptablesTarget().render(allowlist)) {
      Files.writeString(directory.resolve(file.fileName()), file.content());
    }
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(List.of("pint-amazon.ip6tables", "pint-amazon.ipset-v4", "pint-amazon.ipset-v6",
          "pint-amazon.iptables"), files.map(path -> path.getFileName().toString()).sorted().toList());
    }
  }
}
