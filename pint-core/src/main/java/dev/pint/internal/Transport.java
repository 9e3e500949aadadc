package dev.pint.internal;

/**
 * Fetches documents of the service. The client stacks implementations as layers, outermost
 * first: {@link CachingTransport}, {@link RetryingTransport}, {@link HttpTransport}; or {@link
 * MirrorTransport} alone for a local copy. Implementations are thread-safe.
 */
public interface Transport {

  /**
   * Fetches {@code request.url()}.
   *
   * @return the response, only for status 200 with a body that looks like JSON, or 304 when the
   *     request was conditional
   * @throws dev.pint.ServiceUnavailableException when the service cannot be reached in time
   * @throws dev.pint.HttpStatusException for any other status, and when a proxy rejects the tunnel
   * @throws dev.pint.MalformedDataException when the body is not JSON or is too large
   */
  Response get(Request request);
}
