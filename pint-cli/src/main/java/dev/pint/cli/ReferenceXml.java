package dev.pint.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes XML byte for byte as the reference client does with lxml: a declaration with single
 * quotes, the list element, one self-closing element per entry indented by two spaces with the
 * attributes in the order the service sent the fields, and the empty line that Python's {@code
 * print} adds after lxml's closing newline.
 */
final class ReferenceXml {
  private ReferenceXml() {}

  /**
   * Renders the list as XML.
   *
   * @throws UnrepresentableDataException when a field name is not an XML name or a value holds a
   *     character XML 1.0 cannot carry; lxml rejects those too
   */
  static String render(String listName, String entryName,
      List<? extends Map<String, @Nullable Object>> entries) {
    StringBuilder out = new StringBuilder(128 + entries.size() * 160);
    out.append("<?xml version='1.0' encoding='UTF-8'?>\n");
    if (entries.isEmpty()) {
      return out.append('<').append(listName).append("/>\n\n").toString();
    }
    out.append('<').append(listName).append(">\n");
    for (Map<String, @Nullable Object> entry : entries) {
      out.append("  <").append(entryName);
      for (Map.Entry<String, @Nullable Object> field : entry.entrySet()) {
        requireName(field.getKey());
        out.append(' ').append(field.getKey()).append("=\"");
        appendEscaped(out, field.getKey(), text(field.getKey(), field.getValue()));
        out.append('"');
      }
      out.append("/>\n");
    }
    return out.append("</").append(listName).append(">\n\n").toString();
  }

  /**
   * Renders a document of one element containing {@code text}, the shape the service gives a single
   * value such as {@code <deletiondate>20260129</deletiondate>}, with the declaration and the
   * trailing empty line of the list documents. Empty text gives an empty element, {@code
   * <deletiondate/>}, as the service writes it.
   *
   * @throws UnrepresentableDataException when the text contains a character XML 1.0 cannot carry
   */
  static String renderText(String elementName, String text) {
    StringBuilder out = new StringBuilder(64).append("<?xml version='1.0' encoding='UTF-8'?>\n");
    if (text.isEmpty()) {
      return out.append('<').append(elementName).append("/>\n\n").toString();
    }
    out.append('<').append(elementName).append('>');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        default -> {
          if (!isXmlChar(text, i)) {
            throw new UnrepresentableDataException("element '" + elementName + "' contains character U+"
                + String.format("%04X", (int) c) + ", which XML cannot represent; use --json");
          }
          out.append(c);
        }
      }
    }
    return out.append("</").append(elementName).append(">\n\n").toString();
  }

  /**
   * Turns a non-string JSON value into attribute text. lxml accepts only strings, so the
   * reference fails on such values; this writes them as JSON would.
   */
  private static String text(String field, @Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new UnrepresentableDataException("field " + Quoting.quote(field)
          + " holds a JSON object or list, which an XML attribute cannot carry; use --json");
    }
    return String.valueOf(value);
  }

  private static void appendEscaped(StringBuilder out, String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append("&#9;");
        default -> {
          if (!isXmlChar(value, i)) {
            throw new UnrepresentableDataException("field " + Quoting.quote(field) + " holds character U+"
                + String.format("%04X", (int) c) + ", which XML cannot represent; use --json");
          }
          out.append(c);
        }
      }
    }
  }

  private static boolean isNameStartChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'
        || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
        || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF)
        || (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F)
        || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
        || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD);
  }

  private static boolean isNameChar(char c) {
    return isNameStartChar(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7
        || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
  }

  /** Tells whether the character at {@code i} is allowed by the XML 1.0 {@code Char} production. */
  private static boolean isXmlChar(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
    return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == 0x9 || c == 0xA || c == 0xD;
  }

  /**
   * Requires an XML 1.0 (fifth edition) {@code Name} without colons, as lxml does for attribute
   * names. Characters outside the Basic Multilingual Plane are rejected, which lxml would accept.
   */
  private static void requireName(String name) {
    boolean valid = !name.isEmpty();
    for (int i = 0; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      valid = isNameStartChar(c) || (i > 0 && isNameChar(c));
    }
    if (!valid) {
      throw new UnrepresentableDataException("field name " + Quoting.quote(name)
          + " is not a valid XML attribute name; use --json");
    }
  }
}
