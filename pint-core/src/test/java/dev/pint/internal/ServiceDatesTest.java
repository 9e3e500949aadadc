package dev.pint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ServiceDatesTest {
  @Test
  void parse_validDay_returnsDate() {
    assertEquals(Optional.of(LocalDate.of(2024, 2, 29)), ServiceDates.parse("20240229"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2024013", "202401311", "2024-01-31", "20230229", "20241301",
      "20240100", "00000101", "2024O131", "+2024013", "２０２４０１３１"})
  void parse_invalidText_isEmpty(String text) {
    assertEquals(Optional.empty(), ServiceDates.parse(text));
  }

  @Test
  void format_date_isEightDigits() {
    assertEquals("00010203", ServiceDates.format(LocalDate.of(1, 2, 3)));
  }

  @Test
  void format_yearAfter9999_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ServiceDates.format(LocalDate.of(10000, 1, 1)));

    assertEquals("date must be between years 1 and 9999: +10000-01-01", e.getMessage());
  }
}
