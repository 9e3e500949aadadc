package dev.pint;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A selection of a provider's servers: some or all regions, one or both kinds.
 *
 * <pre>{@code
 * ServerQuery query = ServerQuery.of("amazon")
 *     .withRegions("us-east-1", "eu-central-1")
 *     .withKind(ServerType.Kind.UPDATE_SERVER);
 * }</pre>
 *
 * @param provider the provider name, matched ignoring case
 * @param regions the region names as a person typed them; empty for every region
 * @param kind the kind of server to keep, or null for both
 */
public record ServerQuery(String provider, List<String> regions, ServerType.@Nullable Kind kind) {

  public ServerQuery {
    Objects.requireNonNull(provider, "provider");
    regions = List.copyOf(regions);
    for (String region : regions) {
      if (region.isBlank()) {
        throw new IllegalArgumentException("region names must not be blank: " + regions);
      }
    }
  }

  /** Selects every server of {@code provider}. */
  public static ServerQuery of(String provider) {
    return new ServerQuery(provider, List.of(), null);
  }

  /** Returns a copy limited to {@code regions}; an empty array means every region. */
  public ServerQuery withRegions(String... regions) {
    return new ServerQuery(provider, List.of(regions), kind);
  }

  /** Returns a copy limited to {@code regions}; an empty list means every region. */
  public ServerQuery withRegions(List<String> regions) {
    return new ServerQuery(provider, regions, kind);
  }

  /** Returns a copy limited to one kind of server, or to both when {@code kind} is null. */
  public ServerQuery withKind(ServerType.@Nullable Kind kind) {
    return new ServerQuery(provider, regions, kind);
  }

  // equals and hashCode are written out because the generated ones link through invokedynamic,
  // which costs a short-lived process milliseconds the first time a query is used as a key.

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ServerQuery other && provider.equals(other.provider)
        && regions.equals(other.regions) && kind == other.kind;
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, regions, kind);
  }
}
