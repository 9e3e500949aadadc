package dev.pint;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pint.testing.ReliabilityTags;
import dev.pint.testing.Yields;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads sharing one client: with a cold cache each provider's list is requested once and
 * every thread gets the same answer; with a warm disk cache nothing is requested; and closing the
 * client leaves no thread of its own running.
 */
@Tag(ReliabilityTags.CONCURRENCY)
final class ConcurrencyTest {
  private static final List<String> PROVIDERS = List.of("amazon", "google", "microsoft");
  private static final int THREADS = 32;

  @RegisterExtension
  static WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @TempDir Path cache;

  @BeforeEach
  void setUp() {
    for (String provider : PROVIDERS) {
      String document = Fixtures.read(provider + "-servers.json");
      service.stubFor(get("/v1/" + provider + "/servers.json").willReturn(okJson(document).withFixedDelay(200)));
    }
  }

  private PintClient.Builder client() {
    return PintClient.builder().baseUrl("http://127.0.0.1:" + service.getPort())
        .readTimeout(Duration.ofSeconds(30));
  }

  /**
   * Starts {@value #THREADS} threads at once, each asking for every provider's servers in its own
   * order, and returns each provider's distinct answers.
   */
  private static List<Set<ServerList>> askConcurrently(PintClient client) throws Exception {
    // The test's own threads are joined before returning: a terminated pool's last workers can
    // still be alive for a moment, and they must not count as threads the client left behind.
    List<Thread> workers = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, task -> {
      Thread worker = new Thread(task);
      workers.add(worker);
      return worker;
    });
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<ServerList>>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int offset = t;
      Callable<List<ServerList>> task = () -> {
        start.await();
        List<ServerList> answers = new ArrayList<>(java.util.Collections.nCopies(PROVIDERS.size(), (ServerList) null));
        for (int i = 0; i < PROVIDERS.size(); i++) {
          int index = (i + offset) % PROVIDERS.size();
          answers.set(index, client.servers(ServerQuery.of(PROVIDERS.get(index))));
        }
        return answers;
      };
      results.add(pool.submit(task));
    }
    start.countDown();

    List<Set<ServerList>> distinct = new ArrayList<>();
    for (int i = 0; i < PROVIDERS.size(); i++) {
      distinct.add(new HashSet<>());
    }
    for (Future<List<ServerList>> result : results) {
      List<ServerList> answers = result.get(60, TimeUnit.SECONDS);
      for (int i = 0; i < answers.size(); i++) {
        distinct.get(i).add(answers.get(i));
      }
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    for (Thread worker : workers) {
      worker.join(TimeUnit.SECONDS.toMillis(30));
    }
    return distinct;
  }

  private static void assertOneRequestPerProvider(int expected) {
    for (String provider : PROVIDERS) {
      service.verify(expected, getRequestedFor(urlEqualTo("/v1/" + provider + "/servers.json")));
    }
  }

  @Test
  void threads_coldMemoryCacheOneRequestPerProvider(TestReporter reporter) throws Exception {
    try (PintClient client = client().build()) {
      List<Set<ServerList>> answers = askConcurrently(client);
      Yields.publish(reporter, THREADS + " threads x " + PROVIDERS.size() + " providers: "
          + service.getAllServeEvents().size() + " requests, distinct answers per provider "
          + answers.stream().map(Set::size).toList());

      for (Set<ServerList> distinct : answers) {
        assertEquals(1, distinct.size());
      }
    }
    assertOneRequestPerProvider(1);
  }

  @Test
  void threads_coldThenWarmDiskCache(TestReporter reporter) throws Exception {
    List<Set<ServerList>> cold;
    try (PintClient client = client().cacheDirectory(cache).build()) {
      cold = askConcurrently(client);
    }
    assertOneRequestPerProvider(1);

    List<Set<ServerList>> warm;
    try (PintClient client = client().cacheDirectory(cache).build()) {
      warm = askConcurrently(client);
    }
    Yields.publish(reporter, "cold disk cache: " + PROVIDERS.size() + " requests; warm disk cache"
        + " in a new client: " + (service.getAllServeEvents().size() - PROVIDERS.size())
        + " requests, same answers");

    assertOneRequestPerProvider(1);
    for (int i = 0; i < PROVIDERS.size(); i++) {
      assertEquals(1, warm.get(i).size());
      assertEquals(servers(cold.get(i)), servers(warm.get(i)));
    }
  }

  private static List<Server> servers(Set<ServerList> lists) {
    return lists.iterator().next().servers();
  }

  @Test
  void close_leavesNoClientThread(TestReporter reporter) throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    try (PintClient client = client().cacheDirectory(cache).build()) {
      askConcurrently(client);
    }

    List<String> leftover = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(thread) && thread.isAlive() && ownedByClient(thread)) {
        leftover.add(thread.getName());
      }
    }
    Yields.publish(reporter, "threads of the client left after close: " + leftover.size());
    assertTrue(leftover.isEmpty(), leftover.toString());
  }

  /**
   * Tells whether a thread would keep a program running or runs this library's code: a
   * non-daemon thread, or one with a {@code dev.pint} frame. The threads of WireMock's Jetty
   * server, which it starts on demand, are not the client's.
   */
  private static boolean ownedByClient(Thread thread) {
    if (thread.getName().startsWith("qtp") || thread.getName().startsWith("Connector-Scheduler")) {
      return false;
    }
    boolean library = false;
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().startsWith("org.eclipse.jetty.")) {
        return false;
      }
      library |= frame.getClassName().startsWith("dev.pint.") && !frame.getClassName().endsWith("Test");
    }
    return library || !thread.isDaemon();
  }
}
