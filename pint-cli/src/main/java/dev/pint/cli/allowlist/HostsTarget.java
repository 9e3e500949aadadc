package dev.pint.cli.allowlist;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code /etc/hosts} lines for the update servers, in the registration client's layout: address,
 * full name and short name separated by tabs, one line per name, the update-server name before
 * the registry name.
 *
 * <p>The names resolve only through these lines, and the resolver uses the first line of a name,
 * so an instance needs the lines of exactly one update server of its own region. Each region gets
 * a file of its own: the lines of its first update server, then those of the others commented
 * out as alternatives.
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
    List<GeneratedFile> files = new ArrayList<>();
    boolean single = allowlist.updateServers().size() == 1;
    for (Map.Entry<String, List<IPAddress>> region : allowlist.updateServers().entrySet()) {
      StringBuilder text = new StringBuilder(Header.comment(allowlist, name(), "# "));
      text.append("# lines for instances in ").append(region.getKey()).append('\n');
      List<IPAddress> addresses = region.getValue();
      for (int i = 0; i < addresses.size(); i++) {
        if (i == 1) {
          text.append("# other update servers of ").append(region.getKey())
              .append(", to use in place of the lines above:\n");
        }
        for (String line : lines(addresses.get(i), allowlist.names())) {
          text.append(i == 0 ? "" : "#").append(line).append('\n');
        }
      }
      String fileName = single
          ? "pint-" + allowlist.provider() + ".hosts"
          : "pint-" + allowlist.provider() + "-" + fileNamePart(region.getKey()) + ".hosts";
      files.add(new GeneratedFile(fileName, text.toString()));
    }
    return files;
  }

  /** Makes a region name safe in a file name: {@code Germany Central} becomes {@code Germany-Central}. */
  private static String fileNamePart(String region) {
    return region.replaceAll("[^A-Za-z0-9._-]", "-");
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
