package dev.pint.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.pint.MalformedDataException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads the service's documents: a JSON object holding one list of flat objects under a known
 * key, such as {@code {"servers":[{...},...]}}, or one string, such as an image's deletion date.
 * Parsing streams through the input, so a large list is never held as text and as objects at
 * once.
 */
public final class JsonDocuments {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonDocuments() {}

  /** Reads the list under {@code key}, returning its entries as ordered field maps. */
  public static List<Map<String, @Nullable Object>> readList(InputStream in, String key, URI url) {
    List<Map<String, @Nullable Object>> entries = new ArrayList<>();
    readList(in, key, url, entries::add);
    return entries;
  }

  /**
   * Reads the list under {@code key}, handing each entry to {@code sink} as soon as it is parsed.
   * Fields other than {@code key} at the top level are skipped. A duplicate field in an entry
   * keeps its first position and its last value, as Python's {@code json} module does.
   *
   * @throws MalformedDataException when the input is not JSON, has no list under {@code key}, or
   *     holds anything but objects in that list
   */
  public static void readList(
      InputStream in, String key, URI url, Consumer<Map<String, @Nullable Object>> sink) {
    try (JsonParser parser = FACTORY.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw shape(url, key);
      }
      boolean found = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!field.equals(key)) {
          parser.skipChildren();
          continue;
        }
        if (value != JsonToken.START_ARRAY) {
          throw shape(url, key);
        }
        if (found) {
          // Python keeps the last of two equal keys; entries of the first were already handed on.
          throw new MalformedDataException(url, "malformed data from " + url + ": the '" + key
              + "' list appears twice");
        }
        found = true;
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedDataException(url, "malformed data from " + url + ": entry "
                + index + " of '" + key + "' is not a JSON object");
          }
          sink.accept(readObject(parser));
          index++;
        }
      }
      if (!found) {
        throw shape(url, key);
      }
      requireEnd(parser, url);
    } catch (JsonProcessingException e) {
      throw invalidJson(url, e);
    } catch (IOException e) {
      throw readFailure(url, e);
    }
  }

  /**
   * Reads a document that is one JSON object, returning its fields; nested objects become maps
   * and arrays become lists.
   *
   * @throws MalformedDataException when the input is not one JSON object
   */
  public static Map<String, @Nullable Object> readObject(InputStream in, URI url) {
    try (JsonParser parser = FACTORY.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedDataException(url, "malformed data from " + url
            + ": expected a JSON object");
      }
      Map<String, @Nullable Object> fields = readObject(parser);
      requireEnd(parser, url);
      return fields;
    } catch (JsonProcessingException e) {
      throw invalidJson(url, e);
    } catch (IOException e) {
      throw readFailure(url, e);
    }
  }

  /**
   * Reads the string under {@code key} of a document such as {@code {"deletiondate":"20240131"}}.
   * Other fields at the top level are skipped.
   *
   * @throws MalformedDataException when the input is not JSON or has no string under {@code key}
   */
  public static String readString(InputStream in, String key, URI url) {
    try (JsonParser parser = FACTORY.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw stringShape(url, key);
      }
      String text = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!field.equals(key)) {
          parser.skipChildren();
          continue;
        }
        if (value != JsonToken.VALUE_STRING) {
          throw stringShape(url, key);
        }
        text = parser.getText();
      }
      if (text == null) {
        throw stringShape(url, key);
      }
      requireEnd(parser, url);
      return text;
    } catch (JsonProcessingException e) {
      throw invalidJson(url, e);
    } catch (IOException e) {
      throw readFailure(url, e);
    }
  }

  /**
   * Checks that {@code body} is one complete JSON value with nothing after it, reading every
   * token without building objects. The transport calls it, so a truncated or corrupt document
   * fails before a disk cache could store it, and a cached copy can be used in its place.
   *
   * @throws MalformedDataException when the body is not well-formed JSON
   */
  public static void requireWellFormed(URI url, byte[] body) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      parser.nextToken();
      parser.skipChildren();
      requireEnd(parser, url);
    } catch (JsonProcessingException e) {
      throw invalidJson(url, e);
    } catch (IOException e) {
      throw readFailure(url, e);
    }
  }

  private static void requireEnd(JsonParser parser, URI url) throws IOException {
    if (parser.nextToken() != null) {
      throw new MalformedDataException(url, "malformed data from " + url
          + ": unexpected content after the JSON document");
    }
  }

  /** Reports a syntax error; Jackson quotes the offending text, which may come from the network. */
  private static MalformedDataException invalidJson(URI url, JsonProcessingException e) {
    return new MalformedDataException(url, "malformed data from " + url + ": invalid JSON ("
        + ServerEntries.escapeControls(String.valueOf(e.getOriginalMessage())) + ")", e);
  }

  private static MalformedDataException readFailure(URI url, IOException e) {
    return new MalformedDataException(url, "malformed data from " + url + ": " + e.getMessage(), e);
  }

  private static MalformedDataException stringShape(URI url, String key) {
    return new MalformedDataException(url, "malformed data from " + url
        + ": expected a JSON object with a '" + key + "' string");
  }

  private static MalformedDataException shape(URI url, String key) {
    return new MalformedDataException(url, "malformed data from " + url
        + ": expected a JSON object with a '" + key + "' list");
  }

  private static Map<String, @Nullable Object> readObject(JsonParser parser) throws IOException {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      fields.put(name, readValue(parser));
    }
    return fields;
  }

  private static @Nullable Object readValue(JsonParser parser) throws IOException {
    switch (parser.currentToken()) {
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getBigIntegerValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case START_OBJECT:
        return readObject(parser);
      case START_ARRAY:
        List<@Nullable Object> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          values.add(readValue(parser));
        }
        return values;
      default:
        throw new AssertionError(parser.currentToken());
    }
  }
}
