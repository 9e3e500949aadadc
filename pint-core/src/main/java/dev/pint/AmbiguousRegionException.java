package dev.pint;

import dev.pint.internal.ServerEntries;
import java.util.List;

/**
 * A region name that is not in the list as given but matches several listed regions once case,
 * spaces, hyphens and underscores are ignored. Azure, for example, lists "Germany Central" and
 * "germanycentral" as two regions with different servers.
 */
public final class AmbiguousRegionException extends PintException {
  private static final long serialVersionUID = 1L;

  private final String region;
  private final List<String> candidates;

  public AmbiguousRegionException(String provider, String region, List<String> candidates) {
    super("region " + ServerEntries.quote(region) + " is ambiguous for " + provider
        + ": it matches " + quotedList(candidates) + "; give one of them exactly");
    this.region = region;
    this.candidates = List.copyOf(candidates);
  }

  private static String quotedList(List<String> names) {
    List<String> quoted = new java.util.ArrayList<>();
    for (String name : names) {
      quoted.add(ServerEntries.quote(name));
    }
    return String.join(", ", quoted);
  }

  /** The region name as given. */
  public String region() {
    return region;
  }

  /** The listed region names it matches. */
  public List<String> candidates() {
    return candidates;
  }
}
