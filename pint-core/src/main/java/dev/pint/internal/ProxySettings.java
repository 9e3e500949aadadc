package dev.pint.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the proxy for each request. The first source that sets a proxy for the URL's scheme
 * wins:
 *
 * <ol>
 *   <li>the explicit proxy ({@code --proxy URL} or {@code PintClient.Builder.proxy}), bypassed
 *       for the hosts in {@code no_proxy};
 *   <li>Java's {@code https.proxyHost} and {@code https.proxyPort} for https URLs, {@code
 *       http.proxyHost} and {@code http.proxyPort} for http URLs, bypassed for the hosts in
 *       {@code http.nonProxyHosts};
 *   <li>the environment: {@code https_proxy}, then {@code HTTPS_PROXY} for https URLs, {@code
 *       http_proxy}, then {@code HTTP_PROXY} for http URLs, bypassed for the hosts in {@code
 *       no_proxy}, else {@code NO_PROXY} (see {@link NoProxyList}).
 * </ol>
 *
 * <p>Java's properties come before the environment because they are set for this program alone,
 * while the environment is shared by every program. A proxy URL is {@code http://[USER:PASSWORD@]
 * HOST[:PORT]}, or {@code HOST:PORT} without a scheme; the port defaults to 80. Java's default
 * ProxySelector is never consulted, so each request follows exactly these rules.
 */
public final class ProxySettings {
  /** The JDK's value when {@code http.nonProxyHosts} is not set. */
  private static final String JAVA_DEFAULT_NON_PROXY_HOSTS = "localhost|127.*|[::1]|0.0.0.0|[::0]";

  private final @Nullable ProxyRoute explicit;
  private final @Nullable ProxyRoute javaHttps;
  private final @Nullable ProxyRoute javaHttp;
  private final @Nullable Pattern javaNonProxyHosts;
  private final @Nullable ProxyRoute environmentHttps;
  private final @Nullable ProxyRoute environmentHttp;
  private final NoProxyList noProxy;

  private ProxySettings(
      @Nullable ProxyRoute explicit,
      @Nullable ProxyRoute javaHttps,
      @Nullable ProxyRoute javaHttp,
      @Nullable Pattern javaNonProxyHosts,
      @Nullable ProxyRoute environmentHttps,
      @Nullable ProxyRoute environmentHttp,
      NoProxyList noProxy) {
    this.explicit = explicit;
    this.javaHttps = javaHttps;
    this.javaHttp = javaHttp;
    this.javaNonProxyHosts = javaNonProxyHosts;
    this.environmentHttps = environmentHttps;
    this.environmentHttp = environmentHttp;
    this.noProxy = noProxy;
  }

  /**
   * Reads the settings. Nothing is resolved or contacted.
   *
   * @param explicit the proxy given by the caller, or null
   * @param environment the process environment
   * @param properties Java's system properties
   * @throws IllegalArgumentException when a proxy URL is invalid; the message never contains the
   *     password
   */
  public static ProxySettings read(
      @Nullable URI explicit, Map<String, String> environment, Properties properties) {
    ProxyRoute explicitRoute = explicit == null ? null : parse(explicit.toString(), "--proxy");

    ProxyRoute javaHttps = javaRoute(properties, "https.proxyHost", "https.proxyPort", 443);
    ProxyRoute javaHttp = javaRoute(properties, "http.proxyHost", "http.proxyPort", 80);
    Pattern nonProxyHosts = null;
    if (javaHttps != null || javaHttp != null) {
      nonProxyHosts = javaPattern(
          properties.getProperty("http.nonProxyHosts", JAVA_DEFAULT_NON_PROXY_HOSTS));
    }

    ProxyRoute environmentHttps = environmentRoute(environment, "https_proxy", "HTTPS_PROXY");
    ProxyRoute environmentHttp = environmentRoute(environment, "http_proxy", "HTTP_PROXY");
    String noProxy = firstSet(environment, "no_proxy", "NO_PROXY");

    return new ProxySettings(explicitRoute, javaHttps, javaHttp, nonProxyHosts, environmentHttps,
        environmentHttp, NoProxyList.parse(noProxy == null ? "" : environment.get(noProxy)));
  }

  /** Returns the proxy for {@code url}, or null to connect directly. */
  public @Nullable ProxyRoute routeFor(URI url) {
    boolean https = "https".equalsIgnoreCase(url.getScheme());
    String host = url.getHost();
    int port = url.getPort() >= 0 ? url.getPort() : https ? 443 : 80;

    if (explicit != null) {
      return noProxy.matches(host, port) ? null : explicit;
    }
    ProxyRoute java = https ? javaHttps : javaHttp;
    if (java != null) {
      return javaNonProxyHosts != null && javaNonProxyHosts.matcher(host).matches() ? null : java;
    }
    ProxyRoute environment = https ? environmentHttps : environmentHttp;
    if (environment != null) {
      return noProxy.matches(host, port) ? null : environment;
    }
    return null;
  }

  private static @Nullable ProxyRoute environmentRoute(
      Map<String, String> environment, String lower, String upper) {
    String name = firstSet(environment, lower, upper);
    return name == null ? null : parse(environment.get(name), name);
  }

  /** Returns the first of the variables that is set and not blank. */
  private static @Nullable String firstSet(Map<String, String> environment, String... names) {
    for (String name : names) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        return name;
      }
    }
    return null;
  }

  private static @Nullable ProxyRoute javaRoute(
      Properties properties, String hostKey, String portKey, int defaultPort) {
    String host = properties.getProperty(hostKey);
    if (host == null || host.isBlank()) {
      return null;
    }
    String portText = properties.getProperty(portKey);
    int port = defaultPort;
    if (portText != null && !portText.isBlank()) {
      port = parsePort(portText.trim(), portKey + "=" + portText);
    }
    return new ProxyRoute(host.trim(), port, hostKey, null, null);
  }

  /**
   * Turns Java's {@code http.nonProxyHosts} syntax, patterns separated by {@code |} in which
   * {@code *} stands for any text, into one case-insensitive pattern.
   */
  private static Pattern javaPattern(String hosts) {
    StringBuilder regex = new StringBuilder();
    for (String part : hosts.split("\\|")) {
      String host = part.trim();
      if (host.isEmpty()) {
        continue;
      }
      if (regex.length() > 0) {
        regex.append('|');
      }
      String[] pieces = host.split("\\*", -1);
      for (int i = 0; i < pieces.length; i++) {
        if (i > 0) {
          regex.append(".*");
        }
        regex.append(Pattern.quote(pieces[i]));
      }
    }
    return Pattern.compile(regex.length() == 0 ? "(?!)" : regex.toString(),
        Pattern.CASE_INSENSITIVE);
  }

  /** Parses a proxy URL from {@code source}; see the class documentation for the forms. */
  static ProxyRoute parse(String text, String source) {
    String value = text.trim();
    if (!value.contains("://")) {
      value = "http://" + value;
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw invalid(source, text, "it is not a URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http")) {
      throw invalid(source, text, "only http:// proxies are supported, not " + scheme + "://");
    }
    if (uri.getHost() == null) {
      throw invalid(source, text, "it has no host");
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
      throw invalid(source, text, "a proxy URL has no path or query");
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : 80;

    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
      password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : "";
    }
    return new ProxyRoute(uri.getHost(), port, source, user, password);
  }

  private static String decode(String text) {
    // URLDecoder would turn '+' into a space, which percent-encoding in a URL does not mean.
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static int parsePort(String text, String setting) {
    try {
      int port = Integer.parseInt(text);
      if (port > 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("invalid proxy port " + ServerEntries.quote(setting)
        + ": give a number from 1 to 65535");
  }

  private static IllegalArgumentException invalid(String source, String text, String reason) {
    return new IllegalArgumentException("invalid proxy URL " + ServerEntries.quote(redact(text))
        + " in " + source + ": " + reason + "; use http://[USER:PASSWORD@]HOST:PORT");
  }

  /** Replaces the password in a proxy URL's text with {@code ***}. */
  static String redact(String text) {
    int at = text.lastIndexOf('@');
    if (at < 0) {
      return text;
    }
    int start = text.indexOf("://");
    start = start >= 0 && start < at ? start + 3 : 0;
    int colon = text.indexOf(':', start);
    if (colon < 0 || colon > at) {
      return text;
    }
    return text.substring(0, colon + 1) + "***" + text.substring(at);
  }
}
