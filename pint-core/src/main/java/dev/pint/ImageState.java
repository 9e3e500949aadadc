package dev.pint;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An entry of the service's image state list, such as {@code active} or {@code deprecated}.
 *
 * @param name the state name as the service spells it, which is also the name used in image
 *     list URLs
 * @param fields every field of the entry in the order the service sent them; values are as
 *     described in {@link Server#fields()}
 */
public record ImageState(String name, Map<String, @Nullable Object> fields) {
  public ImageState {
    fields = Fields.freeze(fields);
  }
}
