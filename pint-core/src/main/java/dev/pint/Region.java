package dev.pint;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A region as the service lists it for a provider. The service's region list also names regions
 * that only have images, and for Azure several aliases of one region.
 *
 * @param name the region name as the service spells it
 * @param fields every field of the entry in the order the service sent them; values are as
 *     described in {@link Server#fields()}
 */
public record Region(String name, Map<String, @Nullable Object> fields) {
  public Region {
    fields = Fields.freeze(fields);
  }
}
