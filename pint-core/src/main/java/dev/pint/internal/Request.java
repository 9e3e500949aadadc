package dev.pint.internal;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A GET request, optionally conditional on the validators of a cached copy.
 *
 * @param url the absolute URL
 * @param ifNoneMatch the cached copy's {@code ETag}, sent as {@code If-None-Match}
 * @param ifModifiedSince the cached copy's {@code Last-Modified}, sent as {@code If-Modified-Since}
 */
public record Request(URI url, @Nullable String ifNoneMatch, @Nullable String ifModifiedSince) {

  /** Returns an unconditional request for {@code url}. */
  public static Request of(URI url) {
    return new Request(url, null, null);
  }

  /** Whether the request carries a validator, so the service may answer 304. */
  public boolean conditional() {
    return ifNoneMatch != null || ifModifiedSince != null;
  }
}
