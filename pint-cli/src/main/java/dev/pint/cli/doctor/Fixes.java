package dev.pint.cli.doctor;

import dev.pint.PintClient;
import dev.pint.cli.UnrepresentableDataException;
import dev.pint.cli.allowlist.Allowlist;
import dev.pint.cli.allowlist.Framework;
import dev.pint.cli.allowlist.HostsTarget;
import dev.pint.cli.allowlist.IpAddresses;
import dev.pint.cli.allowlist.MitmproxyTarget;
import dev.pint.cli.allowlist.NoProxyTarget;
import dev.pint.cli.allowlist.SquidTarget;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes the fix lines of the report with the allowlist generators, so that {@code pint doctor}
 * prints exactly what {@code pint <provider> allowlist} would: the {@code NO_PROXY} line, the
 * {@code /etc/hosts} lines and the TLS-inspection exemptions for mitmproxy and Squid.
 */
final class Fixes {
  private final @Nullable String provider;
  private final @Nullable String region;
  private final List<InetAddress> regionServers;
  private final List<InetAddress> updateServers;
  private final @Nullable String updateServerName;
  private final boolean httpPort;
  private final URI source;
  private final Instant fetchedAt;

  /**
   * @param regionServers the region servers of the configuration that are IP addresses
   * @param updateServers the update servers of the instance's region
   * @param updateServerName the update server name, such as {@code smt-ec2.susecloud.net}
   * @param httpPort whether the instance also uses port 80
   * @param source the server list the addresses come from, for the generators' headers
   */
  Fixes(@Nullable String provider, @Nullable String region, List<InetAddress> regionServers,
      List<InetAddress> updateServers, @Nullable String updateServerName, boolean httpPort, URI source,
      Instant fetchedAt) {
    this.provider = provider;
    this.region = region;
    this.regionServers = List.copyOf(regionServers);
    this.updateServers = List.copyOf(updateServers);
    this.updateServerName = updateServerName;
    this.httpPort = httpPort;
    this.source = source;
    this.fetchedAt = fetchedAt;
  }

  /**
   * Returns the lines that exempt the metadata address, the update server names and every
   * server address from {@code proxy}, keeping the {@code no_proxy} entries already set.
   */
  List<String> noProxy(ProxySettings proxy) {
    Allowlist allowlist;
    try {
      allowlist = allowlist(regionServers, updateServers);
    } catch (UnrepresentableDataException e) {
      return List.of("exempt " + InstanceMetadata.LINK_LOCAL_HOST + " from the proxy with NO_PROXY (" + e.getMessage() + ")");
    }
    Set<String> entries = new LinkedHashSet<>(List.of(NoProxyTarget.value(allowlist).split(",")));
    List<String> keptEntries = new ArrayList<>();
    for (String existing : proxy.noProxy()) {
      if (entries.add(existing)) {
        keptEntries.add(existing);
      }
    }
    String value = keptEntries.isEmpty() ? NoProxyTarget.value(allowlist)
        : NoProxyTarget.value(allowlist) + "," + Printable.of(String.join(",", keptEntries));
    if (proxy.source() == ProxySettings.Source.SYSCONFIG) {
      String line = keptEntries.isEmpty() ? NoProxyTarget.sysconfigLine(allowlist) : "NO_PROXY=\"" + value + "\"";
      return List.of("in " + ProxySettings.SYSCONFIG_PATH + " set:", line);
    }
    return List.of("in the registration client's environment set:", "export no_proxy=\"" + value + "\"",
        "export NO_PROXY=\"" + value + "\"");
  }

  /** Returns the {@code /etc/hosts} lines that point the update server names to {@code address}. */
  List<String> hostsLines(InetAddress address) {
    try {
      Allowlist allowlist = allowlist(List.of(), List.of(address));
      return HostsTarget.lines(IpAddresses.fromInetAddress(address), allowlist.names());
    } catch (UnrepresentableDataException | IllegalArgumentException e) {
      return List.of("cannot write the hosts line: " + e.getMessage());
    }
  }

  /**
   * Returns the lines that exempt {@code addresses} (canonical text), and the update server names
   * when any of them is an update server, from TLS inspection by a proxy of {@code type}.
   */
  List<String> exemption(@Nullable ProxyType type, List<String> addresses) {
    List<InetAddress> affectedRegionServers = new ArrayList<>();
    List<InetAddress> affectedUpdateServers = new ArrayList<>();
    for (String text : addresses) {
      for (InetAddress address : regionServers) {
        if (IpAddresses.fromInetAddress(address).toCanonicalString().equals(text)) {
          affectedRegionServers.add(address);
        }
      }
      for (InetAddress address : updateServers) {
        if (IpAddresses.fromInetAddress(address).toCanonicalString().equals(text)) {
          affectedUpdateServers.add(address);
        }
      }
    }

    Allowlist allowlist;
    try {
      allowlist = allowlist(affectedRegionServers, affectedUpdateServers);
    } catch (UnrepresentableDataException e) {
      return List.of("exempt " + String.join(", ", addresses) + " from TLS inspection (" + e.getMessage() + ")");
    }
    if (type == null) {
      List<String> exempt = new ArrayList<>(allowlist.names());
      for (var address : allowlist.addresses()) {
        exempt.add(IpAddresses.text(address));
      }
      return List.of("exempt " + String.join(", ", exempt) + " from TLS inspection in the proxy;"
          + " run again with --proxy-type mitmproxy or --proxy-type squid for the lines to add");
    }
    List<String> fix = new ArrayList<>();
    switch (type) {
      case MITMPROXY -> {
        fix.add("add to mitmproxy's config.yaml (or pass each pattern with --ignore-hosts):");
        fix.addAll(withoutComments(MitmproxyTarget.configFragment(allowlist)));
      }
      case SQUID -> {
        fix.add("add to squid.conf before any ssl_bump bump rule and before 'http_access deny all':");
        fix.addAll(withoutComments(SquidTarget.fragment(allowlist)));
      }
    }
    return fix;
  }

  /** Builds the allowlist of the given servers, with the update server names when there are update servers. */
  private Allowlist allowlist(List<InetAddress> regionServerAddresses, List<InetAddress> updateServerAddresses) {
    Allowlist.Builder builder = Allowlist.builder(provider == null ? "unknown" : provider, source, fetchedAt,
        PintClient.version());
    String regionName = region == null ? "unknown" : region;
    builder.region(regionName);
    if (httpPort) {
      builder.withHttpPort();
    }
    for (InetAddress address : regionServerAddresses) {
      builder.addRegionServer(IpAddresses.fromInetAddress(address));
    }
    for (InetAddress address : updateServerAddresses) {
      builder.addUpdateServer(regionName, IpAddresses.fromInetAddress(address));
    }
    String name = updateServerName;
    if (name != null && (!updateServerAddresses.isEmpty() || regionServerAddresses.isEmpty())) {
      builder.addName(name);
      Framework.registryNameFor(name).ifPresent(builder::addName);
    }
    return builder.build();
  }

  private static List<String> withoutComments(String content) {
    List<String> lines = new ArrayList<>();
    for (String line : content.split("\n")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
