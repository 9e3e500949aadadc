package dev.pint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class RegionMatcherTest {
  private static final Set<String> AZURE = new LinkedHashSet<>(List.of(
      "Germany Central", "germanycentral", "germanywestcentral", "West US", "eastus", "East US 2"));

  @Test
  void match_exactNameWins() {
    assertEquals(new RegionMatcher.Found("germanycentral"),
        RegionMatcher.match("germanycentral", AZURE));
    assertEquals(new RegionMatcher.Found("Germany Central"),
        RegionMatcher.match("Germany Central", AZURE));
  }

  @Test
  void match_uniqueNormalizedName() {
    assertEquals(new RegionMatcher.Found("germanywestcentral"),
        RegionMatcher.match("GermanyWestCentral", AZURE));
    assertEquals(new RegionMatcher.Found("West US"), RegionMatcher.match("west-us", AZURE));
    assertEquals(new RegionMatcher.Found("East US 2"), RegionMatcher.match("east_us_2", AZURE));
  }

  @Test
  void match_severalNormalizedNames() {
    assertEquals(new RegionMatcher.Ambiguous(List.of("Germany Central", "germanycentral")),
        RegionMatcher.match("GermanyCentral", AZURE));
  }

  @Test
  void match_unknownName() {
    assertEquals(new RegionMatcher.NotFound(), RegionMatcher.match("uswest", AZURE));
    assertEquals(new RegionMatcher.NotFound(), RegionMatcher.match("eastus3", AZURE));
  }

  @Test
  void normalize_dropsCaseSpacesHyphensUnderscores() {
    assertEquals("germanywestcentral", RegionMatcher.normalize("Germany West_Central"));
    assertEquals("useast1", RegionMatcher.normalize("US-East-1"));
  }

  @Test
  void suggest_closestFirst() {
    Set<String> amazon = new LinkedHashSet<>(List.of("us-east-1", "us-east-2", "us-west-1",
        "eu-central-1", "ap-southeast-1"));

    assertEquals(List.of("us-east-1", "us-west-1"),
        RegionMatcher.suggest("us-esat-1", amazon));
  }

  @Test
  void suggest_nothingClose() {
    assertEquals(List.of(), RegionMatcher.suggest("mars-north-7", Set.of("us-east-1", "eu-west-1")));
  }
}
