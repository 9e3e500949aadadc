package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pint.cli.doctor.LoopbackServer;
import dev.pint.cli.doctor.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A healthy instance on loopback for the {@code pint doctor} tests, which each break one part of
 * it: two region servers (127.0.0.11 and .12) with pinned certificates, two update servers of
 * eu-central-1 (127.0.0.21 and .22) with the SUSE certificate installed, an update server of
 * us-east-1 (127.0.0.31) in the service's list only, a stand-in for the SUSE Public Cloud
 * Information Service, and an instance tree with the registration client's files.
 */
final class DoctorScenario implements AutoCloseable {
  static final String SMT = "smt-ec2.susecloud.net";
  static final List<String> REGION_SERVERS = List.of("127.0.0.11", "127.0.0.12");
  static final List<String> UPDATE_SERVERS = List.of("127.0.0.21", "127.0.0.22");

  static final String SERVERS_JSON = "{\"servers\":["
      + "{\"ip\":\"127.0.0.21\",\"ipv6\":\"\",\"name\":\"smt-ec2.susecloud.net\",\"region\":\"eu-central-1\",\"type\":\"smt\"},"
      + "{\"ip\":\"127.0.0.22\",\"ipv6\":\"\",\"name\":\"smt-ec2.susecloud.net\",\"region\":\"eu-central-1\",\"type\":\"smt\"},"
      + "{\"ip\":\"127.0.0.31\",\"ipv6\":\"\",\"name\":\"smt-ec2.susecloud.net\",\"region\":\"us-east-1\",\"type\":\"smt\"}]}";

  static final String CONFIG = """
      [server]
      api = regionInfo
      certLocation = /var/lib/regionService/certs
      regionsrv = 127.0.0.11, 127.0.0.12

      [instance]
      dataProvider = none
      instanceArgs = amazonec2
      httpsOnly = true
      """;

  final Path root;
  final Path cacheHome;
  final TestCertificates.Identity regionIdentity =
      TestCertificates.selfSigned("region-server", List.of(), REGION_SERVERS);
  final TestCertificates.Identity suseIdentity =
      TestCertificates.selfSigned(SMT, List.of(SMT), UPDATE_SERVERS);
  final WireMockServer service;
  final List<LoopbackServer> regionServers = new ArrayList<>();
  final List<LoopbackServer> updateServers = new ArrayList<>();
  final List<LoopbackServer> updateHttpServers = new ArrayList<>();
  final Map<String, String> environment = new HashMap<>();

  DoctorScenario(Path root) throws IOException {
    this.root = root;
    // The service's lists are cached on disk; a folder per scenario keeps tests from sharing them.
    cacheHome = Files.createTempDirectory("pint-doctor-cache");
    environment.put("XDG_CACHE_HOME", cacheHome.toString());
    service = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    service.start();
    service.stubFor(get(urlEqualTo("/v1/providers.json")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"providers\":[{\"name\":\"amazon\"}]}")));
    service.stubFor(get(urlEqualTo("/v1/amazon/servers.json")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(SERVERS_JSON)));

    regionServers.addAll(LoopbackServer.startGroup(REGION_SERVERS, LoopbackServer.Behaviour.TLS, regionIdentity));
    updateServers.addAll(LoopbackServer.startGroup(UPDATE_SERVERS, LoopbackServer.Behaviour.TLS, suseIdentity));
    updateHttpServers.addAll(LoopbackServer.startGroup(UPDATE_SERVERS, LoopbackServer.Behaviour.SILENT, suseIdentity));

    write("etc/regionserverclnt.cfg", CONFIG);
    for (String address : REGION_SERVERS) {
      TestCertificates.writePem(root.resolve("var/lib/regionService/certs/" + address + ".pem"),
          regionIdentity.certificate());
    }
    TestCertificates.writePem(root.resolve("etc/pki/trust/anchors/registration_server_127_0_0_21.pem"),
        suseIdentity.certificate());
    write("etc/hosts", "127.0.0.1\tlocalhost\n\n# Added by SMT registration do not remove, retain comment as well\n"
        + "127.0.0.21\tsmt-ec2.susecloud.net\tsmt-ec2\n");
    write("var/log/cloudregister", """
        2024-04-16 10:15:40,101: registercloudguest: 601 main: INFO: Using API: regionInfo
        2024-04-16 10:15:40,102: registerutils: 412 fetch_smt_data: INFO: Getting update server information, attempt 1
        2024-04-16 10:15:40,103: registerutils: 420 fetch_smt_data: INFO: \tUsing region server: 127.0.0.11
        2024-04-16 10:15:41,500: registerutils: 460 get_smt: INFO: Current update server will be used: "('127.0.0.21', None)"
        """);
  }

  /** Writes {@code content} to {@code relativePath} under the instance root, creating folders. */
  void write(String relativePath, String content) {
    try {
      Path file = root.resolve(relativePath);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void delete(String relativePath) {
    try {
      Files.delete(root.resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + service.port();
  }

  int regionServerPort() {
    return regionServers.get(0).port();
  }

  int updateServerPort() {
    return updateServers.get(0).port();
  }

  int updateServerHttpPort() {
    return updateHttpServers.get(0).port();
  }

  /** The options that point every check at this scenario, with the provider and region given. */
  List<String> arguments(String... extra) {
    List<String> arguments = new ArrayList<>(List.of("--base-url", baseUrl(), "doctor",
        "--root", root.toString(),
        "--region-server-port", String.valueOf(regionServerPort()),
        "--update-server-port", String.valueOf(updateServerPort()),
        "--update-server-http-port", String.valueOf(updateServerHttpPort()),
        "--probe-timeout", "5"));
    arguments.addAll(List.of(extra));
    return arguments;
  }

  /** The options with {@code --provider amazon --region eu-central-1}. */
  List<String> argumentsWithRegion(String... extra) {
    List<String> arguments = arguments("--provider", "amazon", "--region", "eu-central-1");
    arguments.addAll(List.of(extra));
    return arguments;
  }

  /** The output of one run. */
  record Run(int exitStatus, String out, String err) {
    List<String> lines() {
      return List.of(out.split("\n"));
    }
  }

  /**
   * Runs {@code pint} in-process. Every run names the metadata service explicitly or gives the
   * region, so the link-local metadata address can never be contacted by a test.
   */
  Run run(List<String> arguments) {
    assertTrue(arguments.contains("--region") || arguments.contains("--metadata-url")
            || arguments.contains("--help") || !arguments.contains("doctor"),
        "a doctor test must pass --region or a loopback --metadata-url: " + arguments);
    int index = arguments.indexOf("--metadata-url");
    if (index >= 0) {
      assertTrue(arguments.get(index + 1).startsWith("http://127.0.0.1:"),
          "the metadata URL must be loopback: " + arguments.get(index + 1));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Cli.execute(arguments.toArray(new String[0]), Map.copyOf(environment),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(cacheHome)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    service.stop();
    for (List<LoopbackServer> group : List.of(regionServers, updateServers, updateHttpServers)) {
      for (LoopbackServer server : group) {
        server.close();
      }
    }
  }
}
