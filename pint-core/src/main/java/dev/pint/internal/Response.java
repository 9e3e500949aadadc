package dev.pint.internal;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A successful response: status 200 with the decoded body, or 304 (not modified) with an empty
 * body, which only a conditional {@link Request} receives.
 *
 * @param url the URL requested
 * @param status 200 or 304
 * @param body the body after gzip decoding; empty for 304
 * @param fetchedAt when the service sent it, or last confirmed it with a 304
 * @param etag the {@code ETag} header, if any
 * @param lastModified the {@code Last-Modified} header, if any
 */
public record Response(
    URI url,
    int status,
    byte[] body,
    Instant fetchedAt,
    @Nullable String etag,
    @Nullable String lastModified) {

  public static final int OK = 200;
  public static final int NOT_MODIFIED = 304;

  /** Returns a 200 response. */
  public static Response ok(
      URI url, byte[] body, Instant fetchedAt, @Nullable String etag, @Nullable String lastModified) {
    return new Response(url, OK, body, fetchedAt, etag, lastModified);
  }

  /** Whether this is a 304 answer to a conditional request. */
  public boolean notModified() {
    return status == NOT_MODIFIED;
  }
}
