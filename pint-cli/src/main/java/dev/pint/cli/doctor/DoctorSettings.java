package dev.pint.cli.doctor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@code pint doctor} run: what it checks and how.
 *
 * @param root the instance's file system root, {@code /} on the instance itself
 * @param provider the provider, or null to find it from DMI data or the metadata service
 * @param region the region, or null to ask the metadata service; needs {@code provider}
 * @param metadataUrl the base URL of the instance metadata service, asked only when {@code
 *     region} is null
 * @param proxyType the TLS-inspecting proxy to write exemptions for, or null when unknown
 * @param timeout the time allowed for each connection, handshake and request
 * @param regionServerPort the port of the region servers, 443 on a real instance
 * @param updateServerHttpsPort the HTTPS port of the update servers, 443 on a real instance
 * @param updateServerHttpPort the HTTP port of the update servers, 80 on a real instance
 * @param environment the environment variables, for the proxy settings
 */
public record DoctorSettings(
    Path root,
    @Nullable String provider,
    @Nullable String region,
    URI metadataUrl,
    @Nullable ProxyType proxyType,
    Duration timeout,
    int regionServerPort,
    int updateServerHttpsPort,
    int updateServerHttpPort,
    Map<String, String> environment) {

  /**
   * The link-local address where every supported provider serves instance metadata, the default
   * of {@code --metadata-url}. Only an instance itself can reach it, so tests and runs elsewhere
   * give a loopback URL or the region.
   */
  public static final URI LINK_LOCAL_METADATA_URL = URI.create("http://169.254.169.254");

  public DoctorSettings {
    environment = Map.copyOf(environment);
    if (region != null && provider == null) {
      throw new IllegalArgumentException("a region needs a provider");
    }
  }
}
