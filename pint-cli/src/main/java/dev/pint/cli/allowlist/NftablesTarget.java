package dev.pint.cli.allowlist;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * An nftables script with a table of its own ({@code inet pint_<provider>}): sets of the IPv4
 * and IPv6 addresses and an output chain that accepts TCP to them on the allowlist's ports, and
 * to the metadata address on port 80.
 *
 * <p>The script declares the table, deletes it and defines it again, all in the one transaction
 * of {@code nft -f}, so loading it again replaces the rules instead of adding a second copy.
 * An accept verdict ends evaluation in this table only: a drop rule in another table's output
 * chain still drops the packet, so an egress lockdown belongs in this chain, after these rules.
 */
public final class NftablesTarget implements AllowlistTarget {
  @Override
  public String name() {
    return "nftables";
  }

  @Override
  public String description() {
    return "nftables table with address sets and an output chain, for nft -f";
  }

  @Override
  public List<GeneratedFile> render(Allowlist allowlist) {
    String table = "inet " + Identifiers.lowerWithUnderscores(allowlist.provider());
    String ports = ports(allowlist.ports());
    List<IPAddress> ipv4 = allowlist.ipv4Addresses();
    List<IPAddress> ipv6 = allowlist.ipv6Addresses();

    StringBuilder text = new StringBuilder(Header.comment(allowlist, name(), "# "));
    text.append("# Load with: nft -f FILE (loading it again replaces the table's rules).\n");
    text.append("table ").append(table).append('\n');
    text.append("delete table ").append(table).append('\n');
    text.append("table ").append(table).append(" {\n");
    appendSet(text, "ipv4_addresses", "ipv4_addr", ipv4);
    appendSet(text, "ipv6_addresses", "ipv6_addr", ipv6);
    text.append("\tchain output {\n");
    text.append("\t\ttype filter hook output priority filter; policy accept;\n");
    text.append("\t\tip daddr ").append(IpAddresses.text(allowlist.metadataAddress()))
        .append(" tcp dport ").append(Allowlist.HTTP_PORT).append(" accept\n");
    text.append("\t\tip daddr @ipv4_addresses tcp dport ").append(ports).append(" accept\n");
    text.append("\t\tip6 daddr @ipv6_addresses tcp dport ").append(ports).append(" accept\n");
    text.append("\t}\n");
    text.append("}\n");
    return List.of(new GeneratedFile("pint-" + allowlist.provider() + ".nft", text.toString()));
  }

  private static void appendSet(StringBuilder text, String name, String type, List<IPAddress> addresses) {
    text.append("\tset ").append(name).append(" {\n");
    text.append("\t\ttype ").append(type).append('\n');
    if (!addresses.isEmpty()) {
      text.append("\t\telements = {\n");
      for (IPAddress address : addresses) {
        text.append("\t\t\t").append(IpAddresses.text(address)).append(",\n");
      }
      text.append("\t\t}\n");
    }
    text.append("\t}\n");
  }

  private static String ports(List<Integer> ports) {
    List<String> texts = new ArrayList<>();
    for (int port : ports) {
      texts.add(String.valueOf(port));
    }
    return "{ " + String.join(", ", texts) + " }";
  }
}
