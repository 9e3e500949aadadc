package dev.pint.cli.allowlist;

import dev.pint.cli.Quoting;
import dev.pint.cli.UnrepresentableDataException;
import inet.ipaddr.IPAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The destinations an instance in some regions of one provider must reach to register and
 * update: every region server of the provider, the update servers of those regions, the update-server and
 * registry names, the metadata address, and the ports.
 *
 * <p>An allowlist is immutable and every value in it has been validated: addresses are single
 * IPv4 or IPv6 addresses, names are lower-case host names, and the provider, region names,
 * source URL and version contain no character that could end a comment or a quoted string in
 * any target's syntax. Lists are sorted (addresses IPv4 first, then numerically) and hold each
 * value once, so targets print them in order without further checks.
 *
 * <pre>{@code
 * Allowlist allowlist = Allowlist.builder("amazon", source, fetchedAt, "0.1.0")
 *     .region("us-east-1")
 *     .addRegionServer(IpAddresses.parse("192.0.2.10").orElseThrow())
 *     .addUpdateServer("us-east-1", IpAddresses.parse("192.0.2.20").orElseThrow())
 *     .addName("smt-ec2.susecloud.net")
 *     .build();
 * }</pre>
 */
public final class Allowlist {
  /** The instance metadata service, which must never be reached through a proxy. */
  public static final String METADATA_ADDRESS = "169.254.169.254";
  /** HTTPS, which the update infrastructure always uses. */
  public static final int HTTPS_PORT = 443;
  /** HTTP, which instances also use unless their {@code httpsOnly} setting is {@code true}. */
  public static final int HTTP_PORT = 80;

  private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final Pattern REGION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+_-]{0,62}");

  private final String provider;
  private final List<String> regions;
  private final List<IPAddress> regionServers;
  private final SortedMap<String, List<IPAddress>> updateServers;
  private final List<IPAddress> updateServerAddresses;
  private final List<IPAddress> addresses;
  private final List<String> names;
  private final List<Integer> ports;
  private final IPAddress metadataAddress;
  private final URI source;
  private final Instant fetchedAt;
  private final String toolVersion;

  private Allowlist(Builder builder) {
    this.provider = builder.provider;
    this.source = builder.source;
    this.fetchedAt = builder.fetchedAt;
    this.toolVersion = builder.toolVersion;
    this.metadataAddress = IpAddresses.parse(METADATA_ADDRESS).orElseThrow(AssertionError::new);

    TreeSet<String> allRegions = new TreeSet<>(builder.regions);
    allRegions.addAll(builder.updateServers.keySet());
    this.regions = List.copyOf(allRegions);

    this.regionServers = sorted(builder.regionServers);
    SortedMap<String, List<IPAddress>> byRegion = new TreeMap<>();
    TreeSet<IPAddress> allUpdateServers = new TreeSet<>(IpAddresses.ORDER);
    for (Map.Entry<String, List<IPAddress>> entry : builder.updateServers.entrySet()) {
      byRegion.put(entry.getKey(), sorted(entry.getValue()));
      allUpdateServers.addAll(entry.getValue());
    }
    this.updateServers = Collections.unmodifiableSortedMap(byRegion);
    this.updateServerAddresses = List.copyOf(allUpdateServers);

    TreeSet<IPAddress> all = new TreeSet<>(IpAddresses.ORDER);
    all.addAll(regionServers);
    all.addAll(allUpdateServers);
    this.addresses = List.copyOf(all);

    this.names = List.copyOf(new TreeSet<>(builder.names));
    this.ports = List.copyOf(new TreeSet<>(builder.ports));
  }

  /**
   * Returns a builder for an allowlist of {@code provider}, with port 443 only.
   *
   * @param source the URL of the server list the data comes from
   * @param fetchedAt when that list was fetched
   * @param toolVersion the version of pint that builds the allowlist
   * @throws UnrepresentableDataException when a value is unsafe to print
   */
  public static Builder builder(String provider, URI source, Instant fetchedAt, String toolVersion) {
    return new Builder(provider, source, fetchedAt, toolVersion);
  }

  /** The provider name as the service spells it in URLs, such as {@code amazon}. */
  public String provider() {
    return provider;
  }

  /** The regions the allowlist is for, sorted. */
  public List<String> regions() {
    return regions;
  }

  /** Every region server of the provider, in every region, sorted and without duplicates. */
  public List<IPAddress> regionServers() {
    return regionServers;
  }

  /**
   * The update servers of each region, sorted by region name and then by address. An address
   * listed under several regions appears under each of them here, and once in {@link
   * #updateServerAddresses()} and {@link #addresses()}. A region without update servers maps to
   * an empty list only if it was added with {@link Builder#region}; see {@link #regions()}.
   */
  public SortedMap<String, List<IPAddress>> updateServers() {
    return updateServers;
  }

  /** The update servers of every region of the allowlist, sorted and without duplicates. */
  public List<IPAddress> updateServerAddresses() {
    return updateServerAddresses;
  }

  /** The region servers and update servers together, sorted and without duplicates. */
  public List<IPAddress> addresses() {
    return addresses;
  }

  /** The IPv4 addresses of {@link #addresses()}. */
  public List<IPAddress> ipv4Addresses() {
    return addresses.stream().filter(IPAddress::isIPv4).toList();
  }

  /** The IPv6 addresses of {@link #addresses()}. */
  public List<IPAddress> ipv6Addresses() {
    return addresses.stream().filter(IPAddress::isIPv6).toList();
  }

  /** The host names of the update servers and registries, sorted, such as {@code smt-ec2.susecloud.net}. */
  public List<String> names() {
    return names;
  }

  /** The TCP ports, ascending: 443, and 80 when instances may use plain HTTP. */
  public List<Integer> ports() {
    return ports;
  }

  /** The instance metadata address {@value #METADATA_ADDRESS}. */
  public IPAddress metadataAddress() {
    return metadataAddress;
  }

  /** The URL of the server list the data was taken from. */
  public URI source() {
    return source;
  }

  /** When the server list was fetched. */
  public Instant fetchedAt() {
    return fetchedAt;
  }

  /** The version of pint that built the allowlist, such as {@code 0.1.0}. */
  public String toolVersion() {
    return toolVersion;
  }

  private static List<IPAddress> sorted(Collection<IPAddress> addresses) {
    TreeSet<IPAddress> set = new TreeSet<>(IpAddresses.ORDER);
    set.addAll(addresses);
    return List.copyOf(set);
  }

  /**
   * Settings of an {@link Allowlist}. Each value is checked when it is added, so a bad value is
   * reported with its own name, and {@link #build()} sorts and removes duplicates.
   */
  public static final class Builder {
    private final String provider;
    private final URI source;
    private final Instant fetchedAt;
    private final String toolVersion;
    private final List<String> regions = new ArrayList<>();
    private final List<IPAddress> regionServers = new ArrayList<>();
    private final SortedMap<String, List<IPAddress>> updateServers = new TreeMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>(List.of(HTTPS_PORT));

    private Builder(String provider, URI source, Instant fetchedAt, String toolVersion) {
      if (!PROVIDER.matcher(provider).matches()) {
        throw unsafe("provider name " + Quoting.quote(provider)
            + " is not lower-case letters, digits, dots, hyphens and underscores");
      }
      String url = source.toASCIIString();
      if (!source.isAbsolute() || !printableWithoutSpaces(url)) {
        throw unsafe("source URL " + Quoting.quote(url) + " is not an absolute URL of printable characters");
      }
      if (!VERSION.matcher(toolVersion).matches()) {
        throw unsafe("tool version " + Quoting.quote(toolVersion) + " is not a version number");
      }
      this.provider = provider;
      this.source = URI.create(url);
      this.fetchedAt = fetchedAt;
      this.toolVersion = toolVersion;
    }

    /**
     * Adds a region the allowlist is for, even one without update servers.
     *
     * @throws UnrepresentableDataException when the name has characters other than letters,
     *     digits, spaces, dots, hyphens and underscores, or more than 63 of them
     */
    public Builder region(String region) {
      regions.add(checkRegion(region));
      return this;
    }

    /** Adds a region server. */
    public Builder addRegionServer(IPAddress address) {
      regionServers.add(checkAddress(address));
      return this;
    }

    /** Adds an update server of {@code region}; the region is added too. */
    public Builder addUpdateServer(String region, IPAddress address) {
      updateServers.computeIfAbsent(checkRegion(region), r -> new ArrayList<>()).add(checkAddress(address));
      return this;
    }

    /**
     * Adds a host name of the update infrastructure.
     *
     * @throws UnrepresentableDataException when the name is not a valid lower-case host name
     */
    public Builder addName(String name) {
      if (!Hostnames.isValid(name)) {
        throw unsafe("host name " + Quoting.quote(name) + " is not a valid lower-case host name");
      }
      names.add(name);
      return this;
    }

    /** Adds port 80 to port 443, for instances whose {@code httpsOnly} is not {@code true}. */
    public Builder withHttpPort() {
      ports.add(HTTP_PORT);
      return this;
    }

    /** Builds the allowlist. */
    public Allowlist build() {
      return new Allowlist(this);
    }

    private String checkRegion(String region) {
      if (!REGION.matcher(region).matches()) {
        throw unsafe("region name " + Quoting.quote(region)
            + " has characters other than letters, digits, spaces, dots, hyphens and underscores");
      }
      return region;
    }

    /** Accepts a single address, with no prefix length or a host one ({@code /32}, {@code /128}). */
    private static IPAddress checkAddress(IPAddress address) {
      Integer prefixLength = address.getNetworkPrefixLength();
      boolean hostPrefix = prefixLength == null || prefixLength == address.getBitCount();
      IPAddress single = address.withoutPrefixLength();
      if (address.isMultiple() || !hostPrefix || IpAddresses.parse(single.toCanonicalString()).isEmpty()) {
        throw unsafe("address " + Quoting.quote(address.toCanonicalString()) + " is not a single IP address");
      }
      return single;
    }

    private static boolean printableWithoutSpaces(String text) {
      return text.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static UnrepresentableDataException unsafe(String problem) {
      return new UnrepresentableDataException("cannot build an allowlist: " + problem
          + "; nothing was written");
    }
  }
}
