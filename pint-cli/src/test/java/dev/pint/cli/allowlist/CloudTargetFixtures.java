package dev.pint.cli.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import inet.ipaddr.IPAddress;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Allowlists and a shell runner shared by the cloud firewall target tests. */
final class CloudTargetFixtures {
  private CloudTargetFixtures() {}

  /** Two region servers (one per family) and update servers in two regions, one shared. */
  static Allowlist.Builder small() {
    return Allowlist.builder("amazon", URI.create("http://127.0.0.1:8080/v1/amazon/servers.json"),
            Instant.parse("2024-04-16T10:00:00Z"), "0.1.0")
        .region("eu-west-1")
        .region("us-east-1")
        .addRegionServer(address("192.0.2.10"))
        .addRegionServer(address("2001:db8::10"))
        .addUpdateServer("eu-west-1", address("198.51.100.1"))
        .addUpdateServer("eu-west-1", address("203.0.113.5"))
        .addUpdateServer("us-east-1", address("203.0.113.5"))
        .addUpdateServer("us-east-1", address("2001:db8:1::1"))
        .addName("smt-ec2.susecloud.net");
  }

  /** An allowlist of {@code count} IPv4 update servers in 10.0.0.0/8 for one region. */
  static Allowlist.Builder manyIpv4(int count) {
    Allowlist.Builder builder = Allowlist.builder("amazon",
            URI.create("http://127.0.0.1:8080/v1/amazon/servers.json"),
            Instant.parse("2024-04-16T10:00:00Z"), "0.1.0")
        .region("us-east-1");
    for (int i = 0; i < count; i++) {
      builder.addUpdateServer("us-east-1", address("10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff)));
    }
    return builder;
  }

  static IPAddress address(String text) {
    return IpAddresses.parse(text).orElseThrow();
  }

  /** Returns the script of a target that writes one file, checking that it writes one. */
  static String script(AllowlistTarget target, Allowlist allowlist) {
    List<GeneratedFile> files = target.render(allowlist);
    assertEquals(1, files.size());
    return files.get(0).content();
  }

  /**
   * Runs {@code script} with {@code sh}, with a fake {@code command} on the PATH that records the
   * arguments of each call, one file per call.
   */
  static ShellRun runWithFake(Path directory, String command, String script, Map<String, String> environment,
      String... arguments) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(directory.resolve("bin"));
    Path calls = Files.createDirectories(directory.resolve("calls"));
    Path fake = bin.resolve(command);
    Files.writeString(fake, "#!/bin/sh\n"
        + "n=$(ls \"$PINT_TEST_CALLS\" | wc -l)\n"
        + "printf '%s\\0' \"$@\" > \"$PINT_TEST_CALLS/call-$n\"\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path file = directory.resolve("script.sh");
    Files.writeString(file, script);

    List<String> commandLine = new ArrayList<>(List.of("sh", file.toString()));
    commandLine.addAll(Arrays.asList(arguments));
    ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(false);
    builder.environment().clear();
    builder.environment().put("PATH", bin + ":/usr/bin:/bin");
    builder.environment().put("PINT_TEST_CALLS", calls.toString());
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] err = process.getErrorStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("sh did not finish within 60 seconds");
    }

    List<List<String>> recorded = new ArrayList<>();
    for (int i = 0; Files.exists(calls.resolve("call-" + i)); i++) {
      String content = Files.readString(calls.resolve("call-" + i), StandardCharsets.UTF_8);
      List<String> args = new ArrayList<>(Arrays.asList(content.split("\0", -1)));
      args.remove(args.size() - 1);
      recorded.add(args);
    }
    return new ShellRun(process.exitValue(), new String(err, StandardCharsets.UTF_8), recorded);
  }

  /** The exit status and stderr of a script run, and the arguments of each fake command call. */
  record ShellRun(int status, String err, List<List<String>> calls) {}
}
