package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pint.testing.ImageListGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ImagesCommandTest {
  @RegisterExtension
  static final WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final Pattern XML_NAME_AND_REGION =
      Pattern.compile("<image name=\"([^\"]*)\".*? region=\"([^\"]*)\"");

  private static final String VALID_FORMS = "valid forms: id=VALUE, replacementid=VALUE,"
      + " name~VALUE, name!VALUE, name%VALUE, replacementname~VALUE, replacementname!VALUE,"
      + " replacementname%VALUE, publishedon<YYYYMMDD, publishedon=YYYYMMDD, publishedon>YYYYMMDD,"
      + " deprecatedon<YYYYMMDD, deprecatedon=YYYYMMDD, deprecatedon>YYYYMMDD,"
      + " deletedon<YYYYMMDD, deletedon=YYYYMMDD, deletedon>YYYYMMDD (join several with commas)";

  private static void serve(String path, String fixture) {
    service.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(TestResources.fixture(fixture))));
  }

  /** A disk cache for this test alone, so no test reads another test's cached responses. */
  @TempDir Path cache;

  private CliRun pint(String... args) {
    return CliRun.run(
        Map.of("PINT_BASE_URL", service.baseUrl(), "XDG_CACHE_HOME", cache.toString()), args);
  }

  /** Returns "name@region" of each image in XML output, in order. */
  private static List<String> namesAndRegions(String xml) {
    List<String> images = new ArrayList<>();
    Matcher matcher = XML_NAME_AND_REGION.matcher(xml);
    while (matcher.find()) {
      images.add(matcher.group(1) + "@" + matcher.group(2));
    }
    return images;
  }

  @Test
  void json_amazonRegionActive_isReferenceJson() {
    serve("/v1/amazon/regions.json", "amazon-regions.json");
    serve("/v1/amazon/us-east-1/images/active.json", "amazon-us-east-1-images-active.json");

    CliRun run = pint("amazon", "images", "--active", "--region=us-east-1", "--json");

    assertEquals("""
        {
          "images": [
            {
              "changeinfo": "https://publiccloudimagechangeinfo.suse.com/amazon/suse-sles-15-sp5-v20240129-hvm-ssd-x86_64/",
              "deletedon": "",
              "deprecatedon": "",
              "id": "ami-0f3c8a5e2d7b41a96",
              "name": "suse-sles-15-sp5-v20240129-hvm-ssd-x86_64",
              "publishedon": "20240129",
              "region": "us-east-1",
              "replacementid": "",
              "replacementname": "",
              "state": "active"
            },
            {
              "deletedon": "",
              "deprecatedon": "",
              "id": "ami-0c9e7d1b3a5f28e64",
              "name": "suse-sles-15-sp5-byos-v20240129-hvm-ssd-arm64",
              "publishedon": "20240129",
              "region": "us-east-1",
              "replacementid": "",
              "replacementname": "",
              "state": "active"
            }
          ]
        }
        """, run.out());
    assertEquals("", run.err());
    assertEquals(0, run.status());
  }

  @Test
  void xml_amazonRegionActive_isReferenceXml() {
    serve("/v1/amazon/regions.json", "amazon-regions.json");
    serve("/v1/amazon/us-east-1/images/active.json", "amazon-us-east-1-images-active.json");

    CliRun run = pint("amazon", "images", "--active", "--region=us-east-1");

    assertEquals("<?xml version='1.0' encoding='UTF-8'?>\n"
        + "<images>\n"
        + "  <image name=\"suse-sles-15-sp5-v20240129-hvm-ssd-x86_64\" state=\"active\""
        + " replacementname=\"\" replacementid=\"\" publishedon=\"20240129\" deprecatedon=\"\""
        + " deletedon=\"\" region=\"us-east-1\" id=\"ami-0f3c8a5e2d7b41a96\" changeinfo=\"https://"
        + "publiccloudimagechangeinfo.suse.com/amazon/suse-sles-15-sp5-v20240129-hvm-ssd-x86_64/\"/>\n"
        + "  <image name=\"suse-sles-15-sp5-byos-v20240129-hvm-ssd-arm64\" state=\"active\""
        + " replacementname=\"\" replacementid=\"\" publishedon=\"20240129\" deprecatedon=\"\""
        + " deletedon=\"\" region=\"us-east-1\" id=\"ami-0c9e7d1b3a5f28e64\"/>\n"
        + "</images>\n"
        + "\n", run.out());
    assertEquals("", run.err());
    assertEquals(0, run.status());
  }

  @Test
  void xml_microsoftRegion_keepsEachEntrysFieldOrder() {
    serve("/v1/microsoft/regions.json", "microsoft-regions.json");
    serve("/v1/microsoft/westus/images.json", "microsoft-westus-images.json");

    CliRun run = pint("microsoft", "images", "--region=westus", "--xml");

    assertEquals("<?xml version='1.0' encoding='UTF-8'?>\n"
        + "<images>\n"
        + "  <image name=\"suse-sles-15-sp5-v20240129-x86_64\" state=\"active\" replacementname=\"\""
        + " publishedon=\"20240129\" deprecatedon=\"\" deletedon=\"\" environment=\"PublicAzure\""
        + " urn=\"SUSE:sles-15-sp5:gen2:2024.01.29\" changeinfo=\"https://publiccloudimagechangeinfo"
        + ".suse.com/microsoft/suse-sles-15-sp5-v20240129-x86_64/\" region=\"westus\"/>\n"
        + "  <image name=\"suse-sles-15-sp5-byos-v20240129-arm64\" state=\"active\""
        + " replacementname=\"\" publishedon=\"20240129\" deprecatedon=\"\" deletedon=\"\""
        + " environment=\"PublicAzure\" urn=\"SUSE:sles-15-sp5-byos:gen2-arm64:2024.01.29\""
        + " region=\"westus\"/>\n"
        + "  <image name=\"suse-sles-15-sp4-v20230620-x86_64\" state=\"deprecated\""
        + " replacementname=\"suse-sles-15-sp5-v20240129-x86_64\" publishedon=\"20230620\""
        + " deprecatedon=\"20240129\" deletedon=\"\" environment=\"PublicAzure\""
        + " urn=\"SUSE:sles-15-sp4:gen2:2023.06.20\" region=\"westus\"/>\n"
        + "</images>\n"
        + "\n", run.out());
    assertEquals(0, run.status());
  }

  @Test
  void json_google_sortsKeysOfEachEntry() {
    serve("/v1/google/images.json", "google-images.json");

    CliRun run = pint("google", "images", "--json");

    assertEquals("""
        {
          "images": [
            {
              "changeinfo": "https://publiccloudimagechangeinfo.suse.com/google/sles-15-sp5-v20240129-x86-64/",
              "deletedon": "",
              "deprecatedon": "",
              "name": "sles-15-sp5-v20240129-x86-64",
              "project": "suse-cloud",
              "publishedon": "20240129",
              "replacementname": "",
              "state": "active"
            },
            {
              "changeinfo": "https://publiccloudimagechangeinfo.suse.com/google/sles-15-sp5-byos-v20240129-arm64/",
              "deletedon": "",
              "deprecatedon": "",
              "name": "sles-15-sp5-byos-v20240129-arm64",
              "project": "suse-byos-cloud",
              "publishedon": "20240129",
              "replacementname": "",
              "state": "active"
            },
            {
              "deletedon": "",
              "deprecatedon": "20240129",
              "name": "sles-15-sp4-v20230620-x86-64",
              "project": "suse-cloud",
              "publishedon": "20230620",
              "replacementname": "sles-15-sp5-v20240129-x86-64",
              "state": "deprecated"
            }
          ]
        }
        """, run.out());
    assertEquals(0, run.status());
  }

  @Test
  void table_amazonRegion_startsWithCommonColumns() {
    serve("/v1/amazon/regions.json", "amazon-regions.json");
    serve("/v1/amazon/us-east-1/images/active.json", "amazon-us-east-1-images-active.json");

    CliRun run = pint("amazon", "images", "--active", "--region=us-east-1", "--format=table");

    String[] lines = run.out().split("\n");
    assertEquals("name                                           state   publishedon  deprecatedon"
        + "  deletedon  replacementname  replacementid  region     id                     changeinfo",
        lines[0]);
    assertEquals("suse-sles-15-sp5-byos-v20240129-hvm-ssd-arm64|active|20240129|us-east-1"
        + "|ami-0c9e7d1b3a5f28e64", lines[2].replaceAll(" {2,}", "|"));
    assertEquals(lines[0].indexOf("region"), lines[2].indexOf("us-east-1"));
    assertEquals(3, lines.length);
    assertEquals(0, run.status());
  }

  @Test
  void csv_microsoft_hasUrnAndNoId() {
    serve("/v1/microsoft/images.json", "microsoft-images.json");

    CliRun run = pint("microsoft", "images", "--format=csv");

    String[] lines = run.out().split("\r\n");
    assertEquals("name,state,publishedon,deprecatedon,deletedon,replacementname,environment,urn,"
        + "changeinfo", lines[0]);
    assertEquals("suse-sles-15-sp4-v20230620-x86_64,deprecated,20230620,20240129,,"
        + "suse-sles-15-sp5-v20240129-x86_64,PublicAzure,SUSE:sles-15-sp4:gen2:2023.06.20,",
        lines[4]);
    assertEquals(5, lines.length);
    assertEquals(0, run.status());
  }

  @Test
  void ipsFormat_isUsageError() {
    CliRun run = pint("amazon", "images", "--format=ips");

    assertEquals("", run.out());
    assertEquals("pint: --format=ips prints server addresses and applies only to 'servers', not to"
        + " 'images'; use xml, json, table or csv\n", run.err());
    assertEquals(2, run.status());
    service.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void deleted_requestsDeletedStateRoute() {
    serve("/v1/amazon/images/deleted.json", "amazon-images-deleted.json");

    CliRun run = pint("amazon", "images", "--deleted");

    assertEquals(List.of("suse-sles-15-sp3-v20211129-hvm-ssd-x86_64@us-east-1",
        "suse-sles-12-sp4-v20200306-hvm-ssd-x86_64@ap-northeast-1"), namesAndRegions(run.out()));
    assertEquals(0, run.status());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      id=ami-0c9e7d1b3a5f28e64                       | 3
      id=AMI-0C9E7D1B3A5F28E64                       |
      replacementid=ami-05b2c4d9e8a7f6130            | 6
      name~SAP                                       | 4
      name!sles-15                                   | 4 7
      name%suse-sles-15-sp[45]-v                     | 1 2 5 6
      replacementname~sles-12                        | 7
      replacementname!sp5-v2024                      | 1 2 3 4 7
      replacementname%SUSE-SLES-12                   | 7
      publishedon<20231211                           | 5 6 7
      publishedon=20231211                           | 4
      publishedon>20231211                           | 1 2 3
      deprecatedon<20240129                          | 7
      deprecatedon>20200101                          | 5 6 7
      deletedon>19700101                             |
      name~sp4,deprecatedon=20240129                 | 5 6
      publishedon>20230101,publishedon<20240101      | 4 5 6
      """)
  void filter_phrase_keepsMatchingImages(String filter, String expectedEntries) {
    serve("/v1/amazon/images.json", "amazon-images.json");
    List<String> all = namesAndRegions(pint("amazon", "images").out());
    List<String> expected = new ArrayList<>();
    if (expectedEntries != null) {
      for (String entry : expectedEntries.split(" ")) {
        expected.add(all.get(Integer.parseInt(entry) - 1));
      }
    }

    CliRun run = pint("amazon", "images", "--filter=" + filter);

    assertEquals(expected, namesAndRegions(run.out()));
    assertEquals(0, run.status());
  }

  @Test
  void filter_noMatch_printsEmptyDocumentAndHint() {
    serve("/v1/amazon/regions.json", "amazon-regions.json");
    serve("/v1/amazon/us-east-1/images/active.json", "amazon-us-east-1-images-active.json");

    CliRun run = pint("amazon", "images", "--active", "--region=us-east-1", "--filter=name~sap");

    assertEquals("<?xml version='1.0' encoding='UTF-8'?>\n<images/>\n\n", run.out());
    assertEquals("pint: no amazon images match in us-east-1; check --active, --region and --filter\n",
        run.err());
    assertEquals(0, run.status());
  }

  @Test
  void json_emptyStateList_printsEmptyDocumentAndHint() {
    service.stubFor(get(urlPathEqualTo("/v1/google/images/inactive.json"))
        .willReturn(okJson("{\"images\":[]}")));

    CliRun run = pint("google", "images", "--inactive", "--json");

    assertEquals("{\n  \"images\": []\n}\n", run.out());
    assertEquals("pint: no google images match; check --inactive\n", run.err());
    assertEquals(0, run.status());
  }

  @Test
  void emptyList_withoutOptions_saysServiceListsNone() {
    service.stubFor(get(urlPathEqualTo("/v1/oracle/images.json"))
        .willReturn(okJson("{\"images\":[]}")));

    CliRun run = pint("oracle", "images");

    assertEquals("<?xml version='1.0' encoding='UTF-8'?>\n<images/>\n\n", run.out());
    assertEquals("pint: the service lists no images for oracle\n", run.err());
    assertEquals(0, run.status());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      publishedon<2024     | pint: invalid filter phrase 'publishedon<2024': '2024' is not a day in the form YYYYMMDD, such as 20240131
      deletedon=20230229   | pint: invalid filter phrase 'deletedon=20230229': '20230229' is not a day in the form YYYYMMDD, such as 20240131
      """)
  void filter_invalidDay_isUsageError(String filter, String message) {
    CliRun run = pint("amazon", "images", "--filter=name~sles," + filter);

    assertEquals("", run.out());
    assertEquals(message + "\n", run.err());
    assertEquals(2, run.status());
    service.verify(0, anyRequestedFor(anyUrl()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      publishedon~2024
      region=us-east-1
      ip=192.0.2.1
      id~ami
      ''
      """)
  void filter_invalidPhrase_listsValidForms(String filter) {
    CliRun run = pint("amazon", "images", "--filter=" + filter);

    assertEquals("", run.out());
    assertEquals("pint: invalid filter phrase '" + filter + "'; " + VALID_FORMS + "\n", run.err());
    assertEquals(2, run.status());
  }

  @Test
  void states_twoGiven_isUsageError() {
    CliRun run = pint("amazon", "images", "--active", "--deleted");

    assertEquals("", run.out());
    assertEquals("pint: --active, --inactive, --deprecated and --deleted are mutually exclusive,"
        + " but --active and --deleted were given; give at most one\n", run.err());
    assertEquals(2, run.status());
    service.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void region_unknown_suggestsName() {
    serve("/v1/amazon/regions.json", "amazon-regions.json");

    CliRun run = pint("amazon", "images", "--region=us-esat-1");

    assertEquals("", run.out());
    assertEquals("pint: unknown region 'us-esat-1' for amazon; did you mean 'us-east-1'?\n", run.err());
    assertEquals(2, run.status());
  }

  @Test
  void provider_unknown_listsKnownProviders() {
    serve("/v1/providers.json", "providers.json");
    service.stubFor(get(urlPathEqualTo("/v1/azure/images.json")).willReturn(notFound()));

    CliRun run = pint("azure", "images");

    assertEquals("", run.out());
    assertEquals("pint: unknown provider 'azure'; known providers: alibaba, amazon, google,"
        + " microsoft, oracle\n", run.err());
    assertEquals(2, run.status());
  }

  @Test
  void serviceError_exitsWithFailure() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images.json")).willReturn(serverError()));

    CliRun run = pint("amazon", "images");

    assertEquals("", run.out());
    assertEquals("pint: HTTP 500 from " + service.baseUrl() + "/v1/amazon/images.json\n", run.err());
    assertEquals(1, run.status());
  }

  @Test
  void malformedEntry_exitsWithFailureAndPrintsNothing() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images.json")).willReturn(okJson(
        "{\"images\":[{\"name\":\"a\",\"publishedon\":\"20240129\"},{\"name\":\"b\",\"deletedon\":\"soon\"}]}")));

    CliRun run = pint("amazon", "images", "--json");

    assertEquals("", run.out());
    assertEquals("pint: malformed data from " + service.baseUrl() + "/v1/amazon/images.json: image"
        + " entry 1 is invalid: 'deletedon' 'soon' is not a date in the form yyyymmdd\n", run.err());
    assertEquals(1, run.status());
  }

  @Test
  void help_worksWithoutService() {
    CliRun run = pint("amazon", "images", "--help");

    assertEquals(0, run.status());
    assertEquals("", run.err());
    assertTrue(run.out().contains("--filter=FILTER"), run.out());
    service.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void generatedList_xmlListsEveryImage() {
    ImageListGenerator.Result generated = ImageListGenerator.amazon(ImageListGenerator.SERVICE_LIMIT_BYTES);
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images.json"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(generated.json())));

    CliRun run = pint("amazon", "images");

    String[] lines = run.out().split("\n", -1);
    long images = Arrays.stream(lines).filter(line -> line.startsWith("  <image name=\"")).count();
    assertEquals(generated.imageCount(), images);
    assertEquals("<images>", lines[1]);
    assertEquals(0, run.status());
  }

  @Test
  void generatedList_filterKeepsSameImagesAsScan() {
    ImageListGenerator.Result generated = ImageListGenerator.amazon(ImageListGenerator.SERVICE_LIMIT_BYTES);
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images.json"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(generated.json())));
    Matcher entries = Pattern.compile("\\{\"name\":\"([^\"]*)\".*?\"publishedon\":\"(\\d{8})\".*?"
        + "\"region\":\"([^\"]*)\"").matcher(new String(generated.json(), StandardCharsets.UTF_8));
    List<String> expected = new ArrayList<>();
    while (entries.find()) {
      if (entries.group(1).contains("sap-15-sp5") && entries.group(2).compareTo("20231201") < 0
          && entries.group(3).startsWith("eu-")) {
        expected.add(entries.group(1) + "@" + entries.group(3));
      }
    }

    CliRun run = pint("amazon", "images",
        "--filter=name~SAP-15-SP5,publishedon<20231201,name%.*-x86_64$", "--xml");

    List<String> kept = new ArrayList<>();
    for (String image : namesAndRegions(run.out())) {
      if (image.contains("@eu-")) {
        kept.add(image);
      }
    }
    assertEquals(expected, kept);
    assertTrue(expected.size() > 100, "expected images: " + expected.size());
    assertEquals(0, run.status());
  }
}
