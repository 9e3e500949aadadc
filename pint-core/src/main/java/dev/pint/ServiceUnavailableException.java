package dev.pint;

import java.net.URI;

/** The service could not be reached, refused the connection, or timed out. */
public final class ServiceUnavailableException extends PintException {
  private static final long serialVersionUID = 1L;

  private final URI url;

  public ServiceUnavailableException(URI url, String message, Throwable cause) {
    super(message, cause);
    this.url = url;
  }

  /** The URL of the request that failed. */
  public URI url() {
    return url;
  }
}
