package dev.pint.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes JSON byte for byte as the reference client does, which calls Python's {@code
 * json.dumps(document, sort_keys=True, indent=2, separators=(',', ': '))} and prints the result
 * with a newline. Keys are sorted by code point, and every character outside printable ASCII is
 * escaped as {@code \\uXXXX}, as Python's default {@code ensure_ascii=True} does.
 */
final class ReferenceJson {
  private ReferenceJson() {}

  /** Renders {@code {"<listName>": [entries...]}} followed by a newline. */
  static String render(String listName, List<? extends Map<String, @Nullable Object>> entries) {
    StringBuilder out = new StringBuilder(256 + entries.size() * 160);
    writeValue(out, Map.of(listName, entries), 0);
    return out.append('\n').toString();
  }

  /** Renders {@code document}, such as {@code {"deletiondate": "20260129"}}, followed by a newline. */
  static String renderObject(Map<String, ? extends @Nullable Object> document) {
    StringBuilder out = new StringBuilder(64);
    writeValue(out, document, 0);
    return out.append('\n').toString();
  }

  private static void writeValue(StringBuilder out, @Nullable Object value, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      writeString(out, text);
    } else if (value instanceof Boolean flag) {
      out.append(flag ? "true" : "false");
    } else if (value instanceof BigInteger || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof BigDecimal decimal) {
      // NOTE: Python prints floats with repr(), which can differ from this plain form for very
      // large or small exponents; the service sends no numbers today.
      out.append(decimal.stripTrailingZeros().scale() <= 0
          ? decimal.setScale(1).toPlainString()
          : decimal.toPlainString());
    } else if (value instanceof Map<?, ?> map) {
      writeObject(out, map, depth);
    } else if (value instanceof List<?> list) {
      writeArray(out, list, depth);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  private static void writeObject(StringBuilder out, Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    List<String> keys = new ArrayList<>();
    for (Object key : map.keySet()) {
      keys.add((String) key);
    }
    keys.sort(ReferenceJson::compareCodePoints);
    out.append('{');
    for (Iterator<String> it = keys.iterator(); it.hasNext(); ) {
      String key = it.next();
      newline(out, depth + 1);
      writeString(out, key);
      out.append(": ");
      writeValue(out, map.get(key), depth + 1);
      if (it.hasNext()) {
        out.append(',');
      }
    }
    newline(out, depth);
    out.append('}');
  }

  private static void writeArray(StringBuilder out, List<?> list, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      newline(out, depth + 1);
      writeValue(out, list.get(i), depth + 1);
      if (i < list.size() - 1) {
        out.append(',');
      }
    }
    newline(out, depth);
    out.append(']');
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  private static void writeString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            out.append(c);
          } else {
            out.append("\\u");
            String hex = Integer.toHexString(c);
            out.append("0000", hex.length(), 4).append(hex);
          }
        }
      }
    }
    out.append('"');
  }

  /** Orders strings by Unicode code point, as Python sorts {@code str} keys. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
