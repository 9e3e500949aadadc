package dev.pint.internal;

import dev.pint.CacheMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The network settings of a client, from which {@link #createTransport()} stacks the layers.
 *
 * @param baseUrl the service's base URL, or a mirror's {@code file:} URL
 * @param connectTimeout the time allowed to open a connection
 * @param readTimeout the time allowed between two reads
 * @param userAgent the User-Agent header
 * @param maxBodyBytes the largest decoded body accepted
 * @param proxies the proxy rules
 * @param trustAnchors extra certificate authorities, or null
 * @param maxRetries how many times a transient failure is retried
 * @param retryTimeLimit the time after the first attempt when no retry starts any more
 * @param cacheDirectory the disk cache's folder, or null for no disk cache
 * @param cacheTtl how long a cached document is used without revalidation
 * @param cacheMode how the disk cache is used
 */
public record TransportSettings(
    URI baseUrl,
    Duration connectTimeout,
    Duration readTimeout,
    String userAgent,
    long maxBodyBytes,
    ProxySettings proxies,
    @Nullable TrustAnchors trustAnchors,
    int maxRetries,
    Duration retryTimeLimit,
    @Nullable Path cacheDirectory,
    Duration cacheTtl,
    CacheMode cacheMode) {

  /** The delay before the first retry, doubled for each further one. */
  static final Duration INITIAL_RETRY_DELAY = Duration.ofMillis(500);

  /**
   * Returns the layers, outermost first: disk cache (when a folder is set), retries, HTTP; or
   * the mirror alone for a {@code file:} base URL, which needs no cache and whose failures a
   * retry would not change.
   */
  public Transport createTransport() {
    if ("file".equals(baseUrl.getScheme())) {
      return new MirrorTransport(baseUrl);
    }
    Transport transport = new HttpTransport(connectTimeout, readTimeout, userAgent, maxBodyBytes,
        proxies, trustAnchors);
    if (maxRetries > 0) {
      transport = RetryingTransport.create(transport, maxRetries, INITIAL_RETRY_DELAY,
          retryTimeLimit);
    }
    if (cacheDirectory != null) {
      transport = new CachingTransport(transport, new DiskCache(cacheDirectory, maxBodyBytes), cacheTtl,
          cacheMode, Clock.systemUTC());
    }
    return transport;
  }
}
