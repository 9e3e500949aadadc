package dev.pint.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Documents stored on disk, one file per URL, named by the SHA-256 of the URL.
 *
 * <p>A file is a short text header, a blank line and the body:
 *
 * <pre>
 * pint-cache 1
 * url: https://susepubliccloudinfo.suse.com/v1/providers.json
 * fetched-at: 2024-04-16T08:00:00Z
 * etag: "5f1c"
 * last-modified: Tue, 16 Apr 2024 07:59:00 GMT
 * body-length: 123
 * body-sha256: 9f86d0...
 *
 * {"providers": ...}
 * </pre>
 *
 * <p>Writes go to a temporary file in the same folder that is then renamed over the entry, so a
 * reader, in this process or another, sees the old file or the new one, never a torn one. When
 * two processes write one entry at once, the last rename wins. An entry that does not parse or
 * whose body does not match its length and checksum is deleted with a WARNING. The folder is
 * created with mode 0700 and the files with 0600 where the file system supports POSIX modes.
 * Failures to read or write are logged and never fail a request: the cache is only an
 * optimisation and a fallback.
 */
public final class DiskCache {
  private static final Logger LOG = System.getLogger(DiskCache.class.getName());
  private static final String MAGIC = "pint-cache 1";
  private static final Set<PosixFilePermission> FOLDER_MODE =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");

  private final Path directory;

  public DiskCache(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  /** Returns the file that holds the entry for {@code url}. */
  public Path fileFor(URI url) {
    return directory.resolve(Checksums.sha256(url.toString().getBytes(StandardCharsets.UTF_8))
        + ".entry");
  }

  /** Returns the stored entry for {@code url}, or null when there is none or it was corrupt. */
  public @Nullable CacheEntry read(URI url) {
    Path file = fileFor(url);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot read the cache entry " + file + " for " + url + " ("
          + e.getMessage() + "); fetching it again");
      return null;
    }

    try {
      return parse(url, bytes);
    } catch (CorruptEntryException e) {
      LOG.log(Level.WARNING, "discarded the corrupt cache entry " + file + " for " + url + " ("
          + e.getMessage() + "); fetching it again");
      try {
        Files.deleteIfExists(file);
      } catch (IOException deleteFailure) {
        LOG.log(Level.WARNING, "cannot delete the corrupt cache entry " + file + " ("
            + deleteFailure.getMessage() + ")");
      }
      return null;
    }
  }

  /** Stores {@code entry}, replacing any entry for its URL in one atomic rename. */
  public void write(CacheEntry entry) {
    Path file = fileFor(entry.url());
    Path temporary = null;
    try {
      createDirectory();
      temporary = createTemporaryFile(file.getFileName().toString());
      try (OutputStream out = Files.newOutputStream(temporary)) {
        out.write(header(entry));
        out.write(entry.body());
      }
      move(temporary, file);
      temporary = null;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot write the cache entry " + file + " for " + entry.url() + " ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          LOG.log(Level.DEBUG, "cannot delete " + temporary + ": " + e.getMessage());
        }
      }
    }
  }

  private void createDirectory() throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    try {
      Files.createDirectories(directory, posix(FOLDER_MODE));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(directory);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(directory)) {
        throw e;
      }
    }
  }

  private Path createTemporaryFile(String name) throws IOException {
    try {
      return Files.createTempFile(directory, name + ".", ".tmp", posix(FILE_MODE));
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile(directory, name + ".", ".tmp");
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same folder, so this only happens on unusual file systems; a plain move is the best left.
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> posix(Set<PosixFilePermission> mode) {
    return PosixFilePermissions.asFileAttribute(mode);
  }

  private static byte[] header(CacheEntry entry) {
    StringBuilder header = new StringBuilder(MAGIC).append('\n');
    header.append("url: ").append(entry.url()).append('\n');
    header.append("fetched-at: ").append(entry.fetchedAt()).append('\n');
    if (isHeaderSafe(entry.etag())) {
      header.append("etag: ").append(entry.etag()).append('\n');
    }
    if (isHeaderSafe(entry.lastModified())) {
      header.append("last-modified: ").append(entry.lastModified()).append('\n');
    }
    header.append("body-length: ").append(entry.body().length).append('\n');
    header.append("body-sha256: ").append(Checksums.sha256(entry.body())).append('\n');
    header.append('\n');
    return header.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isHeaderSafe(@Nullable String value) {
    return value != null && value.chars().noneMatch(c -> c == '\n' || c == '\r');
  }

  private static CacheEntry parse(URI url, byte[] bytes) throws CorruptEntryException {
    int end = indexOf(bytes, "\n\n".getBytes(StandardCharsets.US_ASCII));
    if (end < 0) {
      throw new CorruptEntryException("no end of header");
    }
    String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n");
    if (!lines[0].equals(MAGIC)) {
      throw new CorruptEntryException("unknown format " + ServerEntries.quote(lines[0]));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(": ");
      if (colon < 0) {
        throw new CorruptEntryException("invalid header line " + ServerEntries.quote(lines[i]));
      }
      fields.put(lines[i].substring(0, colon), lines[i].substring(colon + 2));
    }

    if (!url.toString().equals(fields.get("url"))) {
      throw new CorruptEntryException("it belongs to " + fields.get("url"));
    }
    byte[] body = Arrays.copyOfRange(bytes, end + 2, bytes.length);
    if (!String.valueOf(body.length).equals(fields.get("body-length"))) {
      throw new CorruptEntryException("the body has " + body.length + " bytes, not "
          + fields.get("body-length"));
    }
    if (!Checksums.sha256(body).equals(fields.get("body-sha256"))) {
      throw new CorruptEntryException("the body does not match its SHA-256");
    }
    Instant fetchedAt;
    try {
      fetchedAt = Instant.parse(String.valueOf(fields.get("fetched-at")));
    } catch (DateTimeParseException e) {
      throw new CorruptEntryException("invalid fetched-at " + fields.get("fetched-at"));
    }
    return new CacheEntry(url, fetchedAt, fields.get("etag"), fields.get("last-modified"), body);
  }

  private static int indexOf(byte[] bytes, byte[] target) {
    outer:
    for (int i = 0; i + target.length <= bytes.length; i++) {
      for (int j = 0; j < target.length; j++) {
        if (bytes[i + j] != target[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** An entry that cannot be used; the message says why. */
  private static final class CorruptEntryException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptEntryException(String message) {
      super(message, null, false, false);
    }
  }
}
