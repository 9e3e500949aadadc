package dev.pint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ServerTypeTest {

  @Test
  void parse_plainTypes() {
    assertEquals(Optional.of(new ServerType(ServerType.Kind.UPDATE_SERVER, "", "smt")),
        ServerType.parse("smt"));
    assertEquals(Optional.of(new ServerType(ServerType.Kind.REGION_SERVER, "", "regionserver")),
        ServerType.parse("regionserver"));
  }

  @Test
  void parse_variants() {
    assertEquals(Optional.of(new ServerType(ServerType.Kind.UPDATE_SERVER, "sles", "smt-sles")),
        ServerType.parse("smt-sles"));
    assertEquals(Optional.of(new ServerType(ServerType.Kind.UPDATE_SERVER, "sap", "smt-sap")),
        ServerType.parse("smt-sap"));
    assertEquals(
        Optional.of(new ServerType(ServerType.Kind.REGION_SERVER, "sap", "regionserver-sap")),
        ServerType.parse("regionserver-sap"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "smt-", "rmt", "update", "region", "smtx", "-smt", "regionservers"})
  void parse_rejectsOtherText(String raw) {
    assertTrue(ServerType.parse(raw).isEmpty(), raw);
  }
}
