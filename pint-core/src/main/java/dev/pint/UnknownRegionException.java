package dev.pint;

import dev.pint.internal.ServerEntries;
import java.util.List;

/**
 * A region the service does not list for the provider. For servers, neither the provider's server
 * list nor the service's region lookup contains it. For images, the region list does not.
 */
public final class UnknownRegionException extends PintException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final String region;
  private final List<String> suggestions;

  public UnknownRegionException(String provider, String region, List<String> suggestions) {
    super(message(provider, region, suggestions));
    this.provider = provider;
    this.region = region;
    this.suggestions = List.copyOf(suggestions);
  }

  private static String message(String provider, String region, List<String> suggestions) {
    String message = "unknown region " + ServerEntries.quote(region) + " for " + provider;
    if (suggestions.isEmpty()) {
      return message + "; list the regions with 'pint " + provider + " regions'";
    }
    List<String> quoted = new java.util.ArrayList<>();
    for (String suggestion : suggestions) {
      quoted.add(ServerEntries.quote(suggestion));
    }
    return message + "; did you mean " + String.join(", ", quoted) + "?";
  }

  /** The provider the region was looked up for. */
  public String provider() {
    return provider;
  }

  /** The region name as given. */
  public String region() {
    return region;
  }

  /** The known region names closest to the one given, closest first; may be empty. */
  public List<String> suggestions() {
    return suggestions;
  }
}
