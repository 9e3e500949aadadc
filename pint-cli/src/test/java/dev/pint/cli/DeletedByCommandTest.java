package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DeletedByCommandTest {
  @RegisterExtension
  static final WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  /** A disk cache for this test alone, so no test reads another test's cached responses. */
  @TempDir Path cache;

  private CliRun pint(String... args) {
    return CliRun.run(
        Map.of("PINT_BASE_URL", service.baseUrl(), "XDG_CACHE_HOME", cache.toString()), args);
  }

  @Test
  void json_isReferenceJson() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images/deletedby/20250701.json"))
        .willReturn(okJson(TestResources.fixture("amazon-images-deletedby-20250701.json"))));

    CliRun run = pint("amazon", "deletedby", "20250701", "--json");

    assertEquals("""
        {
          "images": [
            {
              "deletedon": "",
              "deprecatedon": "20220901",
              "id": "ami-0e2a4c6e8b1d3f597",
              "name": "suse-sles-12-sp5-v20220704-hvm-ssd-x86_64",
              "publishedon": "20220704",
              "region": "ap-northeast-1",
              "replacementid": "ami-0b5e7a9c1d3f62840",
              "replacementname": "suse-sles-12-sp5-v20231122-hvm-ssd-x86_64",
              "state": "deprecated"
            }
          ]
        }
        """, run.out());
    assertEquals("", run.err());
    assertEquals(0, run.status());
  }

  @Test
  void region_requestsRegionalRoute() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/regions.json"))
        .willReturn(okJson(TestResources.fixture("amazon-regions.json"))));
    service.stubFor(get(urlPathEqualTo("/v1/amazon/ap-northeast-1/images/deletedby/20250701.json"))
        .willReturn(okJson(TestResources.fixture("amazon-images-deletedby-20250701.json"))));

    CliRun run = pint("amazon", "deletedby", "20250701", "--region=ap-northeast-1", "--xml");

    assertEquals("<?xml version='1.0' encoding='UTF-8'?>\n"
        + "<images>\n"
        + "  <image name=\"suse-sles-12-sp5-v20220704-hvm-ssd-x86_64\" state=\"deprecated\""
        + " replacementname=\"suse-sles-12-sp5-v20231122-hvm-ssd-x86_64\""
        + " replacementid=\"ami-0b5e7a9c1d3f62840\" publishedon=\"20220704\""
        + " deprecatedon=\"20220901\" deletedon=\"\" region=\"ap-northeast-1\""
        + " id=\"ami-0e2a4c6e8b1d3f597\"/>\n"
        + "</images>\n"
        + "\n", run.out());
    assertEquals(0, run.status());
  }

  @Test
  void emptyList_printsEmptyDocumentAndHint() {
    service.stubFor(get(urlPathEqualTo("/v1/microsoft/images/deletedby/20240301.json"))
        .willReturn(okJson("{\"images\":[]}")));

    CliRun run = pint("microsoft", "deletedby", "20240301");

    assertEquals("<?xml version='1.0' encoding='UTF-8'?>\n<images/>\n\n", run.out());
    assertEquals("pint: no deprecated microsoft images will be deleted by 20240301\n", run.err());
    assertEquals(0, run.status());
  }

  @Test
  void filter_noMatch_namesFilterInHint() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images/deletedby/20250701.json"))
        .willReturn(okJson(TestResources.fixture("amazon-images-deletedby-20250701.json"))));

    CliRun run = pint("amazon", "deletedby", "20250701", "--filter=name~sles-15", "--json");

    assertEquals("{\n  \"images\": []\n}\n", run.out());
    assertEquals("pint: no deprecated amazon images will be deleted by 20250701 and match"
        + " --filter 'name~sles-15'\n", run.err());
    assertEquals(0, run.status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-07-01", "202507", "20250231", "tomorrow"})
  void invalidDay_isUsageError(String day) {
    CliRun run = pint("amazon", "deletedby", day);

    assertEquals("", run.out());
    assertEquals("pint: invalid day '" + day + "': give a day as YYYYMMDD, such as 20250131\n",
        run.err());
    assertEquals(2, run.status());
    service.verify(0, anyRequestedFor(anyUrl()));
  }
}
