package dev.pint.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pint.HttpStatusException;
import dev.pint.MalformedDataException;
import dev.pint.PintException;
import dev.pint.ServiceUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The fault matrix: each way the service or the network can fail a request for {@code
 * /v1/google/servers.json}, with the outcome the library and the {@code pint} command must show.
 * The library and the command run the same cases; their tests differ only in how they observe
 * the outcome.
 *
 * <p>A case's message may contain {@code {url}} (the URL requested) and {@code {host}} (its host
 * and port). Cases run with a read timeout of {@value #READ_TIMEOUT_MILLIS} ms. {@link
 * #retried} says whether the client retries the failure, and {@link #cacheAbsorbs} whether a
 * cached copy is used in place of the failed answer.
 */
public enum ServiceFault {
  CONNECTION_REFUSED(ServiceUnavailableException.class,
      "cannot connect to {host} (Connection refused); check the network, the proxy settings and --base-url",
      true, true),
  RESET_BEFORE_BODY(ServiceUnavailableException.class,
      "connection to {host} was reset (Connection reset); retry later", true, true),
  RESET_DURING_BODY(ServiceUnavailableException.class,
      "connection to {host} was reset (Connection reset); retry later", true, true),
  CLOSED_DURING_BODY(ServiceUnavailableException.class,
      "connection to {host} was reset (unexpected end of file after 40 of 204 bytes); retry later",
      true, true),
  DELAY_PAST_READ_TIMEOUT(ServiceUnavailableException.class,
      "timed out waiting for {url} (Read timed out); retry later or raise --timeout", true, true),
  STALL_DURING_BODY(ServiceUnavailableException.class,
      "timed out waiting for {url} (Read timed out); retry later or raise --timeout", true, true),
  STATUS_404(HttpStatusException.class, "HTTP 404 from {url}", false, false),
  STATUS_429_RETRY_AFTER(HttpStatusException.class, "HTTP 429 from {url}", true, true),
  STATUS_500(HttpStatusException.class, "HTTP 500 from {url}", false, true),
  STATUS_502(HttpStatusException.class, "HTTP 502 from {url}", true, true),
  STATUS_503(HttpStatusException.class, "HTTP 503 from {url}", true, true),
  EMPTY_BODY(MalformedDataException.class,
      "malformed data from {url}: the response body is empty where JSON was expected", false, true),
  TRUNCATED_JSON(MalformedDataException.class,
      "malformed data from {url}: invalid JSON (Unexpected end-of-input in VALUE_STRING)", false, true),
  RANDOM_BYTES_INSTEAD_OF_HTTP(MalformedDataException.class,
      "malformed data from {url}: the server did not send a valid HTTP status line", false, true),
  RANDOM_BYTES_AS_BODY(MalformedDataException.class,
      "expected JSON from {url} but got 'application/octet-stream' starting with"
          + " '\\ufffd\\ufffd\\ufffd\\u0665d\\ufffd\\ufffd\\ufffdQ9\\ufffd\\ufffdArF/\\ufffdr\\u0003}l"
          + "\\u000e\\ufffd\\ufffd\\ufffd\\ufffd\\u0012\\ufffd\\u0004\\u001b\\u0027\\u000fU\\ufffd\\ufffdp"
          + "\\ufffd\\ufffdp*\\u0017\\ufffd\\ufffd7\\ufffd\\u0494\\ufffdB\\u03fb\\ufffdO1PjkU'; a proxy or"
          + " captive portal may have answered instead",
      false, true),
  HTML_PAGE_WITH_200(MalformedDataException.class,
      "expected JSON from {url} but got 'text/html' starting with '<!DOCTYPE html><html><body>"
          + "Blocked by policy</body></html>'; a proxy or captive portal may have answered instead",
      false, true),
  WRONG_CONTENT_TYPE(null, "", false, false),
  GZIP_THAT_DOES_NOT_DECODE(MalformedDataException.class,
      "malformed data from {url}: the gzip-encoded body does not decode (Not in GZIP format)",
      false, true),
  BODY_OVER_SIZE_CAP(MalformedDataException.class,
      "response from {url} is larger than 67108864 bytes; refusing to read it", false, true),
  REDIRECT_TO_OTHER_HOST(HttpStatusException.class,
      "HTTP 302 from {url} (redirect to 'http://127.0.0.2:9/login', which is not followed; point"
          + " --base-url at the final location)", false, true),
  REDIRECT_LOOP(HttpStatusException.class,
      "HTTP 301 from {url} (redirect to '{url}', which is not followed; point --base-url at the"
          + " final location)", false, true);

  /** The read timeout the cases assume, in milliseconds. */
  public static final int READ_TIMEOUT_MILLIS = 300;

  /** The list the service sends when it works: two servers of one region. */
  public static final String SERVERS = "{\"servers\":["
      + "{\"ip\":\"192.0.2.1\",\"ipv6\":\"\",\"name\":\"smt-gce.susecloud.net\",\"region\":\"us-central1\",\"type\":\"smt\"},"
      + "{\"ip\":\"192.0.2.2\",\"ipv6\":\"2001:db8::2\",\"name\":\"\",\"region\":\"us-central1\",\"type\":\"regionserver\"}]}";

  /** The path every case requests. */
  public static final String PATH = "/v1/google/servers.json";

  private final @Nullable Class<? extends PintException> failure;
  private final String message;
  private final boolean retried;
  private final boolean cacheAbsorbs;

  ServiceFault(@Nullable Class<? extends PintException> failure, String message, boolean retried,
      boolean cacheAbsorbs) {
    this.failure = failure;
    this.message = message;
    this.retried = retried;
    this.cacheAbsorbs = cacheAbsorbs;
  }

  /** The exception the library throws, or null when the request succeeds all the same. */
  public @Nullable Class<? extends PintException> failure() {
    return failure;
  }

  /** Tells whether the client retries the failure. */
  public boolean retried() {
    return retried;
  }

  /** Tells whether a cached copy is used in place of a failed answer. */
  public boolean cacheAbsorbs() {
    return cacheAbsorbs;
  }

  /** Returns the expected message for a request to {@code baseUrl}. */
  public String message(String baseUrl) {
    return message.replace("{url}", baseUrl + PATH)
        .replace("{host}", baseUrl.substring(baseUrl.indexOf("//") + 2));
  }

  /**
   * Makes {@code service}, or a server this method starts, fail in this way, and returns the
   * base URL to request. Servers it starts are added to {@code started}, for the caller to close.
   */
  public String arrange(WireMockExtension service, List<AutoCloseable> started) {
    String wireMock = "http://127.0.0.1:" + service.getPort();
    service.stubFor(get("/v1/providers.json").willReturn(okJson("{\"providers\":[{\"name\":\"google\"}]}")));
    try {
      switch (this) {
        case CONNECTION_REFUSED:
          return "http://127.0.0.1:" + closedPort();
        case RESET_DURING_BODY:
          return raw(started, (socket, out) -> {
            RawHttpServer.writeHead(out, SERVERS.length());
            out.write(SERVERS.substring(0, 40).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawHttpServer.reset(socket);
          });
        case CLOSED_DURING_BODY:
          return raw(started, (socket, out) -> {
            RawHttpServer.writeHead(out, SERVERS.length());
            out.write(SERVERS.substring(0, 40).getBytes(StandardCharsets.US_ASCII));
          });
        case BODY_OVER_SIZE_CAP:
          return raw(started, (socket, out) -> RawHttpServer.writeHead(out, 100L * 1024 * 1024));
        default:
          service.stubFor(get(PATH).willReturn(response(wireMock)));
          return wireMock;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ResponseDefinitionBuilder response(String wireMock) {
    return switch (this) {
      case RESET_BEFORE_BODY -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
      case DELAY_PAST_READ_TIMEOUT -> okJson(SERVERS).withFixedDelay(READ_TIMEOUT_MILLIS * 4);
      case STALL_DURING_BODY -> okJson(SERVERS).withChunkedDribbleDelay(2, READ_TIMEOUT_MILLIS * 6);
      case STATUS_404 -> aResponse().withStatus(404);
      case STATUS_429_RETRY_AFTER -> aResponse().withStatus(429).withHeader("Retry-After", "0");
      case STATUS_500 -> aResponse().withStatus(500).withBody("{\"error\":\"internal\"}");
      case STATUS_502 -> aResponse().withStatus(502);
      case STATUS_503 -> aResponse().withStatus(503);
      case EMPTY_BODY -> aResponse().withStatus(200).withHeader("Content-Type", "application/json");
      case TRUNCATED_JSON -> okJson(SERVERS.substring(0, 60));
      case RANDOM_BYTES_INSTEAD_OF_HTTP -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
      case RANDOM_BYTES_AS_BODY -> aResponse().withStatus(200)
          .withHeader("Content-Type", "application/octet-stream").withBody(randomBytes());
      case HTML_PAGE_WITH_200 -> aResponse().withStatus(200).withHeader("Content-Type", "text/html")
          .withBody("<!DOCTYPE html><html><body>Blocked by policy</body></html>");
      case WRONG_CONTENT_TYPE -> aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
          .withBody(SERVERS);
      case GZIP_THAT_DOES_NOT_DECODE -> okJson(SERVERS).withHeader("Content-Encoding", "gzip");
      case REDIRECT_TO_OTHER_HOST -> aResponse().withStatus(302)
          .withHeader("Location", "http://127.0.0.2:9/login");
      case REDIRECT_LOOP -> aResponse().withStatus(301)
          .withHeader("Location", wireMock + PATH);
      default -> throw new AssertionError(this);
    };
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[256];
    new SplittableRandom(6).nextBytes(bytes);
    bytes[0] = (byte) 0xff;
    return bytes;
  }

  private static String raw(List<AutoCloseable> started, RawHttpServer.Handler handler) throws IOException {
    RawHttpServer server = new RawHttpServer(handler);
    started.add(server);
    return server.baseUrl();
  }

  /** Returns a loopback port that nothing listens on, as far as a test can tell. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
