package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CsvTableTest {

  @Test
  void render_writesHeaderAndCrlfLines() {
    List<List<String>> rows = List.of(List.of("192.0.2.1", "eu-west-1"), List.of("2001:db8::1", ""));

    String csv = CsvTable.render(List.of("ip", "region"), rows);

    assertEquals("ip,region\r\n192.0.2.1,eu-west-1\r\n2001:db8::1,\r\n", csv);
  }

  @Test
  void render_quotesCommaAndDoublesQuotes() {
    List<List<String>> rows = List.of(List.of("a,b", "say \"hi\"", "semi;colon"));

    String csv = CsvTable.render(List.of("x", "y", "z"), rows);

    assertEquals("x,y,z\r\n\"a,b\",\"say \"\"hi\"\"\",semi;colon\r\n", csv);
  }

  @Test
  void render_escapesLineBreaksAndTerminalEscapes() {
    List<List<String>> rows = List.of(List.of("smt\n\u001b[2J\r\tx"));

    String csv = CsvTable.render(List.of("name"), rows);

    assertEquals("name\r\nsmt\\u000a\\u001b[2J\\u000d\\u0009x\r\n", csv);
  }

  @Test
  void render_defusesSpreadsheetFormulas() {
    List<List<String>> rows = List.of(
        List.of("=HYPERLINK(\"http://a\")", "+1", "-1", "@SUM(A1)", "a=b"));

    String csv = CsvTable.render(List.of("a", "b", "c", "d", "e"), rows);

    assertEquals("a,b,c,d,e\r\n\"'=HYPERLINK(\"\"http://a\"\")\",'+1,'-1,'@SUM(A1),a=b\r\n", csv);
  }

  @Test
  void render_padsShortRows() {
    String csv = CsvTable.render(List.of("a", "b", "c"), List.of(List.of("1")));

    assertEquals("a,b,c\r\n1,,\r\n", csv);
  }

  @Test
  void render_rejectsRowWiderThanHeader() {
    List<List<String>> rows = List.of(List.of("1", "2"));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CsvTable.render(List.of("a"), rows));

    assertEquals("row has 2 fields but the header 1: [1, 2]", e.getMessage());
  }
}
