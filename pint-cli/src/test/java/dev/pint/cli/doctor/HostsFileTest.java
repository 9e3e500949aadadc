package dev.pint.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HostsFileTest {
  @TempDir Path root;

  @Test
  void entriesFor_matchesNamesIgnoringCaseAndComments() throws Exception {
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n"
        + "# 192.0.2.9 smt-ec2.susecloud.net\n"
        + "192.0.2.1\tSMT-EC2.susecloud.net\tsmt-ec2 # added\n"
        + "192.0.2.2 smt-ec2.susecloud.net.example smt-ec2\n"
        + "2001:db8::1 registry-ec2.susecloud.net smt-ec2.susecloud.net\n");

    List<HostsFile.Entry> entries = HostsFile.entriesFor(root, "smt-ec2.susecloud.net");

    assertEquals(List.of(
        new HostsFile.Entry(3, "192.0.2.1", "192.0.2.1\tSMT-EC2.susecloud.net\tsmt-ec2"),
        new HostsFile.Entry(5, "2001:db8::1", "2001:db8::1 registry-ec2.susecloud.net smt-ec2.susecloud.net")),
        entries);
  }

  @Test
  void entriesFor_missingFileThrows() {
    assertThrows(NoSuchFileException.class, () -> HostsFile.entriesFor(root, "smt-ec2.susecloud.net"));
  }
}
