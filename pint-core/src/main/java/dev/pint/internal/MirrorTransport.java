package dev.pint.internal;

import dev.pint.HttpStatusException;
import dev.pint.MalformedDataException;
import dev.pint.ServiceUnavailableException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} that reads a mirror made by {@code pint mirror} instead of the network.
 *
 * <p>A URL under the mirror's {@code file:} URL is looked up in the manifest. A file the
 * manifest does not list is reported as HTTP 404, as the service would, so unknown providers and
 * regions are reported the same way. A file whose content does not match its SHA-256 in the
 * manifest is an error. The manifest is read on the first request.
 */
public final class MirrorTransport implements Transport {
  private static final Logger LOG = Loggers.of(MirrorTransport.class);

  private final Path directory;
  private final String prefix;
  private volatile @Nullable MirrorManifest manifest;

  /** @param root the mirror's folder as a {@code file:} URL */
  public MirrorTransport(URI root) {
    this.directory = Path.of(root);
    String text = root.toString();
    this.prefix = text.endsWith("/") ? text : text + "/";
  }

  @Override
  public Response get(Request request) {
    URI url = request.url();
    String text = url.toString();
    if (!text.startsWith(prefix)) {
      throw new IllegalArgumentException("URL " + url + " is not under the mirror " + prefix);
    }
    String path = text.substring(prefix.length());

    MirrorManifest.MirrorFile file = manifest().file(path);
    if (file == null) {
      throw new HttpStatusException(url, 404, path + " is not in the mirror " + directory
          + "; make the mirror again with 'pint mirror' and the --provider options it needs");
    }
    Path local = directory.resolve(file.path()).normalize();
    if (!local.startsWith(directory.normalize())) {
      throw new MalformedDataException(url, "invalid mirror manifest in " + directory + ": "
          + ServerEntries.quote(file.path()) + " is outside the mirror");
    }

    byte[] body;
    try {
      body = Files.readAllBytes(local);
    } catch (IOException e) {
      throw new ServiceUnavailableException(url, "cannot read " + local + " of the mirror ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + "); make the mirror again"
          + " with 'pint mirror'", e);
    }
    String actual = Checksums.sha256(body);
    if (!actual.equals(file.sha256())) {
      throw new MalformedDataException(url, "mirror file " + local + " does not match its SHA-256"
          + " in " + MirrorManifest.FILE_NAME + " (expected " + file.sha256() + ", found " + actual
          + "); it was changed or damaged: make the mirror again with 'pint mirror'");
    }
    LOG.log(Level.DEBUG, () -> "GET " + url + ": read " + body.length + " bytes from the mirror,"
        + " fetched from " + file.url() + " at " + file.fetchedAt());
    return Response.ok(url, body, file.fetchedAt(), null, null);
  }

  private MirrorManifest manifest() {
    MirrorManifest loaded = manifest;
    if (loaded == null) {
      synchronized (this) {
        loaded = manifest;
        if (loaded == null) {
          loaded = MirrorManifest.read(directory);
          manifest = loaded;
        }
      }
    }
    return loaded;
  }
}
