package dev.pint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pint.HttpStatusException;
import dev.pint.PintException;
import dev.pint.ServiceUnavailableException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

final class RetryingTransportTest {
  private static final URI URL = URI.create("http://127.0.0.1:1/v1/providers.json");
  private static final Response OK = Response.ok(URL, "{}".getBytes(), Instant.EPOCH, null, null);

  private final List<Duration> sleeps = new ArrayList<>();
  private long now;

  /** Returns a transport over {@code outcomes}: a Response is returned, an exception thrown. */
  private RetryingTransport transport(Duration timeLimit, Object... outcomes) {
    Deque<Object> queue = new ArrayDeque<>(List.of(outcomes));
    Transport scripted = request -> {
      Object next = queue.removeFirst();
      if (next instanceof PintException e) {
        throw e;
      }
      return (Response) next;
    };
    return new RetryingTransport(scripted, 3, Duration.ofMillis(500), Duration.ofSeconds(8),
        timeLimit, delay -> {
          sleeps.add(delay);
          now += delay.toNanos();
        }, () -> now, new Random(42));
  }

  private static HttpStatusException status(int code, Duration retryAfter) {
    return new HttpStatusException(URL, code, "HTTP " + code, retryAfter);
  }

  private static ServiceUnavailableException refused() {
    return new ServiceUnavailableException(URL, "refused", new ConnectException("refused"));
  }

  @Test
  void transientFailures_areRetriedWithGrowingJitteredDelays() {
    RetryingTransport transport = transport(Duration.ofSeconds(30), refused(), status(502, null),
        status(504, null), OK);

    Response response = transport.get(Request.of(URL));

    assertSame(OK, response);
    assertEquals(3, sleeps.size());
    for (int i = 0; i < 3; i++) {
      long ceiling = 500L << i;
      assertTrue(sleeps.get(i).toMillis() <= ceiling, sleeps.toString());
    }
  }

  @Test
  void retryAfter_replacesBackoff() {
    RetryingTransport transport = transport(Duration.ofSeconds(30),
        status(429, Duration.ofSeconds(7)), status(503, Duration.ZERO), OK);

    transport.get(Request.of(URL));

    assertEquals(List.of(Duration.ofSeconds(7), Duration.ZERO), sleeps);
  }

  @Test
  void retryAfterBeyondTimeLimit_failsAtOnce() {
    HttpStatusException unavailable = status(503, Duration.ofSeconds(120));
    RetryingTransport transport = transport(Duration.ofSeconds(30), unavailable, OK);

    HttpStatusException thrown = assertThrows(HttpStatusException.class,
        () -> transport.get(Request.of(URL)));

    assertSame(unavailable, thrown);
    assertEquals(List.of(), sleeps);
  }

  @Test
  void otherClientErrors_areNotRetried() {
    for (int code : new int[] {400, 403, 404, 407}) {
      RetryingTransport transport = transport(Duration.ofSeconds(30), status(code, null), OK);

      HttpStatusException thrown = assertThrows(HttpStatusException.class,
          () -> transport.get(Request.of(URL)));

      assertEquals(code, thrown.code());
    }
    assertEquals(List.of(), sleeps);
  }

  @Test
  void certificateFailure_isNotRetried() {
    SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
    handshake.initCause(new java.security.cert.CertificateException("untrusted"));
    ServiceUnavailableException failure = new ServiceUnavailableException(URL, "tls", handshake);
    RetryingTransport transport = transport(Duration.ofSeconds(30), failure, OK);

    assertThrows(ServiceUnavailableException.class, () -> transport.get(Request.of(URL)));

    assertEquals(List.of(), sleeps);
  }

  @Test
  void retries_stopAfterMaximum() {
    RetryingTransport transport = transport(Duration.ofSeconds(30), refused(), refused(),
        refused(), refused(), OK);

    assertThrows(ServiceUnavailableException.class, () -> transport.get(Request.of(URL)));

    assertEquals(3, sleeps.size());
  }

  @Test
  void retryAfterHeader_parsesSecondsAndDates() {
    Instant now = Instant.parse("2024-04-16T08:00:00Z");

    assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", now));
    assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Tue, 16 Apr 2024 08:01:30 GMT", now));
    assertEquals(Duration.ZERO, RetryAfter.parse("Tue, 16 Apr 2024 07:00:00 GMT", now));
    assertEquals(null, RetryAfter.parse("soon", now));
  }
}
