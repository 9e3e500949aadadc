package dev.pint.internal;

import dev.pint.HttpStatusException;
import dev.pint.UnknownProviderException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a mirror: the documents the CLI reads, byte for byte as the service sent them, and a
 * {@link MirrorManifest}. A provider document for which the service returns 404 is left out with
 * a WARNING, so the mirror reports 404 for it too. The manifest is written last, so a folder with
 * a manifest is complete.
 */
public final class MirrorWriter {
  private static final Logger LOG = Loggers.of(MirrorWriter.class);

  /** Image state names that may become part of a file path. */
  private static final java.util.regex.Pattern SAFE_SEGMENT =
      java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  private final Transport transport;
  private final URI baseUrl;

  public MirrorWriter(Transport transport, URI baseUrl) {
    this.transport = transport;
    this.baseUrl = baseUrl;
  }

  /**
   * Fetches the provider list, the image states and, for each provider in {@code providers}
   * (every listed provider when it is empty), its servers, regions, server types and image lists
   * (all images and one list per state), and writes them under {@code directory}. The per-image
   * and per-date documents behind {@code deletiondate} and {@code deletedby} are not mirrored.
   *
   * @return the paths written, relative to {@code directory}, manifest last
   * @throws UnknownProviderException when a provider is not in the service's list
   * @throws UncheckedIOException when a file cannot be written
   */
  public List<String> write(Path directory, Collection<String> providers) {
    List<MirrorManifest.MirrorFile> files = new ArrayList<>();
    Response providerList = fetch("v1/providers.json");
    List<String> known = new ArrayList<>();
    for (Map<String, @Nullable Object> fields : JsonDocuments.readList(
        new ByteArrayInputStream(providerList.body()), "providers", providerList.url())) {
      if (fields.get("name") instanceof String name) {
        known.add(name);
      }
    }
    List<String> selected = providers.isEmpty() ? known : List.copyOf(providers);
    for (String provider : selected) {
      if (!known.contains(provider)) {
        throw new UnknownProviderException(provider, known);
      }
    }

    try {
      Files.createDirectories(directory);
      files.add(store(directory, "v1/providers.json", providerList));
      List<String> documents = new ArrayList<>(
          List.of("servers.json", "regions.json", "servers/types.json", "images.json"));
      Response states = fetchIfPresent("v1/images/states.json");
      if (states != null) {
        files.add(store(directory, "v1/images/states.json", states));
        for (Map<String, @Nullable Object> fields : JsonDocuments.readList(
            new ByteArrayInputStream(states.body()), "states", states.url())) {
          if (fields.get("name") instanceof String state && SAFE_SEGMENT.matcher(state).matches()) {
            documents.add("images/" + state + ".json");
          }
        }
      }
      for (String provider : selected) {
        for (String document : documents) {
          String path = "v1/" + provider + "/" + document;
          Response response = fetchIfPresent(path);
          if (response != null) {
            files.add(store(directory, path, response));
          }
        }
      }
      MirrorManifest manifest = new MirrorManifest(baseUrl, Instant.now(), files);
      writeAtomically(directory.resolve(MirrorManifest.FILE_NAME), manifest.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the mirror in " + directory + ": "
          + e.getMessage(), e);
    }

    List<String> written = new ArrayList<>();
    for (MirrorManifest.MirrorFile file : files) {
      written.add(file.path());
    }
    written.add(MirrorManifest.FILE_NAME);
    return written;
  }

  /** Fetches {@code path}, or returns null with a WARNING when the service answers 404. */
  private @Nullable Response fetchIfPresent(String path) {
    try {
      return fetch(path);
    } catch (HttpStatusException e) {
      if (e.code() != 404) {
        throw e;
      }
      // The mirror then reports 404 for it too, as the service did.
      LOG.log(Level.WARNING, "mirror: skipped " + path + " because the service does not"
          + " have it (" + e.getMessage() + ")");
      return null;
    }
  }

  private Response fetch(String path) {
    return transport.get(Request.of(URI.create(baseUrl + "/" + path)));
  }

  private static MirrorManifest.MirrorFile store(Path directory, String path, Response response)
      throws IOException {
    Path file = directory.resolve(path);
    Files.createDirectories(file.getParent());
    writeAtomically(file, response.body());
    LOG.log(Level.DEBUG, () -> "mirror: wrote " + file + " (" + response.body().length + " bytes)");
    return new MirrorManifest.MirrorFile(path, response.url(), response.fetchedAt(),
        response.body().length, Checksums.sha256(response.body()));
  }

  private static void writeAtomically(Path file, byte[] content) throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
    try {
      Files.write(temporary, content);
      try {
        // Readable by all, like files a web server would publish; temporary files start as 0600.
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: keep its default permissions.
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
