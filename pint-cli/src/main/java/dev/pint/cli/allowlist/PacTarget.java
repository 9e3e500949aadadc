package dev.pint.cli.allowlist;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A proxy auto-config file whose {@code FindProxyForURL} returns {@code DIRECT} for the metadata
 * address, the update-infrastructure names and the addresses, and {@code OTHER_HOSTS} for
 * everything else.
 *
 * <p>Hosts are compared as text after lower-casing and removing a trailing dot, so the file
 * never calls {@code dnsResolve} or {@code isInNet}, which would block on DNS. IPv6 addresses
 * are listed with and without brackets, because browsers differ in which form they pass.
 */
public final class PacTarget implements AllowlistTarget {
  @Override
  public String name() {
    return "pac";
  }

  @Override
  public String description() {
    return "proxy auto-config (PAC) file returning DIRECT for the allowlist";
  }

  @Override
  public List<GeneratedFile> render(Allowlist allowlist) {
    StringBuilder text = new StringBuilder(Header.comment(allowlist, name(), "// "));
    text.append("\n");
    text.append("// What every other URL gets; set it to your proxy, such as \"PROXY proxy.example.com:3128\".\n");
    text.append("var OTHER_HOSTS = \"DIRECT\";\n");
    text.append("\n");
    text.append("var PINT_DIRECT_HOSTS = {\n");
    List<String> hosts = hosts(allowlist);
    for (int i = 0; i < hosts.size(); i++) {
      text.append("  \"").append(hosts.get(i)).append("\": true").append(i + 1 < hosts.size() ? ",\n" : "\n");
    }
    text.append("};\n");
    text.append("\n");
    text.append("function isPintDirect(host) {\n");
    text.append("  var name = host.toLowerCase().replace(/\\.$/, \"\");\n");
    text.append("  return Object.prototype.hasOwnProperty.call(PINT_DIRECT_HOSTS, name);\n");
    text.append("}\n");
    text.append("\n");
    text.append("function FindProxyForURL(url, host) {\n");
    text.append("  if (isPintDirect(host)) {\n");
    text.append("    return \"DIRECT\";\n");
    text.append("  }\n");
    text.append("  return OTHER_HOSTS;\n");
    text.append("}\n");
    return List.of(new GeneratedFile("pint-" + allowlist.provider() + ".pac", text.toString()));
  }

  /** Returns the hosts that get {@code DIRECT}: the metadata address, the names, the addresses. */
  public static List<String> hosts(Allowlist allowlist) {
    List<String> hosts = new ArrayList<>();
    hosts.add(IpAddresses.text(allowlist.metadataAddress()));
    hosts.addAll(allowlist.names());
    for (IPAddress address : allowlist.addresses()) {
      String text = IpAddresses.text(address);
      hosts.add(text);
      if (address.isIPv6()) {
        hosts.add("[" + text + "]");
      }
    }
    return hosts;
  }
}
