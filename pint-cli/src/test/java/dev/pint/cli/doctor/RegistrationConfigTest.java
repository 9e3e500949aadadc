package dev.pint.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RegistrationConfigTest {
  @TempDir Path root;

  private RegistrationConfig read(String content) throws Exception {
    Path file = root.resolve("etc/regionserverclnt.cfg");
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return RegistrationConfig.read(root).orElseThrow();
  }

  @Test
  void read_missingFileIsEmpty() throws Exception {
    assertTrue(RegistrationConfig.read(root).isEmpty());
  }

  @Test
  void read_entriesAreTrimmedAndKeepTheirOrder() throws Exception {
    RegistrationConfig config = read("[server]\nregionsrv =  192.0.2.1 ,2001:DB8::1,  rs.example.com\n");

    assertEquals(List.of("192.0.2.1", "2001:DB8::1", "rs.example.com"), config.regionServers());
  }

  @Test
  void read_optionNamesIgnoreCaseAndColonSeparates() throws Exception {
    RegistrationConfig config = read("[server]\nRegionSrv: 192.0.2.1\nCERTLOCATION = /certs\n");

    assertEquals(List.of("192.0.2.1"), config.regionServers());
    assertEquals("/certs", config.certLocation());
  }

  @Test
  void httpsOnly_onlyExactTrue() throws Exception {
    assertTrue(read("[instance]\nhttpsOnly = true\n").httpsOnly());
    assertTrue(read("[instance]\nhttpsOnly=true\n").httpsOnly());
    assertFalse(read("[instance]\nhttpsOnly = True\n").httpsOnly());
    assertFalse(read("[instance]\nhttpsOnly = yes\n").httpsOnly());
    assertFalse(read("[instance]\nhttpsOnly = true # always\n").httpsOnly());
    assertNull(read("[instance]\ndataProvider = none\n").httpsOnlyValue());
  }

  @Test
  void read_commentsAndContinuationLines() throws Exception {
    RegistrationConfig config = read("# comment\n; other comment\n[server]\nregionsrv = 192.0.2.1,\n"
        + "    192.0.2.2\ncertLocation = /certs\n");

    assertEquals(List.of("192.0.2.1", "192.0.2.2"), config.regionServers());
  }

  @Test
  void read_sectionTwiceIsAnError() {
    RegistrationConfig.InvalidConfigException e = assertThrows(RegistrationConfig.InvalidConfigException.class,
        () -> read("[server]\nregionsrv = 192.0.2.1\n[server]\napi = regionInfo\n"));

    assertEquals(root.resolve("etc/regionserverclnt.cfg") + " line 3: section [server] appears twice", e.getMessage());
  }

  @Test
  void read_optionBeforeSectionIsAnError() {
    RegistrationConfig.InvalidConfigException e = assertThrows(RegistrationConfig.InvalidConfigException.class,
        () -> read("regionsrv = 192.0.2.1\n"));

    assertEquals(root.resolve("etc/regionserverclnt.cfg") + " line 1: an option before the first [section] header",
        e.getMessage());
  }

  @Test
  void read_lineWithoutSeparatorIsAnError() {
    RegistrationConfig.InvalidConfigException e = assertThrows(RegistrationConfig.InvalidConfigException.class,
        () -> read("[server]\nregionsrv 192.0.2.1\n"));

    assertEquals(root.resolve("etc/regionserverclnt.cfg")
        + " line 2: 'regionsrv 192.0.2.1' is neither a [section] header nor key = value", e.getMessage());
  }
}
