package dev.pint.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The client's memory cache of parsed documents, a bounded Caffeine cache. Each key is loaded
 * once however many threads ask for it at the same time: the first runs the loader and the others
 * wait for its value. A value is kept until its time to live, counted from the end of the load,
 * runs out; a failed load is not kept, so the next caller loads again. Beyond the maximum number
 * of entries Caffeine evicts the entries it expects to be used least.
 *
 * <p>With a maximum of 0 entries there is no Caffeine cache at all: every call loads, and
 * concurrent calls for one key are not joined. Caffeine's set-up and first lookup cost about 120
 * million instructions, a fifth of a query of the pint command (measured with callgrind,
 * docs/performance.md), which makes one query per process and so never reads a value twice.
 */
public final class MemoryCache {
  private final @Nullable Cache<String, Object> cache;

  /**
   * @param ttlNanos how long a value is kept, in nanoseconds; 0 keeps none beyond its load
   * @param maximumEntries how many values are kept at most; 0 keeps none and joins no loads
   * @param nanoTime the clock, {@link System#nanoTime} but in tests
   */
  public MemoryCache(long ttlNanos, long maximumEntries, LongSupplier nanoTime) {
    if (maximumEntries == 0) {
      this.cache = null;
      return;
    }
    this.cache = Caffeine.newBuilder()
        .maximumSize(maximumEntries)
        .expireAfterWrite(Duration.ofNanos(ttlNanos))
        .ticker(nanoTime::getAsLong)
        // Maintenance runs on the calling thread, so the client owns no threads.
        .executor(Runnable::run)
        .build();
  }

  /**
   * Returns the value of {@code key}, loading it with {@code load} when no live value is kept.
   *
   * @throws RuntimeException whatever the load threw
   */
  public Object get(String key, Function<String, ?> load) {
    Object value = cache == null ? load.apply(key) : cache.get(key, load);
    return Objects.requireNonNull(value, "loaded value");
  }

  /** Returns the value of {@code key} if one is loaded and live, else null; never loads. */
  public @Nullable Object getIfPresent(String key) {
    return cache == null ? null : cache.getIfPresent(key);
  }

  /** Drops every value. */
  public void invalidateAll() {
    if (cache != null) {
      cache.invalidateAll();
    }
  }
}
