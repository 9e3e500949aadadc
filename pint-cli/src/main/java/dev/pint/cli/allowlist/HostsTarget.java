package dev.pint.cli.allowlist;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /etc/hosts} lines for the update servers, in the registration client's layout: address,
 * full name and short name separated by tabs, one line per name, the update-server name before
 * the registry name.
 *
 * <p>The names resolve only through these lines. When several update servers are listed, the
 * resolver uses the first line of a name, so keep the lines of the one server an instance uses.
 */
public final class HostsTarget implements AllowlistTarget {
  /** Update-server names ({@code smt-...}) first, then the others, each group sorted. */
  private static final Comparator<String> NAME_ORDER =
      Comparator.comparing((String name) -> !name.startsWith("smt-")).thenComparing(Comparator.naturalOrder());

  @Override
  public String name() {
    return "hosts";
  }

  @Override
  public String description() {
    return "/etc/hosts lines for the update servers (address, full name, short name)";
  }

  @Override
  public List<GeneratedFile> render(Allowlist allowlist) {
    StringBuilder text = new StringBuilder(Header.comment(allowlist, name(), "# "));
    for (IPAddress address : allowlist.updateServerAddresses()) {
      for (String line : lines(address, allowlist.names())) {
        text.append(line).append('\n');
      }
    }
    return List.of(new GeneratedFile("pint-" + allowlist.provider() + ".hosts", text.toString()));
  }

  /**
   * Returns the hosts lines that map {@code names} to {@code address}, without line ends, such as
   * {@code "192.0.2.1\tsmt-ec2.susecloud.net\tsmt-ec2"}.
   */
  public static List<String> lines(IPAddress address, List<String> names) {
    List<String> ordered = new ArrayList<>(names);
    ordered.sort(NAME_ORDER);
    List<String> lines = new ArrayList<>();
    for (String name : ordered) {
      lines.add(IpAddresses.text(address) + "\t" + name + "\t" + Hostnames.shortName(name));
    }
    return lines;
  }
}
