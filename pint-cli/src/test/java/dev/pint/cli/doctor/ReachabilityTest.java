package dev.pint.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ReachabilityTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private final TestCertificates.Identity identity = TestCertificates.selfSigned("x", List.of(), List.of());

  private static Target target(String address, int port) {
    return new Target("region server", address, LoopbackServer.address(address), port);
  }

  @Test
  void connect_openPortIsConnected() throws Exception {
    try (LoopbackServer server = LoopbackServer.start("127.0.0.11", 0, LoopbackServer.Behaviour.SILENT, identity)) {
      assertEquals(Reachability.Outcome.CONNECTED, Reachability.connect(target("127.0.0.11", server.port()), TIMEOUT).outcome());
    }
  }

  @Test
  void connect_closedPortIsRefused() throws Exception {
    int port = ExternalTools.freePort();

    assertEquals(Reachability.Outcome.REFUSED, Reachability.connect(target("127.0.0.1", port), TIMEOUT).outcome());
  }

  @Test
  void connect_resetAfterAcceptIsReset() throws Exception {
    try (LoopbackServer server = LoopbackServer.start("127.0.0.11", 0, LoopbackServer.Behaviour.RESET_ON_ACCEPT, identity)) {
      assertEquals(Reachability.Outcome.RESET, Reachability.connect(target("127.0.0.11", server.port()), TIMEOUT).outcome());
    }
  }

  @Test
  void connect_fullAcceptQueueTimesOut() throws Exception {
    // Linux drops SYNs once a listener's accept queue is full, so the connection attempt times out.
    List<Socket> fillers = new ArrayList<>();
    try (ServerSocket listener = new ServerSocket()) {
      listener.bind(new InetSocketAddress("127.0.0.13", 0), 1);
      for (int i = 0; i < 4; i++) {
        Socket filler = new Socket();
        try {
          filler.connect(listener.getLocalSocketAddress(), 300);
        } catch (java.io.IOException full) {
          filler.close();
          break;
        }
        fillers.add(filler);
      }

      Reachability.Result result = Reachability.connect(target("127.0.0.13", listener.getLocalPort()),
          Duration.ofMillis(500));

      assertEquals(Reachability.Outcome.TIMED_OUT, result.outcome(), result.detail());
    } finally {
      for (Socket filler : fillers) {
        filler.close();
      }
    }
  }

  @Test
  void connectAll_keepsTheOrderOfTheTargets() throws Exception {
    int closed = ExternalTools.freePort();
    try (LoopbackServer server = LoopbackServer.start("127.0.0.11", 0, LoopbackServer.Behaviour.SILENT, identity)) {
      List<Reachability.Result> results = Reachability.connectAll(
          List.of(target("127.0.0.1", closed), target("127.0.0.11", server.port())), TIMEOUT);

      assertEquals(Reachability.Outcome.REFUSED, results.get(0).outcome());
      assertEquals(Reachability.Outcome.CONNECTED, results.get(1).outcome());
    }
  }
}
