package dev.pint;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A cloud provider the service covers, such as {@code amazon}, {@code google} or {@code microsoft}.
 *
 * @param name the name the service uses in its URLs
 * @param fields every field of the entry in the order the service sent them, including fields
 *     this version does not know; values are as described in {@link Server#fields()}
 */
public record Provider(String name, Map<String, @Nullable Object> fields) {
  public Provider {
    fields = Fields.freeze(fields);
  }
}
