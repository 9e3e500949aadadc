package dev.pint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Copies of field maps that keep the service's order and allow JSON {@code null} values. */
final class Fields {
  private Fields() {}

  static Map<String, @Nullable Object> freeze(Map<String, @Nullable Object> fields) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
