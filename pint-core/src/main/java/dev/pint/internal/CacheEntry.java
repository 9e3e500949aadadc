package dev.pint.internal;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A document stored by {@link DiskCache}.
 *
 * @param url the URL it was fetched from
 * @param fetchedAt when the service sent it or last confirmed it with a 304
 * @param etag the {@code ETag} validator, if the service sent one
 * @param lastModified the {@code Last-Modified} validator, if the service sent one
 * @param body the decoded body
 */
public record CacheEntry(
    URI url, Instant fetchedAt, @Nullable String etag, @Nullable String lastModified, byte[] body) {

  /** Returns this entry as a 200 response. */
  Response toResponse() {
    return Response.ok(url, body, fetchedAt, etag, lastModified);
  }
}
