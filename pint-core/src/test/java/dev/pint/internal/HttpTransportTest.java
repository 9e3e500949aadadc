package dev.pint.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.pint.MalformedDataException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class HttpTransportTest {
  private static final String BODY = "{\"providers\":[{\"name\":\"amazon\"}]}";

  private WireMockServer service;
  private URI url;

  @BeforeEach
  void start() {
    service = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
        .dynamicPort().gzipDisabled(true));
    service.start();
    url = URI.create("http://127.0.0.1:" + service.port() + "/v1/providers.json");
  }

  @AfterEach
  void stop() {
    service.stop();
  }

  private static HttpTransport transport(long maxBytes) {
    return new HttpTransport(Duration.ofSeconds(5), Duration.ofSeconds(5), "pint-test", maxBytes,
        ProxySettings.read(null, Map.of(), new Properties()), null);
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void request_acceptsExactlyGzipAndDecodesIt() throws Exception {
    service.stubFor(get(urlEqualTo("/v1/providers.json")).willReturn(aResponse()
        .withHeader("Content-Encoding", "gzip").withBody(gzip(BODY))));

    Response response = transport(1 << 20).get(Request.of(url));

    assertEquals(BODY, new String(response.body(), StandardCharsets.UTF_8));
    service.verify(getRequestedFor(urlEqualTo("/v1/providers.json"))
        .withHeader("Accept-Encoding", equalTo("gzip")));
  }

  @Test
  void conditionalRequest_returnsNotModified() {
    service.stubFor(get(urlEqualTo("/v1/providers.json"))
        .withHeader("If-None-Match", equalTo("\"abc\""))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"abc\"")));

    Response response = transport(1 << 20).get(new Request(url, "\"abc\"", null));

    assertEquals(304, response.status());
    assertEquals(0, response.body().length);
    assertEquals("\"abc\"", response.etag());
  }

  @Test
  void bodyOverCap_isRejected() throws Exception {
    String large = "{\"providers\":[" + "{\"name\":\"amazon\"},".repeat(200) + "{}]}";
    service.stubFor(get(urlEqualTo("/v1/providers.json")).willReturn(aResponse()
        .withHeader("Content-Encoding", "gzip").withBody(gzip(large))));

    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> transport(1000).get(Request.of(url)));

    assertEquals("response from " + url + " is larger than 1000 bytes; refusing to read it",
        e.getMessage());
  }

  @Test
  void unrequestedEncoding_isRejected() {
    service.stubFor(get(urlEqualTo("/v1/providers.json")).willReturn(aResponse()
        .withHeader("Content-Encoding", "br").withBody("xx")));

    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> transport(1 << 20).get(Request.of(url)));

    assertEquals("response from " + url + " uses Content-Encoding 'br', which was not requested;"
        + " only gzip is supported", e.getMessage());
  }
}
