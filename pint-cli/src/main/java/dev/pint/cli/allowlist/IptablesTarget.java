package dev.pint.cli.allowlist;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Files for {@code iptables-restore} and {@code ip6tables-restore} that fill a chain of their own
 * ({@code PINT-<PROVIDER>}) with one accept rule per address, plus {@code ipset restore} files
 * with the same addresses for rule sets that match sets instead.
 *
 * <p>With {@code --noflush}, restoring a file flushes only the chain it declares and refills it,
 * so loading it again replaces the rules. The jump from {@code OUTPUT} is left to the
 * administrator, once, because a restore file that appended it would add a copy on every load.
 */
public final class IptablesTarget implements AllowlistTarget {
  /** iptables chain names have at most 28 characters. */
  private static final int MAX_CHAIN_LENGTH = 28;
  /** ipset names have at most 31 characters; 3 are left for the family suffix. */
  private static final int MAX_SET_BASE_LENGTH = 28;

  @Override
  public String name() {
    return "iptables";
  }

  @Override
  public String description() {
    return "iptables-restore and ip6tables-restore files on a chain of their own, and ipset files";
  }

  @Override
  public List<GeneratedFile> render(Allowlist allowlist) {
    String base = "pint-" + allowlist.provider();
    return List.of(
        new GeneratedFile(base + ".iptables", restoreFile(allowlist, false)),
        new GeneratedFile(base + ".ip6tables", restoreFile(allowlist, true)),
        new GeneratedFile(base + ".ipset-v4", ipsetFile(allowlist, false)),
        new GeneratedFile(base + ".ipset-v6", ipsetFile(allowlist, true)));
  }

  /** Returns the chain name, such as {@code PINT-AMAZON}. */
  public static String chain(Allowlist allowlist) {
    return Identifiers.lowerWithHyphens(allowlist.provider(), MAX_CHAIN_LENGTH).toUpperCase(Locale.ROOT);
  }

  /** Returns the ipset name of one family, such as {@code pint-amazon-v4}. */
  public static String setName(Allowlist allowlist, boolean ipv6) {
    return Identifiers.lowerWithHyphens(allowlist.provider(), MAX_SET_BASE_LENGTH) + (ipv6 ? "-v6" : "-v4");
  }

  /** Returns the {@code iptables-restore} file, or the {@code ip6tables-restore} file when {@code ipv6}. */
  public static String restoreFile(Allowlist allowlist, boolean ipv6) {
    String command = ipv6 ? "ip6tables" : "iptables";
    String chain = chain(allowlist);
    String ports = portMatch(allowlist.ports());
    StringBuilder text = new StringBuilder(Header.comment(allowlist, name(ipv6), "# "));
    text.append("# Load with: ").append(command).append("-restore --noflush FILE\n");
    text.append("# then, once: ").append(command).append(" -A OUTPUT -j ").append(chain).append('\n');
    text.append("*filter\n");
    text.append(':').append(chain).append(" - [0:0]\n");
    if (!ipv6) {
      text.append("-A ").append(chain).append(" -d ").append(IpAddresses.text(allowlist.metadataAddress()))
          .append("/32 -p tcp -m tcp --dport ").append(Allowlist.HTTP_PORT).append(" -j ACCEPT\n");
    }
    for (IPAddress address : ipv6 ? allowlist.ipv6Addresses() : allowlist.ipv4Addresses()) {
      text.append("-A ").append(chain).append(" -d ").append(IpAddresses.text(address))
          .append(ipv6 ? "/128" : "/32").append(" -p tcp ").append(ports).append(" -j ACCEPT\n");
    }
    text.append("COMMIT\n");
    return text.toString();
  }

  /** Returns the {@code ipset restore} file of one family. */
  public static String ipsetFile(Allowlist allowlist, boolean ipv6) {
    String set = setName(allowlist, ipv6);
    String command = ipv6 ? "ip6tables" : "iptables";
    StringBuilder text = new StringBuilder(Header.comment(allowlist, "iptables (ipset)", "# "));
    text.append("# Load with: ipset restore < FILE (loading it again replaces the members)\n");
    text.append("# Match with: ").append(command).append(" -A OUTPUT -m set --match-set ").append(set)
        .append(" dst -p tcp ").append(portMatch(allowlist.ports())).append(" -j ACCEPT\n");
    text.append("create ").append(set).append(" hash:ip family ").append(ipv6 ? "inet6" : "inet")
        .append(" -exist\n");
    text.append("flush ").append(set).append('\n');
    for (IPAddress address : ipv6 ? allowlist.ipv6Addresses() : allowlist.ipv4Addresses()) {
      text.append("add ").append(set).append(' ').append(IpAddresses.text(address)).append('\n');
    }
    return text.toString();
  }

  private static String name(boolean ipv6) {
    return ipv6 ? "iptables (ip6tables-restore)" : "iptables (iptables-restore)";
  }

  private static String portMatch(List<Integer> ports) {
    if (ports.size() == 1) {
      return "-m tcp --dport " + ports.get(0);
    }
    List<String> texts = new ArrayList<>();
    for (int port : ports) {
      texts.add(String.valueOf(port));
    }
    return "-m multiport --dports " + String.join(",", texts);
  }
}
