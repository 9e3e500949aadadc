package dev.pint.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Range;

/** Java source text for the values that {@link ModelGenerator} writes. */
final class JavaLiterals {
  private JavaLiterals() {}

  /** Returns the name of {@code type} in source: without the package for this package's classes. */
  static String typeName(Class<?> type) {
    String name = type.getCanonicalName();
    if (name == null) {
      throw new IllegalStateException("ModelGenerator cannot name the class " + type.getName());
    }
    return name.startsWith("dev.pint.cli.") && type.getPackageName().equals("dev.pint.cli")
        ? name.substring("dev.pint.cli.".length())
        : name;
  }

  /** Returns the type of {@code field} as a cast target: boxed when primitive, with type arguments. */
  static String boxedTypeName(Field field) {
    Class<?> type = field.getType();
    if (type.isPrimitive()) {
      return typeName(java.lang.invoke.MethodType.methodType(type).wrap().returnType());
    }
    return field.getGenericType().getTypeName().replace('$', '.');
  }

  static String classLiteral(Class<?> type) {
    if (type.isPrimitive()) {
      return type.getName() + ".class";
    }
    return typeName(type) + ".class";
  }

  /** Returns a constructor call that makes a range equal to {@code range}, unspecified flag included. */
  static String rangeLiteral(Range range, Object where) {
    if (range.isRelative()) {
      throw new IllegalStateException("ModelGenerator cannot reproduce a relative index in " + where);
    }
    return "new Range(" + range.min() + ", " + range.max() + ", " + range.isVariable() + ", "
        + range.isUnspecified() + ", " + literal(range.originalValue()) + ")";
  }

  static String valueLiteral(@Nullable Object value, Object where, String description) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return literal(text);
    }
    if (value instanceof String[] texts) {
      return literals(texts);
    }
    if (value instanceof Boolean || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Character character) {
      return "'" + (character == '\'' ? "\\'" : literal(character.toString()).replaceAll("^\"|\"$", "")) + "'";
    }
    throw new IllegalStateException("ModelGenerator cannot write " + description + " of type "
        + value.getClass().getName() + " in " + where);
  }

  static String literals(String[] texts) {
    if (texts.length == 0) {
      return "new String[0]";
    }
    List<String> items = new ArrayList<>();
    for (String text : texts) {
      items.add(literal(text));
    }
    return "new String[] {" + String.join(", ", items) + "}";
  }

  static String literal(@Nullable String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder literal = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> literal.append("\\\"");
        case '\\' -> literal.append("\\\\");
        case '\n' -> literal.append("\\n");
        case '\r' -> literal.append("\\r");
        case '\t' -> literal.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            literal.append(String.format("\\u%04x", (int) c));
          } else {
            literal.append(c);
          }
        }
      }
    }
    return literal.append('"').toString();
  }
}
