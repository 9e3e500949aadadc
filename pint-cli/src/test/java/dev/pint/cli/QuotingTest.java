package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

final class QuotingTest {

  @Test
  void escapeControls_keepsPrintableText() {
    String text = "smt-ec2.susecloud.net Zürich \"quoted\" ;,'";

    assertSame(text, Quoting.escapeControls(text));
  }

  @Test
  void escapeControls_escapesC0AndDel() {
    assertEquals("a\\u001b[1Ab\\u000a\\u000d\\u0009\\u0008\\u007f\\u0000",
        Quoting.escapeControls("a\u001b[1Ab\n\r\t\b\u007f\u0000"));
  }

  @Test
  void escapeControls_escapesC1AndFormatCharacters() {
    assertEquals("\\u009b2J \\u202eevil \\u200b \\u2028 \\ufeff",
        Quoting.escapeControls("\u009b2J \u202eevil \u200b \u2028 \ufeff"));
  }

  @Test
  void escapeControls_escapesBackslash() {
    assertEquals("a\\u005cu001b", Quoting.escapeControls("a\\u001b"));
  }

  @Test
  void escapeControls_keepsSurrogatePairsButEscapesLoneOnes() {
    assertEquals("\uD83C\uDF0D \\ud83c x \\udf0d",
        Quoting.escapeControls("\uD83C\uDF0D \uD83C x \uDF0D"));
  }

  @Test
  void escapeControls_escapesTagCharacters() {
    assertEquals("a\\udb40\\udc41", Quoting.escapeControls("a\uDB40\uDC41"));
  }
}
