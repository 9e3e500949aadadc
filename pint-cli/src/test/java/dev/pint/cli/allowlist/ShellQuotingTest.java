package dev.pint.cli.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pint.cli.UnrepresentableDataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class ShellQuotingTest {

  @Test
  void quote_wrapsInSingleQuotes() {
    assertEquals("'smt-ec2.susecloud.net'", ShellQuoting.quote("smt-ec2.susecloud.net"));
  }

  @Test
  void quote_escapesSingleQuote() {
    assertEquals("'it'\\''s'", ShellQuoting.quote("it's"));
  }

  @Test
  void quote_rejectsNul() {
    UnrepresentableDataException e = assertThrows(UnrepresentableDataException.class,
        () -> ShellQuoting.quote("a\0b"));

    assertEquals("a shell word cannot contain a NUL character; nothing was written", e.getMessage());
  }

  @Test
  void quote_survivesShellUnchanged() throws Exception {
    List<String> hostile = List.of("a'b", "x; reboot", "line\nbreak", "$(reboot)", "`reboot`",
        "back\\slash", "\"double\"", "*", "-n", "", "'", "''", "tab\there");

    for (String word : hostile) {
      String printed = sh("printf '%s' " + ShellQuoting.quote(word));

      assertEquals(word, printed, "word " + word);
    }
  }

  private static String sh(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("sh did not finish within 30 seconds");
    }
    assertEquals(0, process.exitValue(), new String(out, StandardCharsets.UTF_8));
    return new String(out, StandardCharsets.UTF_8);
  }
}
