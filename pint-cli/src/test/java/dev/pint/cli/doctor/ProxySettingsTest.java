package dev.pint.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ProxySettingsTest {
  @TempDir Path root;

  private void sysconfig(String content) throws Exception {
    Files.createDirectories(root.resolve("etc/sysconfig"));
    Files.writeString(root.resolve("etc/sysconfig/proxy"), content);
  }

  @Test
  void read_nothingConfiguredIsNone() throws Exception {
    ProxySettings settings = ProxySettings.read(Map.of(), root);

    assertEquals(ProxySettings.Source.NONE, settings.source());
    assertEquals(Optional.empty(), settings.proxyFor("https", "smt-ec2.susecloud.net"));
  }

  @Test
  void read_environmentNeedsBothLowerCase() throws Exception {
    sysconfig("HTTP_PROXY=\"http://sys:1\"\nHTTPS_PROXY=\"http://sys:2\"\n");

    ProxySettings both = ProxySettings.read(Map.of("http_proxy", "http://env:1", "https_proxy", "http://env:2"), root);
    ProxySettings upperCase = ProxySettings.read(Map.of("HTTP_PROXY", "http://env:1", "HTTPS_PROXY", "http://env:2"), root);

    assertEquals(ProxySettings.Source.ENVIRONMENT, both.source());
    assertEquals(URI.create("http://env:2"), both.httpsProxy());
    assertEquals(ProxySettings.Source.SYSCONFIG, upperCase.source());
    assertEquals(URI.create("http://sys:2"), upperCase.httpsProxy());
  }

  @Test
  void read_upperCaseEnvironmentCountsWithoutSysconfig() throws Exception {
    ProxySettings settings = ProxySettings.read(Map.of("HTTPS_PROXY", "proxy.example.com:3128",
        "NO_PROXY", "localhost"), root);

    assertEquals(ProxySettings.Source.ENVIRONMENT, settings.source());
    assertEquals(URI.create("http://proxy.example.com:3128"), settings.httpsProxy());
    assertNull(settings.httpProxy());
    assertEquals(List.of("localhost"), settings.noProxy());
  }

  @Test
  void read_sysconfigQuotesAndComments() throws Exception {
    sysconfig("""
        ## Type:	string
        # HTTP_PROXY="http://commented:1"
        PROXY_ENABLED="yes"
        HTTP_PROXY=http://plain:3128
        HTTPS_PROXY='http://single:3128'
        NO_PROXY="localhost, 127.0.0.1"
        """);

    ProxySettings settings = ProxySettings.read(Map.of(), root);

    assertEquals(URI.create("http://plain:3128"), settings.httpProxy());
    assertEquals(URI.create("http://single:3128"), settings.httpsProxy());
    assertEquals(List.of("localhost", "127.0.0.1"), settings.noProxy());
    assertEquals(2, settings.notes().size());
  }

  @Test
  void read_disabledSysconfigFallsBackToEnvironment() throws Exception {
    sysconfig("PROXY_ENABLED=\"no\"\nHTTPS_PROXY=\"http://sys:2\"\n");

    ProxySettings settings = ProxySettings.read(Map.of("https_proxy", "http://env:2"), root);

    assertEquals(ProxySettings.Source.ENVIRONMENT, settings.source());
    assertEquals(URI.create("http://env:2"), settings.httpsProxy());
  }

  @Test
  void read_invalidProxyHidesTheCredentials() {
    ProxySettings.InvalidProxyException e = assertThrows(ProxySettings.InvalidProxyException.class,
        () -> ProxySettings.read(Map.of("https_proxy", "http://user:secret@:3128"), root));

    assertEquals("https_proxy 'http://***@:3128' is not a proxy URL such as http://proxy.example.com:3128",
        e.getMessage());
  }

  @Test
  void proxyFor_matchesNoProxyAsPythonRequests() throws Exception {
    ProxySettings settings = ProxySettings.read(Map.of("http_proxy", "http://p:1", "https_proxy", "http://p:1",
        "no_proxy", "169.254.169.254, .susecloud.net,10.0.0.0/8,example.org"), root);

    assertEquals(Optional.empty(), settings.proxyFor("http", "169.254.169.254"));
    assertEquals(Optional.empty(), settings.proxyFor("https", "smt-ec2.susecloud.net"));
    assertEquals(Optional.empty(), settings.proxyFor("https", "10.1.2.3"));
    assertEquals(Optional.empty(), settings.proxyFor("https", "www.example.org"));
    assertEquals(Optional.of(URI.create("http://p:1")), settings.proxyFor("https", "11.1.2.3"));
    assertEquals(Optional.of(URI.create("http://p:1")), settings.proxyFor("https", "169.254.169.25"));
  }

  @Test
  void proxyFor_starBypassesEverything() throws Exception {
    ProxySettings settings = ProxySettings.read(Map.of("https_proxy", "http://p:1", "no_proxy", "*"), root);

    assertEquals(Optional.empty(), settings.proxyFor("https", "192.0.2.1"));
  }

  @Test
  void redact_dropsUserInformation() {
    assertEquals("http://proxy:3128", ProxySettings.redact(URI.create("http://user:secret@proxy:3128")));
  }
}
