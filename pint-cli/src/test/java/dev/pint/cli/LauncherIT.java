package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pint.PintClient;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher target/pint, run from a copy of target/pint and target/pint.jar, with the Java
 * that runs the tests. Runs after the package phase (failsafe).
 */
final class LauncherIT {
  private static final Path TARGET = Path.of("target");
  private static final String PROVIDERS_JSON =
      "{\n  \"providers\": [\n    {\n      \"name\": \"amazon\"\n    }\n  ]\n}\n";

  @TempDir Path install;
  private WireMockServer service;
  private Path launcher;

  @BeforeEach
  void setUp() throws IOException {
    service = ServiceFixture.start();
    launcher = install.resolve("pint");
    Files.copy(TARGET.resolve("pint"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(TARGET.resolve("pint.jar"), install.resolve("pint.jar"));
  }

  @AfterEach
  void tearDown() {
    service.stop();
  }

  @Test
  void firstRun_makesArchiveAndPrintsOnlyTheAnswer() throws Exception {
    Result result = run(environment(), "--no-cache", "providers", "--json");

    assertEquals(new Result(0, PROVIDERS_JSON, ""), result);
    assertEquals(1, archives().size(), "archives: " + archives());
  }

  @Test
  void version_needsNoArchive() throws Exception {
    Result result = run(environment(), "--version");

    assertEquals(new Result(0, "pint " + PintClient.version() + "\n", ""), result);
    assertFalse(Files.exists(install.resolve("jvm-cache")));
  }

  @Test
  void query_withArchive_printsTheService() throws Exception {
    run(environment(), "--no-cache", "providers", "--json");

    Result result = run(environment(), "--no-cache", "amazon", "servers", "--region", "us-east-1", "--json");

    assertEquals(0, result.status(), result.err());
    assertTrue(result.out().contains("\"ip\": \"54.197.240.216\""), result.out());
    assertEquals("", result.err());
  }

  @Test
  void archive_anyCallingPath_isUsed() throws Exception {
    run(List.of("./pint", "--no-cache", "providers", "--json"), environment(), install.toFile());
    Path link = Files.createDirectory(install.resolve("bin")).resolve("pint");
    Files.createSymbolicLink(link, launcher);
    Path log = install.resolve("classes.log");
    Map<String, String> environment = environment();
    environment.put("PINT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    File parent = install.getParent().toFile();
    File root = new File("/");
    List<Invocation> invocations = List.of(
        new Invocation("./pint", install.toFile()),
        new Invocation(install.getFileName() + "/pint", parent),
        new Invocation(launcher.toString(), root),
        new Invocation(link.toString(), root));

    for (Invocation invocation : invocations) {
      Result result = run(List.of(invocation.launcher(), "--no-cache", "providers", "--json"),
          environment, invocation.folder());

      assertEquals(new Result(0, PROVIDERS_JSON, ""), result, invocation.toString());
      String cliClass = Files.readAllLines(log).stream()
          .filter(line -> line.contains(" dev.pint.cli.Cli ")).findFirst().orElse("not loaded");
      assertTrue(cliClass.contains("shared objects file"), invocation + ": " + cliClass);
    }
  }

  /** A way to call the launcher: its path as typed, from a working folder. */
  private record Invocation(String launcher, File folder) {}

  @Test
  void longJavaHome_runsWithoutArchive() throws Exception {
    Path javaHome = install.resolve("j".repeat(230));
    Files.createSymbolicLink(javaHome, Path.of(System.getProperty("java.home")));
    Map<String, String> environment = environment();
    environment.put("JAVA_HOME", javaHome.toString());

    Result result = run(environment, "--no-cache", "providers", "--json");

    assertEquals(new Result(0, PROVIDERS_JSON, ""), result);
  }

  @Test
  void jvmStartFailure_reportsOnStderrOnly() throws Exception {
    Map<String, String> environment = environment();
    environment.put("PINT_JAVA_OPTS", "-Xmx1k");

    Result result = run(environment, "--no-cache", "providers", "--json");

    assertEquals(1, result.status());
    assertEquals("", result.out());
    assertTrue(result.err().contains("Error occurred during initialization of VM"), result.err());
  }

  @Test
  void staleArchive_isMadeAgain() throws Exception {
    run(environment(), "--no-cache", "providers", "--json");
    Path archive = archives().get(0);
    Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

    Result result = run(environment(), "--no-cache", "providers", "--json");

    assertEquals(0, result.status(), result.err());
    assertEquals("", result.err());
    assertTrue(Files.getLastModifiedTime(archive).toInstant().isAfter(Instant.parse("2021-01-01T00:00:00Z")));
  }

  @Test
  void unusableArchive_isIgnoredQuietly() throws Exception {
    run(environment(), "--no-cache", "providers", "--json");
    Path archive = archives().get(0);
    Files.writeString(archive, "not an archive");

    Result result = run(environment(), "--no-cache", "providers", "--json");

    assertEquals(new Result(0, PROVIDERS_JSON, ""), result);
  }

  @Test
  void cacheFolderUnusable_runsWithoutArchive() throws Exception {
    // A file where the folder should be: the launcher cannot create it, as in a read-only install.
    Files.writeString(install.resolve("jvm-cache"), "");

    Result result = run(environment(), "--no-cache", "providers", "--json");

    assertEquals(0, result.status(), result.err());
    assertEquals("", result.err());
    assertTrue(Files.isRegularFile(install.resolve("jvm-cache")));
  }

  @Test
  void javaFromPath_whenJavaHomeIsUnset() throws Exception {
    Map<String, String> environment = environment();
    environment.remove("JAVA_HOME");
    environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");

    Result result = run(environment, "--version");

    assertEquals(new Result(0, "pint " + PintClient.version() + "\n", ""), result);
  }

  @Test
  void noJava_failsWithAHint() throws Exception {
    Map<String, String> environment = environment();
    environment.remove("JAVA_HOME");
    environment.put("PATH", install.toString());

    Result result = run(environment, "--version");

    assertEquals(new Result(1, "",
        "pint: no Java found; set JAVA_HOME or put Java 17 or later on PATH\n"), result);
  }

  @Test
  void pintJavaOpts_reachTheJvm() throws Exception {
    Map<String, String> environment = environment();
    environment.put("PINT_JAVA_OPTS", "-Dpicocli.ansi=true");

    Result result = run(environment, "--help");

    assertEquals(0, result.status(), result.err());
    assertTrue(result.out().contains("\u001B["), "no colours in: " + result.out());
  }

  @Test
  void runnableJar_runsWithJavaJar() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    Result result = run(List.of(java.toString(), "-jar", install.resolve("pint.jar").toString(),
        "--base-url", service.baseUrl(), "--no-cache", "amazon", "regions", "--json"), environment());

    assertEquals(0, result.status(), result.err());
    assertTrue(result.out().contains("\"name\": \"eu-central-1\""), result.out());
  }

  private Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.put("PATH", "/usr/bin:/bin");
    environment.put("HOME", install.toString());
    environment.put("PINT_BASE_URL", service.baseUrl());
    return environment;
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(install.resolve("jvm-cache"))) {
      return files.filter(file -> !file.toString().endsWith(".failed")).toList();
    }
  }

  private Result run(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    return run(command, environment);
  }

  private Result run(List<String> command, Map<String, String> environment) throws Exception {
    return run(command, environment, null);
  }

  private Result run(List<String> command, Map<String, String> environment,
      @Nullable File directory) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Path out = install.resolve("out.txt");
    Path err = install.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int status = process.waitFor();
    return new Result(status, Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Result(int status, String out, String err) {}
}
