package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pint.testing.ReliabilityTags;
import dev.pint.testing.ServiceFault;
import dev.pint.testing.Yields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code pint} processes, started from the built launcher {@code target/pint} with its
 * jar and {@code lib/}, sharing one cache folder at once. Failsafe runs it after {@code package}.
 */
@Tag(ReliabilityTags.CONCURRENCY)
final class CacheProcessesIT {
  private static final int PROCESSES = 6;

  @RegisterExtension
  static WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  @TempDir Path folder;

  private Map<String, String> environment;
  private String expected;

  @BeforeEach
  void setUp() {
    service.stubFor(get(ServiceFault.PATH).willReturn(okJson(ServiceFault.SERVERS).withFixedDelay(300)));
    environment = Map.of(
        "PINT_BASE_URL", "http://127.0.0.1:" + service.getPort(),
        "XDG_CACHE_HOME", folder.resolve("cache").toString(),
        "JAVA_HOME", System.getProperty("java.home"),
        "PATH", "/usr/bin:/bin");
    expected = CliRun.run(Map.of("PINT_BASE_URL", "http://127.0.0.1:" + service.getPort()),
        "google", "servers", "--json", "--no-cache").out();
  }

  /** Starts {@code count} processes at once, each with {@code args}, and waits for them all. */
  private List<CliRun> runTogether(int count, List<String> args) throws IOException, InterruptedException {
    String launcher = System.getProperty("pint.launcher");
    assertTrue(launcher != null, "system property pint.launcher must name the built launcher");
    assertTrue(Files.isExecutable(Path.of(launcher)), "not an executable launcher: " + launcher);
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> command = new ArrayList<>(List.of(launcher));
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(folder.resolve(i + ".out").toFile())
          .redirectError(folder.resolve(i + ".err").toFile());
      builder.environment().clear();
      builder.environment().putAll(environment);
      processes.add(builder.start());
    }
    List<CliRun> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Process process = processes.get(i);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("pint process " + i + " did not finish in 120 s");
      }
      runs.add(new CliRun(process.exitValue(), Files.readString(folder.resolve(i + ".out")),
          Files.readString(folder.resolve(i + ".err"))));
    }
    return runs;
  }

  private List<String> cacheFiles() throws IOException {
    try (Stream<Path> files = Files.list(folder.resolve("cache").resolve("pint"))) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void processes_coldCacheTogether(TestReporter reporter) throws Exception {
    List<CliRun> runs = runTogether(PROCESSES, List.of("google", "servers", "--json"));
    List<CliRun> refreshing = runTogether(PROCESSES, List.of("google", "servers", "--json", "--refresh"));
    CliRun offline = CliRun.run(environment, "google", "servers", "--json", "--offline");
    Yields.publish(reporter, PROCESSES + " cold and " + PROCESSES + " refreshing processes: exit"
        + " statuses " + runs.stream().map(CliRun::status).toList() + " and "
        + refreshing.stream().map(CliRun::status).toList() + "; cache files afterwards: "
        + cacheFiles().size() + "; offline run after them: exit " + offline.status());

    for (CliRun run : runs) {
      assertEquals(new CliRun(0, expected, ""), run);
    }
    for (CliRun run : refreshing) {
      assertEquals(new CliRun(0, expected, ""), run);
    }
    assertEquals(1, cacheFiles().size(), cacheFiles().toString());
    assertTrue(cacheFiles().get(0).endsWith(".entry"), cacheFiles().toString());
    assertEquals(new CliRun(0, expected, ""), offline);
  }

  @Test
  void processes_serviceDownTogether(TestReporter reporter) throws Exception {
    CliRun warm = CliRun.run(environment, "google", "servers", "--json");
    service.stubFor(get(ServiceFault.PATH).willReturn(aResponse().withStatus(500)));

    List<CliRun> runs = runTogether(PROCESSES, List.of("google", "servers", "--json", "--max-age=0"));
    Yields.publish(reporter, PROCESSES + " processes with the service down and a stale cache:"
        + " exit statuses " + runs.stream().map(CliRun::status).toList()
        + ", each printing the cached list with a warning");

    assertEquals(0, warm.status(), warm.err());
    for (CliRun run : runs) {
      assertEquals(expected, run.out());
      assertEquals(0, run.status());
      assertTrue(run.err().startsWith("pint: warning: using the copy of http://127.0.0.1:"),
          run.err());
    }
  }
}
