package dev.pint.internal;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A successful response: the decoded body and what a cache needs to revalidate it.
 *
 * @param url the URL requested
 * @param body the body after gzip decoding
 * @param fetchedAt when the service sent it
 * @param etag the {@code ETag} header, if any
 * @param lastModified the {@code Last-Modified} header, if any
 */
public record Response(
    URI url, byte[] body, Instant fetchedAt, @Nullable String etag, @Nullable String lastModified) {}
