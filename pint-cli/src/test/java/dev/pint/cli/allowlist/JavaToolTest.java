package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.renderOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a JVM with the generated argument file and prints which URLs its default proxy
 * selector sends direct. The selector only decides, so nothing connects anywhere.
 */
final class JavaToolTest {
  private static final String PROBE = """
      public class Probe {
        public static void main(String[] urls) {
          for (String url : urls) {
            System.out.println(url + " " + java.net.ProxySelector.getDefault().select(java.net.URI.create(url)).get(0));
          }
        }
      }
      """;

  @TempDir Path directory;

  @Test
  void java_nonProxyHostsBypassProxy() throws Exception {
    Path options = directory.resolve("pint-amazon.java-options");
    Files.writeString(options, renderOne(new JavaTarget(), AllowlistFixtures.sample()));
    Path probe = directory.resolve("Probe.java");
    Files.writeString(probe, PROBE);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    ExternalTools.Result result = ExternalTools.run(List.of(java,
        "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=3128",
        "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=3128",
        "@" + options, probe.toString(),
        "http://169.254.169.254/latest/meta-data/",
        "https://smt-ec2.susecloud.net/repo/",
        "https://203.0.113.100/api/",
        "https://[2001:db8:1::20]/api/",
        "https://203.0.113.10/"), null);

    assertEquals(0, result.status(), result.output());
    assertEquals("""
        http://169.254.169.254/latest/meta-data/ DIRECT
        https://smt-ec2.susecloud.net/repo/ DIRECT
        https://203.0.113.100/api/ DIRECT
        https://[2001:db8:1::20]/api/ DIRECT
        https://203.0.113.10/ HTTP @ 127.0.0.1/<unresolved>:3128
        """, result.output());
  }
}
