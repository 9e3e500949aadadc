package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pint.testing.ReliabilityTags;
import dev.pint.testing.ServiceFault;
import dev.pint.testing.TlsFault;
import dev.pint.testing.Yields;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Certificates that must fail the TLS handshake of {@code pint}, which trusts the test CA. */
@Tag(ReliabilityTags.FAULT)
final class TlsFaultCliTest {
  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(TlsFault.class)
  void servers_certificate(TlsFault fault, TestReporter reporter) {
    try (TlsFault.Server server = fault.start(folder, ServiceFault.SERVERS)) {
      CliRun run = CliRun.run(Map.of("XDG_CACHE_HOME", folder.resolve("cache").toString()),
          "google", "servers", "--json", "--base-url=" + server.baseUrl(),
          "--cacert=" + server.caPem());
      Yields.publish(reporter, HostileDataCliTest.describe(run));

      if (!fault.fails()) {
        assertEquals("", run.err());
        assertEquals(0, run.status());
        assertTrue(run.out().contains("\"ip\": \"192.0.2.2\""), run.out());
        return;
      }
      String hostAndPort = server.baseUrl().substring("https://".length());
      assertEquals("", run.out());
      assertEquals(1, run.status());
      assertTrue(run.err().startsWith("pint: " + fault.messagePrefix(hostAndPort)), run.err());
      assertTrue(run.err().endsWith(TlsFault.messageSuffix() + "\n"), run.err());
      assertEquals(1, run.err().lines().count(), run.err());
    }
  }
}
