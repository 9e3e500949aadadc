package dev.pint.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Whether this JVM sends Basic proxy credentials when it opens an HTTPS tunnel with CONNECT.
 *
 * <p>The JDK disables Basic for tunnels by default ({@code jdk.http.auth.tunneling.disabledSchemes=Basic}
 * in {@code conf/net.properties}), and reads the setting once, when {@link java.net.HttpURLConnection}
 * is first used. A library cannot change it safely for the whole application, so the {@code pint}
 * command sets it to an empty value before its first request, and other applications must start
 * Java with {@code -Djdk.http.auth.tunneling.disabledSchemes=}. The credentials are scoped to the
 * configured proxy by {@link ProxyRoute#authenticator()}, so enabling Basic sends them nowhere else.
 */
final class BasicTunneling {
  static final String PROPERTY = "jdk.http.auth.tunneling.disabledSchemes";

  private BasicTunneling() {}

  /** Returns advice for a rejected tunnel to {@code url} when Basic is disabled, else "". */
  static String hint(URI url) {
    if (!"https".equalsIgnoreCase(url.getScheme()) || !basicDisabled()) {
      return "";
    }
    return "; note that this JVM does not send Basic credentials to open HTTPS tunnels:"
        + " start Java with -D" + PROPERTY + "=";
  }

  static boolean basicDisabled() {
    String value = System.getProperty(PROPERTY);
    if (value == null) {
      value = netPropertiesDefault();
    }
    for (String scheme : value.split(",")) {
      if (scheme.trim().toLowerCase(Locale.ROOT).equals("basic")) {
        return true;
      }
    }
    return false;
  }

  private static String netPropertiesDefault() {
    Path file = Path.of(System.getProperty("java.home"), "conf", "net.properties");
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      return "";
    }
    return properties.getProperty(PROPERTY, "");
  }
}
