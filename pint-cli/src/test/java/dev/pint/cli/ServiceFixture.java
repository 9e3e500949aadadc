package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;

/**
 * A WireMock copy of the service on loopback, with one provider, {@code amazon}, whose
 * documents are {@link #DOCUMENTS}; the lists of the other image states answer 404.
 */
final class ServiceFixture {
  static final String PROVIDERS = "{\"providers\":[{\"name\":\"amazon\"}]}";
  static final String SERVERS = "{\"servers\":["
      + "{\"ip\":\"54.197.240.216\",\"ipv6\":\"\",\"name\":\"smt-ec2.susecloud.net\","
      + "\"region\":\"us-east-1\",\"type\":\"smt-sles\"},"
      + "{\"ip\":\"107.22.231.220\",\"ipv6\":\"\",\"name\":\"\",\"region\":\"us-east-1\","
      + "\"type\":\"regionserver\"},"
      + "{\"ip\":\"18.156.96.144\",\"ipv6\":\"\",\"name\":\"smt-ec2.susecloud.net\","
      + "\"region\":\"eu-central-1\",\"type\":\"smt-sles\"}]}";
  static final String REGIONS = "{\"regions\":[{\"name\":\"eu-central-1\"},{\"name\":\"us-east-1\"}]}";
  static final String TYPES = "{\"types\":[{\"name\":\"regionserver\"},{\"name\":\"smt-sles\"}]}";

  static final String STATES = "{\"states\":[{\"name\":\"active\"},{\"name\":\"deleted\"},"
      + "{\"name\":\"deprecated\"},{\"name\":\"inactive\"}]}";
  static final String IMAGES = "{\"images\":["
      + "{\"name\":\"suse-sles-15-sp6-v20260101-hvm-ssd-x86_64\",\"id\":\"ami-0a1\","
      + "\"state\":\"active\",\"replacementname\":\"\",\"replacementid\":\"\","
      + "\"publishedon\":\"20260101\",\"deprecatedon\":\"\",\"deletedon\":\"\","
      + "\"region\":\"us-east-1\"}]}";

  static final Map<String, String> DOCUMENTS = Map.of(
      "/v1/providers.json", PROVIDERS,
      "/v1/amazon/servers.json", SERVERS,
      "/v1/amazon/regions.json", REGIONS,
      "/v1/amazon/servers/types.json", TYPES,
      "/v1/images/states.json", STATES,
      "/v1/amazon/images.json", IMAGES,
      "/v1/amazon/images/active.json", IMAGES);

  private ServiceFixture() {}

  /** Starts WireMock on a free loopback port, serving {@link #DOCUMENTS}. */
  static WireMockServer start() {
    return start(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
  }

  static WireMockServer start(WireMockConfiguration options) {
    WireMockServer server = new WireMockServer(options);
    server.start();
    for (Map.Entry<String, String> document : DOCUMENTS.entrySet()) {
      server.stubFor(get(urlEqualTo(document.getKey())).willReturn(aResponse()
          .withHeader("Content-Type", "application/json")
          .withHeader("ETag", "\"" + Integer.toHexString(document.getValue().hashCode()) + "\"")
          .withBody(document.getValue())));
    }
    return server;
  }
}
