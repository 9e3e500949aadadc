package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

final class ImageStatesCommandTest {
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

  @BeforeEach
  void serveStates() {
    service.stubFor(get(urlPathEqualTo("/v1/images/states.json"))
        .willReturn(okJson(TestResources.fixture("image-states.json"))));
  }

  @Test
  void json_isReferenceJson() {
    CliRun run = pint("image_states", "--json");

    assertEquals("""
        {
          "states": [
            {
              "name": "active"
            },
            {
              "name": "deleted"
            },
            {
              "name": "deprecated"
            },
            {
              "name": "inactive"
            }
          ]
        }
        """, run.out());
    assertEquals("", run.err());
    assertEquals(0, run.status());
  }

  @Test
  void defaultOutput_isReferenceXml() {
    CliRun run = pint("image_states");

    assertEquals("""
        <?xml version='1.0' encoding='UTF-8'?>
        <states>
          <state name="active"/>
          <state name="deleted"/>
          <state name="deprecated"/>
          <state name="inactive"/>
        </states>

        """, run.out());
    assertEquals(0, run.status());
  }

  @Test
  void provider_isUsageError() {
    CliRun run = pint("amazon", "image_states");

    assertEquals("", run.out());
    assertEquals("pint: 'image_states' takes no provider, but 'amazon' was given; see 'pint --help'\n",
        run.err());
    assertEquals(2, run.status());
    service.verify(0, anyRequestedFor(anyUrl()));
  }
}
