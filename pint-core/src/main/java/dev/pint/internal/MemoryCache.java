package dev.pint.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The client's memory cache of parsed documents. Each key is loaded once however many threads ask
 * for it at the same time: the first runs the loader, the others wait for its value or its
 * exception. A value is kept until its time to live, counted from the end of the load, runs out;
 * a failed load is not kept. Beyond the maximum number of entries the oldest value is dropped.
 *
 * <p>It replaces Caffeine, whose set-up and first lookup alone cost a start of the pint command
 * about 120 million instructions, a fifth of a query (docs/performance.md); the client keeps a
 * handful of documents, so it needs none of Caffeine's policies.
 */
public final class MemoryCache {
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final long ttlNanos;
  private final long maximumEntries;
  private final LongSupplier nanoTime;

  /**
   * @param ttlNanos how long a value is kept, in nanoseconds; 0 keeps none beyond its load
   * @param maximumEntries how many values are kept at most
   * @param nanoTime the clock, {@link System#nanoTime} but in tests
   */
  public MemoryCache(long ttlNanos, long maximumEntries, LongSupplier nanoTime) {
    this.ttlNanos = ttlNanos;
    this.maximumEntries = maximumEntries;
    this.nanoTime = nanoTime;
  }

  /**
   * Returns the value of {@code key}, loading it with {@code load} when no live value is kept.
   *
   * @throws RuntimeException whatever the load threw, to its caller and to every caller that
   *     waited for it
   */
  public Object get(String key, Function<String, ?> load) {
    while (true) {
      Entry entry = entries.get(key);
      if (entry == null) {
        Entry loading = new Entry();
        entry = entries.putIfAbsent(key, loading);
        if (entry == null) {
          return load(key, loading, load);
        }
      }
      // A caller that waited for a load gets its value, whatever the time to live.
      boolean waited = !entry.value.isDone();
      Object value = entry.await();
      if (waited || nanoTime.getAsLong() - entry.loadedAt < ttlNanos) {
        return value;
      }
      entries.remove(key, entry);
    }
  }

  /** Returns the value of {@code key} if one is loaded and live, else null; never loads. */
  public @Nullable Object getIfPresent(String key) {
    Entry entry = entries.get(key);
    if (entry == null || !entry.value.isDone() || entry.value.isCompletedExceptionally()
        || nanoTime.getAsLong() - entry.loadedAt >= ttlNanos) {
      return null;
    }
    return entry.value.getNow(null);
  }

  /** Drops every value. A load in progress still completes for the callers waiting for it. */
  public void invalidateAll() {
    entries.clear();
  }

  private Object load(String key, Entry entry, Function<String, ?> load) {
    Object value;
    try {
      value = Objects.requireNonNull(load.apply(key), "loaded value");
    } catch (RuntimeException | Error e) {
      entries.remove(key, entry);
      entry.value.completeExceptionally(e);
      throw e;
    }
    entry.loadedAt = nanoTime.getAsLong();
    entry.value.complete(value);
    if (entries.size() > maximumEntries) {
      dropOldest();
    }
    return value;
  }

  private void dropOldest() {
    while (entries.size() > maximumEntries) {
      Map.Entry<String, Entry> oldest = null;
      for (Map.Entry<String, Entry> candidate : entries.entrySet()) {
        Entry entry = candidate.getValue();
        if (entry.value.isDone()
            && (oldest == null || entry.loadedAt - oldest.getValue().loadedAt < 0)) {
          oldest = candidate;
        }
      }
      if (oldest == null) {
        return;
      }
      entries.remove(oldest.getKey(), oldest.getValue());
    }
  }

  private static final class Entry {
    final CompletableFuture<Object> value = new CompletableFuture<>();
    /** Written before {@link #value} completes, so readers that waited for it see the time. */
    long loadedAt;

    Object await() {
      try {
        return value.join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw e;
      }
    }
  }
}
