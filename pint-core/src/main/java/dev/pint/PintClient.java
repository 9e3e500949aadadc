package dev.pint;

import dev.pint.internal.ImageEntries;
import dev.pint.internal.JsonDocuments;
import dev.pint.internal.MemoryCache;
import dev.pint.internal.MirrorWriter;
import dev.pint.internal.ProxySettings;
import dev.pint.internal.RegionMatcher;
import dev.pint.internal.Request;
import dev.pint.internal.Response;
import dev.pint.internal.ServerEntries;
import dev.pint.internal.ServiceDates;
import dev.pint.internal.Transport;
import dev.pint.internal.TransportSettings;
import dev.pint.internal.TrustAnchors;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A client of the SUSE Public Cloud Information Service.
 *
 * <pre>{@code
 * try (PintClient client = PintClient.builder().build()) {
 *   ServerList servers = client.servers(ServerQuery.of("amazon").withRegions("us-east-1"));
 *   servers.servers().forEach(server -> System.out.println(server.ipv4()));
 * }
 * }</pre>
 *
 * <p>The client fetches a provider's whole server list once and serves every region and type
 * query for that provider from it, until the entry's time to live runs out. It is thread-safe:
 * concurrent calls that need the same document wait for one request instead of each sending one.
 * Image lists are fetched per route a query needs (provider, region, state) and kept the same
 * way. Nothing is fetched while the client is built.
 */
public final class PintClient implements AutoCloseable {
  /** The public service. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://susepubliccloudinfo.suse.com");

  private static final Pattern PROVIDER_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /**
   * Region names that may be sent to the service's region route. Dots and slashes are excluded,
   * so a name such as {@code ..} or {@code ../microsoft} can never walk the URL path to another
   * document.
   */
  private static final Pattern ROUTABLE_REGION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _-]{0,99}");

  /**
   * Image names that may be sent to the deletion date route: the characters of the names the
   * service lists, without slashes, so a name can never walk the URL path either.
   */
  private static final Pattern ROUTABLE_IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+-]{0,254}");

  private static final int MAXIMUM_ANSWERS = 1024;

  private final URI baseUrl;
  private final Transport transport;
  private final MemoryCache cache;
  private final Map<ServerQuery, Answer> answers = new ConcurrentHashMap<>();

  private PintClient(Builder builder, Transport transport) {
    this.baseUrl = builder.baseUrl;
    this.transport = transport;
    this.cache = new MemoryCache(
        saturatedNanos(builder.cacheTtl), builder.maximumCacheEntries, System::nanoTime);
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Returns a builder with the defaults described on each setter. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns this library's version, such as {@code 0.1.0}. */
  public static String version() {
    return BuildInfo.VERSION;
  }

  /** The base URL requests go to, without a trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Fetches the providers the service covers. */
  public List<Provider> providers() {
    return cached("v1/providers.json", path -> {
      List<Provider> providers = new ArrayList<>();
      for (Map<String, @Nullable Object> fields : readList(path, "providers")) {
        providers.add(new Provider(name(fields, path), fields));
      }
      return List.copyOf(providers);
    });
  }

  /**
   * Fetches the regions the service lists for {@code provider}, including regions that only
   * have images and, for Azure, several aliases of one region.
   *
   * @throws UnknownProviderException when the service does not know the provider
   */
  public List<Region> regions(String provider) {
    String name = providerName(provider);
    return withProviderCheck(name, () -> cached("v1/" + name + "/regions.json", path -> {
      List<Region> regions = new ArrayList<>();
      for (Map<String, @Nullable Object> fields : readList(path, "regions")) {
        regions.add(new Region(name(fields, path), fields));
      }
      return List.copyOf(regions);
    }));
  }

  /**
   * Fetches the server types the service lists for {@code provider}.
   *
   * @throws UnknownProviderException when the service does not know the provider
   */
  public List<ServerTypeName> serverTypes(String provider) {
    String name = providerName(provider);
    return withProviderCheck(name, () -> cached("v1/" + name + "/servers/types.json", path -> {
      List<ServerTypeName> types = new ArrayList<>();
      for (Map<String, @Nullable Object> fields : readList(path, "types")) {
        types.add(new ServerTypeName(name(fields, path), fields));
      }
      return List.copyOf(types);
    }));
  }

  /**
   * Fetches every server of {@code provider}.
   *
   * @throws UnknownProviderException when the service does not know the provider
   * @throws MalformedDataException when any entry is invalid; no partial list is returned
   */
  public ServerList servers(String provider) {
    String name = providerName(provider);
    return withProviderCheck(name, () -> serverList(name, "v1/" + name + "/servers.json"));
  }

  /**
   * Fetches the servers {@code query} selects.
   *
   * <p>Each region name is matched against the regions of the provider's server list: the exact
   * name wins, otherwise a name that is equal ignoring case, spaces, hyphens and underscores is
   * used if it is the only one. A name that matches nothing is looked up with the service's
   * region route, which resolves aliases such as Azure's {@code uswest}. The servers of every
   * region are returned together, in the order of the service's list, each server once.
   *
   * @throws UnknownProviderException when the service does not know the provider
   * @throws UnknownRegionException when a region is not known, with the closest known names
   * @throws AmbiguousRegionException when a region matches several listed regions
   */
  public ServerList servers(ServerQuery query) {
    Answer answer = answers.get(query);
    if (answer != null && cache.getIfPresent(answer.path()) == answer.list()) {
      return answer.servers();
    }

    String name = providerName(query.provider());
    String path = "v1/" + name + "/servers.json";
    ServerList all = withProviderCheck(name, () -> serverList(name, path));

    List<Server> selected = new ArrayList<>();
    Set<String> resolved = new LinkedHashSet<>();
    boolean routed = false;

    if (query.regions().isEmpty()) {
      selected.addAll(all.servers());
    } else {
      Set<String> known = new LinkedHashSet<>();
      for (Server server : all.servers()) {
        known.add(server.region());
      }
      Set<String> listedRegions = new LinkedHashSet<>();
      for (String region : query.regions()) {
        RegionMatcher.Match match = RegionMatcher.match(region, known);
        if (match instanceof RegionMatcher.Found found) {
          listedRegions.add(found.region());
          resolved.add(found.region());
        } else if (match instanceof RegionMatcher.Ambiguous ambiguous) {
          throw new AmbiguousRegionException(all.provider(), region, ambiguous.candidates());
        } else {
          ServerList byRoute = lookUpRegion(all.provider(), region, known);
          routed = true;
          resolved.addAll(byRoute.regions());
          selected.addAll(byRoute.servers());
        }
      }
      for (Server server : all.servers()) {
        if (listedRegions.contains(server.region())) {
          selected.add(server);
        }
      }
    }

    ServerList servers = new ServerList(all.provider(), List.copyOf(resolved), all.source(),
        all.fetchedAt(), inListOrder(selected, all.servers(), query.kind()));
    // An answer that used the region route depends on a second document; it is not kept.
    if (!routed) {
      if (answers.size() >= MAXIMUM_ANSWERS) {
        answers.clear();
      }
      answers.put(query, new Answer(path, all, servers));
    }
    return servers;
  }

  /**
   * The answer to a query, kept while the provider's list it was selected from is the one in the
   * memory cache, so a repeated query costs a map lookup (docs/performance.md).
   */
  private record Answer(String path, ServerList list, ServerList servers) {}

  /**
   * Keeps the servers of {@code kind} (both when null), each entry of the list once, in the
   * order of the provider's list; entries found only through the region route follow. Equal
   * entries that the service lists twice stay twice, as the reference prints them.
   */
  private static List<Server> inListOrder(
      List<Server> selected, List<Server> list, ServerType.@Nullable Kind kind) {
    Map<Server, Integer> positions = new java.util.IdentityHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      positions.put(list.get(i), i);
    }
    Set<Server> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<Server> listed = new ArrayList<>();
    List<Server> routed = new ArrayList<>();
    for (Server server : selected) {
      if ((kind == null || server.type().kind() == kind) && seen.add(server)) {
        (positions.containsKey(server) ? listed : routed).add(server);
      }
    }
    listed.sort(java.util.Comparator.comparingInt(positions::get));
    listed.addAll(routed);
    return listed;
  }

  /**
   * Asks the service's region route about a name the server list does not contain. The route
   * resolves aliases; a 404 means the region is unknown. An empty answer is trusted only when the
   * region list names the region, so a typo never turns into an empty success.
   */
  private ServerList lookUpRegion(String provider, String region, Set<String> known) {
    if (!ROUTABLE_REGION.matcher(region).matches()) {
      throw new UnknownRegionException(provider, region, RegionMatcher.suggest(region, known));
    }
    String path = "v1/" + provider + "/" + encodePathSegment(region) + "/servers.json";
    ServerList byRoute;
    try {
      byRoute = serverList(provider, path);
    } catch (HttpStatusException e) {
      if (e.code() == 404) {
        throw new UnknownRegionException(provider, region, RegionMatcher.suggest(region, known));
      }
      throw e;
    }

    Set<String> regions = new LinkedHashSet<>();
    for (Server server : byRoute.servers()) {
      regions.add(server.region());
    }
    if (regions.isEmpty()) {
      Set<String> listed = new LinkedHashSet<>();
      for (Region listedRegion : regions(provider)) {
        listed.add(listedRegion.name());
      }
      if (!(RegionMatcher.match(region, listed) instanceof RegionMatcher.Found found)) {
        Set<String> all = new LinkedHashSet<>(known);
        all.addAll(listed);
        throw new UnknownRegionException(provider, region, RegionMatcher.suggest(region, all));
      }
      regions.add(found.region());
    }
    return new ServerList(provider, List.copyOf(regions), byRoute.source(), byRoute.fetchedAt(),
        byRoute.servers());
  }

  private ServerList serverList(String provider, String path) {
    return cached(path, p -> {
      Response response = transport.get(Request.of(url(p)));
      List<Server> servers = new ArrayList<>();
      JsonDocuments.readList(new ByteArrayInputStream(response.body()), "servers", response.url(),
          fields -> servers.add(ServerEntries.toServer(fields, servers.size(), response.url())));
      return new ServerList(provider, List.of(), response.url(), response.fetchedAt(), servers);
    });
  }

  /** Fetches the image states the service defines, such as {@code active} and {@code deleted}. */
  public List<ImageState> imageStates() {
    return cached("v1/images/states.json", path -> {
      List<ImageState> states = new ArrayList<>();
      for (Map<String, @Nullable Object> fields : readList(path, "states")) {
        states.add(new ImageState(name(fields, path), fields));
      }
      return List.copyOf(states);
    });
  }

  /**
   * Fetches the images {@code query} selects.
   *
   * <p>Each region name is matched against the provider's region list as for {@link
   * #servers(ServerQuery)}, but without the alias lookup, because the image routes accept only
   * listed names. The images of several regions are returned region by region, in the order the
   * regions were given. Without a region the service's list covers every region; for Amazon it
   * is several megabytes, which the client parses as it reads.
   *
   * @throws UnknownProviderException when the service does not know the provider
   * @throws UnknownRegionException when a region is not in the provider's region list
   * @throws AmbiguousRegionException when a region matches several listed regions
   * @throws HttpStatusException with code 404 when the service does not know the state
   * @throws MalformedDataException when any entry is invalid; no partial list is returned
   */
  public ImageList images(ImageQuery query) {
    String name = providerName(query.provider());
    String route = query.state() == null ? "/images.json" : "/images/" + query.state() + ".json";
    if (query.regions().isEmpty()) {
      List<Image> images = withProviderCheck(name, () -> imageList("v1/" + name + route));
      return new ImageList(name, List.of(), query.state(), images);
    }

    Set<String> regions = new LinkedHashSet<>();
    for (String region : query.regions()) {
      regions.add(resolveImageRegion(name, region));
    }
    List<Image> images = new ArrayList<>();
    for (String region : regions) {
      images.addAll(imageList("v1/" + name + "/" + encodePathSegment(region) + route));
    }
    return new ImageList(name, List.copyOf(regions), query.state(), images);
  }

  /**
   * Fetches the day {@code image} of {@code provider} is deleted or is due to be deleted. See
   * {@link #deletionDate(String, String, String)}.
   */
  public Optional<LocalDate> deletionDate(String provider, String image) {
    return deletionDateIn(provider, null, image);
  }

  /**
   * Fetches the day {@code image} is deleted or is due to be deleted in {@code region}.
   *
   * <p>For a deleted image that is its deletion day; for a deprecated image the service adds the
   * provider's grace period to the deprecation day. The service's source (SUSE-Enceladus/
   * public-cloud-info-service, {@code pint_server/app.py}) sets two years for Amazon and six
   * months for the others. An image that is neither deprecated nor deleted has no deletion date,
   * so the result is empty.
   *
   * @throws UnknownProviderException when the service does not know the provider
   * @throws UnknownRegionException when the region is not in the provider's region list
   * @throws UnknownImageException when the service lists no image of that name there, or the name
   *     contains a character no image name has
   */
  public Optional<LocalDate> deletionDate(String provider, String region, String image) {
    return deletionDateIn(provider, Objects.requireNonNull(region, "region"), image);
  }

  private Optional<LocalDate> deletionDateIn(String provider, @Nullable String region, String image) {
    if (image.isBlank()) {
      throw new IllegalArgumentException("image name must not be blank");
    }
    String name = providerName(provider);
    String resolved = region == null ? null : resolveImageRegion(name, region);
    if (!ROUTABLE_IMAGE.matcher(image).matches()) {
      throw new UnknownImageException(name, resolved, image);
    }
    String path = "v1/" + name + (resolved == null ? "" : "/" + encodePathSegment(resolved))
        + "/images/deletiondate/" + encodePathSegment(image) + ".json";
    try {
      return withProviderCheck(name, () -> cached(path, p -> {
        Response response = transport.get(Request.of(url(p)));
        String text = JsonDocuments.readString(
            new ByteArrayInputStream(response.body()), "deletiondate", response.url());
        if (text.isEmpty()) {
          return Optional.<LocalDate>empty();
        }
        return Optional.of(ServiceDates.parse(text).orElseThrow(() -> new MalformedDataException(
            response.url(), "malformed data from " + response.url() + ": 'deletiondate' "
                + ServerEntries.quote(text) + " is not a date in the form yyyymmdd")));
      }));
    } catch (HttpStatusException e) {
      if (e.code() == 404) {
        throw new UnknownImageException(name, resolved, image);
      }
      throw e;
    }
  }

  /**
   * Fetches the deprecated images of {@code provider} that will be deleted by {@code date}. See
   * {@link #deletedBy(String, String, LocalDate)}.
   */
  public ImageList deletedBy(String provider, LocalDate date) {
    return deletedByIn(provider, null, date);
  }

  /**
   * Fetches the deprecated images in {@code region} that will be deleted by {@code date}: those
   * deprecated earlier than the provider's grace period before that date.
   *
   * @throws IllegalArgumentException when the year of {@code date} is before 1 or after 9999
   * @throws UnknownProviderException when the service does not know the provider
   * @throws UnknownRegionException when the region is not in the provider's region list
   * @throws MalformedDataException when any entry is invalid; no partial list is returned
   */
  public ImageList deletedBy(String provider, String region, LocalDate date) {
    return deletedByIn(provider, Objects.requireNonNull(region, "region"), date);
  }

  private ImageList deletedByIn(String provider, @Nullable String region, LocalDate date) {
    String day = ServiceDates.format(date);
    String name = providerName(provider);
    String resolved = region == null ? null : resolveImageRegion(name, region);
    String path = "v1/" + name + (resolved == null ? "" : "/" + encodePathSegment(resolved))
        + "/images/deletedby/" + day + ".json";
    List<Image> images = withProviderCheck(name, () -> imageList(path));
    return new ImageList(name, resolved == null ? List.of() : List.of(resolved), "deprecated", images);
  }

  /**
   * Matches a region name against the provider's region list, which the service checks every
   * regional image route against. A listed name that could walk the URL path is left out.
   */
  private String resolveImageRegion(String provider, String region) {
    Set<String> known = new LinkedHashSet<>();
    for (Region listed : regions(provider)) {
      if (ROUTABLE_REGION.matcher(listed.name()).matches()) {
        known.add(listed.name());
      }
    }
    RegionMatcher.Match match = RegionMatcher.match(region, known);
    if (match instanceof RegionMatcher.Found found) {
      return found.region();
    }
    if (match instanceof RegionMatcher.Ambiguous ambiguous) {
      throw new AmbiguousRegionException(provider, region, ambiguous.candidates());
    }
    throw new UnknownRegionException(provider, region, RegionMatcher.suggest(region, known));
  }

  /**
   * Fetches an image list, converting each entry as soon as it is parsed, so the decoded body
   * and the finished images are the largest things held at once.
   */
  private List<Image> imageList(String path) {
    return cached(path, p -> {
      Response response = transport.get(Request.of(url(p)));
      List<Image> images = new ArrayList<>();
      Map<String, String> sharedValues = new HashMap<>();
      JsonDocuments.readList(new ByteArrayInputStream(response.body()), "images", response.url(),
          fields -> images.add(
              ImageEntries.toImage(fields, images.size(), response.url(), sharedValues)));
      return List.copyOf(images);
    });
  }

  /**
   * Runs {@code request}, turning a 404 for a provider the service does not list into {@link
   * UnknownProviderException}.
   */
  private <T> T withProviderCheck(String provider, java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (HttpStatusException e) {
      if (e.code() != 404) {
        throw e;
      }
      List<String> known = providerNames();
      if (known.contains(provider)) {
        throw e;
      }
      throw new UnknownProviderException(provider, known);
    }
  }

  private String providerName(String provider) {
    String name = provider.toLowerCase(Locale.ROOT);
    if (!PROVIDER_NAME.matcher(name).matches()) {
      throw new UnknownProviderException(provider, providerNames());
    }
    return name;
  }

  private List<String> providerNames() {
    List<String> names = new ArrayList<>();
    for (Provider provider : providers()) {
      names.add(provider.name());
    }
    return names;
  }

  private List<Map<String, @Nullable Object>> readList(String path, String key) {
    Response response = transport.get(Request.of(url(path)));
    return JsonDocuments.readList(new ByteArrayInputStream(response.body()), key, response.url());
  }

  private String name(Map<String, @Nullable Object> fields, String path) {
    if (fields.get("name") instanceof String name) {
      return name;
    }
    URI url = url(path);
    throw new MalformedDataException(url, "malformed data from " + url
        + ": an entry has no 'name' string");
  }

  @SuppressWarnings("unchecked")
  private <T> T cached(String path, Function<String, T> load) {
    return (T) cache.get(path, load);
  }

  private URI url(String path) {
    return URI.create(baseUrl + "/" + path);
  }

  /** Percent-encodes a path segment, leaving only RFC 3986 unreserved characters as they are. */
  static String encodePathSegment(String segment) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
      if (unreserved) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return encoded.toString();
  }

  /**
   * Writes a mirror of the service into {@code directory}: the provider list and, for each of
   * {@code providers} (every provider when empty), its servers, regions and server types, with a
   * {@code manifest.json} giving each file's source URL, fetch time and SHA-256. A client built
   * with {@code baseUrl(directory.toUri())} then answers from the mirror without a network.
   *
   * @return the paths written, relative to {@code directory}, the manifest last
   * @throws UnknownProviderException when a provider is not in the service's list
   * @throws java.io.UncheckedIOException when a file cannot be written
   */
  public List<String> writeMirror(Path directory, Collection<String> providers) {
    List<String> names = new ArrayList<>();
    for (String provider : providers) {
      names.add(provider.toLowerCase(Locale.ROOT));
    }
    return new MirrorWriter(transport, baseUrl).write(directory, names);
  }

  /** Drops every cached document. The client holds no threads or connections to release. */
  @Override
  public void close() {
    cache.invalidateAll();
    answers.clear();
  }

  /** Settings of a {@link PintClient}. Each setting may be set once. */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration cacheTtl = Duration.ofHours(1);
    private long maximumCacheEntries = 256;
    private long maxResponseBytes = 64L * 1024 * 1024;
    private String userAgent = "pint-java/" + version();
    private @Nullable Path cacheDirectory;
    private CacheMode cacheMode = CacheMode.NORMAL;
    private @Nullable URI proxy;
    private @Nullable Map<String, String> proxyEnvironment;
    private @Nullable Path caCertificates;
    private int maxRetries = 3;
    private Duration retryTimeLimit = Duration.ofSeconds(30);
    private final Set<String> set = new LinkedHashSet<>();

    private Builder() {}

    private void once(String setting) {
      if (!set.add(setting)) {
        throw new IllegalStateException(setting + " was already set");
      }
    }

    /**
     * Sets the service's base URL, such as {@code http://127.0.0.1:8080} for a local copy, or the
     * {@code file:} URL of a folder written by {@link PintClient#writeMirror}, such as {@code
     * file:///srv/pint-mirror}; a trailing slash is ignored. The default is {@code
     * https://susepubliccloudinfo.suse.com}.
     *
     * @throws IllegalArgumentException when the URL is not absolute http, https or file, or has a
     *     query
     */
    public Builder baseUrl(String baseUrl) {
      return baseUrl(URI.create(baseUrl));
    }

    /** Sets the service's base URL; see {@link #baseUrl(String)}. */
    public Builder baseUrl(URI baseUrl) {
      once("baseUrl");
      String scheme = baseUrl.getScheme();
      boolean file = "file".equals(scheme) && baseUrl.getPath() != null
          && baseUrl.getPath().startsWith("/") && baseUrl.getRawAuthority() == null;
      boolean http = ("http".equals(scheme) || "https".equals(scheme)) && baseUrl.getHost() != null;
      if (!file && !http) {
        throw new IllegalArgumentException(
            "base URL must be an absolute http, https or file URL: " + baseUrl);
      }
      if (baseUrl.getRawUserInfo() != null) {
        throw new IllegalArgumentException("base URL must not contain credentials: "
            + baseUrl.getScheme() + "://" + baseUrl.getHost() + "/...");
      }
      if (baseUrl.getPort() > 65535) {
        throw new IllegalArgumentException("base URL port must be at most 65535: " + baseUrl);
      }
      if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
        throw new IllegalArgumentException("base URL must not have a query or fragment: " + baseUrl);
      }
      String text = baseUrl.toString();
      while (text.endsWith("/")) {
        text = text.substring(0, text.length() - 1);
      }
      this.baseUrl = URI.create(text);
      return this;
    }

    /** Sets the time allowed to open a connection. The default is 10 seconds. */
    public Builder connectTimeout(Duration timeout) {
      once("connectTimeout");
      this.connectTimeout = positive(timeout, "connect timeout");
      return this;
    }

    /** Sets the time allowed between two reads of a response. The default is 30 seconds. */
    public Builder readTimeout(Duration timeout) {
      once("readTimeout");
      this.readTimeout = positive(timeout, "read timeout");
      return this;
    }

    /**
     * Sets how long a fetched document is reused, from memory and from the disk cache, before it
     * is fetched or revalidated again. The default is 1 hour.
     */
    public Builder cacheTtl(Duration ttl) {
      once("cacheTtl");
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("cache time to live must not be negative: " + ttl);
      }
      this.cacheTtl = ttl;
      return this;
    }

    /**
     * Sets how many documents the memory cache keeps. The default is 256. With 0 the client keeps
     * no memory cache: every call reads through the disk cache or the network, and concurrent
     * calls for one document each fetch it. A process that makes one query, such as the pint
     * command, saves the cache's set-up that way.
     */
    public Builder maximumCacheEntries(long entries) {
      once("maximumCacheEntries");
      if (entries < 0) {
        throw new IllegalArgumentException("maximum cache entries must not be negative: " + entries);
      }
      this.maximumCacheEntries = entries;
      return this;
    }

    /** Sets the largest response body accepted, after decompression. The default is 64 MiB. */
    public Builder maxResponseBytes(long bytes) {
      once("maxResponseBytes");
      if (bytes <= 0) {
        throw new IllegalArgumentException("maximum response size must be positive: " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /** Sets the User-Agent header. The default is {@code pint-java/} and the version. */
    public Builder userAgent(String userAgent) {
      once("userAgent");
      if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c >= 0x7f)) {
        throw new IllegalArgumentException("user agent must be printable ASCII: " + userAgent);
      }
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Sets the folder of the disk cache, which keeps documents across processes and stands in
     * for the service when it fails. The {@code pint} command uses {@code $XDG_CACHE_HOME/pint},
     * else {@code ~/.cache/pint}. The folder is created with mode 0700 on first write. The
     * default is no disk cache.
     */
    public Builder cacheDirectory(Path directory) {
      once("cacheDirectory");
      this.cacheDirectory = directory;
      return this;
    }

    /**
     * Sets how the disk cache is used; {@link CacheMode#REFRESH} and {@link CacheMode#OFFLINE}
     * need a {@link #cacheDirectory}, except that {@code OFFLINE} with a {@code file:} base URL
     * reads the mirror. The default is {@link CacheMode#NORMAL}.
     */
    public Builder cacheMode(CacheMode mode) {
      once("cacheMode");
      this.cacheMode = mode;
      return this;
    }

    /**
     * Sets the HTTP proxy for every request, as {@code http://[USER:PASSWORD@]HOST[:PORT]}, except
     * for the hosts in the {@code no_proxy} variable. Credentials are sent with Basic
     * authentication to this proxy only; for HTTPS through CONNECT the JVM must allow Basic for
     * tunnels ({@code -Djdk.http.auth.tunneling.disabledSchemes=}), which the {@code pint} command
     * does. The default is no explicit proxy: Java's {@code https.proxyHost}, {@code
     * https.proxyPort}, {@code http.proxyHost}, {@code http.proxyPort} and {@code
     * http.nonProxyHosts} properties, then the {@code https_proxy}, {@code HTTPS_PROXY}, {@code
     * http_proxy}, {@code HTTP_PROXY}, {@code no_proxy} and {@code NO_PROXY} variables decide.
     *
     * @throws IllegalArgumentException when the URL is not an http URL with a host; the message
     *     never shows the password
     */
    public Builder proxy(URI proxy) {
      once("proxy");
      ProxySettings.read(proxy, Map.of(), new Properties());
      this.proxy = proxy;
      return this;
    }

    /**
     * Sets the environment variables the proxy settings are read from ({@code https_proxy},
     * {@code no_proxy} and their upper-case forms). The default is {@link System#getenv()}.
     */
    public Builder proxyEnvironment(Map<String, String> environment) {
      once("proxyEnvironment");
      this.proxyEnvironment = Map.copyOf(environment);
      return this;
    }

    /**
     * Adds the certificate authorities in a PEM file to the ones Java trusts, for a
     * TLS-inspecting proxy. Certificates are always verified. The file is read by {@link
     * #build()}. The default is Java's trusted authorities alone.
     */
    public Builder caCertificates(Path pemFile) {
      once("caCertificates");
      this.caCertificates = pemFile;
      return this;
    }

    /**
     * Sets how many times a connection failure, timeout, or HTTP 429, 502, 503 or 504 is retried,
     * with exponential backoff and jitter, or the delay a {@code Retry-After} header asks for; 0
     * turns retries off. The default is 3.
     */
    public Builder maxRetries(int retries) {
      once("maxRetries");
      if (retries < 0) {
        throw new IllegalArgumentException("maximum retries must not be negative: " + retries);
      }
      this.maxRetries = retries;
      return this;
    }

    /**
     * Sets the time, from a request's first attempt, after which no retry starts; a delay that
     * would end later is not waited. The default is 30 seconds.
     */
    public Builder retryTimeLimit(Duration limit) {
      once("retryTimeLimit");
      this.retryTimeLimit = positive(limit, "retry time limit");
      return this;
    }

    private static Duration positive(Duration duration, String what) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + duration);
      }
      return duration;
    }

    /**
     * Builds the client. Nothing is fetched until the first query; the proxy settings are read
     * and the {@link #caCertificates} file is parsed now.
     *
     * @throws IllegalStateException when a cache mode other than {@code NORMAL} is set without a
     *     cache directory and the base URL is not a mirror
     * @throws IllegalArgumentException when a proxy setting or the certificate file is invalid
     */
    public PintClient build() {
      boolean mirror = "file".equals(baseUrl.getScheme());
      if (cacheMode != CacheMode.NORMAL && cacheDirectory == null && !mirror) {
        throw new IllegalStateException("cache mode " + cacheMode + " needs a cache directory");
      }
      ProxySettings proxies = ProxySettings.read(proxy,
          proxyEnvironment != null ? proxyEnvironment : System.getenv(), System.getProperties());
      TrustAnchors trustAnchors = caCertificates == null ? null : TrustAnchors.readPem(caCertificates);
      TransportSettings settings = new TransportSettings(baseUrl, connectTimeout, readTimeout,
          userAgent, maxResponseBytes, proxies, trustAnchors, maxRetries, retryTimeLimit,
          cacheDirectory, cacheTtl, cacheMode);
      return new PintClient(this, settings.createTransport());
    }
  }
}
