package dev.pint;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A selection of a provider's images: some or all regions, one state or the service's default.
 *
 * <pre>{@code
 * ImageQuery query = ImageQuery.of("amazon").withRegions("eu-central-1").withState("active");
 * }</pre>
 *
 * <p>Without a state the service returns every image that is not deleted.
 *
 * @param provider the provider name, matched ignoring case
 * @param regions the region names as a person typed them; empty for every region
 * @param state a state name from {@link PintClient#imageStates()}, or null
 */
public record ImageQuery(String provider, List<String> regions, @Nullable String state) {
  private static final Pattern STATE_NAME = Pattern.compile("[a-z]+");

  /**
   * @throws IllegalArgumentException when a region name is blank or the state is not a lower-case
   *     word
   */
  public ImageQuery {
    Objects.requireNonNull(provider, "provider");
    regions = List.copyOf(regions);
    for (String region : regions) {
      if (region.isBlank()) {
        throw new IllegalArgumentException("region names must not be blank: " + regions);
      }
    }
    if (state != null && !STATE_NAME.matcher(state).matches()) {
      throw new IllegalArgumentException("image state must be a lower-case word such as 'active': "
          + state);
    }
  }

  /** Selects every image of {@code provider} that is not deleted. */
  public static ImageQuery of(String provider) {
    return new ImageQuery(provider, List.of(), null);
  }

  /** Returns a copy limited to {@code regions}; an empty array means every region. */
  public ImageQuery withRegions(String... regions) {
    return new ImageQuery(provider, List.of(regions), state);
  }

  /** Returns a copy limited to {@code regions}; an empty list means every region. */
  public ImageQuery withRegions(List<String> regions) {
    return new ImageQuery(provider, regions, state);
  }

  /** Returns a copy limited to images in {@code state}, or to the default when it is null. */
  public ImageQuery withState(@Nullable String state) {
    return new ImageQuery(provider, regions, state);
  }

  // equals and hashCode are written out because the generated ones link through invokedynamic,
  // which costs a short-lived process milliseconds the first time a query is used as a key.

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ImageQuery other && provider.equals(other.provider)
        && regions.equals(other.regions) && Objects.equals(state, other.state);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, regions, state);
  }
}
