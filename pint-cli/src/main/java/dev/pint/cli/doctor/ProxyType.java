package dev.pint.cli.doctor;

/** A TLS-inspecting proxy whose exemption syntax {@code pint doctor} can write. */
public enum ProxyType {
  /** mitmproxy's {@code ignore_hosts} patterns. */
  MITMPROXY("mitmproxy"),
  /** Squid's {@code ssl_bump splice} rules. */
  SQUID("squid");

  private final String allowlistTarget;

  ProxyType(String allowlistTarget) {
    this.allowlistTarget = allowlistTarget;
  }

  /** Returns the name of the allowlist target that writes this proxy's exemption. */
  String allowlistTarget() {
    return allowlistTarget;
  }
}
