package dev.pint.internal;

import dev.pint.CacheMode;
import dev.pint.HttpStatusException;
import dev.pint.MalformedDataException;
import dev.pint.PintException;
import dev.pint.ServiceUnavailableException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outermost {@link Transport}: answers from a {@link DiskCache} when it can, and otherwise
 * asks the next layer, storing what it returns.
 *
 * <ul>
 *   <li>A cached document younger than the time to live is returned as it is ({@link
 *       CacheMode#NORMAL} only).
 *   <li>An older one is revalidated with {@code If-None-Match} and {@code If-Modified-Since}; a
 *       304 renews its fetch time, a 200 replaces it.
 *   <li>When the service is unreachable, times out, fails with 408, 429 or a 5xx status,
 *       redirects (redirects are never followed), or sends something that is not JSON, the
 *       cached copy is returned and a WARNING says how old it is.
 *       Other 4xx statuses are answers, not failures, and are thrown.
 *   <li>{@link CacheMode#OFFLINE} returns cached documents of any age and never asks the next
 *       layer.
 * </ul>
 *
 * <p>Only 200 responses that passed the JSON check are stored. Hits, misses and revalidations
 * are logged at DEBUG.
 */
public final class CachingTransport implements Transport {
  private static final Logger LOG = Loggers.of(CachingTransport.class);
  /** How far ahead of the clock a fetch time may be before the entry is revalidated. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private final Transport delegate;
  private final DiskCache cache;
  private final Duration timeToLive;
  private final CacheMode mode;
  private final Clock clock;

  public CachingTransport(
      Transport delegate, DiskCache cache, Duration timeToLive, CacheMode mode, Clock clock) {
    this.delegate = delegate;
    this.cache = cache;
    this.timeToLive = timeToLive;
    this.mode = mode;
    this.clock = clock;
  }

  @Override
  public Response get(Request request) {
    URI url = request.url();
    CacheEntry cached = cache.read(url);
    Instant now = clock.instant();

    if (mode == CacheMode.OFFLINE) {
      return offline(url, cached, now);
    }
    if (cached != null && mode == CacheMode.NORMAL
        && age(cached, now).compareTo(timeToLive) < 0 && !fetchedInTheFuture(cached, now)) {
      LOG.log(Level.DEBUG, () -> "cache hit for " + url + " (" + describeAge(age(cached, now))
          + " old)");
      return cached.toResponse();
    }
    if (cached == null) {
      LOG.log(Level.DEBUG, () -> "cache miss for " + url);
    } else {
      LOG.log(Level.DEBUG, () -> "revalidating the cached copy of " + url + " ("
          + describeAge(age(cached, now)) + " old)");
    }

    Request outgoing = cached == null ? request
        : new Request(url, cached.etag(), cached.lastModified());
    Response response;
    try {
      response = delegate.get(outgoing);
    } catch (PintException e) {
      if (cached == null || !fallsBack(e)) {
        throw e;
      }
      LOG.log(Level.WARNING, "using the copy of " + url + " cached "
          + describeAge(age(cached, now)) + " ago (" + cached.fetchedAt() + ") because the"
          + " request failed: " + e.getMessage());
      return cached.toResponse();
    }

    if (response.notModified() && cached != null) {
      CacheEntry renewed = new CacheEntry(url, response.fetchedAt(),
          response.etag() != null ? response.etag() : cached.etag(),
          response.lastModified() != null ? response.lastModified() : cached.lastModified(),
          cached.body());
      cache.write(renewed);
      LOG.log(Level.DEBUG, () -> "revalidated " + url + ": not modified, cached copy renewed");
      return renewed.toResponse();
    }
    cache.write(new CacheEntry(url, response.fetchedAt(), response.etag(),
        response.lastModified(), response.body()));
    return response;
  }

  private Response offline(URI url, @Nullable CacheEntry cached, Instant now) {
    if (cached == null) {
      throw new ServiceUnavailableException(url, "offline, and " + url + " is not in the cache "
          + cache.directory() + "; run the command once without --offline, or point --base-url"
          + " at a mirror made by 'pint mirror'");
    }
    Duration age = age(cached, now);
    if (age.compareTo(timeToLive) >= 0) {
      // Offline use must not hide that the list may have changed since.
      LOG.log(Level.WARNING, "offline: using the copy of " + url + " cached " + describeAge(age)
          + " ago (" + cached.fetchedAt() + "), older than the cache's time to live of "
          + describeAge(timeToLive) + "; the service may list other addresses by now");
    } else {
      LOG.log(Level.DEBUG, () -> "offline: cache hit for " + url + " (" + describeAge(age)
          + " old)");
    }
    return cached.toResponse();
  }

  /** Whether a cached copy should stand in for the response that failed with {@code e}. */
  private static boolean fallsBack(PintException e) {
    if (e instanceof HttpStatusException status) {
      int code = status.code();
      // A redirect is never followed, and captive portals answer with one, so it is treated
      // as a failure of the path to the service rather than an answer.
      return code == 408 || code == 429 || code >= 500 || (code >= 300 && code < 400);
    }
    return e instanceof ServiceUnavailableException || e instanceof MalformedDataException;
  }

  /**
   * Tells whether the entry claims a fetch time more than a minute ahead of the clock. Such an
   * entry would count as fresh until the clock caught up, so it is revalidated instead. The
   * minute allows for the clocks of processes that share the folder.
   */
  private static boolean fetchedInTheFuture(CacheEntry entry, Instant now) {
    return entry.fetchedAt().isAfter(now.plus(CLOCK_SKEW));
  }

  private static Duration age(CacheEntry entry, Instant now) {
    Duration age = Duration.between(entry.fetchedAt(), now);
    return age.isNegative() ? Duration.ZERO : age;
  }

  /** Returns a rounded-down age such as {@code 45 seconds}, {@code 12 minutes} or {@code 3 days}. */
  static String describeAge(Duration age) {
    long seconds = age.toSeconds();
    if (seconds < 120) {
      return plural(seconds, "second");
    }
    if (seconds < 2 * 3600) {
      return plural(seconds / 60, "minute");
    }
    if (seconds < 2 * 86400) {
      return plural(seconds / 3600, "hour");
    }
    return plural(seconds / 86400, "day");
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
