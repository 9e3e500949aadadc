package dev.pint.internal;

import java.net.URI;

/** Fetches documents of the service. Implementations are thread-safe. */
public interface Transport {

  /**
   * Fetches {@code url}.
   *
   * @return the response, only for status 200 with a body that looks like JSON
   * @throws dev.pint.ServiceUnavailableException when the service cannot be reached in time
   * @throws dev.pint.HttpStatusException for any other status
   * @throws dev.pint.MalformedDataException when the body is not JSON or is too large
   */
  Response get(URI url);
}
