package dev.pint.cli.doctor;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Placeholder until the allowlist generators are merged. */
final class Fixes {
  Fixes(@Nullable String provider, @Nullable String region, List<InetAddress> regionServers,
      List<InetAddress> updateServers, @Nullable String updateServerName, boolean httpPort, URI source,
      Instant fetchedAt) {}

  List<String> noProxy(ProxySettings proxy) {
    return List.of("PLACEHOLDER no-proxy");
  }

  List<String> hostsLines(InetAddress address) {
    return List.of("PLACEHOLDER hosts " + address.getHostAddress());
  }

  List<String> exemption(@Nullable ProxyType type, List<String> addresses) {
    return List.of("PLACEHOLDER exemption " + type + " " + addresses);
  }
}
