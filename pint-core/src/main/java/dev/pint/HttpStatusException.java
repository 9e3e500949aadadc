package dev.pint;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The service, or a proxy on the way to it, returned an HTTP status other than 200. A proxy
 * that rejects the tunnel is reported with its status (403 or 407, for example) and its address.
 */
public final class HttpStatusException extends PintException {
  private static final long serialVersionUID = 1L;

  private final URI url;
  private final int code;
  private final @Nullable Duration retryAfter;

  public HttpStatusException(URI url, int code, String message) {
    this(url, code, message, null);
  }

  /** Creates the exception for a response that asked to retry after {@code retryAfter}. */
  public HttpStatusException(URI url, int code, String message, @Nullable Duration retryAfter) {
    super(message);
    this.url = url;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  /** The URL of the request. */
  public URI url() {
    return url;
  }

  /** The HTTP status code, for example 404 or 503. */
  public int code() {
    return code;
  }

  /** The delay the response's {@code Retry-After} header asked for, if it had a valid one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
