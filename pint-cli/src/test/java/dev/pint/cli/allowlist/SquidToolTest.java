package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.renderOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the Squid fragment with {@code squid -k parse}, included before a bump rule as its
 * header instructs. squid resolves a {@code dst} value that is not an IP literal through DNS, so the
 * check runs in an empty network namespace with only loopback up.
 */
final class SquidToolTest {
  private static final String PARSE = "ip link set lo up && exec squid -k parse -f \"$1\"";

  @TempDir Path directory;

  @BeforeEach
  void requireSquid() throws Exception {
    ExternalTools.require("squid", "ip");
    ExternalTools.requireNetworkNamespace();
  }

  @Test
  void squid_acceptsFragment() throws Exception {
    Path config = configIncluding(renderOne(new SquidTarget(), AllowlistFixtures.sample()));

    ExternalTools.Result result = ExternalTools.run(
        java.util.List.of("unshare", "-n", "sh", "-c", PARSE, "sh", config.toString()), null);

    assertEquals(0, result.status(), result.output());
    assertFalse(result.output().contains("WARNING"), result.output());
    assertTrue(result.output().contains("Processing: ssl_bump splice pint_amazon_addresses"), result.output());
  }

  @Test
  void squid_acceptsFragmentWithPort80() throws Exception {
    Path config = configIncluding(renderOne(new SquidTarget(), AllowlistFixtures.sampleWithHttp()));

    ExternalTools.Result result = ExternalTools.run(
        java.util.List.of("unshare", "-n", "sh", "-c", PARSE, "sh", config.toString()), null);

    assertEquals(0, result.status(), result.output());
    assertFalse(result.output().contains("WARNING"), result.output());
  }

  @Test
  void squid_rejectsBrokenFragment() throws Exception {
    String broken = renderOne(new SquidTarget(), AllowlistFixtures.sample())
        + "acl pint_amazon_addresses dst 2001:db8::zz\n";
    Path config = configIncluding(broken);

    ExternalTools.Result result = ExternalTools.run(
        java.util.List.of("unshare", "-n", "sh", "-c", PARSE, "sh", config.toString()), null);

    assertEquals(1, result.status(), result.output());
    assertTrue(result.output().contains("FATAL: Bungled"), result.output());
  }

  private Path configIncluding(String fragment) throws Exception {
    Path fragmentFile = directory.resolve("pint-amazon.squid.conf");
    Files.writeString(fragmentFile, fragment);
    Path config = directory.resolve("squid.conf");
    Files.writeString(config, "http_port 127.0.0.1:3128\n"
        + "include " + fragmentFile + "\n"
        + "ssl_bump bump all\n"
        + "http_access deny all\n");
    return config;
  }
}
