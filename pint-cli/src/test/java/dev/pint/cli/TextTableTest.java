package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TextTableTest {

  @Test
  void render_alignsColumnsToWidestCell() {
    List<String> header = List.of("ip", "region", "type");
    List<List<String>> rows = List.of(
        List.of("192.0.2.1", "eu-west-1", "smt"),
        List.of("2001:db8::1", "us-east-1", "regionserver"));

    String table = TextTable.render(header, rows);

    assertEquals("""
        ip           region     type
        192.0.2.1    eu-west-1  smt
        2001:db8::1  us-east-1  regionserver
        """, table);
  }

  @Test
  void render_leavesNoTrailingSpaces() {
    List<String> header = List.of("ip", "name");
    List<List<String>> rows = List.of(List.of("192.0.2.1", ""), List.of("192.0.2.2", "smt"));

    String table = TextTable.render(header, rows);

    assertEquals("ip         name\n192.0.2.1\n192.0.2.2  smt\n", table);
  }

  @Test
  void render_padsShortRows() {
    List<String> header = List.of("a", "b", "c");

    String table = TextTable.render(header, List.of(List.of("1")));

    assertEquals("a  b  c\n1\n", table);
  }

  @Test
  void render_escapesControlCharacters() {
    List<String> header = List.of("name", "region");
    List<List<String>> rows = List.of(List.of("smt\"; rm -rf /;\n\u001b[2J", "us\u202eeast\r"));

    String table = TextTable.render(header, rows);

    assertEquals("name" + " ".repeat(28) + "region\n"
        + "smt\"; rm -rf /;\\u000a\\u001b[2J  us\\u202eeast\\u000d\n", table);
  }

  @Test
  void render_countsCodePointsForWidth() {
    List<String> header = List.of("region", "x");
    List<List<String>> rows = List.of(List.of("Zürich", "1"), List.of("\uD83C\uDF0D", "2"));

    String table = TextTable.render(header, rows);

    assertEquals("region  x\nZürich  1\n\uD83C\uDF0D       2\n", table);
  }

  @Test
  void render_rejectsRowWiderThanHeader() {
    List<List<String>> rows = List.of(List.of("1", "2"));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TextTable.render(List.of("a"), rows));

    assertEquals("row has 2 cells but the header 1: [1, 2]", e.getMessage());
  }
}
