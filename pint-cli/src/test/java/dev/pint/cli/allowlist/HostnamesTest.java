package dev.pint.cli.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class HostnamesTest {
  @Test
  void isValid_acceptsHostNames() {
    for (String name : List.of("smt-ec2.susecloud.net", "registry-azure.susecloud.net", "a.b", "x1.y2-z.net")) {
      assertTrue(Hostnames.isValid(name), name);
    }
  }

  @Test
  void isValid_rejectsOthers() {
    List<String> rejected = List.of("", "localhost", "smt-ec2.susecloud.net.", ".susecloud.net",
        "smt_ec2.susecloud.net", "smt-.susecloud.net", "-smt.susecloud.net", "Smt-ec2.susecloud.net",
        "smt ec2.susecloud.net", "smt-ec2.susecloud.net\n", "smt'ec2.susecloud.net", "192.0.2.1",
        "a..b", "*.susecloud.net", "a".repeat(64) + ".net", ("a".repeat(63) + ".").repeat(4) + "net");

    for (String name : rejected) {
      assertFalse(Hostnames.isValid(name), name);
    }
  }

  @Test
  void shortName_firstLabel() {
    assertEquals("smt-ec2", Hostnames.shortName("smt-ec2.susecloud.net"));
  }
}
