package dev.pint.internal;

import dev.pint.HttpStatusException;
import dev.pint.MalformedDataException;
import dev.pint.ServiceUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/**
 * A {@link Transport} over {@link HttpURLConnection}, which starts much faster than {@code
 * java.net.http.HttpClient} in a short-lived process.
 *
 * <p>It asks for gzip, because the service trims large lists for clients that accept no
 * compression, and decodes it. It does not follow redirects: a redirect is reported as an HTTP
 * status, so the data can only come from the configured host.
 */
public final class HttpTransport implements Transport {
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final String userAgent;
  private final long maxBodyBytes;

  public HttpTransport(
      Duration connectTimeout, Duration readTimeout, String userAgent, long maxBodyBytes) {
    this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
    this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    this.userAgent = userAgent;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public Response get(URI url) {
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) url.toURL().openConnection();
      connection.setConnectTimeout(connectTimeoutMillis);
      connection.setReadTimeout(readTimeoutMillis);
      connection.setInstanceFollowRedirects(false);
      connection.setUseCaches(false);
      // Exactly "gzip": the service compares tokens literally and prefers bzip2 or xz if offered.
      connection.setRequestProperty("Accept-Encoding", "gzip");
      connection.setRequestProperty("Accept", "application/json");
      connection.setRequestProperty("User-Agent", userAgent);

      int status = connection.getResponseCode();
      if (status < 0) {
        throw new MalformedDataException(url, "malformed data from " + url
            + ": the server did not send a valid HTTP status line");
      }
      if (status != HttpURLConnection.HTTP_OK) {
        throw statusError(url, status, connection.getHeaderField("Location"));
      }
      long length = connection.getContentLengthLong();
      if (length > maxBodyBytes) {
        throw tooLarge(url);
      }
      byte[] body = readBody(connection, url);
      Instant fetchedAt = Instant.now();
      requireJson(url, body, connection.getContentType());
      return new Response(url, body, fetchedAt, connection.getHeaderField("ETag"),
          connection.getHeaderField("Last-Modified"));
    } catch (ConnectException | NoRouteToHostException e) {
      throw new ServiceUnavailableException(url, "cannot connect to " + hostAndPort(url) + " ("
          + e.getMessage() + "); check the network, the proxy settings and --base-url", e);
    } catch (SocketTimeoutException e) {
      throw new ServiceUnavailableException(url, "request to " + url + " timed out ("
          + e.getMessage() + "); retry later or raise --timeout", e);
    } catch (UnknownHostException e) {
      throw new ServiceUnavailableException(url, "cannot resolve host '" + url.getHost()
          + "'; check DNS and the proxy settings", e);
    } catch (SSLException e) {
      throw new ServiceUnavailableException(url, "TLS handshake with " + hostAndPort(url)
          + " failed (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new ServiceUnavailableException(url, "request to " + url + " failed ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  private byte[] readBody(HttpURLConnection connection, URI url) throws IOException {
    String encoding = connection.getContentEncoding();
    try (InputStream raw = connection.getInputStream();
        InputStream in = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")
            ? new GZIPInputStream(raw)
            : raw) {
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
  private static void requireJson(URI url, byte[] body, String contentType) {
    int i = 0;
    while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
      i++;
    }
    if (i < body.length && body[i] == '{') {
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

  private static HttpStatusException statusError(URI url, int status, String location) {
    String message = "HTTP " + status + " from " + url;
    if (status >= 300 && status < 400) {
      message += " (redirect to " + (location == null ? "nowhere" : ServerEntries.quote(location))
          + ", which is not followed; point --base-url at the final location)";
    }
    return new HttpStatusException(url, status, message);
  }

  private static String hostAndPort(URI url) {
    int port = url.getPort() >= 0 ? url.getPort() : url.toString().startsWith("https") ? 443 : 80;
    return url.getHost() + ":" + port;
  }
}
