package dev.pint.cli.allowlist;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code NO_PROXY} value, and the {@code /etc/sysconfig/proxy} line that sets it, so that the
 * metadata address, the update-infrastructure names and every address bypass an HTTP proxy.
 *
 * <p>The value is comma-separated: the metadata address, the names, then the addresses, IPv6
 * without brackets (curl, wget, Go and Python's {@code urllib} compare the host without them).
 */
public final class NoProxyTarget implements AllowlistTarget {
  @Override
  public String name() {
    return "no-proxy";
  }

  @Override
  public String description() {
    return "NO_PROXY value and the /etc/sysconfig/proxy line";
  }

  @Override
  public List<GeneratedFile> render(Allowlist allowlist) {
    String text = Header.comment(allowlist, name(), "# ")
        + "# NO_PROXY value (also for no_proxy), for the environment of a process:\n"
        + value(allowlist) + "\n"
        + "# Line for /etc/sysconfig/proxy:\n"
        + sysconfigLine(allowlist) + "\n";
    return List.of(new GeneratedFile("pint-" + allowlist.provider() + ".no-proxy", text));
  }

  /** Returns the comma-separated {@code NO_PROXY} value, without quotes. */
  public static String value(Allowlist allowlist) {
    List<String> entries = new ArrayList<>();
    entries.add(IpAddresses.text(allowlist.metadataAddress()));
    entries.addAll(allowlist.names());
    for (IPAddress address : allowlist.addresses()) {
      entries.add(IpAddresses.text(address));
    }
    return String.join(",", entries);
  }

  /** Returns the {@code /etc/sysconfig/proxy} line, {@code NO_PROXY="..."}, without a line end. */
  public static String sysconfigLine(Allowlist allowlist) {
    return "NO_PROXY=\"" + value(allowlist) + "\"";
  }
}
