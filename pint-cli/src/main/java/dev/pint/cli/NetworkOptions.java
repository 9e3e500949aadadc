package dev.pint.cli;

import dev.pint.CacheMode;
import dev.pint.PintClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options for the disk cache, proxies, TLS and logging, accepted before or after a command. */
final class NetworkOptions {
  @Option(names = "--max-age", paramLabel = "SECONDS", scope = ScopeType.INHERIT,
      description = "Use a cached document younger than this without asking the service"
          + " (default: 3600).")
  @Nullable Long maxAgeSeconds;

  @Option(names = "--refresh", scope = ScopeType.INHERIT,
      description = "Revalidate every cached document with the service, whatever its age.")
  boolean refresh;

  @Option(names = "--no-cache", scope = ScopeType.INHERIT,
      description = "Neither read nor write the disk cache ($XDG_CACHE_HOME/pint, else"
          + " ~/.cache/pint).")
  boolean noCache;

  @Option(names = "--offline", scope = ScopeType.INHERIT,
      description = "Use only the disk cache or a mirror; fail when a document is missing.")
  boolean offline;

  @Option(names = "--proxy", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "HTTP proxy, as http://[USER:PASSWORD@]HOST:PORT (default: Java's"
          + " https.proxyHost, else $https_proxy or $http_proxy; $no_proxy lists hosts reached"
          + " directly).")
  @Nullable String proxy;

  @Option(names = "--cacert", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Also trust the CA certificates in this PEM file, such as a TLS-inspecting"
          + " proxy's.")
  @Nullable Path caCertificates;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Log each request on stderr: URL, status, bytes, milliseconds and cache use.")
  boolean verbose;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Like --verbose, and print stack traces of errors.")
  boolean debug;

  /** Applies the options to {@code builder}, whose base URL is {@code baseUrl}. */
  void configure(PintClient.Builder builder, URI baseUrl, Map<String, String> environment) {
    boolean mirror = "file".equals(baseUrl.getScheme());
    if (refresh && offline) {
      throw new UsageException("--refresh and --offline are mutually exclusive; give at most one");
    }
    if (offline && noCache && !mirror) {
      throw new UsageException("--offline needs the disk cache or a mirror, but --no-cache was"
          + " given; drop --no-cache or point --base-url at a mirror made by 'pint mirror'");
    }
    if (maxAgeSeconds != null) {
      if (maxAgeSeconds < 0) {
        throw new UsageException("invalid --max-age '" + maxAgeSeconds
            + "': give a number of seconds, 0 or more");
      }
      builder.cacheTtl(Duration.ofSeconds(maxAgeSeconds));
    }
    if (!noCache && !mirror) {
      builder.cacheDirectory(cacheDirectory(environment));
    }
    if (refresh || offline) {
      builder.cacheMode(offline ? CacheMode.OFFLINE : CacheMode.REFRESH);
    }

    builder.proxyEnvironment(environment);
    if (proxy != null) {
      builder.proxy(parseProxy(proxy));
    }
    if (caCertificates != null) {
      if (!Files.isReadable(caCertificates)) {
        throw new UsageException("invalid --cacert " + Quoting.quote(caCertificates.toString())
            + ": no readable file there; give a PEM file of CA certificates");
      }
      builder.caCertificates(caCertificates);
    }
  }

  /** Returns {@code $XDG_CACHE_HOME/pint} when that is absolute, else {@code ~/.cache/pint}. */
  static Path cacheDirectory(Map<String, String> environment) {
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty()) {
      try {
        Path path = Path.of(xdg);
        // The XDG Base Directory specification says to ignore a relative path.
        if (path.isAbsolute()) {
          return path.resolve("pint");
        }
      } catch (InvalidPathException e) {
        // ignored like a relative path
      }
    }
    String home = environment.get("HOME");
    if (home == null || home.isEmpty()) {
      home = System.getProperty("user.home");
    }
    return Path.of(home, ".cache", "pint");
  }

  private static URI parseProxy(String text) {
    try {
      return URI.create(text.contains("://") ? text : "http://" + text);
    } catch (IllegalArgumentException e) {
      // The parser's message would repeat the text, password included.
      throw new UsageException("invalid --proxy: it is not a URL; use"
          + " http://[USER:PASSWORD@]HOST:PORT");
    }
  }
}
