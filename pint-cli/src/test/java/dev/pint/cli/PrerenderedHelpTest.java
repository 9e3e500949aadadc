package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The texts rendered at build time must be what picocli prints for the same arguments. */
final class PrerenderedHelpTest {

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "--version", "-V", "-v"})
  void print_rootHelpOrVersion_printsWhatPicocliPrints(String option) {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    ByteArrayOutputStream expectedErr = new ByteArrayOutputStream();
    int status = Cli.execute(new String[] {option}, Map.of(), utf8(expected), utf8(expectedErr));
    ByteArrayOutputStream actual = new ByteArrayOutputStream();

    boolean printed = PrerenderedHelp.print(new String[] {option}, utf8(actual));

    assertTrue(printed);
    assertEquals(ExitStatus.OK, status);
    assertEquals("", expectedErr.toString(StandardCharsets.UTF_8));
    assertEquals(expected.toString(StandardCharsets.UTF_8), actual.toString(StandardCharsets.UTF_8));
  }

  @Test
  void print_helpWithColoursForced_printsPicocliColours() {
    String previous = System.setProperty("picocli.ansi", "true");
    try {
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      Cli.execute(new String[] {"--help"}, Map.of(), utf8(expected), utf8(new ByteArrayOutputStream()));
      ByteArrayOutputStream actual = new ByteArrayOutputStream();

      boolean printed = PrerenderedHelp.print(new String[] {"--help"}, utf8(actual));

      assertTrue(printed);
      assertTrue(actual.toString(StandardCharsets.UTF_8).contains("\u001B["));
      assertEquals(expected.toString(StandardCharsets.UTF_8), actual.toString(StandardCharsets.UTF_8));
    } finally {
      if (previous == null) {
        System.clearProperty("picocli.ansi");
      } else {
        System.setProperty("picocli.ansi", previous);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"servers --help", "--help --version", "providers", "--base-url=x --help"})
  void print_anythingElse_leavesItToPicocli(String line) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    boolean printed = PrerenderedHelp.print(line.split(" "), utf8(out));

    assertFalse(printed);
    assertEquals(0, out.size());
  }

  private static PrintStream utf8(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
