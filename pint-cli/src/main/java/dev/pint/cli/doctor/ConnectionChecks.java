package dev.pint.cli.doctor;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the results of the TCP and TLS probes into checks: which servers failed, what that
 * means (interception, a firewall, a proxy refusing the tunnel, an incomplete registration) and
 * what to change.
 */
final class ConnectionChecks {
  private final DoctorSettings settings;
  private final @Nullable ProxySettings proxy;
  private final Fixes fixes;
  private final @Nullable String updateServerName;

  ConnectionChecks(DoctorSettings settings, @Nullable ProxySettings proxy, Fixes fixes,
      @Nullable String updateServerName) {
    this.settings = settings;
    this.proxy = proxy;
    this.fixes = fixes;
    this.updateServerName = updateServerName;
  }

  /** Connects to every server directly and reports each outcome. */
  Check reachability(List<Target> regionTargets, List<String> unresolved, List<Target> updateTargets) {
    String name = "reachability";
    List<Target> targets = new ArrayList<>(regionTargets);
    targets.addAll(updateTargets);
    if (targets.isEmpty() && unresolved.isEmpty()) {
      return Check.skipped(name, "skipped: no region server or update server is known");
    }

    List<Reachability.Result> results = Reachability.connectAll(targets, settings.timeout());
    List<String> details = new ArrayList<>();
    for (String entry : unresolved) {
      details.add("region server " + Printable.of(entry) + ": the name does not resolve");
    }
    Map<Reachability.Outcome, Integer> counts = new EnumMap<>(Reachability.Outcome.class);
    List<String> blocked = new ArrayList<>();
    boolean directFailure = !unresolved.isEmpty();
    for (Reachability.Result result : results) {
      counts.merge(result.outcome(), 1, Integer::sum);
      Optional<URI> via = proxyFor(result.target());
      String line = result.target() + ": " + result.outcome().description()
          + (result.detail().isEmpty() ? "" : " (" + Printable.of(result.detail()) + ")");
      if (result.outcome() != Reachability.Outcome.CONNECTED) {
        if (via.isPresent()) {
          line += "; the registration client goes through " + ProxySettings.redact(via.get()) + " instead";
        } else {
          directFailure = true;
          blocked.add(result.target().hostAndPort());
        }
      }
      details.add(line);
    }

    int failed = results.size() - counts.getOrDefault(Reachability.Outcome.CONNECTED, 0) + unresolved.size();
    if (failed == 0) {
      return Check.ok(name, "all " + results.size() + " connections succeeded", details);
    }
    List<String> outcomes = new ArrayList<>();
    counts.forEach((outcome, count) -> {
      if (outcome != Reachability.Outcome.CONNECTED) {
        outcomes.add(count + " " + outcome.description());
      }
    });
    if (!unresolved.isEmpty()) {
      outcomes.add(unresolved.size() + " not resolved");
    }
    String summary = failed + " of " + (results.size() + unresolved.size()) + " connections failed: "
        + String.join(", ", outcomes);
    List<String> fix = blocked.isEmpty() ? List.of()
        : List.of("allow outgoing TCP from this instance to " + String.join(", ", blocked)
            + " in its firewall, security group or network ACL");
    return new Check(name, directFailure ? Check.Status.PROBLEM : Check.Status.WARNING, summary, details, fix);
  }

  /** Performs a handshake with each region server, trusting only its pinned certificate. */
  Check regionServerTls(List<Target> targets, List<PinnedCertificates.Pinned> pinned) {
    String name = "tls-region-servers";
    if (targets.isEmpty()) {
      return Check.skipped(name, "skipped: no region server is known");
    }
    List<TlsProbe.Result> results = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Target target : targets) {
      Optional<X509Certificate> certificate = pinnedFor(target, pinned);
      if (certificate.isEmpty()) {
        skipped.add(target.hostAndPort() + ": no pinned certificate, so the registration client skips it");
        continue;
      }
      results.add(TlsProbe.probe(target, null, List.of(certificate.get()), proxyFor(target).orElse(null),
          settings.timeout()));
    }
    return tlsCheck(name, "region servers", results, skipped, "its pinned certificate");
  }

  /**
   * Performs a handshake with each update server on the HTTPS port, sending the update server
   * name and trusting only the SUSE certificates that registration installed.
   */
  Check updateServerTls(List<Target> targets, UpdateServerCertificates.Found anchors) {
    String name = "tls-update-servers";
    String serverName = updateServerName;
    List<Target> https = targets.stream().filter(t -> t.port() == settings.updateServerHttpsPort()).toList();
    if (https.isEmpty() || serverName == null) {
      return Check.skipped(name, "skipped: no update server is known");
    }
    List<TlsProbe.Result> results = new ArrayList<>();
    for (Target target : https) {
      results.add(TlsProbe.probe(target, serverName, anchors.certificates(), proxyFor(target).orElse(null),
          settings.timeout()));
    }
    List<String> notes = new ArrayList<>(anchors.unreadable());
    for (var file : anchors.files()) {
      notes.add("trusted: " + file);
    }
    if (anchors.certificates().isEmpty()) {
      List<String> details = new ArrayList<>(notes);
      details.addAll(describe(results));
      return new Check(name, Check.Status.PROBLEM,
          "no SUSE update server certificate (registration_server*) in "
              + UpdateServerCertificates.describeFolders(settings.root())
              + ": registration has not completed; this is not interception",
          details, List.of("registercloudguest --force-new"));
    }
    return tlsCheck(name, "update servers", results, notes, "the SUSE certificate installed by registration");
  }

  private Check tlsCheck(String name, String servers, List<TlsProbe.Result> results, List<String> notes,
      String trusted) {
    List<String> details = new ArrayList<>(notes);
    details.addAll(describe(results));
    if (results.isEmpty()) {
      return new Check(name, Check.Status.PROBLEM, "no " + servers + " can be checked", details, List.of());
    }

    List<TlsProbe.Result> intercepted = only(results, TlsProbe.Outcome.OTHER_ISSUER);
    List<TlsProbe.Result> refusedByProxy = only(results, TlsProbe.Outcome.PROXY_REFUSED);
    List<TlsProbe.Result> reset = only(results, TlsProbe.Outcome.RESET, TlsProbe.Outcome.CLOSED);
    List<TlsProbe.Result> notVerified = only(results, TlsProbe.Outcome.NOT_VERIFIED);
    List<TlsProbe.Result> proxyFailed = only(results, TlsProbe.Outcome.PROXY_FAILED);
    long trustedCount = results.stream().filter(r -> r.outcome() == TlsProbe.Outcome.TRUSTED).count();

    if (trustedCount == results.size()) {
      return Check.ok(name, "each of the " + results.size() + " " + servers + " presented " + trusted, details);
    }
    if (!refusedByProxy.isEmpty()) {
      TlsProbe.Result first = refusedByProxy.get(0);
      Optional<URI> via = proxyFor(first.target());
      String proxyName = via.map(ProxySettings::redact).orElse("the proxy");
      return new Check(name, Check.Status.PROBLEM, "proxy " + proxyName + " refused the tunnel to "
          + refusedByProxy.size() + " of " + results.size() + " " + servers + " with " + first.detail(),
          details, proxyRefusalFix(first.proxyStatus(), addresses(refusedByProxy)));
    }
    if (!proxyFailed.isEmpty()) {
      String proxyName = proxyFor(proxyFailed.get(0).target()).map(ProxySettings::redact).orElse("the proxy");
      String source = proxy == null ? "the proxy settings" : proxy.source().description();
      return new Check(name, Check.Status.PROBLEM, "the proxy " + proxyName + " failed for " + proxyFailed.size()
          + " of " + results.size() + " " + servers + ", so these servers cannot be checked through it", details,
          List.of("check that the proxy in " + source + " is right and running"));
    }
    if (!intercepted.isEmpty()) {
      TlsProbe.Result first = intercepted.get(0);
      String issuer = String.valueOf(first.leafIssuer());
      String top = String.valueOf(first.chainTop());
      return new Check(name, Check.Status.PROBLEM, "TLS interception: " + intercepted.size() + " of "
          + results.size() + " " + servers
          + " presented a certificate issued by " + Printable.of(issuer)
          + (top.equals(issuer) ? "" : " (chain up to " + Printable.of(top) + ")")
          + " instead of " + trusted,
          details, fixes.exemption(settings.proxyType(), addresses(intercepted)));
    }
    if (!reset.isEmpty()) {
      return new Check(name, Check.Status.PROBLEM, "the connection to " + reset.size() + " of "
          + results.size() + " " + servers
          + " was reset or closed during the TLS handshake: a firewall or network device ends it;"
          + " this is not TLS interception", details,
          List.of("allow TLS on port " + reset.get(0).target().port() + " to " + String.join(", ", addresses(reset))
              + " in the firewall or network device between the instance and these servers"));
    }
    if (!notVerified.isEmpty()) {
      return new Check(name, Check.Status.PROBLEM, notVerified.size() + " of " + results.size() + " " + servers
          + " presented a certificate from the expected issuer that does not verify against " + trusted,
          details, List.of(servers.startsWith("region")
              ? "update the package that ships the region server certificates: zypper update cloud-regionsrv-client"
              : "registercloudguest --force-new"));
    }
    return new Check(name, Check.Status.PROBLEM, (results.size() - trustedCount) + " of " + results.size()
        + " " + servers + " could not be checked; see the reachability check", details, List.of());
  }

  private List<String> proxyRefusalFix(int status, List<String> addresses) {
    String source = proxy == null ? "the proxy settings" : proxy.source().description();
    if (status == 407) {
      return List.of("give the proxy credentials in the proxy URL, as http://USER:PASSWORD@HOST:PORT, in " + source);
    }
    List<String> fix = new ArrayList<>();
    fix.add("ask the proxy team to allow CONNECT to " + String.join(", ", addresses));
    if (settings.proxyType() != null) {
      fix.addAll(fixes.exemption(settings.proxyType(), addresses));
    }
    return fix;
  }

  private static List<String> describe(List<TlsProbe.Result> results) {
    List<String> lines = new ArrayList<>();
    for (TlsProbe.Result result : results) {
      StringBuilder line = new StringBuilder(result.target().hostAndPort()).append(": ");
      switch (result.outcome()) {
        case TRUSTED -> line.append("trusted certificate ").append(Printable.of(String.valueOf(result.leafSubject())));
        case OTHER_ISSUER, NOT_VERIFIED, NO_TRUST_ANCHOR -> line.append("certificate ")
            .append(Printable.of(String.valueOf(result.leafSubject()))).append(" issued by ")
            .append(Printable.of(String.valueOf(result.leafIssuer())))
            .append(result.outcome() == TlsProbe.Outcome.NO_TRUST_ANCHOR ? " (nothing to verify it against)"
                : result.outcome() == TlsProbe.Outcome.OTHER_ISSUER ? " (not trusted)" : " (does not verify)");
        case RESET -> line.append("reset during the handshake");
        case CLOSED -> line.append("closed by the server during the handshake");
        case TIMED_OUT -> line.append("timed out");
        case REFUSED -> line.append("connection refused");
        case PROXY_REFUSED -> line.append("the proxy refused the tunnel with ").append(result.detail());
        case PROXY_FAILED -> line.append("proxy failed: ").append(result.detail());
        case NOT_TLS -> line.append("the server does not speak TLS on this port");
        case FAILED -> line.append("failed: ").append(result.detail());
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static List<TlsProbe.Result> only(List<TlsProbe.Result> results, TlsProbe.Outcome... outcomes) {
    Set<TlsProbe.Outcome> wanted = Set.of(outcomes);
    return results.stream().filter(r -> wanted.contains(r.outcome())).toList();
  }

  private static List<String> addresses(List<TlsProbe.Result> results) {
    Set<String> addresses = new LinkedHashSet<>();
    for (TlsProbe.Result result : results) {
      addresses.add(result.target().host());
    }
    return List.copyOf(addresses);
  }

  /**
   * Returns the proxy the registration client uses for {@code target}: region servers are
   * requested by address, update servers by name, so {@code no_proxy} is matched against that.
   */
  private Optional<URI> proxyFor(Target target) {
    if (proxy == null) {
      return Optional.empty();
    }
    boolean http = target.role().equals("update server") && target.port() == settings.updateServerHttpPort()
        && target.port() != settings.updateServerHttpsPort();
    String host = target.role().equals("update server") && !target.name().isEmpty() ? target.name() : target.host();
    return proxy.proxyFor(http ? "http" : "https", host);
  }

  private static Optional<X509Certificate> pinnedFor(Target target, List<PinnedCertificates.Pinned> pinned) {
    for (PinnedCertificates.Pinned certificate : pinned) {
      if (certificate.entry().equals(target.name()) && certificate.certificate() != null) {
        return Optional.of(certificate.certificate());
      }
    }
    return Optional.empty();
  }
}
