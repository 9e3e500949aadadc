package dev.pint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pint.MalformedDataException;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class JsonDocumentsTest {
  private static final URI URL = URI.create("http://127.0.0.1/v1/amazon/servers.json");

  private static List<Map<String, @Nullable Object>> read(String json) {
    return JsonDocuments.readList(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "servers", URL);
  }

  @Test
  void readList_keepsFieldOrderAndUnknownFields() {
    List<Map<String, @Nullable Object>> entries = read(
        "{\"servers\":[{\"type\":\"smt\",\"region\":\"r\",\"ip\":\"1.2.3.4\",\"extra\":[1,{\"a\":null}]}]}");

    assertEquals(List.of("type", "region", "ip", "extra"), new ArrayList<>(entries.get(0).keySet()));
    List<Object> extra = new ArrayList<>();
    extra.add(BigInteger.ONE);
    extra.add(new java.util.HashMap<>(java.util.Collections.singletonMap("a", null)));
    assertEquals(extra, entries.get(0).get("extra"));
  }

  @Test
  void readList_duplicateFieldKeepsFirstPositionLastValue() {
    List<Map<String, @Nullable Object>> entries = read(
        "{\"servers\":[{\"ip\":\"1.1.1.1\",\"name\":\"n\",\"ip\":\"2.2.2.2\"}]}");

    assertEquals(List.of("ip", "name"), new ArrayList<>(entries.get(0).keySet()));
    assertEquals("2.2.2.2", entries.get(0).get("ip"));
  }

  @Test
  void readList_skipsOtherTopLevelFields() {
    List<Map<String, @Nullable Object>> entries = read(
        "{\"version\":{\"x\":[1,2]},\"servers\":[],\"more\":\"y\"}");

    assertEquals(List.of(), entries);
  }

  @Test
  void readList_emptyList() {
    assertEquals(List.of(), read(" {\"servers\": []}\n"));
  }

  @Test
  void readList_rejectsMissingList() {
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> read("{\"images\":[]}"));

    assertEquals("malformed data from " + URL + ": expected a JSON object with a 'servers' list",
        e.getMessage());
  }

  @Test
  void readList_rejectsOtherShapes() {
    for (String json : Arrays.asList("[]", "\"servers\"", "{\"servers\":{}}", "{\"servers\":\"x\"}")) {
      assertThrows(MalformedDataException.class, () -> read(json), json);
    }
  }

  @Test
  void readList_rejectsNonObjectEntry() {
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> read("{\"servers\":[{},\"1.2.3.4\"]}"));

    assertEquals("malformed data from " + URL + ": entry 1 of 'servers' is not a JSON object",
        e.getMessage());
  }

  @Test
  void readList_rejectsTruncatedJson() {
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> read("{\"servers\":[{\"ip\":\"1.2.3.4\"}"));

    assertEquals(true, e.getMessage().startsWith("malformed data from " + URL + ": invalid JSON ("),
        e.getMessage());
  }

  @Test
  void readList_rejectsListTwice() {
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> read("{\"servers\":[],\"servers\":[]}"));

    assertEquals("malformed data from " + URL + ": the 'servers' list appears twice", e.getMessage());
  }

  @Test
  void requireWellFormed_escapesControlCharactersInMessage() {
    byte[] body = "{\"servers\": x\u001bc}".getBytes(StandardCharsets.UTF_8);

    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> JsonDocuments.requireWellFormed(URL, body));

    assertEquals(-1, e.getMessage().indexOf('\u001b'), e.getMessage());
    assertEquals(true, e.getMessage().contains("x\\u001bc"), e.getMessage());
  }

  @Test
  void readList_rejectsTrailingContent() {
    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> read("{\"servers\":[]} {\"servers\":[]}"));

    assertEquals("malformed data from " + URL + ": unexpected content after the JSON document",
        e.getMessage());
  }
}
