package dev.pint.cli.allowlist;

import dev.pint.Server;
import dev.pint.ServerList;
import dev.pint.ServerType;
import dev.pint.cli.Quoting;
import dev.pint.cli.UnrepresentableDataException;
import inet.ipaddr.IPAddress;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link Allowlist} from the service's server lists, parsing every address a second
 * time and checking every name, so that nothing the service sends reaches a generated file
 * unchecked.
 */
public final class AllowlistAssembler {
  private AllowlistAssembler() {}

  /**
   * Builds the allowlist for the regions of {@code updateServers}.
   *
   * @param allServers every server of the provider, for its region servers
   * @param updateServers the update servers of the requested regions; its {@link
   *     ServerList#regions()} are the regions the allowlist is for
   * @param httpPort whether instances also use port 80
   * @param toolVersion the version of pint, for the header
   * @throws UnrepresentableDataException when an address, name or region is unsafe to print
   */
  public static Allowlist assemble(ServerList allServers, ServerList updateServers, boolean httpPort,
      String toolVersion) {
    Allowlist.Builder builder = Allowlist.builder(allServers.provider(), allServers.source(),
        allServers.fetchedAt(), toolVersion);
    for (String region : updateServers.regions()) {
      builder.region(region);
    }
    if (httpPort) {
      builder.withHttpPort();
    }

    for (Server server : allServers.servers()) {
      if (server.type().kind() == ServerType.Kind.REGION_SERVER) {
        for (IPAddress address : addresses(server)) {
          builder.addRegionServer(address);
        }
      }
    }
    for (Server server : updateServers.servers()) {
      if (server.type().kind() != ServerType.Kind.UPDATE_SERVER) {
        continue;
      }
      for (IPAddress address : addresses(server)) {
        builder.addUpdateServer(server.region(), address);
      }
      if (!server.hostname().isEmpty()) {
        String name = server.hostname().toLowerCase(Locale.ROOT);
        if (!Hostnames.isValid(name)) {
          throw new UnrepresentableDataException("unsafe data in the server list, region "
              + Quoting.quote(server.region()) + ": 'name' " + Quoting.quote(server.hostname())
              + " is not a valid host name; nothing was written");
        }
        builder.addName(name);
        Framework.registryNameFor(name).ifPresent(builder::addName);
      }
    }

    Optional<Framework> framework = Framework.forProvider(allServers.provider());
    if (framework.isPresent()) {
      builder.addName(framework.get().updateServerName()).addName(framework.get().registryName());
    }
    return builder.build();
  }

  /**
   * Returns what instances would miss with the allowlist, empty when nothing: the provider must
   * list region servers, and every region of the allowlist update servers.
   */
  public static List<String> gaps(Allowlist allowlist) {
    List<String> gaps = new ArrayList<>();
    if (allowlist.regionServers().isEmpty()) {
      gaps.add("the service lists no region servers for " + allowlist.provider()
          + ", so instances could not register");
    }
    List<String> regionsWithout = new ArrayList<>();
    for (String region : allowlist.regions()) {
      List<IPAddress> servers = allowlist.updateServers().get(region);
      if (servers == null || servers.isEmpty()) {
        regionsWithout.add("'" + region + "'");
      }
    }
    if (!regionsWithout.isEmpty()) {
      gaps.add("the service lists no update servers for region" + (regionsWithout.size() > 1 ? "s " : " ")
          + String.join(", ", regionsWithout) + " (a region may be served from another one)");
    }
    return gaps;
  }

  /**
   * Returns the server's addresses, each parsed again from the text the service sent with the
   * strict parser and checked against the address {@code pint-core} parsed.
   */
  private static List<IPAddress> addresses(Server server) {
    List<IPAddress> addresses = new ArrayList<>(2);
    if (server.ipv4() != null) {
      addresses.add(reparse(server, "ip", server.ipv4(), "/32"));
    }
    if (server.ipv6() != null) {
      addresses.add(reparse(server, "ipv6", server.ipv6(), "/128"));
    }
    return addresses;
  }

  private static IPAddress reparse(Server server, String field, InetAddress parsed, String hostPrefix) {
    @Nullable Object raw = server.fields().get(field);
    String text = raw instanceof String string ? string : parsed.getHostAddress();
    if (text.endsWith(hostPrefix)) {
      text = text.substring(0, text.length() - hostPrefix.length());
    }
    String literal = text;
    IPAddress address = IpAddresses.parse(text).orElseThrow(() -> new UnrepresentableDataException(
        "unsafe data in the server list, region " + Quoting.quote(server.region()) + ": '" + field + "' "
            + Quoting.quote(literal) + " is not a plain IP address; nothing was written"));
    if (!address.toInetAddress().equals(parsed)) {
      throw new UnrepresentableDataException("unsafe data in the server list, region "
          + Quoting.quote(server.region())
          + ": '" + field + "' " + Quoting.quote(literal) + " parses to two different addresses;"
          + " nothing was written");
    }
    return address;
  }
}
