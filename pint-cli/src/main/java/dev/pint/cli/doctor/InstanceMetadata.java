package dev.pint.cli.doctor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the instance's provider and region the way the registration client's plugins do: from
 * the DMI vendor strings, and from the provider's instance metadata service.
 *
 * <p>Requests always go directly, never through a proxy, so the response is the service's
 * own. The base URL is always given by the caller.
 */
final class InstanceMetadata {
  /** The metadata address as it appears in {@code NO_PROXY}. */
  static final String LINK_LOCAL_HOST = DoctorSettings.LINK_LOCAL_METADATA_URL.getHost();

  /** Maximum response size read, in bytes; a region name is a few dozen bytes. */
  private static final int MAX_ANSWER_BYTES = 4096;

  private static final String DMI = "/sys/class/dmi/id";

  private static final Pattern AWS_REGION = Pattern.compile("([a-z]{2}(?:-[a-z]+)+-\\d+)");
  private static final Pattern AZURE_REGION = Pattern.compile("([A-Za-z][A-Za-z0-9 ]*[A-Za-z0-9])");
  /** A zone path such as {@code projects/123/zones/europe-west3-a}; the region drops the last letter. */
  private static final Pattern GCE_ZONE = Pattern.compile("projects/\\d+/zones/([a-z]+-[a-z]+\\d+)-[a-z]");

  private InstanceMetadata() {}

  /** A provider whose metadata service is supported. */
  enum Cloud {
    AMAZON("amazon"),
    MICROSOFT("microsoft"),
    GOOGLE("google");

    private final String provider;

    Cloud(String provider) {
      this.provider = provider;
    }

    /** Returns the provider's name in the SUSE Public Cloud Information Service. */
    String provider() {
      return provider;
    }

    static Optional<Cloud> forProvider(String provider) {
      for (Cloud cloud : values()) {
        if (cloud.provider.equalsIgnoreCase(provider)) {
          return Optional.of(cloud);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A region found through a metadata service.
   *
   * @param cloud the provider whose service responded
   * @param region the region as the service returned it, such as {@code GermanyWestCentral}; the
   *     server list lookup matches it ignoring case, spaces, hyphens and underscores
   * @param url the URL that answered
   */
  record Answer(Cloud cloud, String region, URI url) {}

  /**
   * Returns the provider named by the DMI vendor strings under {@code root}, such as {@code
   * Amazon EC2} in {@code /sys/class/dmi/id/sys_vendor}, or empty when they name none.
   */
  static Optional<Cloud> detect(Path root) {
    StringBuilder vendor = new StringBuilder();
    for (String name : new String[] {"sys_vendor", "product_name", "bios_vendor", "bios_version"}) {
      Path file = Paths.under(root, DMI + "/" + name);
      try {
        if (Files.isRegularFile(file)) {
          vendor.append(Files.readString(file, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)).append('\n');
        }
      } catch (IOException e) {
        // An unreadable DMI file names no vendor, so the metadata lookup decides.
      }
    }
    String text = vendor.toString();
    if (text.contains("amazon")) {
      return Optional.of(Cloud.AMAZON);
    }
    if (text.contains("microsoft")) {
      return Optional.of(Cloud.MICROSOFT);
    }
    if (text.contains("google")) {
      return Optional.of(Cloud.GOOGLE);
    }
    return Optional.empty();
  }

  /**
   * Asks {@code cloud}'s metadata service at {@code base} for the instance's region: AWS IMDSv2
   * with a session token, Azure IMDS with {@code Metadata: true}, GCE with {@code
   * Metadata-Flavor: Google}.
   *
   * @throws MetadataException when the service cannot be reached, fails, or answers with text
   *     that is not a region name of that provider
   */
  static Answer lookUp(URI base, Cloud cloud, Duration timeout) throws MetadataException {
    String root = base.toString().replaceAll("/+$", "");
    return switch (cloud) {
      case AMAZON -> {
        String token = request("PUT", root + "/latest/api/token",
            Map.of("X-aws-ec2-metadata-token-ttl-seconds", "60"), timeout);
        URI url = URI.create(root + "/latest/meta-data/placement/region");
        String region = request("GET", url.toString(), Map.of("X-aws-ec2-metadata-token", token), timeout);
        yield new Answer(cloud, regionShaped(cloud, region, AWS_REGION, url), url);
      }
      case MICROSOFT -> {
        URI url = URI.create(root + "/metadata/instance/compute/location?api-version=2021-02-01&format=text");
        String region = request("GET", url.toString(), Map.of("Metadata", "true"), timeout);
        yield new Answer(cloud, regionShaped(cloud, region, AZURE_REGION, url), url);
      }
      case GOOGLE -> {
        URI url = URI.create(root + "/computeMetadata/v1/instance/zone");
        String zone = request("GET", url.toString(), Map.of("Metadata-Flavor", "Google"), timeout);
        yield new Answer(cloud, regionShaped(cloud, zone, GCE_ZONE, url), url);
      }
    };
  }

  private static String regionShaped(Cloud cloud, String answer, Pattern shape, URI url) throws MetadataException {
    String trimmed = answer.strip();
    Matcher matcher = shape.matcher(trimmed);
    if (!matcher.matches()) {
      throw new MetadataException("the " + cloud.provider() + " metadata service at " + url
          + " answered " + Printable.quote(trimmed) + ", which is not a region name;"
          + " a proxy or another service answered in its place", true);
    }
    return matcher.group(1);
  }

  private static String request(String method, String url, Map<String, String> headers, Duration timeout)
      throws MetadataException {
    HttpURLConnection connection;
    try {
      connection = (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
    } catch (IOException | IllegalArgumentException e) {
      throw new MetadataException("invalid metadata URL " + url + ": " + e.getMessage(), false);
    }
    try {
      connection.setRequestMethod(method);
      connection.setConnectTimeout(Math.toIntExact(timeout.toMillis()));
      connection.setReadTimeout(Math.toIntExact(timeout.toMillis()));
      connection.setInstanceFollowRedirects(false);
      headers.forEach(connection::setRequestProperty);
      if (method.equals("PUT")) {
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(0);
      }
      int status = connection.getResponseCode();
      if (status != 200) {
        throw new MetadataException(method + " " + url + " returned HTTP " + status, false);
      }
      try (InputStream in = connection.getInputStream()) {
        return readLimited(in);
      }
    } catch (IOException e) {
      throw new MetadataException(method + " " + url + " failed: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + Printable.of(e.getMessage())), false);
    } finally {
      connection.disconnect();
    }
  }

  private static String readLimited(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    int read;
    while ((read = in.read(buffer)) >= 0 && out.size() < MAX_ANSWER_BYTES) {
      out.write(buffer, 0, Math.min(read, MAX_ANSWER_BYTES - out.size()));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A metadata lookup that failed. */
  static final class MetadataException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean notRegionShaped;

    MetadataException(String message, boolean notRegionShaped) {
      super(message);
      this.notRegionShaped = notRegionShaped;
    }

    /** Returns whether the service answered, but with text that is not a region name. */
    boolean notRegionShaped() {
      return notRegionShaped;
    }
  }
}
