package dev.pint.cli.doctor;

import dev.pint.PintClient;
import dev.pint.PintException;
import dev.pint.Server;
import dev.pint.ServerList;
import dev.pint.ServerQuery;
import dev.pint.ServerType;
import dev.pint.UnknownProviderException;
import dev.pint.UnknownRegionException;
import dev.pint.cli.allowlist.Framework;
import dev.pint.internal.IpLiterals;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Walks the registration path of an instance step by step and collects a {@link Check} for each
 * step. Later steps use what earlier ones found (the configuration, the region, the update
 * servers), and a step whose input is missing is reported as skipped. Nothing is written.
 *
 * <pre>{@code
 * Report report = Doctor.run(settings, PintClient.builder().baseUrl(url).build());
 * System.out.print(report.text());
 * }</pre>
 */
public final class Doctor {
  private final DoctorSettings settings;
  private final PintClient client;
  private final List<Check> checks = new ArrayList<>();

  private @Nullable RegistrationConfig config;
  private List<PinnedCertificates.Pinned> pinned = List.of();
  private @Nullable String provider;
  private @Nullable String region;
  private @Nullable ServerList updateServers;
  private @Nullable ServerList providerServers;
  private @Nullable String updateServerName;
  private @Nullable ProxySettings proxy;
  private @Nullable InetAddress hostsAddress;
  private final List<String> unresolvedRegionServers = new ArrayList<>();

  private Doctor(DoctorSettings settings, PintClient client) {
    this.settings = settings;
    this.client = client;
  }

  /** Runs every check and returns the report. Fetches from the service through {@code client}. */
  public static Report run(DoctorSettings settings, PintClient client) {
    Doctor doctor = new Doctor(settings, client);
    doctor.checkConfiguration();
    doctor.checkPinnedCertificates();
    doctor.checkRegion();
    doctor.checkUpdateServers();
    Fixes fixes = doctor.fixes();
    doctor.checkProxy(fixes);
    doctor.checkHosts(fixes);

    List<Target> regionTargets = doctor.regionServerTargets();
    List<Target> updateTargets = doctor.updateServerTargets();
    ConnectionChecks connections = new ConnectionChecks(settings, doctor.proxy, fixes,
        doctor.updateServerName);
    doctor.checks.add(connections.reachability(regionTargets, doctor.unresolvedRegionServers, updateTargets));
    doctor.checks.add(connections.regionServerTls(regionTargets, doctor.pinned));
    doctor.checks.add(connections.updateServerTls(updateTargets, UpdateServerCertificates.find(settings.root())));
    doctor.checkLog();
    return new Report(doctor.checks);
  }

  private Fixes fixes() {
    ServerList list = updateServers;
    return new Fixes(provider, region, regionServerAddresses(), updateServerAddresses(), updateServerName,
        config == null || !config.httpsOnly(),
        list != null ? list.source() : client.baseUrl(), list != null ? list.fetchedAt() : Instant.now());
  }

  private void checkConfiguration() {
    String name = "configuration";
    Optional<RegistrationConfig> read;
    try {
      read = RegistrationConfig.read(settings.root());
    } catch (RegistrationConfig.InvalidConfigException e) {
      checks.add(new Check(name, Check.Status.PROBLEM, e.getMessage(),
          List.of("the registration client stops when it cannot parse this file"),
          List.of("correct the line named above")));
      return;
    }
    if (read.isEmpty()) {
      Path file = Paths.under(settings.root(), RegistrationConfig.PATH);
      checks.add(new Check(name, Check.Status.PROBLEM,
          "no " + file + ": the registration client is not installed", List.of(),
          List.of("zypper install cloud-regionsrv-client")));
      return;
    }
    RegistrationConfig found = read.get();
    config = found;

    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> fix = new ArrayList<>();
    if (found.regionServers().isEmpty()) {
      problems.add("[server] regionsrv is missing or empty, so no region server is known");
    }
    if (found.regionServers().contains("")) {
      warnings.add("[server] regionsrv has an empty entry (a stray comma), which the registration"
          + " client tries as a server name");
    }
    if (found.certLocation() == null) {
      problems.add("[server] certLocation is missing, so no region server certificate can be found");
    }
    String httpsOnly = found.httpsOnlyValue();
    if (httpsOnly != null && !found.httpsOnly() && isTrueLike(httpsOnly)) {
      warnings.add("[instance] httpsOnly is " + Printable.quote(httpsOnly) + "; the registration client"
          + " accepts only exactly 'true', so it still uses HTTP on port 80");
      fix.add("in " + found.file() + " write: httpsOnly = true");
    }

    String summary = found.file() + ": " + found.regionServers().stream().filter(s -> !s.isEmpty()).count()
        + " region servers (" + Printable.of(String.join(", ", found.regionServers())) + "), certificates in "
        + (found.certLocation() == null ? "(not set)" : Printable.of(found.certLocation()))
        + ", " + (found.httpsOnly() ? "HTTPS only" : "HTTP and HTTPS");
    List<String> details = new ArrayList<>(problems);
    details.addAll(warnings);
    Check.Status status = !problems.isEmpty() ? Check.Status.PROBLEM
        : !warnings.isEmpty() ? Check.Status.WARNING : Check.Status.OK;
    if (!problems.isEmpty()) {
      summary = problems.get(0);
      fix.add("set regionsrv and certLocation under [server] in " + found.file()
          + ", or reinstall cloud-regionsrv-client and the provider's configuration package");
    }
    checks.add(new Check(name, status, summary, details, fix));
  }

  private static boolean isTrueLike(String value) {
    String lower = value.strip().toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("1");
  }

  private void checkPinnedCertificates() {
    String name = "certificates";
    RegistrationConfig found = config;
    if (found == null || found.certLocation() == null || found.regionServers().isEmpty()) {
      checks.add(Check.skipped(name, "skipped: the configuration names no region servers or certificate folder"));
      return;
    }
    pinned = PinnedCertificates.load(settings.root(), found);
    Path folder = Paths.under(settings.root(), found.certLocation());

    List<String> details = new ArrayList<>();
    int usable = 0;
    int expired = 0;
    for (PinnedCertificates.Pinned certificate : pinned) {
      X509Certificate x509 = certificate.certificate();
      if (x509 == null) {
        details.add(certificate.problem() + " (region server " + Printable.of(certificate.entry()) + ")");
        continue;
      }
      usable++;
      if (PinnedCertificates.expired(x509, Instant.now())) {
        expired++;
        details.add(certificate.file() + " expired on " + x509.getNotAfter().toInstant());
      } else {
        details.add(certificate.file() + ": " + x509.getSubjectX500Principal().getName()
            + ", valid until " + x509.getNotAfter().toInstant());
      }
    }

    int missing = pinned.size() - usable;
    if (missing == 0 && expired == 0) {
      checks.add(Check.ok(name, pinned.size() + " pinned region server certificates in " + folder, details));
      return;
    }
    Check.Status status = usable - expired > 0 ? Check.Status.WARNING : Check.Status.PROBLEM;
    String summary = missing > 0
        ? missing + " of " + pinned.size() + " region servers have no usable certificate in " + folder
            + "; the registration client skips those servers"
        : expired + " of " + pinned.size() + " pinned certificates have expired";
    checks.add(new Check(name, status, summary, details, List.of(
        "find the package that owns the folder with 'rpm -qf " + Printable.of(found.certLocation())
            + "' and reinstall it with 'zypper install -f PACKAGE'")));
  }

  private void checkRegion() {
    String name = "region";
    if (settings.region() != null) {
      provider = settings.provider();
      region = settings.region();
      checks.add(Check.ok(name, provider + " region " + Printable.of(region) + ", from --provider and --region",
          List.of()));
      return;
    }

    List<InstanceMetadata.Cloud> candidates = new ArrayList<>();
    String source;
    if (settings.provider() != null) {
      Optional<InstanceMetadata.Cloud> cloud = InstanceMetadata.Cloud.forProvider(settings.provider());
      if (cloud.isEmpty()) {
        checks.add(new Check(name, Check.Status.PROBLEM, "no metadata service is known for provider "
            + Printable.quote(settings.provider()), List.of(), List.of("give the region with --region")));
        return;
      }
      candidates.add(cloud.get());
      source = "--provider";
    } else {
      Optional<InstanceMetadata.Cloud> detected = InstanceMetadata.detect(settings.root());
      if (detected.isPresent()) {
        candidates.add(detected.get());
        source = "the DMI vendor data";
      } else {
        candidates.addAll(List.of(InstanceMetadata.Cloud.values()));
        source = "the first metadata service that answered";
      }
    }

    List<String> failures = new ArrayList<>();
    boolean proxied = false;
    for (InstanceMetadata.Cloud cloud : candidates) {
      try {
        InstanceMetadata.Answer answer = InstanceMetadata.lookUp(settings.metadataUrl(), cloud, settings.timeout());
        provider = cloud.provider();
        region = answer.region();
        checks.add(Check.ok(name, provider + " region " + region + ", from the metadata service at "
            + answer.url(), List.of("provider from " + source)));
        return;
      } catch (InstanceMetadata.MetadataException e) {
        failures.add(e.getMessage());
        proxied |= e.notRegionShaped();
      }
    }
    List<String> fix = new ArrayList<>();
    if (proxied) {
      fix.add("exempt the metadata address from the proxy, as the proxy check below shows");
    }
    fix.add("or give the provider and region with --provider and --region");
    checks.add(new Check(name, Check.Status.PROBLEM, proxied
        ? "the metadata service answered with something that is not a region name; a proxy answered in its place"
        : "the instance metadata service at " + settings.metadataUrl() + " did not give the region",
        failures, fix));
  }

  private void checkUpdateServers() {
    String name = "update-servers";
    String knownProvider = provider;
    String knownRegion = region;
    if (knownProvider == null || knownRegion == null) {
      checks.add(Check.skipped(name, "skipped: the region is not known"));
      return;
    }
    try {
      providerServers = client.servers(knownProvider);
      updateServers = client.servers(ServerQuery.of(knownProvider).withRegions(knownRegion)
          .withKind(ServerType.Kind.UPDATE_SERVER));
    } catch (UnknownProviderException | UnknownRegionException e) {
      checks.add(new Check(name, Check.Status.PROBLEM, e.getMessage(), List.of(),
          List.of("check the provider and region, then run again with --provider and --region")));
      return;
    } catch (PintException e) {
      checks.add(new Check(name, Check.Status.WARNING, "cannot fetch the update servers from "
          + client.baseUrl() + ": " + e.getMessage(),
          List.of("the hosts check cannot confirm the update server address without this list"),
          List.of("run again where the service is reachable, or give its address with --base-url")));
      return;
    }

    ServerList list = updateServers;
    region = list.regions().isEmpty() ? knownRegion : list.regions().get(0);
    updateServerName = hostname(list.servers(), knownProvider);
    if (list.servers().isEmpty()) {
      checks.add(new Check(name, Check.Status.PROBLEM, "the service lists no update servers for "
          + knownProvider + " region " + region, List.of("source: " + list.source()),
          List.of("instances in this region are served from another region; ask SUSE which one")));
      return;
    }
    List<String> addresses = new ArrayList<>();
    for (Server server : list.servers()) {
      for (InetAddress address : server.addresses()) {
        addresses.add(IpLiterals.toCanonical(address));
      }
    }
    checks.add(Check.ok(name, list.servers().size() + " update servers for " + knownProvider + " region "
        + region + ": " + String.join(", ", addresses),
        List.of("name: " + updateServerName, "source: " + list.source() + ", fetched " + list.fetchedAt())));
  }

  /** Returns the update servers' name from the list, else the one the provider's framework implies. */
  private static @Nullable String hostname(List<Server> servers, String provider) {
    for (Server server : servers) {
      if (!server.hostname().isEmpty()) {
        return server.hostname().toLowerCase(Locale.ROOT);
      }
    }
    return Framework.forProvider(provider).map(Framework::updateServerName).orElse(null);
  }

  private void checkProxy(Fixes fixes) {
    String name = "proxy";
    ProxySettings settingsFound;
    try {
      settingsFound = ProxySettings.read(settings.environment(), settings.root());
    } catch (ProxySettings.InvalidProxyException e) {
      checks.add(new Check(name, Check.Status.PROBLEM, e.getMessage(), List.of(),
          List.of("write the proxy as http://HOST:PORT")));
      return;
    }
    proxy = settingsFound;
    if (settingsFound.source() == ProxySettings.Source.NONE) {
      checks.add(Check.ok(name, "no proxy is configured; every connection goes directly",
          settingsFound.notes()));
      return;
    }

    List<String> details = new ArrayList<>();
    details.add("http: " + describe(settingsFound.httpProxy()) + ", https: " + describe(settingsFound.httpsProxy())
        + ", no_proxy: " + (settingsFound.noProxy().isEmpty() ? "(empty)" : Printable.of(String.join(",", settingsFound.noProxy()))));
    details.addAll(settingsFound.notes());

    List<String> proxied = new ArrayList<>();
    settingsFound.proxyFor("http", InstanceMetadata.LINK_LOCAL_HOST).ifPresent(via -> proxied.add(
        "requests to the metadata service " + InstanceMetadata.LINK_LOCAL_HOST + " would go through "
            + ProxySettings.redact(via)));
    String smtName = updateServerName;
    boolean httpsOnly = config != null && config.httpsOnly();
    if (smtName != null) {
      settingsFound.proxyFor("https", smtName).ifPresent(via -> proxied.add("HTTPS requests to " + smtName
          + " would go through " + ProxySettings.redact(via) + ", which cannot resolve that name: it exists"
          + " only in the instance's /etc/hosts"));
      if (!httpsOnly) {
        settingsFound.proxyFor("http", smtName).ifPresent(via -> proxied.add("HTTP requests to " + smtName
            + " would go through " + ProxySettings.redact(via)));
      }
    }
    if (proxied.size() > 1) {
      details.addAll(proxied.subList(1, proxied.size()));
    }

    String summary = "proxy from " + settingsFound.source().description() + ": https via "
        + describe(settingsFound.httpsProxy()) + ", http via " + describe(settingsFound.httpProxy());
    if (proxied.isEmpty()) {
      Check.Status status = settingsFound.notes().stream().anyMatch(n -> n.contains("double quotes"))
          ? Check.Status.WARNING : Check.Status.OK;
      checks.add(new Check(name, status, summary, details, List.of()));
      return;
    }
    checks.add(new Check(name, Check.Status.WARNING, proxied.get(0), details,
        fixes.noProxy(settingsFound)));
  }

  private static String describe(@Nullable URI proxy) {
    return proxy == null ? "(direct)" : ProxySettings.redact(proxy);
  }

  private void checkHosts(Fixes fixes) {
    String name = "hosts";
    String smtName = updateServerName;
    if (smtName == null) {
      checks.add(Check.skipped(name, "skipped: the update server name is not known"));
      return;
    }
    Path file = Paths.under(settings.root(), HostsFile.PATH);
    List<HostsFile.Entry> entries;
    try {
      entries = HostsFile.entriesFor(settings.root(), smtName);
    } catch (NoSuchFileException e) {
      entries = List.of();
    } catch (IOException e) {
      checks.add(new Check(name, Check.Status.PROBLEM, file + " cannot be read: " + e.getMessage(),
          List.of(), List.of()));
      return;
    }

    List<InetAddress> regionAddresses = updateServerAddresses();
    List<String> fix = regionAddresses.isEmpty() ? List.of()
        : fixes.hostsLines(regionAddresses.get(0));
    if (entries.isEmpty()) {
      checks.add(new Check(name, Check.Status.PROBLEM, "no line for " + smtName + " in " + file
          + ", so the update server name does not resolve", List.of(),
          fixWithIntro("add this line to " + file + " (any update server of the region will do):", fix)));
      return;
    }
    if (entries.size() > 1) {
      List<String> details = new ArrayList<>();
      for (HostsFile.Entry entry : entries) {
        details.add("line " + entry.lineNumber() + ": " + Printable.of(entry.line()));
      }
      checks.add(new Check(name, Check.Status.PROBLEM, entries.size() + " lines for " + smtName + " in " + file
          + "; the resolver uses the first and the registration client expects one", details,
          fixWithIntro("keep exactly one line for " + smtName + ", such as:", fix)));
      return;
    }

    HostsFile.Entry entry = entries.get(0);
    Optional<InetAddress> address = parseAddress(entry.address());
    String line = "line " + entry.lineNumber() + ": " + Printable.of(entry.line());
    if (address.isEmpty()) {
      checks.add(new Check(name, Check.Status.PROBLEM, "the line for " + smtName + " in " + file
          + " does not start with an IP address", List.of(line), fixWithIntro("replace it with:", fix)));
      return;
    }
    hostsAddress = address.get();
    if (updateServers == null) {
      checks.add(new Check(name, Check.Status.WARNING, smtName + " is " + IpLiterals.toCanonical(address.get())
          + " in " + file + ", which cannot be compared with the region's update servers", List.of(line), List.of()));
      return;
    }
    if (regionAddresses.contains(address.get())) {
      checks.add(Check.ok(name, smtName + " is " + IpLiterals.toCanonical(address.get())
          + ", an update server of " + region, List.of(line)));
      return;
    }
    String elsewhere = regionOf(address.get());
    checks.add(new Check(name, Check.Status.PROBLEM, smtName + " is " + IpLiterals.toCanonical(address.get())
        + " in " + file + ", which is not an update server of " + region
        + (elsewhere == null ? "" : " but of " + elsewhere), List.of(line),
        fixWithIntro("replace line " + entry.lineNumber() + " with:", fix)));
  }

  private static List<String> fixWithIntro(String intro, List<String> lines) {
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> fix = new ArrayList<>();
    fix.add(intro);
    fix.addAll(lines);
    return fix;
  }

  private @Nullable String regionOf(InetAddress address) {
    ServerList all = providerServers;
    if (all == null) {
      return null;
    }
    for (Server server : all.servers()) {
      if (server.addresses().contains(address)) {
        return server.region();
      }
    }
    return null;
  }

  private static Optional<InetAddress> parseAddress(String text) {
    Optional<? extends InetAddress> address = IpLiterals.parseIpv4(text);
    if (address.isEmpty()) {
      address = IpLiterals.parseIpv6(text);
    }
    return address.map(InetAddress.class::cast);
  }

  /** Returns the region servers of the configuration that are IP addresses. */
  private List<InetAddress> regionServerAddresses() {
    List<InetAddress> addresses = new ArrayList<>();
    RegistrationConfig found = config;
    if (found == null) {
      return addresses;
    }
    for (String entry : found.regionServers()) {
      parseAddress(entry).ifPresent(addresses::add);
    }
    return addresses;
  }

  /** Returns the region's update server addresses, or the hosts file's address when the list is unknown. */
  private List<InetAddress> updateServerAddresses() {
    Set<InetAddress> addresses = new LinkedHashSet<>();
    ServerList list = updateServers;
    if (list != null) {
      for (Server server : list.servers()) {
        addresses.addAll(server.addresses());
      }
    } else if (hostsAddress != null) {
      addresses.add(hostsAddress);
    }
    return List.copyOf(addresses);
  }

  private List<Target> regionServerTargets() {
    List<Target> targets = new ArrayList<>();
    RegistrationConfig found = config;
    if (found == null) {
      return targets;
    }
    for (String entry : found.regionServers()) {
      if (entry.isEmpty()) {
        continue;
      }
      Optional<InetAddress> address = parseAddress(entry);
      if (address.isPresent()) {
        targets.add(new Target("region server", entry, address.get(), settings.regionServerPort()));
        continue;
      }
      try {
        for (InetAddress resolved : InetAddress.getAllByName(entry)) {
          targets.add(new Target("region server", entry, resolved, settings.regionServerPort()));
        }
      } catch (UnknownHostException e) {
        unresolvedRegionServers.add(entry);
      }
    }
    return targets;
  }

  private List<Target> updateServerTargets() {
    List<Target> targets = new ArrayList<>();
    boolean httpsOnly = config != null && config.httpsOnly();
    String name = updateServerName != null ? updateServerName : "";
    for (InetAddress address : updateServerAddresses()) {
      targets.add(new Target("update server", name, address, settings.updateServerHttpsPort()));
      if (!httpsOnly) {
        targets.add(new Target("update server", name, address, settings.updateServerHttpPort()));
      }
    }
    return targets;
  }

  private void checkLog() {
    String name = "registration-log";
    Path file = Paths.under(settings.root(), RegistrationLog.PATH);
    Optional<RegistrationLog.LastRun> read;

    try {
      read = RegistrationLog.readLastRun(settings.root());
    } catch (IOException e) {
      checks.add(new Check(name, Check.Status.WARNING, file + " cannot be read: " + e.getMessage(), List.of(), List.of()));
      return;
    }
    if (read.isEmpty()) {
      checks.add(new Check(name, Check.Status.WARNING, "no " + file + ": the registration client has not run",
          List.of(), List.of("registercloudguest --force-new")));
      return;
    }

    RegistrationLog.LastRun run = read.get();
    if (run.entries().isEmpty()) {
      checks.add(Check.ok(name, file + " has no entries in the registration client's format", List.of()));
      return;
    }

    List<String> details = new ArrayList<>();
    RegistrationLog.Entry first = run.entries().get(0);
    details.add("last run from " + first.time() + " (line " + first.lineNumber() + ")"
        + (run.runMarkerFound() ? "" : "; no start-of-run line found, so the whole log is read"));
    details.add("addresses tried: " + (run.addresses().isEmpty() ? "none" : String.join(", ", run.addresses())));
    for (RegistrationLog.Entry entry : run.problems()) {
      details.add(entry.time() + " " + entry.level() + ": " + Printable.of(entry.message().replace('\n', ' ').strip()));
    }

    long errors = run.problems().stream().filter(e -> !e.level().equals("WARNING")).count();
    long warnings = run.problems().size() - errors;
    String summary = "last run: " + Report.plural(errors, "error") + ", " + Report.plural(warnings, "warning")
        + ", " + run.addresses().size() + (run.addresses().size() == 1 ? " address" : " addresses") + " tried";
    checks.add(new Check(name, errors > 0 ? Check.Status.WARNING : Check.Status.OK, summary, details, List.of()));
  }
}
