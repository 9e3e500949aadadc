package dev.pint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class MemoryCacheTest {
  private final AtomicLong clock = new AtomicLong();
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void get_twice_loadsOnce() {
    MemoryCache cache = new MemoryCache(100, 10, clock::get);

    Object first = cache.get("a", this::load);
    Object second = cache.get("a", this::load);

    assertSame(first, second);
    assertEquals(1, loads.get());
  }

  @Test
  void get_afterTimeToLive_loadsAgain() {
    MemoryCache cache = new MemoryCache(100, 10, clock::get);
    cache.get("a", this::load);
    clock.addAndGet(99);
    cache.get("a", this::load);

    clock.addAndGet(1);
    Object value = cache.get("a", this::load);

    assertEquals("a2", value);
    assertEquals(2, loads.get());
  }

  @Test
  void get_sixtyFourThreadsAtOnce_loadOnce() throws Exception {
    MemoryCache cache = new MemoryCache(100, 10, clock::get);
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<Object> values = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread first = new Thread(() -> values.add(cache.get("a", key -> {
      loading.countDown();
      await(release);
      return load(key);
    })));
    first.start();
    loading.await();
    for (int i = 1; i < 64; i++) {
      Thread thread = new Thread(() -> values.add(cache.get("a", this::load)));
      thread.start();
      threads.add(thread);
    }

    // Threads that arrive after the load find its value; those before wait for it.
    release.countDown();
    first.join();
    for (Thread thread : threads) {
      thread.join();
    }

    assertEquals(64, values.size());
    assertEquals(List.of("a1"), values.stream().distinct().toList());
  }

  @Test
  void get_loadFails_throwsAndKeepsNothing() {
    MemoryCache cache = new MemoryCache(100, 10, clock::get);

    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> cache.get("a", key -> {
          throw new IllegalStateException("down");
        }));
    Object value = cache.get("a", this::load);

    assertEquals("down", thrown.getMessage());
    assertEquals("a1", value);
  }

  @Test
  void get_beyondMaximum_keepsAtMostMaximum() {
    MemoryCache cache = new MemoryCache(100, 2, clock::get);
    for (String key : java.util.List.of("a", "b", "c", "d", "e")) {
      cache.get(key, this::load);
    }

    int kept = 0;
    for (String key : java.util.List.of("a", "b", "c", "d", "e")) {
      kept += cache.getIfPresent(key) == null ? 0 : 1;
    }

    assertEquals(5, loads.get());
    assertTrue(kept <= 2, "kept " + kept);
  }

  @Test
  void invalidateAll_dropsEverything() {
    MemoryCache cache = new MemoryCache(100, 10, clock::get);
    cache.get("a", this::load);

    cache.invalidateAll();
    cache.get("a", this::load);

    assertEquals(2, loads.get());
  }

  @Test
  void get_maximumZero_loadsEveryTime() {
    MemoryCache cache = new MemoryCache(100, 0, clock::get);

    Object first = cache.get("a", this::load);
    Object second = cache.get("a", this::load);

    assertEquals("a1", first);
    assertEquals("a2", second);
    assertNull(cache.getIfPresent("a"));
  }

  private Object load(String key) {
    return key + loads.incrementAndGet();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
