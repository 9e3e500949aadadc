package dev.pint;

import java.net.URI;

/** The service returned an HTTP status other than 200. */
public final class HttpStatusException extends PintException {
  private static final long serialVersionUID = 1L;

  private final URI url;
  private final int code;

  public HttpStatusException(URI url, int code, String message) {
    super(message);
    this.url = url;
    this.code = code;
  }

  /** The URL of the request. */
  public URI url() {
    return url;
  }

  /** The HTTP status code, for example 404 or 503. */
  public int code() {
    return code;
  }
}
