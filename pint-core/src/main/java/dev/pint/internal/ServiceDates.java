package dev.pint.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The service's date format, {@code yyyymmdd}, used for image dates, in deletion dates and in the
 * {@code deletedby} route.
 */
public final class ServiceDates {
  private ServiceDates() {}

  /**
   * Parses exactly eight ASCII digits that form a calendar date from year 1 on, as the service's
   * Python {@code strptime("%Y%m%d")} accepts them.
   *
   * @return the date, or empty for any other text, such as {@code 2024-01-31} or {@code 20230229}
   */
  public static Optional<LocalDate> parse(String text) {
    if (text.length() != 8) {
      return Optional.empty();
    }
    for (int i = 0; i < 8; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
    }
    int year = Integer.parseInt(text, 0, 4, 10);
    int month = Integer.parseInt(text, 4, 6, 10);
    int day = Integer.parseInt(text, 6, 8, 10);
    if (year < 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Formats {@code date} as {@code yyyymmdd}.
   *
   * @throws IllegalArgumentException for a year before 1 or after 9999, which the format cannot
   *     carry
   */
  public static String format(LocalDate date) {
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw new IllegalArgumentException("date must be between years 1 and 9999: " + date);
    }
    return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }
}
