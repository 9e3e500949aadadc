package dev.pint.cli.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class RegionServerClientConfigTest {
  @Test
  void isHttpsOnly_exactlyTrue() {
    RegionServerClientConfig config = RegionServerClientConfig.parse(List.of(
        "[server]", "api = regionInfo", "[instance]", "httpsOnly = true"));

    assertTrue(config.isHttpsOnly());
    assertEquals(Optional.of("true"), config.httpsOnly());
  }

  @Test
  void isHttpsOnly_otherSpellingsAreFalse() {
    for (String value : List.of("True", "TRUE", "yes", "1", "on", "false", "", "true # comment")) {
      RegionServerClientConfig config = RegionServerClientConfig.parse(List.of("[instance]", "httpsOnly = " + value));

      assertFalse(config.isHttpsOnly(), value);
    }
  }

  @Test
  void isHttpsOnly_missingKeyIsFalse() {
    RegionServerClientConfig config = RegionServerClientConfig.parse(List.of("[server]", "api = regionInfo"));

    assertFalse(config.isHttpsOnly());
    assertEquals(Optional.empty(), config.httpsOnly());
  }

  @Test
  void parse_keyIgnoresCaseAndColonSeparator() {
    RegionServerClientConfig config = RegionServerClientConfig.parse(List.of("[instance]", "  HTTPSONLY: true  "));

    assertTrue(config.isHttpsOnly());
  }

  @Test
  void parse_commentedKeyIgnored() {
    RegionServerClientConfig config = RegionServerClientConfig.parse(List.of("# httpsOnly = true", "; httpsOnly = true"));

    assertEquals(Optional.empty(), config.httpsOnly());
  }
}
