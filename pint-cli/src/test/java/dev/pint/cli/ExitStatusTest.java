package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pint.testing.ReliabilityTags;
import dev.pint.testing.Yields;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit status of every command for success, a failure of the service and invalid usage, of
 * {@code diff} for unchanged, changed and trouble, and of {@code doctor} for a healthy instance,
 * a problem and invalid usage. A new command without cases here fails {@link
 * #cases_coverEveryCommand}.
 */
@Tag(ReliabilityTags.EXIT_STATUS)
final class ExitStatusTest {
  @RegisterExtension
  static WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  /** The path prefix where the service fails: every request under it gets status 500. */
  private static final String BROKEN = "/broken";

  @TempDir static Path folder;

  @BeforeEach
  void setUp() throws IOException {
    service.stubFor(get("/v1/providers.json").willReturn(okJson(TestResources.fixture("providers.json"))));
    service.stubFor(get("/v1/amazon/servers.json").willReturn(okJson(TestResources.fixture("amazon-servers.json"))));
    service.stubFor(get("/v1/amazon/regions.json").willReturn(okJson("{\"regions\":[{\"name\":\"us-east-1\"}]}")));
    service.stubFor(get("/v1/amazon/servers/types.json").willReturn(okJson(TestResources.fixture("amazon-types.json"))));
    service.stubFor(get("/v1/images/states.json").willReturn(okJson(TestResources.fixture("image-states.json"))));
    service.stubFor(get("/v1/amazon/images.json").willReturn(okJson(TestResources.fixture("amazon-images.json"))));
    service.stubFor(get("/v1/amazon/images/deletiondate/suse-sles-15-sp5-v20240129-hvm-ssd-x86_64.json")
        .willReturn(okJson(TestResources.fixture("amazon-deletiondate.json"))));
    service.stubFor(get("/v1/amazon/images/deletedby/20250701.json")
        .willReturn(okJson(TestResources.fixture("amazon-images-deletedby-20250701.json"))));
    service.stubFor(get(urlPathMatching(BROKEN + "/.*")).willReturn(aResponse().withStatus(500)));
    Files.writeString(folder.resolve("old.json"), run("amazon", "servers", "--json").out());
    Files.writeString(folder.resolve("new.json"), run("amazon", "servers", "--json", "--smt").out());
  }

  private static CliRun run(String... args) {
    return CliRun.run(Map.of("PINT_BASE_URL", "http://127.0.0.1:" + service.getPort(),
        "XDG_CACHE_HOME", folder.resolve("cache").toString()), args);
  }

  private static CliRun runBroken(String... args) {
    return CliRun.run(Map.of("PINT_BASE_URL", "http://127.0.0.1:" + service.getPort() + BROKEN,
        "XDG_CACHE_HOME", folder.resolve("cache-broken").toString()), args);
  }

  /** Returns the cases: a command, its command line, whether the service fails, and the exit status. */
  static Stream<Arguments> cases() {
    String old = "OLD";
    String changed = "NEW";
    return Stream.of(
        Arguments.of("providers", "providers", false, 0),
        Arguments.of("providers", "providers", true, 1),
        Arguments.of("providers", "providers --json --xml", false, 2),
        Arguments.of("regions", "amazon regions --json", false, 0),
        Arguments.of("regions", "amazon regions", true, 1),
        Arguments.of("regions", "amazon regions --filter=region~x", false, 2),
        Arguments.of("server_types", "amazon server_types", false, 0),
        Arguments.of("server_types", "amazon server_types", true, 1),
        Arguments.of("server_types", "server_types", false, 2),
        Arguments.of("servers", "amazon servers --region=us-east-1", false, 0),
        Arguments.of("servers", "amazon servers", true, 1),
        Arguments.of("servers", "amazon servers --smt --regionserver", false, 2),
        Arguments.of("image_states", "image_states --json", false, 0),
        Arguments.of("image_states", "image_states", true, 1),
        Arguments.of("image_states", "amazon image_states", false, 2),
        Arguments.of("images", "amazon images --json", false, 0),
        Arguments.of("images", "amazon images", true, 1),
        Arguments.of("images", "images", false, 2),
        Arguments.of("deletiondate", "amazon deletiondate suse-sles-15-sp5-v20240129-hvm-ssd-x86_64", false, 0),
        Arguments.of("deletiondate", "amazon deletiondate suse-sles-15-sp5-v20240129-hvm-ssd-x86_64", true, 1),
        Arguments.of("deletiondate", "amazon deletiondate", false, 2),
        Arguments.of("deletedby", "amazon deletedby 20250701", false, 0),
        Arguments.of("deletedby", "amazon deletedby 20250701", true, 1),
        Arguments.of("deletedby", "amazon deletedby 2025-07-01", false, 2),
        Arguments.of("mirror", "mirror MIRROR --provider=amazon", false, 0),
        Arguments.of("mirror", "mirror MIRROR-BROKEN --provider=amazon", true, 1),
        Arguments.of("mirror", "mirror", false, 2),
        Arguments.of("allowlist", "amazon allowlist --region=us-east-1", false, 0),
        Arguments.of("allowlist", "amazon allowlist --region=us-east-1", true, 1),
        Arguments.of("allowlist", "amazon allowlist", false, 2),
        Arguments.of("diff", "amazon diff " + old + " " + old, false, 0),
        Arguments.of("diff", "amazon diff " + old + " " + changed, false, 1),
        Arguments.of("diff", "amazon diff " + old + " live", true, 2),
        Arguments.of("diff", "amazon diff " + old + " MISSING", false, 2),
        Arguments.of("diff", "diff " + old, false, 2));
  }

  @ParameterizedTest(name = "pint {1} (service failing: {2}) exits {3}")
  @MethodSource("cases")
  void command_exitStatus(String command, String commandLine, boolean broken, int status,
      TestReporter reporter) {
    List<String> args = new ArrayList<>();
    for (String arg : commandLine.split(" ")) {
      args.add(switch (arg) {
        case "OLD" -> folder.resolve("old.json").toString();
        case "NEW" -> folder.resolve("new.json").toString();
        case "MISSING" -> folder.resolve("missing.json").toString();
        case "MIRROR", "MIRROR-BROKEN" -> folder.resolve(arg.toLowerCase(java.util.Locale.ROOT)).toString();
        default -> arg;
      });
    }

    CliRun run = broken ? runBroken(args.toArray(String[]::new)) : run(args.toArray(String[]::new));
    Yields.publish(reporter, HostileDataCliTest.describe(run));

    assertEquals(status, run.status(), run.err());
    boolean failed = command.equals("diff") ? status == 2 : status != 0;
    if (failed) {
      assertEquals("", run.out());
      assertEquals(1, run.err().lines().count(), run.err());
      assertTrue(run.err().startsWith("pint: "), run.err());
    }
  }

  /**
   * Runs {@code pint doctor} on a healthy fake instance, on one without the registration
   * client's configuration, and with an unknown option. Unlike the other commands, doctor
   * prints its report on stdout when it finds a problem, because the report is its output.
   */
  @ParameterizedTest(name = "pint doctor ({0}) exits {1}")
  @MethodSource("doctorCases")
  void doctor_exitStatus(String situation, int status, TestReporter reporter) throws Exception {
    try (DoctorScenario scenario = new DoctorScenario(folder.resolve("instance-" + status))) {
      List<String> args = new ArrayList<>(scenario.argumentsWithRegion());
      if (status == 1) {
        Files.delete(folder.resolve("instance-" + status).resolve("etc/regionserverclnt.cfg"));
      } else if (status == 2) {
        args.add("--bogus");
      }

      DoctorScenario.Run run = scenario.run(args);
      Yields.publish(reporter, "exit " + run.exitStatus() + ", " + run.out().lines().count()
          + " report lines on stdout" + (run.err().isEmpty() ? "" : ", stderr: " + run.err().strip()));

      assertEquals(status, run.exitStatus(), run.out() + run.err());
      if (status == 2) {
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
      }
    }
  }

  static Stream<Arguments> doctorCases() {
    return Stream.of(
        Arguments.of("healthy instance", 0),
        Arguments.of("no registration client configuration", 1),
        Arguments.of("unknown option", 2));
  }

  @Test
  void cases_coverEveryCommand() {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    Set<String> commands = new TreeSet<>(Cli.commandLine(Map.of(), sink, sink).getSubcommands().keySet());
    Set<String> covered = new TreeSet<>();
    cases().forEach(arguments -> covered.add((String) arguments.get()[0]));
    covered.add("doctor");

    assertEquals(commands, covered);
  }

  @Test
  void help_documentsExitStatuses() {
    CliRun run = run("--help");

    assertTrue(run.out().contains("Exit status:\n"
        + "  0  success (an empty list for a known region is a success)\n"
        + "  1  the service, the network or the data failed\n"
        + "  2  invalid usage, or a provider, region or image the service does not know\n"
        + "  pint diff: 0 unchanged, 1 addresses changed, 2 trouble, as diff(1) does\n"), run.out());
  }
}
