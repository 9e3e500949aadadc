package dev.pint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pint.testing.PropertyCheck;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DiskCacheInstantTest {
  private static final long YEAR_1000 = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
  private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

  @Test
  void parseInstant_readsWhatToStringWrites(TestReporter reporter) {
    PropertyCheck.forAll(reporter, 2_000, random -> {
      Instant instant = Instant.ofEpochSecond(random.nextLong(YEAR_1000, YEAR_10000),
          random.nextInt(1_000_000_000));
      ChronoUnit[] units = {ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS};
      return instant.truncatedTo(units[random.nextInt(units.length)]);
    }, instant -> {
      String text = instant.toString();

      Instant parsed = DiskCache.parseInstant(text);

      assertEquals(instant, parsed, text);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2024-04-16T08:00:00.5Z", "2024-04-16T08:00:00.12345678Z", "+12024-04-16T08:00:00Z",
      "0999-12-31T23:59:59Z", "2024-04-16T24:00:00Z", "2024-04-16T08:00:00.Z"})
  void parseInstant_agreesWithInstantParse_onOtherValidForms(String text) {
    Instant expected = Instant.parse(text);

    Instant parsed = DiskCache.parseInstant(text);

    assertEquals(expected, parsed);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "2024-04-16T08:00:00", "2024-13-16T08:00:00Z", "2024-02-30T08:00:00Z",
      "2024-04-16T08:00Z", "2024-04-16T08:60:00Z",
      "2024-04-16T08:00:00.1234567890Z", "2024-04-16T08:00:0xZ", "+024-04-16T08:00:00Z",
      "2024-04-16 08:00:00Z", "2024-04-16T08:00:00+01:00x"})
  void parseInstant_rejectsWhatInstantParseRejects(String text) {
    assertThrows(DateTimeParseException.class, () -> Instant.parse(text));

    assertThrows(DateTimeParseException.class, () -> DiskCache.parseInstant(text));
  }
}
