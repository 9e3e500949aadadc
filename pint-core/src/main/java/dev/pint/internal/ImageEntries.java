package dev.pint.internal;

import dev.pint.Image;
import dev.pint.MalformedDataException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the service's image entries into {@link Image} values. As with servers, an entry that
 * cannot be trusted is an error naming the entry, never skipped: a date filter over a list with
 * an unreadable date would silently drop images.
 */
public final class ImageEntries {
  private ImageEntries() {}

  /**
   * Converts one entry of an image list.
   *
   * @param fields the entry's fields; string values are replaced by equal ones from {@code
   *     sharedValues} where it has one
   * @param index the entry's position in the list, for the error message
   * @param sharedValues the string values of the entries converted before, which this adds to.
   *     Names, dates, states, regions and URLs repeat across the entries of a list (an Amazon
   *     image name once per region), so sharing one instance of each saves memory: the tests'
   *     generated 5 MB Amazon list took about 14 MB of heap once parsed without sharing and 7 MB
   *     with it.
   * @throws MalformedDataException when the name is missing or empty, a known field is not a
   *     string, or a date is neither empty nor {@code yyyymmdd}
   */
  public static Image toImage(Map<String, @Nullable Object> fields, int index, URI url,
      Map<String, String> sharedValues) {
    fields.replaceAll((field, value) ->
        value instanceof String text ? sharedValues.computeIfAbsent(text, t -> t) : value);

    String name = optionalString(fields, "name", index, url);
    if (name == null) {
      throw invalid(url, index, "'name' is missing or empty");
    }
    return new Image(
        name,
        optionalString(fields, "id", index, url),
        optionalString(fields, "state", index, url),
        optionalString(fields, "replacementname", index, url),
        optionalString(fields, "replacementid", index, url),
        optionalDate(fields, "publishedon", index, url),
        optionalDate(fields, "deprecatedon", index, url),
        optionalDate(fields, "deletedon", index, url),
        optionalString(fields, "region", index, url),
        fields);
  }

  private static @Nullable LocalDate optionalDate(
      Map<String, @Nullable Object> fields, String field, int index, URI url) {
    String text = optionalString(fields, field, index, url);
    if (text == null) {
      return null;
    }
    return ServiceDates.parse(text).orElseThrow(() -> invalid(url, index,
        "'" + field + "' " + ServerEntries.quote(text) + " is not a date in the form yyyymmdd"));
  }

  /** Returns the field's text, or null when it is missing, JSON null or empty. */
  private static @Nullable String optionalString(
      Map<String, @Nullable Object> fields, String field, int index, URI url) {
    Object value = fields.get(field);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text.isEmpty() ? null : text;
    }
    throw invalid(url, index, "'" + field + "' is not a string");
  }

  private static MalformedDataException invalid(URI url, int index, String problem) {
    return new MalformedDataException(url, "malformed data from " + url + ": image entry "
        + index + " is invalid: " + problem);
  }
}
