package dev.pint.cli;

import dev.pint.internal.IpLiterals;
import dev.pint.internal.ServiceDates;
import java.net.InetAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Parses the reference client's {@code --filter} phrases into one predicate on an entry's fields.
 *
 * <p>Comma-separated phrases must all hold. The operators are {@code =} (equal), {@code ~}
 * (contains, ignoring case), {@code !} (does not contain, ignoring case) and {@code %} (regular
 * expression matched from the start, ignoring case). An attribute that takes {@code <} or {@code
 * >} is a date: its value must be a {@code YYYYMMDD} day, {@code <}, {@code =} and {@code >}
 * compare days, and an entry whose field is empty or not a date never matches (the reference
 * compares the digits as numbers and fails on an empty date). Unlike the reference, which warns
 * and ignores an invalid phrase and so widens the result, an invalid phrase is a usage error.
 */
final class FilterPhrases {
  private FilterPhrases() {}

  /** The attributes a command accepts, each with its operators, such as {@code name~!%}. */
  static Predicate<Map<String, @Nullable Object>> parse(@Nullable String filter, Map<String, String> attributes) {
    Predicate<Map<String, @Nullable Object>> all = entry -> true;
    if (filter == null) {
      return all;
    }
    for (String phrase : filter.split(",", -1)) {
      all = all.and(parsePhrase(phrase, attributes));
    }
    return all;
  }

  private static Predicate<Map<String, @Nullable Object>> parsePhrase(
      String phrase, Map<String, String> attributes) {
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      String name = attribute.getKey();
      if (phrase.length() <= name.length() + 1 || !phrase.startsWith(name)) {
        continue;
      }
      char operator = phrase.charAt(name.length());
      if (attribute.getValue().indexOf(operator) < 0) {
        continue;
      }
      String value = phrase.substring(name.length() + 1);
      if (isDate(attribute.getValue())) {
        return datePredicate(phrase, name, operator, value);
      }
      return predicate(phrase, name, operator, value);
    }
    throw new UsageException("invalid filter phrase " + Quoting.quote(phrase)
        + "; valid forms: " + validForms(attributes));
  }

  private static Predicate<Map<String, @Nullable Object>> predicate(
      String phrase, String name, char operator, String value) {
    switch (operator) {
      case '=':
        if (name.equals("ip")) {
          InetAddress address = parseAddress(value)
              .orElseThrow(() -> new UsageException("invalid filter phrase " + Quoting.quote(phrase)
                  + ": " + Quoting.quote(value) + " is not an IPv4 or IPv6 address"));
          return entry -> address.equals(parseAddress(text(entry, "ip")).orElse(null))
              || address.equals(parseAddress(text(entry, "ipv6")).orElse(null));
        }
        return entry -> text(entry, name).equals(value);
      case '~': {
        String lower = value.toLowerCase(Locale.ROOT);
        return entry -> text(entry, name).toLowerCase(Locale.ROOT).contains(lower);
      }
      case '!': {
        String lower = value.toLowerCase(Locale.ROOT);
        return entry -> !text(entry, name).toLowerCase(Locale.ROOT).contains(lower);
      }
      case '%': {
        Pattern pattern;
        try {
          pattern = Pattern.compile(value, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
          throw new UsageException("invalid filter phrase " + Quoting.quote(phrase)
              + ": invalid regular expression (" + e.getDescription() + ")");
        }
        return entry -> pattern.matcher(text(entry, name)).lookingAt();
      }
      default:
        throw new AssertionError(operator);
    }
  }

  private static Predicate<Map<String, @Nullable Object>> datePredicate(
      String phrase, String name, char operator, String value) {
    LocalDate bound = ServiceDates.parse(value)
        .orElseThrow(() -> new UsageException("invalid filter phrase " + Quoting.quote(phrase)
            + ": " + Quoting.quote(value) + " is not a day in the form YYYYMMDD, such as 20240131"));
    return entry -> {
      Optional<LocalDate> date = ServiceDates.parse(text(entry, name));
      if (date.isEmpty()) {
        return false;
      }
      int order = date.get().compareTo(bound);
      return switch (operator) {
        case '<' -> order < 0;
        case '=' -> order == 0;
        case '>' -> order > 0;
        default -> throw new AssertionError(operator);
      };
    };
  }

  private static boolean isDate(String operators) {
    return operators.indexOf('<') >= 0 || operators.indexOf('>') >= 0;
  }

  /** Parses an address as the server entries do, accepting a host prefix length. */
  private static Optional<? extends InetAddress> parseAddress(String text) {
    Optional<? extends InetAddress> v4 = IpLiterals.parseIpv4(strip(text, "/32"));
    return v4.isPresent() ? v4 : IpLiterals.parseIpv6(strip(text, "/128"));
  }

  private static String strip(String text, String suffix) {
    return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
  }

  private static String text(Map<String, @Nullable Object> entry, String name) {
    Object value = entry.get(name);
    return value == null ? "" : value.toString();
  }

  private static String validForms(Map<String, String> attributes) {
    List<String> forms = new ArrayList<>();
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      String placeholder = isDate(attribute.getValue()) ? "YYYYMMDD" : "VALUE";
      for (char operator : attribute.getValue().toCharArray()) {
        forms.add(attribute.getKey() + operator + placeholder);
      }
    }
    return String.join(", ", forms) + " (join several with commas)";
  }
}
