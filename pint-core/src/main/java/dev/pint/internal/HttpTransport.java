package dev.pint.internal;

import dev.pint.HttpStatusException;
import dev.pint.MalformedDataException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.HttpsURLConnection;
import org.jspecify.annotations.Nullable;

/**
 * The innermost {@link Transport}: one GET over {@link HttpURLConnection}, which starts much
 * faster than {@code java.net.http.HttpClient} in a short-lived process.
 *
 * <p>It sends exactly {@code Accept-Encoding: gzip}, because the service compares tokens
 * literally, prefers bzip2 or xz when offered, and trims large lists for clients that accept no
 * compression; it decodes gzip. It does not follow redirects: a redirect is reported as an HTTP
 * status, so the data can only come from the configured host. Each request is logged at DEBUG.
 */
public final class HttpTransport implements Transport {
  private static final Logger LOG = Loggers.of(HttpTransport.class);

  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final String userAgent;
  private final long maxBodyBytes;
  private final ProxySettings proxies;
  private final @Nullable TrustAnchors trustAnchors;

  /**
   * @param trustAnchors certificate authorities trusted besides Java's defaults, or null for the
   *     defaults alone
   */
  public HttpTransport(Duration connectTimeout, Duration readTimeout, String userAgent,
      long maxBodyBytes, ProxySettings proxies, @Nullable TrustAnchors trustAnchors) {
    this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
    this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    this.userAgent = userAgent;
    this.maxBodyBytes = maxBodyBytes;
    this.proxies = proxies;
    this.trustAnchors = trustAnchors;
  }

  @Override
  public Response get(Request request) {
    URI url = request.url();
    ProxyRoute route = proxies.routeFor(url);
    long start = System.nanoTime();
    HttpURLConnection connection = null;
    try {
      connection = open(url, route);
      if (request.ifNoneMatch() != null) {
        connection.setRequestProperty("If-None-Match", request.ifNoneMatch());
      }
      if (request.ifModifiedSince() != null) {
        connection.setRequestProperty("If-Modified-Since", request.ifModifiedSince());
      }

      int status = connection.getResponseCode();
      if (status < 0) {
        throw new MalformedDataException(url, "malformed data from " + url
            + ": the server did not send a valid HTTP status line");
      }
      Response response = switch (status) {
        case HttpURLConnection.HTTP_OK -> readOk(connection, url);
        case HttpURLConnection.HTTP_NOT_MODIFIED -> notModified(connection, request);
        default -> throw statusError(connection, url, status, route);
      };
      logExchange(request, route, status, response.body().length, start);
      return response;
    } catch (HttpStatusException | MalformedDataException e) {
      logFailure(request, route, e.getMessage(), start);
      throw e;
    } catch (IOException e) {
      var failure = NetworkFailures.classify(url, e, route);
      logFailure(request, route, failure.getMessage(), start);
      throw failure;
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  private HttpURLConnection open(URI url, @Nullable ProxyRoute route) throws IOException {
    // An explicit Proxy.NO_PROXY keeps Java's default ProxySelector out: ProxySettings decides.
    Proxy proxy = route == null ? Proxy.NO_PROXY : route.proxy();
    HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection(proxy);
    if (connection instanceof HttpsURLConnection https && trustAnchors != null) {
      https.setSSLSocketFactory(trustAnchors.socketFactory());
    }
    if (route != null && route.hasCredentials()) {
      connection.setAuthenticator(route.authenticator());
    }
    connection.setConnectTimeout(connectTimeoutMillis);
    connection.setReadTimeout(readTimeoutMillis);
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
    connection.setRequestProperty("Accept-Encoding", "gzip");
    connection.setRequestProperty("Accept", "application/json");
    connection.setRequestProperty("User-Agent", userAgent);
    return connection;
  }

  private Response readOk(HttpURLConnection connection, URI url) throws IOException {
    long length = connection.getContentLengthLong();
    if (length > maxBodyBytes) {
      throw tooLarge(url);
    }
    byte[] body = readBody(connection, url);
    Instant fetchedAt = Instant.now();
    requireJson(url, body, connection.getContentType());
    return Response.ok(url, body, fetchedAt, connection.getHeaderField("ETag"),
        connection.getHeaderField("Last-Modified"));
  }

  private static Response notModified(HttpURLConnection connection, Request request) {
    if (!request.conditional()) {
      throw new HttpStatusException(request.url(), 304,
          "HTTP 304 from " + request.url() + " for a request that was not conditional");
    }
    return new Response(request.url(), Response.NOT_MODIFIED, new byte[0], Instant.now(),
        connection.getHeaderField("ETag"), connection.getHeaderField("Last-Modified"));
  }

  private byte[] readBody(HttpURLConnection connection, URI url) throws IOException {
    String encoding = connection.getContentEncoding();
    boolean gzip = false;
    if (encoding != null && !encoding.isBlank()) {
      String token = encoding.trim().toLowerCase(Locale.ROOT);
      gzip = token.equals("gzip") || token.equals("x-gzip");
      if (!gzip && !token.equals("identity")) {
        throw new MalformedDataException(url, "response from " + url + " uses Content-Encoding '"
            + encoding + "', which was not requested; only gzip is supported");
      }
    }
    try (InputStream raw = connection.getInputStream();
        InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
      byte[] buffer = new byte[8192];
      long total = 0;
      for (int n; (n = in.read(buffer)) != -1; ) {
        total += n;
        if (total > maxBodyBytes) {
          throw tooLarge(url);
        }
        out.write(buffer, 0, n);
      }
      long length = connection.getContentLengthLong();
      if (!gzip && length >= 0 && total < length) {
        // HttpURLConnection ends a fixed-length body early, without an error, when the server
        // closes the connection: the transfer broke off, which a retry may mend.
        throw new EOFException("unexpected end of file after " + total + " of " + length + " bytes");
      }
      return out.toByteArray();
    } catch (ZipException e) {
      throw new MalformedDataException(url, "malformed data from " + url
          + ": the gzip-encoded body does not decode (" + e.getMessage() + ")", e);
    }
  }

  private MalformedDataException tooLarge(URI url) {
    return new MalformedDataException(url, "response from " + url + " is larger than "
        + maxBodyBytes + " bytes; refusing to read it");
  }

  /**
   * Rejects a body that cannot be a JSON object, such as the HTML page a proxy or captive portal
   * sends, often with status 200.
   */
  private static void requireJson(URI url, byte[] body, @Nullable String contentType) {
    int i = 0;
    while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
      i++;
    }
    if (i < body.length && body[i] == '{') {
      JsonDocuments.requireWellFormed(url, body);
      return;
    }
    if (i < body.length && body[i] == '[') {
      throw new MalformedDataException(url, "malformed data from " + url
          + ": expected a JSON object but got a JSON array");
    }
    if (body.length == 0) {
      throw new MalformedDataException(url, "malformed data from " + url
          + ": the response body is empty where JSON was expected");
    }
    String start = new String(body, i, Math.min(body.length - i, 60), StandardCharsets.UTF_8);
    throw new MalformedDataException(url, "expected JSON from " + url + " but got "
        + (contentType == null ? "a body" : ServerEntries.quote(contentType)) + " starting with "
        + ServerEntries.quote(start) + "; a proxy or captive portal may have answered instead");
  }

  private static HttpStatusException statusError(
      HttpURLConnection connection, URI url, int status, @Nullable ProxyRoute route) {
    if (status == HttpURLConnection.HTTP_PROXY_AUTH && route != null) {
      return NetworkFailures.proxyRejected(url, route, status, reason(connection));
    }
    String message = "HTTP " + status + " from " + url;
    if (status >= 300 && status < 400) {
      String location = connection.getHeaderField("Location");
      message += " (redirect to " + (location == null ? "nowhere" : ServerEntries.quote(location))
          + ", which is not followed; point --base-url at the final location)";
    }
    Duration retryAfter = RetryAfter.parse(connection.getHeaderField("Retry-After"), Instant.now());
    return new HttpStatusException(url, status, message, retryAfter);
  }

  private static String reason(HttpURLConnection connection) {
    try {
      String reason = connection.getResponseMessage();
      return reason == null ? "" : reason;
    } catch (IOException e) {
      return "";
    }
  }

  private static void logExchange(
      Request request, @Nullable ProxyRoute route, int status, int bytes, long start) {
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "GET " + request.url() + (request.conditional() ? " (revalidation)" : "")
          + via(route) + ": " + status + ", " + bytes + " bytes, " + millis(start) + " ms");
    }
  }

  private static void logFailure(
      Request request, @Nullable ProxyRoute route, @Nullable String message, long start) {
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "GET " + request.url() + via(route) + ": failed after "
          + millis(start) + " ms: " + message);
    }
  }

  private static String via(@Nullable ProxyRoute route) {
    return route == null ? "" : " via " + route.describe();
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
