package dev.pint.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class RegistrationLogTest {
  @Test
  void parse_joinsContinuationLines() {
    List<RegistrationLog.Entry> entries = RegistrationLog.parse(List.of(
        "2024-04-16 10:15:40,102: registerutils: 412 fetch_smt_data: ERROR: first",
        "second line",
        "not in the format at the start is kept with the previous record",
        "2024-04-16 10:15:41,000: smt: 88 is_responsive: WARNING: done"));

    assertEquals(2, entries.size());
    assertEquals(new RegistrationLog.Entry(1, "2024-04-16 10:15:40,102", "ERROR",
        "first\nsecond line\nnot in the format at the start is kept with the previous record"), entries.get(0));
    assertEquals("WARNING", entries.get(1).level());
  }

  @Test
  void lastRun_startsAtTheLastFirstAttempt() {
    RegistrationLog.LastRun run = RegistrationLog.lastRun(RegistrationLog.parse(List.of(
        "2024-04-15 08:00:00,001: registerutils: 412 fetch_smt_data: INFO: Getting update server information, attempt 1",
        "2024-04-15 08:00:00,002: registerutils: 470 fetch_smt_data: ERROR: No response from: 192.0.2.9",
        "2024-04-16 10:00:00,001: registerutils: 412 fetch_smt_data: INFO: Getting update server information, attempt 1",
        "2024-04-16 10:00:00,002: registerutils: 420 fetch_smt_data: INFO: \tUsing region server: 2001:DB8::1",
        "2024-04-16 10:00:15,003: registerutils: 412 fetch_smt_data: INFO: Getting update server information, attempt 2",
        "2024-04-16 10:00:15,004: registercloudguest: 300 main: ERROR: No response from: [('192.0.2.1', None)]")));

    assertTrue(run.runMarkerFound());
    assertEquals(4, run.entries().size());
    assertEquals(List.of("2001:db8::1", "192.0.2.1"), run.addresses());
    assertEquals(1, run.problems().size());
  }

  @Test
  void lastRun_withoutMarkerIsTheWholeLog() {
    RegistrationLog.LastRun run = RegistrationLog.lastRun(RegistrationLog.parse(List.of(
        "2024-04-16 10:00:00,001: registerutils: 300 set_proxy: INFO: \thttps_proxy: http://192.0.2.50/",
        "2024-04-16 10:00:00,002: registerutils: 420 get_smt: INFO: Current update server will be used: 192.0.2.1",
        "2024-04-16 10:00:00,003: registerutils: 420 get_smt: INFO: at 10:00:01 nothing else")));

    assertFalse(run.runMarkerFound());
    assertEquals(List.of("192.0.2.1"), run.addresses());
  }
}
