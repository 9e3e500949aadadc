package dev.pint.cli.allowlist;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code -Dhttp.nonProxyHosts} option for Java programs, as a launcher argument file ({@code
 * java @pint-amazon.java-options ...}), whose {@code #} lines are comments. The JDK applies the
 * same list to HTTPS. Entries are separated by {@code |}; IPv6 addresses are in brackets,
 * because the JDK compares them with the host of the URL, which keeps its brackets.
 */
public final class JavaTarget implements AllowlistTarget {
  @Override
  public String name() {
    return "java";
  }

  @Override
  public String description() {
    return "-Dhttp.nonProxyHosts option in a java @argument file";
  }

  @Override
  public List<GeneratedFile> render(Allowlist allowlist) {
    String text = Header.comment(allowlist, name(), "# ") + option(allowlist) + "\n";
    return List.of(new GeneratedFile("pint-" + allowlist.provider() + ".java-options", text));
  }

  /** Returns the option, {@code -Dhttp.nonProxyHosts=...}, without quotes or a line end. */
  public static String option(Allowlist allowlist) {
    return "-Dhttp.nonProxyHosts=" + nonProxyHosts(allowlist);
  }

  /** Returns the {@code |}-separated value of {@code http.nonProxyHosts}. */
  public static String nonProxyHosts(Allowlist allowlist) {
    List<String> entries = new ArrayList<>();
    entries.add(IpAddresses.text(allowlist.metadataAddress()));
    entries.addAll(allowlist.names());
    for (IPAddress address : allowlist.addresses()) {
      String text = IpAddresses.text(address);
      entries.add(address.isIPv6() ? "[" + text + "]" : text);
    }
    return String.join("|", entries);
  }
}
