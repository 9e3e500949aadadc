package dev.pint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pint.testing.PropertyCheck;
import dev.pint.testing.ReliabilityTags;
import dev.pint.testing.ServerListGenerator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

@Tag(ReliabilityTags.PROPERTY)
final class RegionMatcherPropertyTest {
  private static final List<String> BASES = List.of("us-east-1", "Germany Central", "westus",
      "East US 2", "eu_central_1", "région-α", "İstanbul", "ß-straße");

  /** A set of region names, many of them equal after normalisation, and a query. */
  record Case(Set<String> known, String query) {}

  private static Case generate(SplittableRandom random) {
    Set<String> known = new LinkedHashSet<>();
    for (int i = random.nextInt(1, 8); i > 0; i--) {
      known.add(random.nextInt(4) == 0
          ? ServerListGenerator.text(random, 3)
          : respell(random, BASES.get(random.nextInt(BASES.size()))));
    }
    List<String> names = List.copyOf(known);
    String query = random.nextInt(5) == 0
        ? ServerListGenerator.text(random, 3)
        : respell(random, names.get(random.nextInt(names.size())));
    return new Case(known, query.isEmpty() ? "x" : query);
  }

  /** Changes the case of some letters and adds or drops spaces, hyphens and underscores. */
  private static String respell(SplittableRandom random, String name) {
    StringBuilder respelled = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean separator = c == ' ' || c == '-' || c == '_';
      if (separator && random.nextInt(3) == 0) {
        continue;
      }
      if (random.nextInt(6) == 0) {
        respelled.append(" -_".charAt(random.nextInt(3)));
      }
      respelled.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return respelled.toString();
  }

  @Test
  void match_foundRegionNormalizesLikeQuery(TestReporter reporter) {
    PropertyCheck.forAll(reporter, 2_000, RegionMatcherPropertyTest::generate, c -> {
      if (RegionMatcher.match(c.query(), c.known()) instanceof RegionMatcher.Found found) {
        assertTrue(c.known().contains(found.region()), found.region());
        assertEquals(RegionMatcher.normalize(c.query()), RegionMatcher.normalize(found.region()));
      }
    });
  }

  @Test
  void match_exactNameAlwaysWins(TestReporter reporter) {
    PropertyCheck.forAll(reporter, 2_000, RegionMatcherPropertyTest::generate, c -> {
      String listed = c.known().iterator().next();

      assertEquals(new RegionMatcher.Found(listed), RegionMatcher.match(listed, c.known()));
    });
  }

  @Test
  void match_ambiguousOnlyForSeveralEqualNames(TestReporter reporter) {
    PropertyCheck.forAll(reporter, 2_000, RegionMatcherPropertyTest::generate, c -> {
      if (RegionMatcher.match(c.query(), c.known()) instanceof RegionMatcher.Ambiguous ambiguous) {
        assertFalse(c.known().contains(c.query()));
        assertTrue(ambiguous.candidates().size() >= 2, ambiguous.toString());
        for (String candidate : ambiguous.candidates()) {
          assertTrue(c.known().contains(candidate), candidate);
          assertEquals(RegionMatcher.normalize(c.query()), RegionMatcher.normalize(candidate));
        }
      }
    });
  }

  @Test
  void match_notFoundOnlyWithoutEqualName(TestReporter reporter) {
    PropertyCheck.forAll(reporter, 2_000, RegionMatcherPropertyTest::generate, c -> {
      if (RegionMatcher.match(c.query(), c.known()) instanceof RegionMatcher.NotFound) {
        for (String region : c.known()) {
          assertFalse(RegionMatcher.normalize(region).equals(RegionMatcher.normalize(c.query())),
              region);
        }
      }
    });
  }
}
