package dev.pint.cli.allowlist;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * mitmproxy {@code ignore_hosts} patterns, which make mitmproxy pass the TLS connections of the
 * update infrastructure through without intercepting them, as repeated {@code --ignore-hosts}
 * arguments and as a {@code config.yaml} fragment.
 *
 * <p>mitmproxy searches each pattern in the server address and the TLS server name ({@code
 * re.search}, ignoring case, in mitmproxy 8.1), so every pattern is anchored with {@code ^} and
 * {@code $} and its dots are escaped; otherwise {@code 1.2.3.4} would also match {@code
 * 11.2.3.45}. IPv6 addresses are matched without brackets, and optional brackets are accepted.
 * The metadata address is left out: it must never be reached through a proxy at all.
 */
public final class MitmproxyTarget implements AllowlistTarget {
  @Override
  public String name() {
    return "mitmproxy";
  }

  @Override
  public String description() {
    return "mitmproxy ignore_hosts as --ignore-hosts arguments and a config.yaml fragment";
  }

  @Override
  public List<GeneratedFile> render(Allowlist allowlist) {
    return List.of(
        new GeneratedFile("pint-" + allowlist.provider() + ".mitmproxy-args", arguments(allowlist)),
        new GeneratedFile("pint-" + allowlist.provider() + ".mitmproxy.yaml", configFragment(allowlist)));
  }

  /** Returns the argument file: header, then one {@code --ignore-hosts '<pattern>'} per line. */
  public static String arguments(Allowlist allowlist) {
    StringBuilder text = new StringBuilder(Header.comment(allowlist, "mitmproxy", "# "));
    text.append("# Arguments for mitmproxy or mitmdump: grep -v '^#' FILE | xargs mitmdump\n");
    for (String pattern : patterns(allowlist)) {
      text.append("--ignore-hosts '").append(pattern).append("'\n");
    }
    return text.toString();
  }

  /** Returns the {@code config.yaml} fragment: header, then the {@code ignore_hosts} list. */
  public static String configFragment(Allowlist allowlist) {
    StringBuilder text = new StringBuilder(Header.comment(allowlist, "mitmproxy", "# "));
    text.append("# Fragment of ~/.mitmproxy/config.yaml\n");
    text.append("ignore_hosts:\n");
    for (String pattern : patterns(allowlist)) {
      // Single-quoted YAML keeps backslashes as they are.
      text.append("  - '").append(pattern).append("'\n");
    }
    return text.toString();
  }

  /** Returns the patterns: the names, then the addresses, each anchored. */
  public static List<String> patterns(Allowlist allowlist) {
    List<String> patterns = new ArrayList<>();
    for (String name : allowlist.names()) {
      patterns.add("^" + name.replace(".", "\\.") + "$");
    }
    for (IPAddress address : allowlist.addresses()) {
      patterns.add(pattern(address));
    }
    return patterns;
  }

  /** Returns the anchored pattern of one address, such as {@code ^192\.0\.2\.1$}. */
  public static String pattern(IPAddress address) {
    String text = IpAddresses.text(address);
    if (address.isIPv6()) {
      return "^\\[?" + text + "\\]?$";
    }
    return "^" + text.replace(".", "\\.") + "$";
  }
}
