package dev.pint.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pint.MalformedDataException;
import dev.pint.ServiceUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code manifest.json} of a mirror made by {@code pint mirror}: where the copy came from and,
 * for each file, its source URL, fetch time and SHA-256.
 *
 * <pre>
 * {
 *   "format": "pint-mirror 1",
 *   "source": "https://susepubliccloudinfo.suse.com",
 *   "created": "2024-04-16T08:00:00Z",
 *   "files": [
 *     {"path": "v1/providers.json", "url": "https://.../v1/providers.json",
 *      "fetched": "2024-04-16T07:59:58Z", "bytes": 812, "sha256": "9f86d0..."}
 *   ]
 * }
 * </pre>
 *
 * @param source the base URL the files were fetched from
 * @param created when the mirror was written
 * @param files the files, by their path relative to the mirror's folder
 */
public record MirrorManifest(URI source, Instant created, List<MirrorFile> files) {
  public static final String FILE_NAME = "manifest.json";
  private static final String FORMAT = "pint-mirror 1";
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  public MirrorManifest {
    files = List.copyOf(files);
  }

  /**
   * One mirrored file.
   *
   * @param path the path relative to the mirror's folder, with {@code /} separators
   * @param url the URL it was fetched from
   * @param fetchedAt when the service sent it
   * @param bytes its size
   * @param sha256 the lower-case hex SHA-256 of its content
   */
  public record MirrorFile(String path, URI url, Instant fetchedAt, long bytes, String sha256) {}

  /** Returns the entry for {@code path}, or null when the mirror does not have that file. */
  public @Nullable MirrorFile file(String path) {
    for (MirrorFile file : files) {
      if (file.path().equals(path)) {
        return file;
      }
    }
    return null;
  }

  /** Returns the manifest as JSON. */
  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("format", FORMAT);
      json.writeStringField("source", source.toString());
      json.writeStringField("created", created.toString());
      json.writeArrayFieldStart("files");
      for (MirrorFile file : files) {
        json.writeStartObject();
        json.writeStringField("path", file.path());
        json.writeStringField("url", file.url().toString());
        json.writeStringField("fetched", file.fetchedAt().toString());
        json.writeNumberField("bytes", file.bytes());
        json.writeStringField("sha256", file.sha256());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new AssertionError("writing to memory failed", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * Reads the manifest of the mirror in {@code directory}.
   *
   * @throws ServiceUnavailableException when the folder has no manifest
   * @throws MalformedDataException when the manifest is invalid
   */
  public static MirrorManifest read(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    URI url = file.toUri();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ServiceUnavailableException(url, "no mirror at " + directory + ": "
          + FILE_NAME + " is missing; make one with 'pint mirror " + directory + "'", e);
    } catch (IOException e) {
      throw new ServiceUnavailableException(url, "cannot read the mirror manifest "
          + file + " (" + e.getMessage() + ")", e);
    }

    Map<String, @Nullable Object> top = readObject(bytes, url);
    if (!FORMAT.equals(top.get("format"))) {
      throw invalid(url, "'format' is not '" + FORMAT + "'");
    }
    List<MirrorFile> files = new ArrayList<>();
    if (!(top.get("files") instanceof List<?> entries)) {
      throw invalid(url, "it has no 'files' list");
    }
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> fields)) {
        throw invalid(url, "an entry of 'files' is not an object");
      }
      files.add(new MirrorFile(text(fields, "path", url), URI.create(text(fields, "url", url)),
          instant(fields, "fetched", url), number(fields, "bytes", url),
          text(fields, "sha256", url)));
    }
    return new MirrorManifest(URI.create(text(top, "source", url)), instant(top, "created", url),
        files);
  }

  private static Map<String, @Nullable Object> readObject(byte[] bytes, URI url) {
    try {
      return JsonDocuments.readObject(new ByteArrayInputStream(bytes), url);
    } catch (MalformedDataException e) {
      throw invalid(url, e.getMessage());
    }
  }

  private static String text(Map<?, ?> fields, String key, URI url) {
    if (fields.get(key) instanceof String value) {
      return value;
    }
    throw invalid(url, "a '" + key + "' string is missing");
  }

  private static long number(Map<?, ?> fields, String key, URI url) {
    if (fields.get(key) instanceof BigInteger value) {
      return value.longValueExact();
    }
    throw invalid(url, "a '" + key + "' number is missing");
  }

  private static Instant instant(Map<?, ?> fields, String key, URI url) {
    try {
      return Instant.parse(text(fields, key, url));
    } catch (DateTimeParseException e) {
      throw invalid(url, "'" + key + "' is not an ISO-8601 instant");
    }
  }

  private static MalformedDataException invalid(URI url, @Nullable String reason) {
    return new MalformedDataException(url, "invalid mirror manifest " + url + ": " + reason
        + "; make the mirror again with 'pint mirror'");
  }
}
