package dev.pint;

import java.net.URI;

/**
 * The service could not be reached, refused the connection, did not respond in time, or failed
 * the TLS handshake; or, offline, the document is neither cached nor mirrored.
 */
public final class ServiceUnavailableException extends PintException {
  private static final long serialVersionUID = 1L;

  private final URI url;

  public ServiceUnavailableException(URI url, String message) {
    super(message);
    this.url = url;
  }

  public ServiceUnavailableException(URI url, String message, Throwable cause) {
    super(message, cause);
    this.url = url;
  }

  /** The URL of the request that failed. */
  public URI url() {
    return url;
  }
}
