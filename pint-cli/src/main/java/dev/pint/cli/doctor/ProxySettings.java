package dev.pint.cli.doctor;

import dev.pint.internal.IpLiterals;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The proxy the registration client uses, worked out as it does (cloud-regionsrv-client's
 * {@code set_proxy}, then Python requests reading the environment):
 *
 * <ol>
 *   <li>When both {@code http_proxy} and {@code https_proxy} (lower case) are set in the
 *       environment, the environment is used as it is.
 *   <li>Otherwise, when {@code /etc/sysconfig/proxy} exists and {@code PROXY_ENABLED} is not
 *       {@code no}, its {@code HTTP_PROXY}, {@code HTTPS_PROXY} and {@code NO_PROXY} replace the
 *       environment's values, an absent or empty one meaning no proxy.
 *   <li>Otherwise the environment is used: each variable in lower case, else in upper case.
 * </ol>
 *
 * @param source where the settings come from
 * @param httpProxy the proxy for {@code http://} URLs, or null for none
 * @param httpsProxy the proxy for {@code https://} URLs, or null for none
 * @param noProxy the {@code no_proxy} entries, spaces removed
 * @param notes facts about the settings worth reporting, such as a value the registration
 *     client would misread
 */
record ProxySettings(
    Source source, @Nullable URI httpProxy, @Nullable URI httpsProxy, List<String> noProxy, List<String> notes) {

  /** The proxy configuration file's path on an instance. */
  static final String SYSCONFIG_PATH = "/etc/sysconfig/proxy";

  /** The origin of the proxy settings. */
  enum Source {
    NONE("no proxy is configured"),
    ENVIRONMENT("the environment"),
    SYSCONFIG(SYSCONFIG_PATH);

    private final String description;

    Source(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }

  ProxySettings {
    noProxy = List.copyOf(noProxy);
    notes = List.copyOf(notes);
  }

  /**
   * Reads the settings from {@code environment} and the sysconfig file under {@code root}.
   *
   * @throws InvalidProxyException when a proxy value is not a URL
   */
  static ProxySettings read(Map<String, String> environment, Path root) throws InvalidProxyException {
    List<String> notes = new ArrayList<>();
    String envHttp = nonEmpty(environment.get("http_proxy"));
    String envHttps = nonEmpty(environment.get("https_proxy"));
    Path file = Paths.under(root, SYSCONFIG_PATH);
    if (envHttp != null && envHttps != null) {
      if (Files.isRegularFile(file)) {
        notes.add("http_proxy and https_proxy are both set in the environment, so the registration"
            + " client ignores " + SYSCONFIG_PATH);
      }
      return fromEnvironment(environment, notes);
    }

    if (Files.isRegularFile(file)) {
      Map<String, String> values = readSysconfig(file, notes);
      String enabled = values.get("PROXY_ENABLED");
      if (enabled != null && enabled.contains("no")) {
        notes.add(file + " has PROXY_ENABLED=\"" + Printable.of(enabled) + "\", so it is not used");
        return fromEnvironment(environment, notes);
      }
      URI http = proxyUri("HTTP_PROXY", nonEmpty(values.get("HTTP_PROXY")));
      URI https = proxyUri("HTTPS_PROXY", nonEmpty(values.get("HTTPS_PROXY")));
      return new ProxySettings(Source.SYSCONFIG, http, https,
          noProxyEntries(values.getOrDefault("NO_PROXY", "")), notes);
    }
    return fromEnvironment(environment, notes);
  }

  private static ProxySettings fromEnvironment(Map<String, String> environment, List<String> notes)
      throws InvalidProxyException {
    String http = either(environment, "http_proxy");
    String https = either(environment, "https_proxy");
    String noProxy = either(environment, "no_proxy");
    Source source = http == null && https == null ? Source.NONE : Source.ENVIRONMENT;
    return new ProxySettings(source, proxyUri("http_proxy", http), proxyUri("https_proxy", https),
        noProxyEntries(noProxy == null ? "" : noProxy), notes);
  }

  /** Returns the lower-case variable when set and not empty, else the upper-case one. */
  private static @Nullable String either(Map<String, String> environment, String lowerCaseName) {
    String lower = nonEmpty(environment.get(lowerCaseName));
    return lower != null ? lower : nonEmpty(environment.get(lowerCaseName.toUpperCase(Locale.ROOT)));
  }

  private static @Nullable String nonEmpty(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * Reads {@code KEY="value"} lines, with the value in double, single or no quotes. Comment
   * lines are ignored. The registration client itself takes the text between the first two
   * double quotes, so a value in other quotes is reported in {@code notes}.
   */
  private static Map<String, String> readSysconfig(Path file, List<String> notes) throws InvalidProxyException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidProxyException(file + " cannot be read: " + e.getMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : lines) {
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      int equals = stripped.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      String key = stripped.substring(0, equals).strip();
      String raw = stripped.substring(equals + 1).strip();
      String value = unquote(raw);
      boolean proxyKey = key.equals("HTTP_PROXY") || key.equals("HTTPS_PROXY") || key.equals("NO_PROXY");
      if (proxyKey && !value.isEmpty() && !(raw.startsWith("\"") && raw.endsWith("\""))) {
        String shown = key.equals("NO_PROXY") ? value : redact(value);
        notes.add(key + " in " + file + " is not in double quotes; the registration client reads"
            + " only double-quoted values, so write " + key + "=\"" + Printable.of(shown) + "\""
            + (shown.equals(value) ? "" : " with your credentials in place of ***"));
      }
      values.put(key, value);
    }
    return values;
  }

  private static String unquote(String raw) {
    if (raw.length() >= 2) {
      char first = raw.charAt(0);
      char last = raw.charAt(raw.length() - 1);
      if ((first == '"' || first == '\'') && first == last) {
        return raw.substring(1, raw.length() - 1).strip();
      }
    }
    int comment = raw.indexOf(" #");
    return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
  }

  private static List<String> noProxyEntries(String value) {
    List<String> entries = new ArrayList<>();
    for (String entry : value.replace(" ", "").split(",")) {
      if (!entry.isEmpty()) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /** Parses a proxy value; like Python requests, {@code host:port} without a scheme means http. */
  private static @Nullable URI proxyUri(String name, @Nullable String value) throws InvalidProxyException {
    if (value == null) {
      return null;
    }
    String text = value.contains("://") ? value : "http://" + value;
    try {
      URI uri = new URI(text);
      if (uri.getHost() == null) {
        throw new InvalidProxyException(name + " " + Printable.quote(redact(value))
            + " is not a proxy URL such as http://proxy.example.com:3128");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidProxyException(name + " " + Printable.quote(redact(value))
          + " is not a proxy URL such as http://proxy.example.com:3128");
    }
  }

  /** Returns the proxy URL without its user information, so no password is ever printed. */
  static String redact(URI proxy) {
    return proxy.getScheme() + "://" + (proxy.getHost().contains(":") ? "[" + proxy.getHost() + "]" : proxy.getHost())
        + (proxy.getPort() >= 0 ? ":" + proxy.getPort() : "");
  }

  private static String redact(String value) {
    int at = value.lastIndexOf('@');
    int scheme = value.indexOf("://");
    if (at < 0) {
      return value;
    }
    return (scheme >= 0 && scheme < at ? value.substring(0, scheme + 3) : "") + "***@" + value.substring(at + 1);
  }

  /**
   * Returns the proxy a request to {@code host} over {@code scheme} goes through, or empty when
   * it goes directly. {@code no_proxy} is matched as Python requests does: {@code *} matches
   * every host, an IPv4 host matches an equal address or a CIDR block containing it, and any
   * other host matches an entry it ends with (a leading dot in the entry is optional).
   */
  Optional<URI> proxyFor(String scheme, String host) {
    URI proxy = scheme.equals("https") ? httpsProxy : httpProxy;
    if (proxy == null || bypasses(host)) {
      return Optional.empty();
    }
    return Optional.of(proxy);
  }

  private boolean bypasses(String host) {
    String lowerHost = host.toLowerCase(Locale.ROOT);
    Optional<Inet4Address> ipv4 = IpLiterals.parseIpv4(host);
    for (String entry : noProxy) {
      String lowerEntry = entry.toLowerCase(Locale.ROOT);
      if (lowerEntry.equals("*")) {
        return true;
      }
      if (ipv4.isPresent()) {
        if (lowerEntry.equals(lowerHost) || inBlock(ipv4.get(), lowerEntry)) {
          return true;
        }
        continue;
      }
      String suffix = lowerEntry.startsWith(".") ? lowerEntry.substring(1) : lowerEntry;
      if (!suffix.isEmpty() && lowerHost.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inBlock(Inet4Address address, String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    Optional<Inet4Address> network = IpLiterals.parseIpv4(cidr.substring(0, slash));
    int length;
    try {
      length = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      return false;
    }
    if (network.isEmpty() || length < 0 || length > 32) {
      return false;
    }
    int mask = length == 0 ? 0 : -1 << (32 - length);
    return (toInt(address) & mask) == (toInt(network.get()) & mask);
  }

  private static int toInt(Inet4Address address) {
    byte[] bytes = address.getAddress();
    return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
  }

  /** A proxy setting that is not a URL, or a sysconfig file that cannot be read. */
  static final class InvalidProxyException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidProxyException(String message) {
      super(message);
    }
  }
}
