package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The completion script and man pages the build generates from the picocli model. */
final class PackagingIT {
  private static final Path COMPLETION = Path.of("target", "completion", "pint.bash").toAbsolutePath();
  private static final Path MAN = Path.of("target", "man", "man1");

  @Test
  void completion_bash_offersSubcommandsAndOptions() throws Exception {
    Path bash = ExternalTools.require("bash");

    String commands = shell(bash, "COMP_WORDS=(pint ser); COMP_CWORD=1");
    String options = shell(bash, "COMP_WORDS=(pint amazon servers --reg); COMP_CWORD=3");

    assertEquals("server_types servers", commands);
    assertEquals("--regionserver --region", options);
  }

  @Test
  void completion_zsh_offersSubcommands() throws Exception {
    Path zsh = ExternalTools.require("zsh");

    // zsh's bashcompinit calls the function with ksharrays set, so arrays count from 0 as in bash.
    String commands = shell(zsh, "setopt ksharrays; COMP_WORDS=(pint ser); COMP_CWORD=1");

    // zsh's compgen stand-in offers every word; zsh itself then keeps those matching "ser".
    assertTrue(List.of(commands.split(" ")).containsAll(List.of("servers", "server_types")), commands);
  }

  @Test
  void manPages_renderForEveryCommand() throws Exception {
    Path man = ExternalTools.require("man");

    for (String page : List.of("pint", "pint-servers", "pint-providers", "pint-regions", "pint-server_types")) {
      Process process = new ProcessBuilder(man.toString(), "-l", MAN.resolve(page + ".1").toString())
          .redirectErrorStream(true).start();
      String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertEquals(0, process.waitFor(), text);
      assertTrue(text.contains("NAME"), text);
      assertTrue(text.contains(page), text);
    }
    String servers = Files.readString(MAN.resolve("pint-servers.1"), StandardCharsets.UTF_8);
    assertTrue(servers.contains("region"), servers);
  }

  /** Sources the completion script in {@code shell}, sets the words, completes and prints. */
  private static String shell(Path shell, String words) throws Exception {
    String script = (shell.endsWith("zsh") ? "autoload -U +X compinit && compinit -u; " : "")
        + "source '" + COMPLETION + "'; " + words + "; _complete_pint 2>/dev/null; "
        + "echo \"${COMPREPLY[@]}\"";
    Process process = new ProcessBuilder(shell.toString(), "-c", script).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, process.waitFor(), out);
    return out;
  }
}
