package dev.pint.cli;

import dev.pint.Server;
import dev.pint.internal.JsonDocuments;
import dev.pint.internal.ServerEntries;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a server list saved with {@code pint <provider> servers --json}: the service's {@code
 * {"servers":[...]}} shape, checked entry by entry as a list from the service is.
 */
final class ServerListFile {
  private ServerListFile() {}

  /**
   * Reads the servers of {@code file}.
   *
   * @throws dev.pint.MalformedDataException when the file is not such a list or an entry is
   *     invalid
   * @throws ServerListFileException when the file cannot be read
   */
  static List<Server> read(Path file) {
    URI url = file.toAbsolutePath().toUri();
    if (Files.isDirectory(file)) {
      throw new ServerListFileException("cannot read " + Quoting.quote(file.toString())
          + ": it is a directory; give a file saved with 'pint <provider> servers --json'");
    }
    List<Server> servers = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      JsonDocuments.readList(in, "servers", url,
          fields -> servers.add(ServerEntries.toServer(fields, servers.size(), url)));
    } catch (NoSuchFileException e) {
      throw new ServerListFileException("cannot read " + Quoting.quote(file.toString())
          + ": no such file; give a file saved with 'pint <provider> servers --json', or live");
    } catch (AccessDeniedException e) {
      throw new ServerListFileException("cannot read " + Quoting.quote(file.toString())
          + ": permission denied");
    } catch (IOException e) {
      throw new ServerListFileException("cannot read " + Quoting.quote(file.toString()) + ": "
          + e.getMessage());
    }
    return servers;
  }

  /** A saved server list that cannot be read. */
  static final class ServerListFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ServerListFileException(String message) {
      super(message);
    }
  }
}
