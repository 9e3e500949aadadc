package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

final class DeletionDateCommandTest {
  @RegisterExtension
  static final WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String DEPRECATED = "suse-sles-15-sp4-v20230620-hvm-ssd-x86_64";
  private static final String ACTIVE = "suse-sles-15-sp5-v20240129-hvm-ssd-x86_64";

  private static void serveDeprecated() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images/deletiondate/" + DEPRECATED + ".json"))
        .willReturn(okJson(TestResources.fixture("amazon-deletiondate.json"))));
  }

  private static void serveActive() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images/deletiondate/" + ACTIVE + ".json"))
        .willReturn(okJson("{\"deletiondate\":\"\"}")));
  }

  /** A disk cache for this test alone, so no test reads another test's cached responses. */
  @TempDir Path cache;

  private CliRun pint(String... args) {
    return CliRun.run(
        Map.of("PINT_BASE_URL", service.baseUrl(), "XDG_CACHE_HOME", cache.toString()), args);
  }

  @Test
  void plain_printsDay() {
    serveDeprecated();

    CliRun run = pint("amazon", "deletiondate", DEPRECATED);

    assertEquals("20260129\n", run.out());
    assertEquals("", run.err());
    assertEquals(0, run.status());
  }

  @Test
  void json_printsReferenceJsonDocument() {
    serveDeprecated();

    CliRun run = pint("amazon", "deletiondate", DEPRECATED, "--json");

    assertEquals("{\n  \"deletiondate\": \"20260129\"\n}\n", run.out());
    assertEquals(0, run.status());
  }

  @Test
  void xml_printsOneElement() {
    serveDeprecated();

    CliRun run = pint("amazon", "deletiondate", DEPRECATED, "--xml");

    assertEquals("<?xml version='1.0' encoding='UTF-8'?>\n<deletiondate>20260129</deletiondate>\n\n",
        run.out());
    assertEquals(0, run.status());
  }

  @Test
  void plain_activeImage_printsNothingAndHint() {
    serveActive();

    CliRun run = pint("amazon", "deletiondate", ACTIVE);

    assertEquals("", run.out());
    assertEquals("pint: image '" + ACTIVE + "' has no deletion date because it is neither"
        + " deprecated nor deleted\n", run.err());
    assertEquals(0, run.status());
  }

  @Test
  void json_activeImage_printsEmptyValue() {
    serveActive();

    CliRun run = pint("amazon", "deletiondate", ACTIVE, "--json");

    assertEquals("{\n  \"deletiondate\": \"\"\n}\n", run.out());
    assertEquals(0, run.status());
  }

  @Test
  void xml_activeImage_printsEmptyElement() {
    serveActive();

    CliRun run = pint("amazon", "deletiondate", ACTIVE, "--xml");

    assertEquals("<?xml version='1.0' encoding='UTF-8'?>\n<deletiondate/>\n\n", run.out());
    assertEquals(0, run.status());
  }

  @Test
  void region_requestsRegionalRoute() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/regions.json"))
        .willReturn(okJson(TestResources.fixture("amazon-regions.json"))));
    service.stubFor(get(urlPathEqualTo(
            "/v1/amazon/eu-central-1/images/deletiondate/" + DEPRECATED + ".json"))
        .willReturn(okJson("{\"deletiondate\":\"20260129\"}")));

    CliRun run = pint("amazon", "deletiondate", DEPRECATED, "--region=EU-Central-1");

    assertEquals("20260129\n", run.out());
    assertEquals(0, run.status());
  }

  @Test
  void unknownImage_isUsageError() {
    service.stubFor(get(urlPathEqualTo("/v1/providers.json"))
        .willReturn(okJson(TestResources.fixture("providers.json"))));
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images/deletiondate/suse-sles-99.json"))
        .willReturn(notFound()));

    CliRun run = pint("amazon", "deletiondate", "suse-sles-99");

    assertEquals("", run.out());
    assertEquals("pint: unknown image 'suse-sles-99' for amazon; find the exact name with"
        + " 'pint amazon images --filter=name~TEXT'\n", run.err());
    assertEquals(2, run.status());
  }

  @Test
  void jsonAndXml_isUsageError() {
    CliRun run = pint("amazon", "deletiondate", DEPRECATED, "--json", "--xml");

    assertEquals("", run.out());
    assertEquals("pint: --json and --xml are mutually exclusive; give at most one\n", run.err());
    assertEquals(2, run.status());
    service.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void missingImage_isUsageError() {
    CliRun run = pint("amazon", "deletiondate");

    assertEquals("", run.out());
    assertEquals("pint: Missing required parameter: 'IMAGE'; see 'pint --help'\n", run.err());
    assertEquals(2, run.status());
  }
}
