package dev.pint.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Matches a region name a person typed against the names a provider lists. The exact name wins;
 * otherwise a name equal after {@link #normalize(String)} is used only if it is the only one.
 */
public final class RegionMatcher {
  private static final int MAX_SUGGESTIONS = 3;

  private RegionMatcher() {}

  /** The outcome of a match. */
  public sealed interface Match {}

  /** One listed name matched. */
  public record Found(String region) implements Match {}

  /** Several listed names match after normalisation, and none exactly. */
  public record Ambiguous(List<String> candidates) implements Match {}

  /** No listed name matches. */
  public record NotFound() implements Match {}

  /** Matches {@code query} against {@code known}, the region names as the provider lists them. */
  public static Match match(String query, Set<String> known) {
    if (known.contains(query)) {
      return new Found(query);
    }
    String normalized = normalize(query);
    List<String> candidates = new ArrayList<>();
    for (String region : known) {
      if (normalize(region).equals(normalized)) {
        candidates.add(region);
      }
    }
    candidates.sort(Comparator.naturalOrder());
    if (candidates.size() == 1) {
      return new Found(candidates.get(0));
    }
    return candidates.isEmpty() ? new NotFound() : new Ambiguous(candidates);
  }

  /**
   * Normalises a region name for comparison: lower case, without spaces, hyphens and
   * underscores, so {@code "West US"}, {@code "west-us"} and {@code "westus"} are equal.
   */
  public static String normalize(String region) {
    StringBuilder normalized = new StringBuilder(region.length());
    String lower = region.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c != ' ' && c != '-' && c != '_') {
        normalized.append(c);
      }
    }
    return normalized.toString();
  }

  /**
   * Returns up to three known names closest to {@code query} by edit distance between the
   * normalised forms, closest first; names further than a third of the query's length (at least
   * two edits) are left out.
   */
  public static List<String> suggest(String query, Set<String> known) {
    String normalized = normalize(query);
    int threshold = Math.max(2, normalized.length() / 3);
    LevenshteinDistance distance = new LevenshteinDistance(threshold);
    Map<Integer, List<String>> byDistance = new TreeMap<>();
    for (String region : known) {
      int d = distance.apply(normalized, normalize(region));
      if (d >= 0) {
        byDistance.computeIfAbsent(d, k -> new ArrayList<>()).add(region);
      }
    }
    List<String> suggestions = new ArrayList<>();
    for (List<String> regions : byDistance.values()) {
      regions.sort(Comparator.naturalOrder());
      for (String region : regions) {
        if (suggestions.size() < MAX_SUGGESTIONS) {
          suggestions.add(region);
        }
      }
    }
    return suggestions;
  }
}
