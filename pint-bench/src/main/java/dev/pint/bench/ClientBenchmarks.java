package dev.pint.bench;

import dev.pint.PintClient;
import dev.pint.ServerList;
import dev.pint.ServerQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Queries of a {@link PintClient} against a loopback service. */
public class ClientBenchmarks {

  /** A client whose memory cache already holds the largest server list. */
  @State(Scope.Benchmark)
  public static class WarmClient {
    LoopbackService service;
    PintClient client;
    ServerQuery query;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      service = new LoopbackService(Map.of("/v1/microsoft/servers.json",
          Lists.servers(Lists.LARGEST_SERVERS, Lists.LARGEST_REGIONS)));
      client = PintClient.builder().baseUrl(service.baseUrl()).build();
      query = ServerQuery.of("microsoft").withRegions(List.of(Lists.region(7)));
      if (client.servers(query).servers().isEmpty()) {
        throw new IllegalStateException("the warm-up query found no servers");
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      client.close();
      service.close();
      if (service.requests() != 1) {
        throw new IllegalStateException("expected 1 request, saw " + service.requests());
      }
    }
  }

  /** One region of the largest list, from the memory cache of a warm client. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public ServerList regionQueryOnWarmClient(WarmClient state) {
    return state.client.servers(state.query);
  }

  /** A service that counts requests, for the cold-cache benchmark. */
  @State(Scope.Benchmark)
  public static class Service {
    static final int THREADS = 64;
    LoopbackService service;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      service = new LoopbackService(Map.of("/v1/amazon/servers.json", Lists.servers(93, 31)));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      service.close();
    }
  }

  /**
   * 64 threads ask a new client for the same list at once. The benchmark fails unless they
   * caused exactly one request.
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int sixtyFourThreadsOnColdCache(Service state) throws InterruptedException {
    int before = state.service.requests();
    try (PintClient client = PintClient.builder().baseUrl(state.service.baseUrl()).build()) {
      CountDownLatch start = new CountDownLatch(1);
      AtomicReference<RuntimeException> failure = new AtomicReference<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < Service.THREADS; i++) {
        Thread thread = new Thread(() -> {
          awaitQuietly(start);
          try {
            client.servers("amazon");
          } catch (RuntimeException e) {
            failure.set(e);
          }
        });
        thread.start();
        threads.add(thread);
      }
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
      if (failure.get() != null) {
        throw failure.get();
      }
    }
    int requests = state.service.requests() - before;
    if (requests != 1) {
      throw new IllegalStateException(Service.THREADS + " threads on a cold cache sent "
          + requests + " requests; expected 1");
    }
    return requests;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
