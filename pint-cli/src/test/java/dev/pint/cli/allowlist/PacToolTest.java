package dev.pint.cli.allowlist;

import static dev.pint.cli.allowlist.AllowlistFixtures.renderOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluates the PAC file with Node.js in an empty {@code vm} context: it defines none of the PAC
 * helpers, so a file that called {@code dnsResolve} or {@code isInNet} would fail here.
 */
final class PacToolTest {
  /** Prints FindProxyForURL(url, host) for each "url host" pair on the command line. */
  private static final String EVALUATE = """
      const fs = require('fs');
      const vm = require('vm');
      const [file, ...pairs] = process.argv.slice(1);
      const context = vm.createContext({});
      vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file, timeout: 5000 });
      for (const pair of pairs) {
        const [url, host] = pair.split(' ');
        console.log(host + ' ' + context.FindProxyForURL(url, host));
      }
      """;

  @TempDir Path directory;

  @BeforeEach
  void requireNode() {
    ExternalTools.require("node");
  }

  @Test
  void pac_directForAllowlistOnly() throws Exception {
    String pac = renderOne(new PacTarget(), AllowlistFixtures.sample())
        .replace("var OTHER_HOSTS = \"DIRECT\";", "var OTHER_HOSTS = \"PROXY 127.0.0.1:3128\";");
    Path file = directory.resolve("pint-amazon.pac");
    Files.writeString(file, pac);

    ExternalTools.Result result = ExternalTools.run(List.of("node", "-e", EVALUATE, file.toString(),
        "http://169.254.169.254/latest/meta-data/ 169.254.169.254",
        "https://smt-ec2.susecloud.net/repo/ smt-ec2.susecloud.net",
        "https://SMT-EC2.susecloud.net./repo/ SMT-EC2.susecloud.net.",
        "https://registry-ec2.susecloud.net/v2/ registry-ec2.susecloud.net",
        "https://203.0.113.100/api/ 203.0.113.100",
        "https://192.0.2.10/regionInfo 192.0.2.10",
        "https://[2001:db8::10]/regionInfo 2001:db8::10",
        "https://[2001:db8::10]/regionInfo [2001:db8::10]",
        "https://203.0.113.10/ 203.0.113.10",
        "https://203.0.113.1/ 203.0.113.1",
        "https://evil-smt-ec2.susecloud.net/ evil-smt-ec2.susecloud.net",
        "https://smt-ec2.susecloud.net.example.com/ smt-ec2.susecloud.net.example.com",
        "https://constructor/ constructor",
        "https://__proto__/ __proto__"), null);

    assertEquals(0, result.status(), result.output());
    assertEquals("""
        169.254.169.254 DIRECT
        smt-ec2.susecloud.net DIRECT
        SMT-EC2.susecloud.net. DIRECT
        registry-ec2.susecloud.net DIRECT
        203.0.113.100 DIRECT
        192.0.2.10 DIRECT
        2001:db8::10 DIRECT
        [2001:db8::10] DIRECT
        203.0.113.10 PROXY 127.0.0.1:3128
        203.0.113.1 PROXY 127.0.0.1:3128
        evil-smt-ec2.susecloud.net PROXY 127.0.0.1:3128
        smt-ec2.susecloud.net.example.com PROXY 127.0.0.1:3128
        constructor PROXY 127.0.0.1:3128
        __proto__ PROXY 127.0.0.1:3128
        """, result.output());
  }
}
