package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.renderOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the nftables script with {@code nft -c -f}, and loads it twice for real, in a throwaway
 * network namespace so the machine's own ruleset is never touched.
 */
final class NftablesToolTest {
  @TempDir Path directory;

  @BeforeEach
  void requireNft() throws Exception {
    ExternalTools.require("nft");
    ExternalTools.requireNetworkNamespace();
  }

  @Test
  void nft_checkAcceptsScript() throws Exception {
    Path script = write(renderOne(new NftablesTarget(), AllowlistFixtures.sampleWithHttp()));

    ExternalTools.Result result = ExternalTools.run(List.of("unshare", "-n", "nft", "-c", "-f", script.toString()), null);

    assertEquals(0, result.status(), result.output());
  }

  @Test
  void nft_loadingTwiceKeepsOneCopy() throws Exception {
    Path script = write(renderOne(new NftablesTarget(), AllowlistFixtures.sample()));

    ExternalTools.Result result = ExternalTools.shell(
        "unshare -n sh -c 'nft -f \"$1\" && nft -f \"$1\" && nft list ruleset' sh \"$1\"", script.toString());

    assertEquals(0, result.status(), result.output());
    assertEquals(1, count(result.output(), "table inet pint_amazon"), result.output());
    assertEquals(1, count(result.output(), "ip daddr @ipv4_addresses tcp dport 443 accept"), result.output());
    assertEquals(1, count(result.output(), "ip6 daddr @ipv6_addresses tcp dport 443 accept"), result.output());
    assertTrue(result.output().contains("2001:db8:1::20"), result.output());
    assertTrue(result.output().contains("203.0.113.100"), result.output());
  }

  @Test
  void nft_checkAcceptsEmptySets() throws Exception {
    Allowlist empty = Allowlist.builder("amazon", AllowlistFixtures.SOURCE, AllowlistFixtures.FETCHED_AT, "0.1.0")
        .region("us-east-1").build();
    Path script = write(renderOne(new NftablesTarget(), empty));

    ExternalTools.Result result = ExternalTools.run(List.of("unshare", "-n", "nft", "-c", "-f", script.toString()), null);

    assertEquals(0, result.status(), result.output());
  }

  private Path write(String content) throws Exception {
    Path script = directory.resolve("pint-amazon.nft");
    Files.writeString(script, content);
    return script;
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      count++;
    }
    return count;
  }
}
