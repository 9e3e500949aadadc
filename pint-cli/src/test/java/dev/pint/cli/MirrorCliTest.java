package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MirrorCliTest {
  private static final List<List<String>> COMMANDS = List.of(
      List.of("providers"),
      List.of("providers", "--json"),
      List.of("amazon", "regions"),
      List.of("amazon", "regions", "--json"),
      List.of("amazon", "server_types"),
      List.of("amazon", "servers"),
      List.of("amazon", "servers", "--json"),
      List.of("amazon", "servers", "--region", "us-east-1", "--smt"),
      List.of("amazon", "servers", "--regionserver", "--filter", "ip=107.22.231.220"),
      List.of("image_states"),
      List.of("amazon", "images"),
      List.of("amazon", "images", "--active", "--json"));

  @TempDir Path temporary;

  private Map<String, String> environment() {
    return Map.of("XDG_CACHE_HOME", temporary.resolve("cache").toString());
  }

  private static CliRun run(Map<String, String> environment, String baseUrl, List<String> command) {
    String[] args = new String[command.size() + 3];
    args[0] = "--no-cache";
    args[1] = "--base-url";
    args[2] = baseUrl;
    for (int i = 0; i < command.size(); i++) {
      args[i + 3] = command.get(i);
    }
    return CliRun.run(environment, args);
  }

  @Test
  void mirror_answersEveryCommandOffline() throws Exception {
    WireMockServer service = ServiceFixture.start();
    String serviceUrl = "http://127.0.0.1:" + service.port();
    Path mirror = temporary.resolve("mirror");
    List<CliRun> direct = COMMANDS.stream().map(c -> run(environment(), serviceUrl, c)).toList();
    CliRun made = CliRun.run(environment(), "--base-url", serviceUrl, "mirror",
        mirror.toString());
    service.stop();

    for (String base : List.of(mirror.toString(), mirror.toUri().toString())) {
      for (int i = 0; i < COMMANDS.size(); i++) {
        CliRun offline = run(environment(), base, COMMANDS.get(i));
        assertEquals(direct.get(i).status(), offline.status(), COMMANDS.get(i) + offline.err());
        assertEquals(direct.get(i).out(), offline.out(), COMMANDS.get(i).toString());
        assertEquals(direct.get(i).err(), offline.err(), COMMANDS.get(i).toString());
      }
    }
    assertEquals(0, made.status(), made.err());
    assertEquals("wrote 8 files to " + mirror + "; use them with --base-url " + mirror + "\n",
        made.out());
    String manifest = Files.readString(mirror.resolve("manifest.json"));
    assertTrue(manifest.contains("\"url\" : \"" + serviceUrl + "/v1/amazon/servers.json\""), manifest);
    assertTrue(manifest.contains("\"sha256\" : \"") && manifest.contains("\"fetched\" : \""), manifest);
    assertEquals(ServiceFixture.SERVERS, Files.readString(mirror.resolve("v1/amazon/servers.json")));
  }

  @Test
  void changedMirrorFile_failsWithStatus1() throws Exception {
    WireMockServer service = ServiceFixture.start();
    Path mirror = temporary.resolve("mirror");
    CliRun.run(environment(), "--base-url", "http://127.0.0.1:" + service.port(), "mirror",
        mirror.toString());
    service.stop();
    Path servers = mirror.resolve("v1/amazon/servers.json");
    Files.writeString(servers, ServiceFixture.SERVERS.replace("54.197.240.216", "54.197.240.217"));

    CliRun run = run(environment(), mirror.toString(), List.of("amazon", "servers"));

    assertEquals(1, run.status());
    assertEquals("", run.out());
    assertTrue(run.err().matches("pint: mirror file \\Q" + servers + "\\E does not match its"
        + " SHA-256 in manifest.json \\(expected [0-9a-f]{64}, found [0-9a-f]{64}\\); it was"
        + " changed or damaged: make the mirror again with 'pint mirror'\n"), run.err());
  }

  @Test
  void folderWithoutManifest_failsWithStatus1() throws Exception {
    Path empty = Files.createDirectory(temporary.resolve("empty"));

    CliRun run = run(environment(), empty.toString(), List.of("providers"));

    assertEquals(1, run.status());
    assertEquals("pint: no mirror at " + empty + ": manifest.json is missing; make one with"
        + " 'pint mirror " + empty + "'\n", run.err());
  }

  @Test
  void mirrorUnknownProvider_isUsageError() throws Exception {
    WireMockServer service = ServiceFixture.start();

    CliRun run = CliRun.run(environment(), "--base-url", "http://127.0.0.1:" + service.port(),
        "mirror", temporary.resolve("m").toString(), "--provider", "oracle");
    service.stop();

    assertEquals(2, run.status());
    assertEquals("pint: unknown provider 'oracle'; known providers: amazon\n", run.err());
  }
}
