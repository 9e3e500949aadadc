package dev.pint;

import java.net.URI;

/**
 * A response that is not what the service publishes: not JSON (an HTML page from a proxy, for
 * example), JSON of another shape, or an entry with an invalid address, region or type. Nothing
 * from such a response is returned, so a caller never sees a partial list.
 */
public final class MalformedDataException extends PintException {
  private static final long serialVersionUID = 1L;

  private final URI url;

  public MalformedDataException(URI url, String message) {
    super(message);
    this.url = url;
  }

  public MalformedDataException(URI url, String message, Throwable cause) {
    super(message, cause);
    this.url = url;
  }

  /** The URL whose response was malformed. */
  public URI url() {
    return url;
  }
}
