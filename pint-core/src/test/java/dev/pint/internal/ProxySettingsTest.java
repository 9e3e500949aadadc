package dev.pint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

final class ProxySettingsTest {
  private static final URI HTTPS_TARGET = URI.create("https://service.example/v1/providers.json");
  private static final URI HTTP_TARGET = URI.create("http://service.example/v1/providers.json");

  private static Properties properties(String... pairs) {
    Properties properties = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.setProperty(pairs[i], pairs[i + 1]);
    }
    return properties;
  }

  @Test
  void explicitProxy_winsOverPropertiesAndEnvironment() {
    ProxySettings settings = ProxySettings.read(URI.create("http://explicit:3128"),
        Map.of("https_proxy", "http://env:8080"), properties("https.proxyHost", "java"));

    ProxyRoute route = settings.routeFor(HTTPS_TARGET);

    assertEquals("proxy explicit:3128 (from --proxy)", route.describe());
  }

  @Test
  void javaProperties_winOverEnvironment() {
    ProxySettings settings = ProxySettings.read(null, Map.of("https_proxy", "http://env:8080"),
        properties("https.proxyHost", "java", "https.proxyPort", "3129"));

    ProxyRoute route = settings.routeFor(HTTPS_TARGET);

    assertEquals("proxy java:3129 (from https.proxyHost)", route.describe());
  }

  @Test
  void javaProperties_portDefaultsAndNonProxyHosts() {
    ProxySettings settings = ProxySettings.read(null, Map.of(),
        properties("https.proxyHost", "java", "http.nonProxyHosts", "*.example|other"));

    ProxyRoute bypassed = settings.routeFor(HTTPS_TARGET);
    ProxyRoute proxied = settings.routeFor(URI.create("https://elsewhere.test/"));

    assertNull(bypassed);
    assertEquals("proxy java:443 (from https.proxyHost)", proxied.describe());
  }

  @Test
  void lowerCaseVariable_winsOverUpperCase() {
    ProxySettings settings = ProxySettings.read(null, Map.of("https_proxy", "lower:1",
        "HTTPS_PROXY", "http://upper:2", "http_proxy", "http://plain:3"), new Properties());

    assertEquals("proxy lower:1 (from https_proxy)", settings.routeFor(HTTPS_TARGET).describe());
    assertEquals("proxy plain:3 (from http_proxy)", settings.routeFor(HTTP_TARGET).describe());
  }

  @Test
  void noProxy_appliesToExplicitAndEnvironmentProxies() {
    ProxySettings explicit = ProxySettings.read(URI.create("http://explicit:3128"),
        Map.of("NO_PROXY", "service.example"), new Properties());
    ProxySettings environment = ProxySettings.read(null,
        Map.of("HTTPS_PROXY", "http://env:1", "no_proxy", ".example"), new Properties());

    assertNull(explicit.routeFor(HTTPS_TARGET));
    assertNull(environment.routeFor(HTTPS_TARGET));
  }

  @Test
  void credentials_areDecodedAndNeverShown() {
    ProxySettings settings = ProxySettings.read(
        URI.create("http://us%40er:p%3Ass+word@proxy.test:8080"), Map.of(), new Properties());

    ProxyRoute route = settings.routeFor(HTTPS_TARGET);

    assertEquals("us@er", route.user());
    assertEquals("p:ss+word", route.password());
    assertEquals("ProxyRoute[proxy proxy.test:8080 (from --proxy), with credentials]",
        route.toString());
  }

  @Test
  void invalidUrl_messageHidesPassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProxySettings.read(null, Map.of("https_proxy", "https://me:hunter2@proxy.test"),
            new Properties()));

    assertEquals("invalid proxy URL 'https://me:***@proxy.test' in https_proxy: only http://"
        + " proxies are supported, not https://; use http://[USER:PASSWORD@]HOST:PORT",
        e.getMessage());
  }

  @Test
  void nothingSet_isDirect() {
    ProxySettings settings = ProxySettings.read(null, Map.of(), new Properties());

    assertNull(settings.routeFor(HTTPS_TARGET));
  }
}
