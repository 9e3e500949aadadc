package dev.pint.internal;

import java.io.IOException;
import java.io.InputStream;
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
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Documents stored on disk, one file per URL, named by the CRC-32C and CRC-32 of the URL. The
 * entry's {@code url} line decides whether it belongs to a URL, so two URLs that share a name
 * only replace each other's entry.
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
 * body-crc32c: 1a2b3c4d
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
  private static final Logger LOG = Loggers.of(DiskCache.class);
  private static final String MAGIC = "pint-cache 1";
  private static final Set<PosixFilePermission> FOLDER_MODE =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");

  /** Room for the header on top of the largest body: the URL and validators are short. */
  private static final long HEADER_ALLOWANCE = 64 * 1024;
  /** The largest file a byte array can hold. */
  private static final long MAX_READABLE_BYTES = Integer.MAX_VALUE - 8;

  private final Path directory;
  private final long maxEntryBytes;

  /** Opens the cache in {@code directory} for bodies of any size a byte array can hold. */
  public DiskCache(Path directory) {
    this(directory, MAX_READABLE_BYTES);
  }

  /**
   * Opens the cache in {@code directory}; an entry with a body over {@code maxBodyBytes} is
   * treated as damaged, since no response that large was ever accepted.
   */
  public DiskCache(Path directory, long maxBodyBytes) {
    this.directory = directory;
    this.maxEntryBytes = Math.min(maxBodyBytes + HEADER_ALLOWANCE, MAX_READABLE_BYTES);
  }

  public Path directory() {
    return directory;
  }

  /** Returns the file that holds the entry for {@code url}. */
  public Path fileFor(URI url) {
    byte[] bytes = url.toString().getBytes(StandardCharsets.UTF_8);
    return directory.resolve(Checksums.crc32c(bytes) + Checksums.crc32(bytes) + ".entry");
  }

  /** Returns the stored entry for {@code url}, or null when there is none or it was corrupt. */
  public @Nullable CacheEntry read(URI url) {
    Path file = fileFor(url);
    byte[] bytes;
    try {
      bytes = readEntry(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot read the cache entry " + file + " for " + url + " ("
          + e.getMessage() + "); fetching it again");
      return null;
    } catch (CorruptEntryException e) {
      discard(file, url, e);
      return null;
    }

    try {
      return parse(url, bytes);
    } catch (EntryOfAnotherUrlException e) {
      // Two URLs whose names collide take turns in one file; the next write replaces it.
      LOG.log(Level.DEBUG, () -> "the cache entry " + file + " holds " + e.getMessage()
          + ", not " + url);
      return null;
    } catch (CorruptEntryException e) {
      discard(file, url, e);
      return null;
    }
  }

  /**
   * Reads the entry in {@code file}, which must be a regular file of at most the largest entry
   * size: a device, a pipe or a huge file would block or exhaust memory instead.
   */
  private byte[] readEntry(Path file) throws IOException, CorruptEntryException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw new CorruptEntryException("it is not a regular file");
    }
    if (attributes.size() > maxEntryBytes) {
      throw new CorruptEntryException("it has " + attributes.size() + " bytes, more than "
          + maxEntryBytes);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) maxEntryBytes + 1);
      if (bytes.length > maxEntryBytes) {
        throw new CorruptEntryException("it grew to more than " + maxEntryBytes + " bytes");
      }
      return bytes;
    }
  }

  private static void discard(Path file, URI url, CorruptEntryException e) {
    LOG.log(Level.WARNING, "discarded the corrupt cache entry " + file + " for " + url + " ("
        + e.getMessage() + "); fetching it again");
    try {
      Files.deleteIfExists(file);
    } catch (IOException deleteFailure) {
      LOG.log(Level.WARNING, "cannot delete the corrupt cache entry " + file + " ("
          + deleteFailure.getMessage() + ")");
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
    header.append("body-crc32c: ").append(Checksums.crc32c(entry.body())).append('\n');
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
      throw new EntryOfAnotherUrlException(ServerEntries.quote(String.valueOf(fields.get("url"))));
    }
    byte[] body = Arrays.copyOfRange(bytes, end + 2, bytes.length);
    if (!String.valueOf(body.length).equals(fields.get("body-length"))) {
      throw new CorruptEntryException("the body has " + body.length + " bytes, not "
          + ServerEntries.quote(String.valueOf(fields.get("body-length"))));
    }
    if (!Checksums.crc32c(body).equals(fields.get("body-crc32c"))) {
      throw new CorruptEntryException("the body does not match its CRC-32C");
    }
    Instant fetchedAt;
    try {
      fetchedAt = parseInstant(String.valueOf(fields.get("fetched-at")));
    } catch (DateTimeParseException e) {
      throw new CorruptEntryException("invalid fetched-at "
          + ServerEntries.quote(String.valueOf(fields.get("fetched-at"))));
    }
    return new CacheEntry(url, fetchedAt, fields.get("etag"), fields.get("last-modified"), body);
  }

  /**
   * Parses an instant as {@link Instant#toString} writes it for the years 1000 to 9999, such as
   * {@code 2024-04-16T08:00:00Z} or {@code 2024-04-16T08:00:00.123456Z}, and anything else with
   * {@link Instant#parse}. Reading the common form by hand spares a cached query the loading of
   * java.time's formatter classes.
   *
   * @throws DateTimeParseException when the text is not an instant
   */
  static Instant parseInstant(String text) {
    int length = text.length();
    if (length >= 20 && length <= 30 && text.charAt(4) == '-' && text.charAt(7) == '-'
        && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
        && text.charAt(length - 1) == 'Z' && (length == 20 || text.charAt(19) == '.')) {
      try {
        long seconds = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7),
                digits(text, 8, 10), digits(text, 11, 13), digits(text, 14, 16),
                digits(text, 17, 19))
            .toEpochSecond(ZoneOffset.UTC);
        int nanos = 0;
        if (length > 20) {
          int fraction = length - 21;
          nanos = digits(text, 20, length - 1);
          for (int i = fraction; i < 9; i++) {
            nanos *= 10;
          }
        }
        return Instant.ofEpochSecond(seconds, nanos);
      } catch (NumberFormatException | DateTimeException e) {
        // Not the common form after all; the full parser decides.
      }
    }
    return Instant.parse(text);
  }

  /** Reads the decimal digits from {@code begin} to {@code end}; anything else is an error. */
  private static int digits(String text, int begin, int end) {
    if (begin == end) {
      throw new NumberFormatException("no digits");
    }
    int value = 0;
    for (int i = begin; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException("not a digit: " + c);
      }
      value = value * 10 + (c - '0');
    }
    return value;
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
  private static class CorruptEntryException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptEntryException(String message) {
      super(message, null, false, false);
    }
  }

  /** A sound entry of another URL whose file name is the same; the message is that URL. */
  private static final class EntryOfAnotherUrlException extends CorruptEntryException {
    private static final long serialVersionUID = 1L;

    EntryOfAnotherUrlException(String url) {
      super(url);
    }
  }
}
