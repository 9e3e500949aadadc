package dev.pint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pint.internal.CacheEntry;
import dev.pint.internal.DiskCache;
import dev.pint.testing.ReliabilityTags;
import dev.pint.testing.ServiceFault;
import dev.pint.testing.TlsFault;
import dev.pint.testing.Yields;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Certificates that must fail the TLS handshake, against loopback HTTPS servers the test starts.
 * The client trusts the test CA, so a trusted certificate succeeds and only the fault fails.
 */
@Tag(ReliabilityTags.FAULT)
final class TlsFaultTest {
  @TempDir Path folder;

  private static PintClient.Builder client(TlsFault.Server server) {
    return PintClient.builder().baseUrl(server.baseUrl()).caCertificates(server.caPem()).maxRetries(0);
  }

  @ParameterizedTest
  @EnumSource(TlsFault.class)
  void servers_certificate(TlsFault fault, TestReporter reporter) {
    try (TlsFault.Server server = fault.start(folder, ServiceFault.SERVERS);
        PintClient client = client(server).build()) {
      if (!fault.fails()) {
        ServerList list = client.servers("google");
        Yields.publish(reporter, "accepted: " + list.servers().size() + " servers");
        assertEquals(2, list.servers().size());
        return;
      }
      ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
          () -> client.servers("google"));
      Yields.publish(reporter, "ServiceUnavailableException: " + e.getMessage());

      String hostAndPort = server.baseUrl().substring("https://".length());
      assertTrue(e.getMessage().startsWith(fault.messagePrefix(hostAndPort)), e.getMessage());
      assertTrue(e.getMessage().endsWith(TlsFault.messageSuffix()), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(value = TlsFault.class, names = "TRUSTED", mode = EnumSource.Mode.EXCLUDE)
  void servers_certificateFailureAbsorbedByCache(TlsFault fault, TestReporter reporter) {
    Path entries = folder.resolve("cache");
    try (TlsFault.Server server = fault.start(folder, ServiceFault.SERVERS)) {
      new DiskCache(entries).write(new CacheEntry(URI.create(server.baseUrl() + ServiceFault.PATH),
          Instant.now().minus(Duration.ofDays(2)), null, null,
          ServiceFault.SERVERS.getBytes(StandardCharsets.UTF_8)));

      try (PintClient client = client(server).cacheDirectory(entries).build()) {
        ServerList list = client.servers("google");
        Yields.publish(reporter, "absorbed: the cached list of " + list.servers().size()
            + " servers, which was verified when it was fetched");

        assertEquals(2, list.servers().size());
      }
    }
  }
}
