package dev.pint;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An entry of the service's server type list ({@code region} or {@code update}).
 *
 * @param name the type name as the service spells it
 * @param fields every field of the entry in the order the service sent them; values are as
 *     described in {@link Server#fields()}
 */
public record ServerTypeName(String name, Map<String, @Nullable Object> fields) {
  public ServerTypeName {
    fields = Fields.freeze(fields);
  }
}
