package dev.pint.cli;

import dev.pint.cli.doctor.Doctor;
import dev.pint.cli.doctor.DoctorSettings;
import dev.pint.cli.doctor.ProxyType;
import dev.pint.cli.doctor.Report;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pint doctor}: finds why an instance cannot reach the update infrastructure. */
@Command(name = "doctor",
    header = "Find why an instance cannot reach SUSE's update infrastructure, changing nothing.",
    description = {
      "Checks, in the order an instance registers: the registration client's configuration,"
          + " the region servers' pinned certificates, the provider and region, the proxy"
          + " settings, the /etc/hosts entry of the update server, TCP connections, TLS"
          + " handshakes and the registration log. Each check prints OK, WARNING, PROBLEM or"
          + " SKIPPED, and a fix where one applies. Nothing is written.",
    },
    mixinStandardHelpOptions = true,
    sortOptions = false,
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  no check found a problem (warnings allowed)",
      "  1  at least one check found a problem",
      "  2  invalid usage",
    })
final class DoctorCommand implements Callable<Integer> {
  @ParentCommand PintCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--root", paramLabel = "DIR",
      description = "Root of the instance's file system, such as a copied or mounted instance (default: /).")
  Path rootDirectory = Path.of("/");

  @Option(names = "--provider", paramLabel = "PROVIDER",
      description = "The provider, such as amazon, google or microsoft (default: from the DMI"
          + " vendor data, else from the metadata service that answers).")
  @Nullable String provider;

  @Option(names = "--region", paramLabel = "REGION",
      description = "The instance's region; needs --provider (default: from the metadata service).")
  @Nullable String region;

  @Option(names = "--metadata-url", paramLabel = "URL",
      description = "Base URL of the instance metadata service, asked only when --region is not"
          + " given (default: port 80 of the link-local address 169.254.169.254, which only an"
          + " instance reaches).")
  @Nullable URI metadataUrl;

  @Option(names = "--proxy-type", paramLabel = "TYPE",
      description = "The TLS-inspecting proxy to write exemptions for: mitmproxy or squid.")
  @Nullable ProxyType proxyType;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(names = "--probe-timeout", paramLabel = "SECONDS",
      description = "Time allowed for each connection, TLS handshake and metadata request (default: 5).")
  BigDecimal probeTimeoutSeconds = BigDecimal.valueOf(5);

  @Option(names = "--region-server-port", paramLabel = "PORT",
      description = "Port of the region servers (default: 443).")
  int regionServerPort = 443;

  @Option(names = "--update-server-port", paramLabel = "PORT",
      description = "HTTPS port of the update servers (default: 443).")
  int updateServerHttpsPort = 443;

  @Option(names = "--update-server-http-port", paramLabel = "PORT",
      description = "HTTP port of the update servers, checked unless httpsOnly is true (default: 80).")
  int updateServerHttpPort = 80;

  @Override
  public Integer call() {
    root.rejectProvider(spec);
    if (region != null && provider == null) {
      throw new UsageException("--region needs --provider, as in --provider=amazon --region=" + region);
    }
    if (!Files.isDirectory(rootDirectory)) {
      throw new UsageException("--root " + Quoting.quote(rootDirectory.toString())
          + " is not a directory; give the root of the instance's file system");
    }
    URI metadata = metadataUrl != null ? metadataUrl : DoctorSettings.LINK_LOCAL_METADATA_URL;
    String scheme = metadata.getScheme();
    if (metadata.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
      throw new UsageException("invalid --metadata-url " + Quoting.quote(metadata.toString())
          + ": give an absolute http URL such as http://127.0.0.1:8080");
    }
    resolveProviderAndRegion();
    DoctorSettings settings = new DoctorSettings(rootDirectory, provider, region, metadata, proxyType,
        timeout(), port("--region-server-port", regionServerPort),
        port("--update-server-port", updateServerHttpsPort),
        port("--update-server-http-port", updateServerHttpPort), root.environment());

    Report report = Doctor.run(settings, root.client());

    spec.commandLine().getOut().print(json ? report.json() : report.text());
    spec.commandLine().getOut().flush();
    return report.hasProblem() ? ExitStatus.FAILURE : ExitStatus.OK;
  }

  /**
   * Matches {@code --provider} and {@code --region} as the other commands do, so {@code Amazon}
   * becomes {@code amazon} and {@code GermanyWestCentral} becomes {@code germanywestcentral}.
   * An unknown or ambiguous name is a usage error. When the service cannot be asked, the names
   * are kept as given (the provider in lower case) and the checks that need the service report
   * that themselves.
   */
  private void resolveProviderAndRegion() {
    if (provider == null) {
      return;
    }
    provider = provider.toLowerCase(java.util.Locale.ROOT);
    try {
      if (region == null) {
        root.client().servers(provider);
        return;
      }
      dev.pint.ServerList list = root.client().servers(
          dev.pint.ServerQuery.of(provider).withRegions(region));
      if (list.regions().size() == 1) {
        region = list.regions().get(0);
      }
    } catch (dev.pint.UnknownProviderException | dev.pint.UnknownRegionException
        | dev.pint.AmbiguousRegionException e) {
      throw e;
    } catch (dev.pint.PintException e) {
      // Reported by the update-servers check, which needs the same list.
    }
  }

  private Duration timeout() {
    if (probeTimeoutSeconds.signum() <= 0 || probeTimeoutSeconds.compareTo(BigDecimal.valueOf(600)) > 0) {
      throw new UsageException("invalid --probe-timeout '" + probeTimeoutSeconds.toPlainString()
          + "': give a number of seconds greater than 0 and at most 600");
    }
    return Duration.ofMillis(Math.max(1, probeTimeoutSeconds.movePointRight(3).longValue()));
  }

  private static int port(String option, int port) {
    if (port < 1 || port > 65535) {
      throw new UsageException("invalid " + option + " " + port + ": give a port from 1 to 65535");
    }
    return port;
  }
}
