package dev.pint.cli;

import static dev.pint.cli.DoctorCommandTest.detail;
import static dev.pint.cli.DoctorCommandTest.fix;
import static dev.pint.cli.DoctorCommandTest.fixContinued;
import static dev.pint.cli.DoctorCommandTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pint.cli.doctor.ExternalTools;
import dev.pint.cli.doctor.LoopbackServer;
import dev.pint.cli.doctor.TestCertificates;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pint doctor}'s TCP and TLS diagnosis against loopback servers that fail in each way it
 * tells apart: a refused and a reset connection, a corporate inspection certificate, a real
 * mitmproxy, a reset during the handshake, a real tinyproxy that responds with 407, and no SUSE
 * certificate installed.
 */
final class DoctorConnectionTest {
  @TempDir Path root;
  @TempDir Path tools;

  private DoctorScenario scenario;

  @BeforeEach
  void startScenario() throws Exception {
    scenario = new DoctorScenario(root);
  }

  @AfterEach
  void stopScenario() {
    scenario.close();
  }

  /** Replaces the HTTPS server of update server {@code index} with one that behaves otherwise. */
  private void replaceUpdateServer(int index, LoopbackServer.Behaviour behaviour, TestCertificates.Identity identity) {
    scenario.updateServers.get(index).switchTo(behaviour, identity);
  }

  private void replaceRegionServer(int index, LoopbackServer.Behaviour behaviour) {
    scenario.regionServers.get(index).switchTo(behaviour, scenario.regionIdentity);
  }

  @Test
  void reachability_refusedRegionServerIsAProblem() throws Exception {
    scenario.regionServers.get(1).close();

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    int port = scenario.regionServerPort();
    assertEquals(1, run.exitStatus());
    List<String> lines = run.lines();
    assertTrue(lines.contains(line("PROBLEM", "reachability", "1 of 4 connections failed: 1 refused")), run.out());
    assertTrue(lines.contains(detail("region server 127.0.0.12:" + port + ": refused")));
    assertTrue(lines.contains(fix("allow outgoing TCP from this instance to 127.0.0.12:" + port
        + " in its firewall, security group or network ACL")));
    assertTrue(lines.contains(line("PROBLEM", "tls-region-servers",
        "1 of 2 region servers could not be checked; see the reachability check")));
    assertTrue(lines.contains(detail("127.0.0.12:" + port + ": connection refused")));
  }

  @Test
  void reachability_resetAfterAcceptIsReported() throws Exception {
    replaceRegionServer(0, LoopbackServer.Behaviour.RESET_ON_ACCEPT);

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(1, run.exitStatus());
    assertTrue(run.lines().contains(line("PROBLEM", "reachability", "1 of 4 connections failed: 1 reset")), run.out());
    assertTrue(run.lines().contains(detail("region server 127.0.0.11:" + scenario.regionServerPort() + ": reset")));
  }

  @Test
  void tls_corporateCertificateIsInterceptionWithSquidExemption() throws Exception {
    replaceUpdateServer(1, LoopbackServer.Behaviour.TLS, TestCertificates.corporateChain(DoctorScenario.SMT));

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion("--proxy-type", "squid"));

    assertEquals(1, run.exitStatus());
    List<String> lines = run.lines();
    assertTrue(lines.contains(line("PROBLEM", "tls-update-servers", "TLS interception: 1 of 2 update servers presented"
        + " a certificate issued by CN=Corp Inspection CA,O=Example Corp (chain up to CN=Corp Root CA,O=Example Corp)"
        + " instead of the SUSE certificate installed by registration")), run.out());
    assertTrue(lines.contains(detail("127.0.0.22:" + scenario.updateServerPort() + ": certificate CN=smt-ec2.susecloud.net"
        + " issued by CN=Corp Inspection CA,O=Example Corp (not trusted)")), run.out());
    assertTrue(lines.contains(fix("add to squid.conf before any ssl_bump bump rule and before 'http_access deny all':")),
        run.out());
    assertTrue(lines.contains(fixContinued("acl pint_amazon_addresses dst 127.0.0.22")));
    assertTrue(lines.contains(fixContinued("acl pint_amazon_server_names ssl::server_name smt-ec2.susecloud.net")));
    assertTrue(lines.contains(fixContinued("ssl_bump splice pint_amazon_addresses")));
    assertTrue(lines.contains(fixContinued("ssl_bump splice pint_amazon_server_names")));
    assertTrue(run.lines().stream().noneMatch(l -> l.contains("dst 127.0.0.21")), run.out());
  }

  @Test
  void tls_interceptionWithoutProxyTypeAsksForIt() throws Exception {
    replaceUpdateServer(0, LoopbackServer.Behaviour.TLS, TestCertificates.corporateChain(DoctorScenario.SMT));

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertTrue(run.lines().contains(fix("exempt registry-ec2.susecloud.net, smt-ec2.susecloud.net, 127.0.0.21 from TLS"
        + " inspection in the proxy; run again with --proxy-type mitmproxy or --proxy-type squid for the lines to add")),
        run.out());
  }

  @Test
  void tls_realMitmproxyIsInterceptionWithMitmproxyExemption() throws Exception {
    try (ExternalTools.Mitmproxy mitmproxy = ExternalTools.Mitmproxy.start(tools.resolve("mitmproxy"))) {
      String proxy = "http://127.0.0.1:" + mitmproxy.port();
      scenario.environment.put("http_proxy", proxy);
      scenario.environment.put("https_proxy", proxy);
      scenario.environment.put("no_proxy", "169.254.169.254,127.0.0.1,127.0.0.11,127.0.0.12");

      DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion("--proxy-type", "mitmproxy"));

      assertEquals(1, run.exitStatus());
      List<String> lines = run.lines();
      assertTrue(lines.contains(line("PROBLEM", "tls-update-servers", "TLS interception: 2 of 2 update servers"
          + " presented a certificate issued by O=mitmproxy,CN=mitmproxy instead of the SUSE certificate installed"
          + " by registration")), run.out());
      assertTrue(lines.contains(fix("add to mitmproxy's config.yaml (or pass each pattern with --ignore-hosts):")));
      assertTrue(lines.contains(fixContinued("ignore_hosts:")));
      assertTrue(lines.contains(fixContinued("  - '^registry-ec2\\.susecloud\\.net$'")));
      assertTrue(lines.contains(fixContinued("  - '^smt-ec2\\.susecloud\\.net$'")));
      assertTrue(lines.contains(fixContinued("  - '^127\\.0\\.0\\.21$'")));
      assertTrue(lines.contains(fixContinued("  - '^127\\.0\\.0\\.22$'")));
      assertTrue(lines.contains(line("OK", "tls-region-servers",
          "each of the 2 region servers presented its pinned certificate")), run.out());
    }
  }

  @Test
  void tls_resetDuringHandshakeIsNotInterception() throws Exception {
    replaceUpdateServer(1, LoopbackServer.Behaviour.RESET_DURING_HANDSHAKE, scenario.suseIdentity);

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    int port = scenario.updateServerPort();
    assertEquals(1, run.exitStatus());
    List<String> lines = run.lines();
    assertTrue(lines.contains(line("PROBLEM", "tls-update-servers", "the connection to 1 of 2 update servers was reset"
        + " or closed during the TLS handshake: a firewall or network device ends it; this is not TLS interception")),
        run.out());
    assertTrue(lines.contains(detail("127.0.0.22:" + port + ": reset during the handshake")));
    assertTrue(lines.contains(fix("allow TLS on port " + port + " to 127.0.0.22 in the firewall or network device"
        + " between the instance and these servers")));
  }

  @Test
  void tls_tinyproxyDemandingCredentialsRefusesWith407() throws Exception {
    try (ExternalTools.Tinyproxy tinyproxy = ExternalTools.Tinyproxy.startWithBasicAuth(tools, "pintuser", "pintpass")) {
      String proxy = "http://127.0.0.1:" + tinyproxy.port();
      scenario.environment.put("http_proxy", proxy);
      scenario.environment.put("https_proxy", proxy);
      scenario.environment.put("no_proxy", "169.254.169.254,127.0.0.1,127.0.0.11,127.0.0.12");

      DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

      assertEquals(1, run.exitStatus());
      List<String> lines = run.lines();
      assertTrue(lines.contains(line("PROBLEM", "tls-update-servers", "proxy " + proxy + " refused the tunnel to 2 of 2"
          + " update servers with 407 Proxy Authentication Required")), run.out());
      assertTrue(lines.contains(detail("127.0.0.21:" + scenario.updateServerPort()
          + ": the proxy refused the tunnel with 407 Proxy Authentication Required")));
      assertTrue(lines.contains(fix("give the proxy credentials in the proxy URL, as"
          + " http://USER:PASSWORD@HOST:PORT, in the environment")));
    }
  }

  @Test
  void tls_tinyproxyWithCredentialsPassesTheTunnel() throws Exception {
    try (ExternalTools.Tinyproxy tinyproxy = ExternalTools.Tinyproxy.startWithBasicAuth(tools, "pintuser", "pintpass")) {
      String proxy = "http://pintuser:pintpass@127.0.0.1:" + tinyproxy.port();
      scenario.environment.put("http_proxy", proxy);
      scenario.environment.put("https_proxy", proxy);
      scenario.environment.put("no_proxy", "169.254.169.254,susecloud.net,127.0.0.1,127.0.0.11,127.0.0.12");
      scenario.environment.put("NO_PROXY", "ignored because no_proxy is set");

      DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

      assertEquals(0, run.exitStatus(), run.out());
      assertTrue(run.lines().contains(line("OK", "tls-update-servers",
          "each of the 2 update servers presented the SUSE certificate installed by registration")), run.out());
      assertTrue(!run.out().contains("pintpass"), run.out());
    }
  }

  @Test
  void tls_noSuseCertificateMeansRegistrationIncomplete() throws Exception {
    scenario.delete("etc/pki/trust/anchors/registration_server_127_0_0_21.pem");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(1, run.exitStatus());
    List<String> lines = run.lines();
    assertTrue(lines.contains(line("PROBLEM", "tls-update-servers", "no SUSE update server certificate"
        + " (registration_server*) in " + root.resolve("etc/pki/trust/anchors") + " or "
        + root.resolve("usr/share/pki/trust/anchors") + ": registration has not completed; this is not interception")),
        run.out());
    assertTrue(lines.contains(detail("127.0.0.21:" + scenario.updateServerPort() + ": certificate"
        + " CN=smt-ec2.susecloud.net,O=SUSE Test issued by CN=smt-ec2.susecloud.net,O=SUSE Test"
        + " (nothing to verify it against)")));
    assertTrue(lines.contains(fix("registercloudguest --force-new")));
  }

  @Test
  void tls_suseCertificateUnderUsrShareIsTrusted() throws Exception {
    scenario.delete("etc/pki/trust/anchors/registration_server_127_0_0_21.pem");
    TestCertificates.writePem(root.resolve("usr/share/pki/trust/anchors/registration_server_127_0_0_22.pem"),
        scenario.suseIdentity.certificate());

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(0, run.exitStatus(), run.out());
    assertTrue(run.lines().contains(detail("trusted: "
        + root.resolve("usr/share/pki/trust/anchors/registration_server_127_0_0_22.pem"))));
  }

  @Test
  void tls_regionServerWithAnotherCertificateThanItsPin() throws Exception {
    TestCertificates.writePem(root.resolve("var/lib/regionService/certs/127.0.0.12.pem"),
        TestCertificates.selfSigned("region-server", List.of(), List.of("127.0.0.12")).certificate());

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion());

    assertEquals(1, run.exitStatus());
    assertTrue(run.lines().contains(line("PROBLEM", "tls-region-servers", "1 of 2 region servers presented a certificate"
        + " from the expected issuer that does not verify against its pinned certificate")), run.out());
    assertTrue(run.lines().contains(fix("update the package that ships the region server certificates:"
        + " zypper update cloud-regionsrv-client")));
  }
}
