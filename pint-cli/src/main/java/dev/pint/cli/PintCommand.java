package dev.pint.cli;

import dev.pint.PintClient;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: global options and the optional provider; {@link Subcommands} adds the rest. */
@Command(
    name = "pint",
    header = "Query the SUSE Public Cloud Information Service.",
    synopsisHeading = "Usage: ",
    customSynopsis = {
      "pint [OPTIONS] providers [--json | --xml]",
      "       pint [OPTIONS] <provider> regions [--filter=F] [--json | --xml]",
      "       pint [OPTIONS] <provider> server_types [--json | --xml]",
      "       pint [OPTIONS] <provider> servers [--region=R[,R...]]",
      "            [--smt | --regionserver] [--filter=F]",
      "            [--json | --xml | --format=F [--aggregate]]",
      "       pint [OPTIONS] [<provider>] diff [--region=R[,R...]]",
      "            [--smt | --regionserver] OLD NEW",
      "       pint [OPTIONS] image_states [--json | --xml]",
      "       pint [OPTIONS] <provider> images",
      "            [--active | --inactive | --deprecated | --deleted]",
      "            [--region=R[,R...]] [--filter=F] [--json | --xml | --format=F]",
      "       pint [OPTIONS] <provider> deletiondate IMAGE [--region=R]",
      "            [--json | --xml]",
      "       pint [OPTIONS] <provider> deletedby YYYYMMDD [--region=R] [--filter=F]",
      "            [--json | --xml | --format=F]",
      "       pint [OPTIONS] <provider> allowlist --region=R[,R...] [--target=T]",
      "            [--port-80] [--config=FILE] [--allow-empty] [--output-dir=DIR]",
      "       pint [OPTIONS] mirror DIR [--provider=P]...",
      "       pint [OPTIONS] doctor [--root=DIR] [--provider=P [--region=R]]",
      "            [--metadata-url=URL] [--proxy-type=TYPE] [--json]",
    },
    description = {
      "",
      "<provider> is a name from 'pint providers', such as amazon, google or microsoft;"
          + " it is matched ignoring case.",
    },
    versionProvider = PintCommand.VersionProvider.class,
    sortOptions = false,
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  success (an empty list for a known region is a success)",
      "  1  the service, the network or the data failed",
      "  2  invalid usage, or a provider, region or image the service does not know",
      "  pint diff: 0 unchanged, 1 addresses changed, 2 trouble, as diff(1) does",
      "",
    })
final class PintCommand implements Callable<Integer> {
  /** A URL scheme such as {@code https:}; a --base-url without one is a folder path. */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

  private final Map<String, String> environment;
  private @Nullable PintClient client;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<provider>",
      description = "The cloud provider, for the commands that need one.")
  @Nullable String provider;

  @Option(names = "--base-url", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "Base URL of the service, or a folder written by 'pint mirror' as a path or"
          + " file:///DIR URL (default: $PINT_BASE_URL, else"
          + " https://susepubliccloudinfo.suse.com).")
  @Nullable String baseUrl;

  @Option(names = "--timeout", paramLabel = "SECONDS", scope = ScopeType.INHERIT,
      description = "Connect and read timeout in seconds (default: 10 to connect, 30 to read).")
  @Nullable String timeoutSeconds;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  // -v is the reference client's spelling; -V is picocli's.
  @Option(names = {"-v", "-V", "--version"}, versionHelp = true,
      description = "Print the version and exit.")
  boolean version;

  @Mixin NetworkOptions network;

  PintCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), provider == null
        ? "missing command"
        : "missing command after provider '" + provider + "'");
  }

  /** Returns the environment variables the command runs with. */
  Map<String, String> environment() {
    return environment;
  }

  /** Returns the provider given before the subcommand, or fails with a usage error. */
  String requireProvider(CommandSpec subcommand) {
    if (provider == null) {
      throw new CommandLine.ParameterException(subcommand.commandLine(),
          "'" + subcommand.name() + "' needs a provider, as in 'pint amazon " + subcommand.name() + "'");
    }
    return provider;
  }

  /** Fails with a usage error when a provider was given to a command that takes none. */
  void rejectProvider(CommandSpec subcommand) {
    if (provider != null) {
      throw new CommandLine.ParameterException(subcommand.commandLine(),
          "'" + subcommand.name() + "' takes no provider, but '" + provider + "' was given");
    }
  }

  /** Returns the client for the options given, creating it on first use. */
  PintClient client() {
    return client(true);
  }

  /**
   * Returns the client for a command that reads each document once, creating it on first use.
   * It keeps no memory cache: Caffeine's set-up would cost more start-up time than the cache
   * could save (docs/performance.md).
   */
  PintClient clientForOneQuery() {
    return client(false);
  }

  private PintClient client(boolean memoryCache) {
    if (client == null) {
      if (network.verbose || network.debug) {
        CliLogging.verbose(network.debug);
      }
      PintClient.Builder builder = PintClient.builder();
      if (!memoryCache) {
        builder.maximumCacheEntries(0);
      }
      String source = baseUrl != null ? "--base-url" : "PINT_BASE_URL";
      String url = baseUrl != null ? baseUrl : environment.get("PINT_BASE_URL");
      URI base = PintClient.DEFAULT_BASE_URL;
      if (url != null) {
        String trimmed = url.strip();
        if (trimmed.isEmpty()) {
          throw new UsageException("invalid " + source + " " + Quoting.quote(url)
              + ": it is empty; give an http or https URL such as"
              + " https://susepubliccloudinfo.suse.com");
        }
        try {
          base = SCHEME.matcher(trimmed).matches() ? URI.create(trimmed) : mirrorFolder(source, trimmed);
          builder.baseUrl(base);
        } catch (IllegalArgumentException e) {
          throw new UsageException("invalid " + source + " " + Quoting.quote(url) + ": "
              + e.getMessage() + "; give an http or https URL such as"
              + " https://susepubliccloudinfo.suse.com");
        }
      }
      network.configure(builder, base, environment);
      if (timeoutSeconds != null) {
        Duration timeout = seconds(timeoutSeconds);
        builder.connectTimeout(timeout).readTimeout(timeout);
      }
      client = builder.build();
    }
    return client;
  }

  /** Returns whether {@code --debug} was given, so failures print their stack traces. */
  boolean debug() {
    return network != null && network.debug;
  }

  private static URI mirrorFolder(String source, String path) {
    Path folder;
    try {
      folder = Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new UsageException("invalid " + source + " " + Quoting.quote(path)
          + ": neither a URL nor a folder path");
    }
    if (!Files.isDirectory(folder)) {
      throw new UsageException("invalid " + source + " " + Quoting.quote(path)
          + ": no such folder; give a URL such as https://HOST, or a folder written by"
          + " 'pint mirror'");
    }
    return folder.toUri();
  }

  private static Duration seconds(String text) {
    BigDecimal seconds;
    try {
      seconds = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      seconds = BigDecimal.ZERO;
    }
    if (seconds.compareTo(new BigDecimal("0.001")) < 0 || seconds.compareTo(BigDecimal.valueOf(3600)) > 0) {
      throw new UsageException("invalid --timeout " + Quoting.quote(text)
          + ": give a number of seconds from 0.001 to 3600");
    }
    return Duration.ofMillis(seconds.movePointRight(3).longValue());
  }

  /** Supplies {@code --version}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"pint " + PintClient.version()};
    }
  }
}
