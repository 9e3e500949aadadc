package dev.pint.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TlsProbeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String SMT = "smt-ec2.susecloud.net";

  @TempDir Path directory;

  private final TestCertificates.Identity suse =
      TestCertificates.selfSigned(SMT, List.of(SMT), List.of("127.0.0.21"));

  @Test
  void probe_pinnedCertificateIsTrusted() throws Exception {
    try (LoopbackServer server = LoopbackServer.start("127.0.0.21", 0, LoopbackServer.Behaviour.TLS, suse)) {
      Target target = new Target("update server", SMT, LoopbackServer.address("127.0.0.21"), server.port());

      TlsProbe.Result result = TlsProbe.probe(target, SMT, List.of(suse.certificate()), null, TIMEOUT);

      assertEquals(TlsProbe.Outcome.TRUSTED, result.outcome());
      assertEquals("CN=smt-ec2.susecloud.net,O=SUSE Test", result.leafSubject());
    }
  }

  @Test
  void probe_corporateChainIsOtherIssuer() throws Exception {
    TestCertificates.Identity corporate = TestCertificates.corporateChain(SMT);
    try (LoopbackServer server = LoopbackServer.start("127.0.0.21", 0, LoopbackServer.Behaviour.TLS, corporate)) {
      Target target = new Target("update server", SMT, LoopbackServer.address("127.0.0.21"), server.port());

      TlsProbe.Result result = TlsProbe.probe(target, SMT, List.of(suse.certificate()), null, TIMEOUT);

      assertEquals(TlsProbe.Outcome.OTHER_ISSUER, result.outcome());
      assertEquals("CN=Corp Inspection CA,O=Example Corp", result.leafIssuer());
      assertEquals("CN=Corp Root CA,O=Example Corp", result.chainTop());
    }
  }

  @Test
  void probe_resetDuringHandshakeIsReset() throws Exception {
    try (LoopbackServer server = LoopbackServer.start("127.0.0.21", 0,
        LoopbackServer.Behaviour.RESET_DURING_HANDSHAKE, suse)) {
      Target target = new Target("update server", SMT, LoopbackServer.address("127.0.0.21"), server.port());

      TlsProbe.Result result = TlsProbe.probe(target, SMT, List.of(suse.certificate()), null, TIMEOUT);

      assertEquals(TlsProbe.Outcome.RESET, result.outcome(), result.detail());
      assertNull(result.leafIssuer());
    }
  }

  @Test
  void probe_withoutAnchorsOnlyObserves() throws Exception {
    try (LoopbackServer server = LoopbackServer.start("127.0.0.21", 0, LoopbackServer.Behaviour.TLS, suse)) {
      Target target = new Target("update server", SMT, LoopbackServer.address("127.0.0.21"), server.port());

      TlsProbe.Result result = TlsProbe.probe(target, SMT, List.of(), null, TIMEOUT);

      assertEquals(TlsProbe.Outcome.NO_TRUST_ANCHOR, result.outcome());
      assertEquals("CN=smt-ec2.susecloud.net,O=SUSE Test", result.leafIssuer());
    }
  }

  @Test
  void probe_tinyproxyWithoutCredentialsRefusesWith407() throws Exception {
    try (LoopbackServer server = LoopbackServer.start("127.0.0.21", 0, LoopbackServer.Behaviour.TLS, suse);
        ExternalTools.Tinyproxy proxy = ExternalTools.Tinyproxy.startWithBasicAuth(directory, "pintuser", "pintpass")) {
      Target target = new Target("update server", SMT, LoopbackServer.address("127.0.0.21"), server.port());

      TlsProbe.Result result = TlsProbe.probe(target, SMT, List.of(suse.certificate()),
          URI.create("http://127.0.0.1:" + proxy.port()), TIMEOUT);

      assertEquals(TlsProbe.Outcome.PROXY_REFUSED, result.outcome());
      assertEquals(407, result.proxyStatus());
      assertEquals("407 Proxy Authentication Required", result.detail());
    }
  }

  @Test
  void probe_tinyproxyWithCredentialsTunnels() throws Exception {
    try (LoopbackServer server = LoopbackServer.start("127.0.0.21", 0, LoopbackServer.Behaviour.TLS, suse);
        ExternalTools.Tinyproxy proxy = ExternalTools.Tinyproxy.startWithBasicAuth(directory, "pintuser", "pintpass")) {
      Target target = new Target("update server", SMT, LoopbackServer.address("127.0.0.21"), server.port());

      TlsProbe.Result result = TlsProbe.probe(target, SMT, List.of(suse.certificate()),
          URI.create("http://pintuser:pintpass@127.0.0.1:" + proxy.port()), TIMEOUT);

      assertEquals(TlsProbe.Outcome.TRUSTED, result.outcome(), result.detail());
    }
  }

  @Test
  void probe_httpsProxyIsNotSupported() throws Exception {
    Target target = new Target("update server", SMT, LoopbackServer.address("127.0.0.21"), ExternalTools.freePort());

    TlsProbe.Result result = TlsProbe.probe(target, SMT, List.of(suse.certificate()),
        URI.create("https://127.0.0.1:3128"), TIMEOUT);

    assertEquals(TlsProbe.Outcome.PROXY_FAILED, result.outcome());
    assertEquals("proxy https://127.0.0.1:3128: IOException: the proxy URL scheme 'https' is not supported;"
        + " only http:// proxies can be checked", result.detail());
  }

  @Test
  void probe_throughMitmproxyIsOtherIssuer() throws Exception {
    try (LoopbackServer server = LoopbackServer.start("127.0.0.21", 0, LoopbackServer.Behaviour.TLS, suse);
        ExternalTools.Mitmproxy proxy = ExternalTools.Mitmproxy.start(directory.resolve("mitmproxy"))) {
      Target target = new Target("update server", SMT, LoopbackServer.address("127.0.0.21"), server.port());

      TlsProbe.Result result = TlsProbe.probe(target, SMT, List.of(suse.certificate()),
          URI.create("http://127.0.0.1:" + proxy.port()), TIMEOUT);

      assertEquals(TlsProbe.Outcome.OTHER_ISSUER, result.outcome(), result.detail());
      assertEquals("O=mitmproxy,CN=mitmproxy", result.leafIssuer());
    }
  }
}
