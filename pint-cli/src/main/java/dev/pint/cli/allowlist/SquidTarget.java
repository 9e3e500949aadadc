package dev.pint.cli.allowlist;

import inet.ipaddr.IPAddress;
import java.util.List;

/**
 * A Squid configuration fragment that lets instances reach the update infrastructure through the
 * proxy and keeps Squid from intercepting its TLS: {@code dst}, {@code dstdomain} and {@code
 * ssl::server_name} ACLs, {@code ssl_bump splice} rules for the addresses and the names, and
 * {@code http_access allow} rules for {@code CONNECT} to port 443 (and for plain HTTP to port 80
 * when the allowlist has it).
 *
 * <p>Each ACL value is on its own line (Squid adds up the lines of one ACL), which keeps lines
 * short and diffs small. ACLs of no value are left out with their rules. The metadata address is
 * left out: a proxy must never fetch it for a client.
 */
public final class SquidTarget implements AllowlistTarget {
  @Override
  public String name() {
    return "squid";
  }

  @Override
  public String description() {
    return "Squid ACLs, ssl_bump splice and http_access allow rules";
  }

  @Override
  public List<GeneratedFile> render(Allowlist allowlist) {
    return List.of(new GeneratedFile("pint-" + allowlist.provider() + ".squid.conf", fragment(allowlist)));
  }

  /** Returns the configuration fragment, header included. */
  public static String fragment(Allowlist allowlist) {
    String prefix = Identifiers.lowerWithUnderscores(allowlist.provider());
    String addresses = prefix + "_addresses";
    String domains = prefix + "_domains";
    String serverNames = prefix + "_server_names";
    String connect = prefix + "_connect";
    String httpsPort = prefix + "_https_port";
    String httpPort = prefix + "_http_port";
    boolean hasAddresses = !allowlist.addresses().isEmpty();
    boolean hasNames = !allowlist.names().isEmpty();
    boolean plainHttp = allowlist.ports().contains(Allowlist.HTTP_PORT);

    StringBuilder text = new StringBuilder(Header.comment(allowlist, "squid", "# "));
    text.append("# Include this file before any ssl_bump bump, stare or terminate rule and before\n");
    text.append("# 'http_access deny all'.\n");
    for (IPAddress address : allowlist.addresses()) {
      text.append("acl ").append(addresses).append(" dst ").append(IpAddresses.text(address)).append('\n');
    }
    for (String name : allowlist.names()) {
      text.append("acl ").append(domains).append(" dstdomain ").append(name).append('\n');
    }
    for (String name : allowlist.names()) {
      text.append("acl ").append(serverNames).append(" ssl::server_name ").append(name).append('\n');
    }
    text.append("acl ").append(connect).append(" method CONNECT\n");
    text.append("acl ").append(httpsPort).append(" port ").append(Allowlist.HTTPS_PORT).append('\n');
    if (plainHttp) {
      text.append("acl ").append(httpPort).append(" port ").append(Allowlist.HTTP_PORT).append('\n');
    }

    if (hasAddresses) {
      text.append("ssl_bump splice ").append(addresses).append('\n');
    }
    if (hasNames) {
      text.append("ssl_bump splice ").append(serverNames).append('\n');
    }
    if (hasAddresses) {
      text.append("http_access allow ").append(connect).append(' ').append(httpsPort).append(' ')
          .append(addresses).append('\n');
    }
    if (hasNames) {
      text.append("http_access allow ").append(connect).append(' ').append(httpsPort).append(' ')
          .append(domains).append('\n');
    }
    if (plainHttp && hasAddresses) {
      text.append("http_access allow !").append(connect).append(' ').append(httpPort).append(' ')
          .append(addresses).append('\n');
    }
    if (plainHttp && hasNames) {
      text.append("http_access allow !").append(connect).append(' ').append(httpPort).append(' ')
          .append(domains).append('\n');
    }
    return text.toString();
  }
}
