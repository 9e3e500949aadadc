package dev.pint.internal;

import dev.pint.HttpStatusException;
import dev.pint.PintException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Retries failures that may pass: refused or reset connections, timeouts, and HTTP 429, 502, 503
 * and 504. Any other failure, including every other 4xx, is thrown at once.
 *
 * <p>The delay before retry {@code n} (from 1) is drawn uniformly from zero to {@code
 * initialDelay * 2^(n-1)}, capped at {@code maxDelay} ("full jitter", so clients that failed
 * together do not return together). A {@code Retry-After} header replaces that delay. No retry
 * starts once {@code timeLimit} has passed since the first attempt, and a delay that would end
 * after it is not waited: the last failure is thrown instead. Each retry is logged at WARNING.
 */
public final class RetryingTransport implements Transport {
  private static final Logger LOG = Loggers.of(RetryingTransport.class);

  /** Waits between attempts; tests replace it to record the delays. */
  public interface Sleeper {
    void sleep(Duration delay) throws InterruptedException;
  }

  private final Transport delegate;
  private final int maxRetries;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Duration timeLimit;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final RandomGenerator random;

  public RetryingTransport(Transport delegate, int maxRetries, Duration initialDelay,
      Duration maxDelay, Duration timeLimit, Sleeper sleeper, LongSupplier nanoTime,
      RandomGenerator random) {
    this.delegate = delegate;
    this.maxRetries = maxRetries;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.timeLimit = timeLimit;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.random = random;
  }

  /** Returns a transport with real sleeping, the system clock and a shared random source. */
  public static RetryingTransport create(
      Transport delegate, int maxRetries, Duration initialDelay, Duration timeLimit) {
    return new RetryingTransport(delegate, maxRetries, initialDelay, Duration.ofSeconds(8),
        timeLimit, delay -> Thread.sleep(delay.toMillis()), System::nanoTime,
        new CallingThreadRandom());
  }

  /**
   * Draws from the calling thread's {@link ThreadLocalRandom}. {@code RandomGenerator.getDefault()}
   * would load every random generator of the JDK through a service loader at start-up, for a
   * value needed only when a request fails.
   */
  private static final class CallingThreadRandom implements RandomGenerator {
    @Override
    public long nextLong() {
      return ThreadLocalRandom.current().nextLong();
    }

    @Override
    public long nextLong(long bound) {
      return ThreadLocalRandom.current().nextLong(bound);
    }
  }

  @Override
  public Response get(Request request) {
    long start = nanoTime.getAsLong();
    for (int retry = 1; ; retry++) {
      PintException failure;
      try {
        return delegate.get(request);
      } catch (PintException e) {
        failure = e;
      }

      if (retry > maxRetries || !NetworkFailures.isTransient(failure)) {
        throw failure;
      }
      Duration delay = delay(retry, failure);
      Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
      if (elapsed.plus(delay).compareTo(timeLimit) > 0) {
        LOG.log(Level.DEBUG, "not retrying " + request.url() + ": waiting " + seconds(delay)
            + " would exceed the retry time limit of " + seconds(timeLimit));
        throw failure;
      }
      LOG.log(Level.WARNING, "retrying " + request.url() + " in " + seconds(delay) + " (retry "
          + retry + " of " + maxRetries + ") after: " + failure.getMessage());
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure;
      }
    }
  }

  private Duration delay(int retry, PintException failure) {
    if (failure instanceof HttpStatusException status && status.retryAfter().isPresent()) {
      return status.retryAfter().get();
    }
    long ceiling = Math.min(maxDelay.toMillis(), initialDelay.toMillis() << Math.min(retry - 1, 30));
    return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
  }

  private static String seconds(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
