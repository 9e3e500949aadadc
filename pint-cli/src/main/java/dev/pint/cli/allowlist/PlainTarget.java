package dev.pint.cli.allowlist;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every value of the allowlist, one per line as {@code kind<TAB>value}, for scripts that {@code
 * awk} or {@code cut} what they need. The kinds are {@code metadata}, {@code port}, {@code name},
 * {@code region-server} and {@code update-server}; an update server has a third column with its
 * regions, comma-separated, so an address listed under several regions has one line.
 */
public final class PlainTarget implements AllowlistTarget {
  @Override
  public String name() {
    return "plain";
  }

  @Override
  public String description() {
    return "tab-separated lines: kind, value and, for update servers, the region";
  }

  @Override
  public List<GeneratedFile> render(Allowlist allowlist) {
    StringBuilder text = new StringBuilder(Header.comment(allowlist, name(), "# "));
    text.append("metadata\t").append(IpAddresses.text(allowlist.metadataAddress())).append('\n');
    for (int port : allowlist.ports()) {
      text.append("port\t").append(port).append('\n');
    }
    for (String name : allowlist.names()) {
      text.append("name\t").append(name).append('\n');
    }
    for (IPAddress address : allowlist.regionServers()) {
      text.append("region-server\t").append(IpAddresses.text(address)).append('\n');
    }
    Map<IPAddress, List<String>> regions = regionsByAddress(allowlist);
    for (IPAddress address : allowlist.updateServerAddresses()) {
      text.append("update-server\t").append(IpAddresses.text(address)).append('\t')
          .append(String.join(",", regions.get(address))).append('\n');
    }
    return List.of(new GeneratedFile("pint-" + allowlist.provider() + ".txt", text.toString()));
  }

  private static Map<IPAddress, List<String>> regionsByAddress(Allowlist allowlist) {
    Map<IPAddress, List<String>> regions = new TreeMap<>(IpAddresses.ORDER);
    for (Map.Entry<String, List<IPAddress>> entry : allowlist.updateServers().entrySet()) {
      for (IPAddress address : entry.getValue()) {
        regions.computeIfAbsent(address, a -> new ArrayList<>()).add(entry.getKey());
      }
    }
    return regions;
  }
}
