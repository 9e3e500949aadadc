package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.pint.cli.DoctorCommandTest.detail;
import static dev.pint.cli.DoctorCommandTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pint.cli.doctor.ExternalTools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pint doctor} finding the provider and region through loopback stand-ins of the AWS,
 * Azure and GCE metadata services, each demanding its own headers.
 */
final class DoctorMetadataTest {
  @TempDir Path root;

  private DoctorScenario scenario;
  private WireMockServer metadata;

  @BeforeEach
  void start() throws Exception {
    scenario = new DoctorScenario(root);
    scenario.service.stubFor(get(urlEqualTo("/v1/providers.json")).willReturn(aResponse().withBody(
        "{\"providers\":[{\"name\":\"amazon\"},{\"name\":\"google\"},{\"name\":\"microsoft\"}]}")));
    scenario.service.stubFor(get(urlEqualTo("/v1/microsoft/servers.json")).willReturn(aResponse().withBody(
        DoctorScenario.SERVERS_JSON.replace("eu-central-1", "germanywestcentral").replace("smt-ec2", "smt-azure"))));
    scenario.service.stubFor(get(urlEqualTo("/v1/google/servers.json")).willReturn(aResponse().withBody(
        DoctorScenario.SERVERS_JSON.replace("eu-central-1", "europe-west3").replace("smt-ec2", "smt-gce"))));
    metadata = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    metadata.start();
  }

  @AfterEach
  void stop() {
    metadata.stop();
    scenario.close();
  }

  private String metadataUrl() {
    return "http://127.0.0.1:" + metadata.port();
  }

  private void stubAws(String region) {
    metadata.stubFor(put(urlEqualTo("/latest/api/token"))
        .withHeader("X-aws-ec2-metadata-token-ttl-seconds", equalTo("60"))
        .willReturn(aResponse().withBody("token-123")));
    metadata.stubFor(get(urlEqualTo("/latest/meta-data/placement/region")).atPriority(2)
        .willReturn(aResponse().withStatus(401)));
    metadata.stubFor(get(urlEqualTo("/latest/meta-data/placement/region")).atPriority(1)
        .withHeader("X-aws-ec2-metadata-token", equalTo("token-123"))
        .willReturn(aResponse().withBody(region)));
  }

  @Test
  void metadata_awsImdsv2WithTokenAndDmiVendor() {
    scenario.write("sys/class/dmi/id/sys_vendor", "Amazon EC2\n");
    stubAws("eu-central-1");

    DoctorScenario.Run run = scenario.run(scenario.arguments("--metadata-url", metadataUrl()));

    assertEquals(0, run.exitStatus(), run.out());
    assertTrue(run.lines().contains(line("OK", "region", "amazon region eu-central-1, from the metadata service at "
        + metadataUrl() + "/latest/meta-data/placement/region")), run.out());
    assertTrue(run.lines().contains(detail("provider from the DMI vendor data")));
    metadata.verify(1, putRequestedFor(urlEqualTo("/latest/api/token"))
        .withHeader("X-aws-ec2-metadata-token-ttl-seconds", equalTo("60")));
    metadata.verify(1, getRequestedFor(urlEqualTo("/latest/meta-data/placement/region"))
        .withHeader("X-aws-ec2-metadata-token", equalTo("token-123")));
    metadata.verify(2, anyRequestedFor(anyUrl()));
  }

  @Test
  void metadata_azureWithMetadataHeader() {
    String path = "/metadata/instance/compute/location?api-version=2021-02-01&format=text";
    metadata.stubFor(get(urlEqualTo(path)).atPriority(2).willReturn(aResponse().withStatus(400)));
    metadata.stubFor(get(urlEqualTo(path)).atPriority(1).withHeader("Metadata", equalTo("true"))
        .willReturn(aResponse().withBody("GermanyWestCentral")));

    DoctorScenario.Run run = scenario.run(scenario.arguments("--provider", "microsoft", "--metadata-url", metadataUrl()));

    assertTrue(run.lines().contains(line("OK", "region", "microsoft region GermanyWestCentral, from the metadata"
        + " service at " + metadataUrl() + path)), run.out());
    assertTrue(run.lines().contains(line("OK", "update-servers",
        "2 update servers for microsoft region germanywestcentral: 127.0.0.21, 127.0.0.22")), run.out());
    metadata.verify(1, getRequestedFor(urlEqualTo(path)).withHeader("Metadata", equalTo("true")));
  }

  @Test
  void metadata_gceZoneGivesTheRegion() {
    scenario.write("sys/class/dmi/id/product_name", "Google Compute Engine\n");
    metadata.stubFor(get(urlEqualTo("/computeMetadata/v1/instance/zone")).atPriority(2)
        .willReturn(aResponse().withStatus(403)));
    metadata.stubFor(get(urlEqualTo("/computeMetadata/v1/instance/zone")).atPriority(1)
        .withHeader("Metadata-Flavor", equalTo("Google"))
        .willReturn(aResponse().withBody("projects/123456789/zones/europe-west3-b")));

    DoctorScenario.Run run = scenario.run(scenario.arguments("--metadata-url", metadataUrl()));

    assertTrue(run.lines().contains(line("OK", "region", "google region europe-west3, from the metadata service at "
        + metadataUrl() + "/computeMetadata/v1/instance/zone")), run.out());
    metadata.verify(1, getRequestedFor(urlEqualTo("/computeMetadata/v1/instance/zone"))
        .withHeader("Metadata-Flavor", equalTo("Google")));
  }

  @Test
  void metadata_withoutDmiFirstResponderWins() {
    String path = "/metadata/instance/compute/location?api-version=2021-02-01&format=text";
    metadata.stubFor(get(urlEqualTo(path)).withHeader("Metadata", equalTo("true"))
        .willReturn(aResponse().withBody("germanywestcentral")));

    DoctorScenario.Run run = scenario.run(scenario.arguments("--metadata-url", metadataUrl()));

    assertTrue(run.lines().contains(line("OK", "region", "microsoft region germanywestcentral, from the metadata"
        + " service at " + metadataUrl() + path)), run.out());
    assertTrue(run.lines().contains(detail("provider from the first metadata service that answered")));
    metadata.verify(1, putRequestedFor(urlEqualTo("/latest/api/token")));
    metadata.verify(0, getRequestedFor(urlEqualTo("/computeMetadata/v1/instance/zone")));
  }

  @Test
  void metadata_proxyPageInsteadOfRegionIsAProblem() {
    scenario.write("sys/class/dmi/id/sys_vendor", "Amazon EC2\n");
    stubAws("<html><body>Access denied by policy</body></html>");

    DoctorScenario.Run run = scenario.run(scenario.arguments("--metadata-url", metadataUrl()));

    assertEquals(1, run.exitStatus());
    List<String> lines = run.lines();
    assertTrue(lines.contains(line("PROBLEM", "region", "the metadata service answered with something that is not a"
        + " region name; a proxy answered in its place")), run.out());
    assertTrue(lines.contains(detail("the amazon metadata service at " + metadataUrl()
        + "/latest/meta-data/placement/region answered '<html><body>Access denied by policy</body></html>', which is"
        + " not a region name; a proxy or another service answered in its place")));
    assertTrue(lines.contains(line("SKIPPED", "update-servers", "skipped: the region is not known")));
  }

  @Test
  void metadata_unreachableServiceIsAProblem() throws Exception {
    scenario.write("sys/class/dmi/id/sys_vendor", "Amazon EC2\n");
    String closed = "http://127.0.0.1:" + ExternalTools.freePort();

    DoctorScenario.Run run = scenario.run(scenario.arguments("--metadata-url", closed));

    assertEquals(1, run.exitStatus());
    assertTrue(run.lines().contains(line("PROBLEM", "region", "the instance metadata service at " + closed
        + " did not give the region")), run.out());
    assertTrue(run.lines().contains(detail("PUT " + closed + "/latest/api/token failed: ConnectException: Connection refused")));
  }

  @Test
  void metadata_notAskedWhenRegionIsGiven() {
    stubAws("eu-central-1");

    DoctorScenario.Run run = scenario.run(scenario.argumentsWithRegion("--metadata-url", metadataUrl()));

    assertEquals(0, run.exitStatus(), run.out());
    metadata.verify(0, anyRequestedFor(anyUrl()));
  }
}
