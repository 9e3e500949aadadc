package dev.pint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pint.testing.ImageListGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class PintClientImagesTest {
  @RegisterExtension
  static final WireMockExtension service = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private PintClient client;

  @BeforeEach
  void createClient() {
    client = PintClient.builder().baseUrl(service.baseUrl()).build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private static void serve(String path, String fixture) {
    service.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(Fixtures.read(fixture))));
  }

  private static List<String> names(ImageList list) {
    List<String> names = new ArrayList<>();
    for (Image image : list.images()) {
      names.add(image.name() + "@" + image.region());
    }
    return names;
  }

  @Test
  void imageStates_listsStatesInServiceOrder() {
    serve("/v1/images/states.json", "image-states.json");

    List<ImageState> states = client.imageStates();

    assertEquals(List.of("active", "deleted", "deprecated", "inactive"),
        states.stream().map(ImageState::name).toList());
  }

  @Test
  void images_amazonActive_parsesTypedFields() {
    serve("/v1/amazon/images.json", "amazon-images.json");

    ImageList list = client.images(ImageQuery.of("amazon"));

    Image first = list.images().get(0);
    assertEquals("amazon", list.provider());
    assertEquals(List.of(), list.regions());
    assertNull(list.state());
    assertEquals(7, list.images().size());
    assertEquals("suse-sles-15-sp5-v20240129-hvm-ssd-x86_64", first.name());
    assertEquals("ami-0f3c8a5e2d7b41a96", first.id());
    assertEquals("active", first.state());
    assertNull(first.replacementName());
    assertNull(first.replacementId());
    assertEquals(LocalDate.of(2024, 1, 29), first.publishedOn());
    assertNull(first.deprecatedOn());
    assertNull(first.deletedOn());
    assertEquals("us-east-1", first.region());
  }

  @Test
  void images_amazon_keepsEveryFieldInServiceOrder() {
    serve("/v1/amazon/images.json", "amazon-images.json");

    Image first = client.images(ImageQuery.of("amazon")).images().get(0);

    assertEquals(List.of("name", "state", "replacementname", "replacementid", "publishedon",
        "deprecatedon", "deletedon", "region", "id", "changeinfo"),
        List.copyOf(first.fields().keySet()));
    assertEquals("", first.fields().get("deprecatedon"));
    assertEquals(
        "https://publiccloudimagechangeinfo.suse.com/amazon/suse-sles-15-sp5-v20240129-hvm-ssd-x86_64/",
        first.fields().get("changeinfo"));
  }

  @Test
  void images_amazonDeprecated_hasReplacementAndDeprecationDay() {
    serve("/v1/amazon/images.json", "amazon-images.json");

    Image deprecated = client.images(ImageQuery.of("amazon")).images().get(4);

    assertEquals("deprecated", deprecated.state());
    assertEquals("suse-sles-15-sp5-v20240129-hvm-ssd-x86_64", deprecated.replacementName());
    assertEquals("ami-0f3c8a5e2d7b41a96", deprecated.replacementId());
    assertEquals(LocalDate.of(2023, 6, 20), deprecated.publishedOn());
    assertEquals(LocalDate.of(2024, 1, 29), deprecated.deprecatedOn());
    assertNull(deprecated.deletedOn());
  }

  @Test
  void images_repeatedValues_shareOneInstance() {
    serve("/v1/amazon/images.json", "amazon-images.json");

    List<Image> images = client.images(ImageQuery.of("amazon")).images();

    assertSame(images.get(0).name(), images.get(1).name());
    assertSame(images.get(0).fields().get("publishedon"), images.get(2).fields().get("publishedon"));
    assertSame(images.get(0).region(), images.get(2).region());
  }

  @Test
  void images_deletedState_requestsStateRoute() {
    serve("/v1/amazon/images/deleted.json", "amazon-images-deleted.json");

    ImageList list = client.images(ImageQuery.of("amazon").withState("deleted"));

    assertEquals("deleted", list.state());
    assertEquals(LocalDate.of(2024, 1, 10), list.images().get(0).deletedOn());
    assertEquals(LocalDate.of(2022, 5, 18), list.images().get(1).deletedOn());
  }

  @Test
  void images_regionInOtherCase_requestsListedName() {
    serve("/v1/amazon/regions.json", "amazon-regions.json");
    serve("/v1/amazon/us-east-1/images.json", "amazon-us-east-1-images.json");

    ImageList list = client.images(ImageQuery.of("Amazon").withRegions("US-East-1"));

    assertEquals(List.of("us-east-1"), list.regions());
    assertEquals(3, list.images().size());
  }

  @Test
  void images_regionAndState_requestsRegionalStateRoute() {
    serve("/v1/amazon/regions.json", "amazon-regions.json");
    serve("/v1/amazon/us-east-1/images/active.json", "amazon-us-east-1-images-active.json");

    ImageList list = client.images(ImageQuery.of("amazon").withRegions("us-east-1").withState("active"));

    assertEquals(List.of(
        "suse-sles-15-sp5-v20240129-hvm-ssd-x86_64@us-east-1",
        "suse-sles-15-sp5-byos-v20240129-hvm-ssd-arm64@us-east-1"), names(list));
  }

  @Test
  void images_severalRegions_returnsRegionByRegion() {
    serve("/v1/amazon/regions.json", "amazon-regions.json");
    serve("/v1/amazon/us-east-1/images/active.json", "amazon-us-east-1-images-active.json");
    service.stubFor(get(urlPathEqualTo("/v1/amazon/eu-central-1/images/active.json"))
        .willReturn(okJson("{\"images\":[{\"name\":\"suse-sles-15-sp5-v20240129-hvm-ssd-x86_64\","
            + "\"state\":\"active\",\"region\":\"eu-central-1\",\"id\":\"ami-05b2c4d9e8a7f6130\"}]}")));

    ImageList list = client.images(ImageQuery.of("amazon")
        .withRegions("eu-central-1", "us-east-1", "eu-central-1").withState("active"));

    assertEquals(List.of("eu-central-1", "us-east-1"), list.regions());
    assertEquals(List.of(
        "suse-sles-15-sp5-v20240129-hvm-ssd-x86_64@eu-central-1",
        "suse-sles-15-sp5-v20240129-hvm-ssd-x86_64@us-east-1",
        "suse-sles-15-sp5-byos-v20240129-hvm-ssd-arm64@us-east-1"), names(list));
  }

  @Test
  void images_unknownRegion_suggestsClosestNames() {
    serve("/v1/amazon/regions.json", "amazon-regions.json");

    UnknownRegionException e = assertThrows(UnknownRegionException.class,
        () -> client.images(ImageQuery.of("amazon").withRegions("us-esat-1")));

    assertEquals("unknown region 'us-esat-1' for amazon; did you mean 'us-east-1'?", e.getMessage());
    service.verify(0, getRequestedFor(urlPathEqualTo("/v1/amazon/us-esat-1/images.json")));
  }

  @Test
  void images_ambiguousRegion_namesCandidates() {
    serve("/v1/microsoft/regions.json", "microsoft-regions.json");

    AmbiguousRegionException e = assertThrows(AmbiguousRegionException.class,
        () -> client.images(ImageQuery.of("microsoft").withRegions("germany-central")));

    assertEquals("region 'germany-central' is ambiguous for microsoft: it matches 'Germany Central',"
        + " 'germanycentral'; give one of them exactly", e.getMessage());
  }

  @Test
  void images_microsoftRegion_hasUrnAndNoId() {
    serve("/v1/microsoft/regions.json", "microsoft-regions.json");
    serve("/v1/microsoft/westus/images.json", "microsoft-westus-images.json");

    ImageList list = client.images(ImageQuery.of("microsoft").withRegions("westus"));

    Image first = list.images().get(0);
    assertNull(first.id());
    assertNull(first.replacementId());
    assertEquals("westus", first.region());
    assertEquals("SUSE:sles-15-sp5:gen2:2024.01.29", first.fields().get("urn"));
    assertEquals(List.of("name", "state", "replacementname", "publishedon", "deprecatedon",
        "deletedon", "environment", "urn", "changeinfo", "region"),
        List.copyOf(first.fields().keySet()));
  }

  @Test
  void images_microsoftRegionWithSpace_isEncodedInPath() {
    serve("/v1/microsoft/regions.json", "microsoft-regions.json");
    service.stubFor(get(urlPathEqualTo("/v1/microsoft/West%20US/images.json"))
        .willReturn(okJson("{\"images\":[]}")));

    ImageList list = client.images(ImageQuery.of("microsoft").withRegions("West US"));

    assertEquals(List.of("West US"), list.regions());
    assertEquals(List.of(), list.images());
  }

  @Test
  void images_google_hasProjectAndNoRegion() {
    serve("/v1/google/images.json", "google-images.json");

    Image first = client.images(ImageQuery.of("google")).images().get(0);

    assertNull(first.id());
    assertNull(first.region());
    assertEquals("suse-cloud", first.fields().get("project"));
  }

  @Test
  void images_secondQuery_isAnsweredFromCache() {
    serve("/v1/amazon/images.json", "amazon-images.json");

    client.images(ImageQuery.of("amazon"));
    ImageList again = client.images(ImageQuery.of("amazon"));

    assertEquals(7, again.images().size());
    service.verify(1, getRequestedFor(urlPathEqualTo("/v1/amazon/images.json")));
  }

  @Test
  void images_request_asksForGzip() {
    serve("/v1/amazon/images.json", "amazon-images.json");

    client.images(ImageQuery.of("amazon"));

    service.verify(getRequestedFor(urlPathEqualTo("/v1/amazon/images.json"))
        .withHeader("Accept-Encoding", equalTo("gzip")));
  }

  @Test
  void images_invalidDate_isMalformedData() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images.json")).willReturn(okJson(
        "{\"images\":[{\"name\":\"a\",\"publishedon\":\"20240129\"},"
            + "{\"name\":\"b\",\"publishedon\":\"2024-01-30\"}]}")));

    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> client.images(ImageQuery.of("amazon")));

    assertEquals("malformed data from " + service.baseUrl() + "/v1/amazon/images.json: image entry 1"
        + " is invalid: 'publishedon' '2024-01-30' is not a date in the form yyyymmdd", e.getMessage());
  }

  @Test
  void images_impossibleDate_isMalformedData() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images.json")).willReturn(okJson(
        "{\"images\":[{\"name\":\"a\",\"deletedon\":\"20230229\"}]}")));

    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> client.images(ImageQuery.of("amazon")));

    assertEquals("malformed data from " + service.baseUrl() + "/v1/amazon/images.json: image entry 0"
        + " is invalid: 'deletedon' '20230229' is not a date in the form yyyymmdd", e.getMessage());
  }

  @Test
  void images_entryWithoutName_isMalformedData() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images.json")).willReturn(okJson(
        "{\"images\":[{\"name\":\"\",\"id\":\"ami-0123456789abcdef0\"}]}")));

    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> client.images(ImageQuery.of("amazon")));

    assertEquals("malformed data from " + service.baseUrl() + "/v1/amazon/images.json: image entry 0"
        + " is invalid: 'name' is missing or empty", e.getMessage());
  }

  @Test
  void images_stateThatIsNotString_isMalformedData() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images.json")).willReturn(okJson(
        "{\"images\":[{\"name\":\"a\",\"state\":1}]}")));

    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> client.images(ImageQuery.of("amazon")));

    assertEquals("malformed data from " + service.baseUrl() + "/v1/amazon/images.json: image entry 0"
        + " is invalid: 'state' is not a string", e.getMessage());
  }

  @Test
  void images_unknownProvider_listsKnownProviders() {
    serve("/v1/providers.json", "providers.json");
    service.stubFor(get(urlPathEqualTo("/v1/azure/images.json")).willReturn(notFound()));

    UnknownProviderException e = assertThrows(UnknownProviderException.class,
        () -> client.images(ImageQuery.of("azure")));

    assertEquals("unknown provider 'azure'; known providers: alibaba, amazon, google, microsoft, oracle",
        e.getMessage());
  }

  @Test
  void images_unknownState_isHttp404() {
    serve("/v1/providers.json", "providers.json");
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images/retired.json")).willReturn(notFound()));

    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> client.images(ImageQuery.of("amazon").withState("retired")));

    assertEquals(404, e.code());
  }

  @Test
  void imageQuery_stateWithSlash_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageQuery.of("amazon").withState("active/../x"));

    assertEquals("image state must be a lower-case word such as 'active': active/../x", e.getMessage());
  }

  @Test
  void images_generatedFiveMegabyteList_parsesEveryEntry() {
    ImageListGenerator.Result generated = ImageListGenerator.amazon(ImageListGenerator.SERVICE_LIMIT_BYTES);
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images.json"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(generated.json())));

    List<Image> images = client.images(ImageQuery.of("amazon")).images();

    Image first = images.get(0);
    Image last = images.get(images.size() - 1);
    assertEquals(generated.imageCount(), images.size());
    assertEquals("suse-sles-15-sp5-v20240409-hvm-ssd-x86_64", first.name());
    assertEquals("us-east-1", first.region());
    assertEquals("active", first.state());
    assertEquals(ImageListGenerator.NEWEST_RELEASE, first.publishedOn());
    assertEquals("deprecated", last.state());
    assertEquals(last.publishedOn().plusDays(ImageListGenerator.RELEASE_INTERVAL_DAYS),
        last.deprecatedOn());
  }

  @Test
  void deletionDate_deprecatedImage_returnsDay() {
    serve("/v1/amazon/images/deletiondate/suse-sles-15-sp4-v20230620-hvm-ssd-x86_64.json",
        "amazon-deletiondate.json");

    Optional<LocalDate> date =
        client.deletionDate("amazon", "suse-sles-15-sp4-v20230620-hvm-ssd-x86_64");

    assertEquals(Optional.of(LocalDate.of(2026, 1, 29)), date);
  }

  @Test
  void deletionDate_activeImage_isEmpty() {
    service.stubFor(get(urlPathEqualTo(
            "/v1/amazon/images/deletiondate/suse-sles-15-sp5-v20240129-hvm-ssd-x86_64.json"))
        .willReturn(okJson("{\"deletiondate\":\"\"}")));

    Optional<LocalDate> date =
        client.deletionDate("amazon", "suse-sles-15-sp5-v20240129-hvm-ssd-x86_64");

    assertEquals(Optional.empty(), date);
  }

  @Test
  void deletionDate_inRegion_requestsRegionalRoute() {
    serve("/v1/amazon/regions.json", "amazon-regions.json");
    serve("/v1/amazon/us-east-1/images/deletiondate/suse-sles-15-sp4-v20230620-hvm-ssd-x86_64.json",
        "amazon-deletiondate.json");

    Optional<LocalDate> date =
        client.deletionDate("amazon", "US-EAST-1", "suse-sles-15-sp4-v20230620-hvm-ssd-x86_64");

    assertEquals(Optional.of(LocalDate.of(2026, 1, 29)), date);
  }

  @Test
  void deletionDate_unknownImage_namesImage() {
    serve("/v1/providers.json", "providers.json");
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images/deletiondate/suse-sles-99.json"))
        .willReturn(notFound()));

    UnknownImageException e = assertThrows(UnknownImageException.class,
        () -> client.deletionDate("amazon", "suse-sles-99"));

    assertEquals("unknown image 'suse-sles-99' for amazon; find the exact name with"
        + " 'pint amazon images --filter=name~TEXT'", e.getMessage());
  }

  @Test
  void deletionDate_unknownImageInRegion_namesRegion() {
    serve("/v1/providers.json", "providers.json");
    serve("/v1/amazon/regions.json", "amazon-regions.json");
    service.stubFor(get(urlPathEqualTo("/v1/amazon/eu-central-1/images/deletiondate/x.json"))
        .willReturn(notFound()));

    UnknownImageException e = assertThrows(UnknownImageException.class,
        () -> client.deletionDate("amazon", "eu-central-1", "x"));

    assertEquals("unknown image 'x' for amazon in region 'eu-central-1'; find the exact name with"
        + " 'pint amazon images --filter=name~TEXT'", e.getMessage());
  }

  @Test
  void deletionDate_pathWalkingName_sendsNoRequest() {
    UnknownImageException e = assertThrows(UnknownImageException.class,
        () -> client.deletionDate("amazon", "../../servers"));

    assertEquals("unknown image '../../servers' for amazon; find the exact name with"
        + " 'pint amazon images --filter=name~TEXT'", e.getMessage());
    service.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void images_listedRegionThatWalksPath_isUnknown() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/regions.json"))
        .willReturn(okJson("{\"regions\":[{\"name\":\"..\"},{\"name\":\"us-east-1\"}]}")));

    UnknownRegionException e = assertThrows(UnknownRegionException.class,
        () -> client.images(ImageQuery.of("amazon").withRegions("..")));

    assertEquals("unknown region '..' for amazon; list the regions with 'pint amazon regions'",
        e.getMessage());
    service.verify(0, getRequestedFor(urlPathEqualTo("/v1/amazon/../images.json")));
  }

  @Test
  void deletionDate_invalidDay_isMalformedData() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images/deletiondate/x.json"))
        .willReturn(okJson("{\"deletiondate\":\"2026-01-29\"}")));

    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> client.deletionDate("amazon", "x"));

    assertEquals("malformed data from " + service.baseUrl() + "/v1/amazon/images/deletiondate/x.json:"
        + " 'deletiondate' '2026-01-29' is not a date in the form yyyymmdd", e.getMessage());
  }

  @Test
  void deletionDate_documentWithoutField_isMalformedData() {
    service.stubFor(get(urlPathEqualTo("/v1/amazon/images/deletiondate/x.json"))
        .willReturn(okJson("{\"images\":[]}")));

    MalformedDataException e = assertThrows(MalformedDataException.class,
        () -> client.deletionDate("amazon", "x"));

    assertEquals("malformed data from " + service.baseUrl() + "/v1/amazon/images/deletiondate/x.json:"
        + " expected a JSON object with a 'deletiondate' string", e.getMessage());
  }

  @Test
  void deletionDate_blankImage_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.deletionDate("amazon", " "));

    assertEquals("image name must not be blank", e.getMessage());
  }

  @Test
  void deletedBy_date_requestsDayRoute() {
    serve("/v1/amazon/images/deletedby/20250701.json", "amazon-images-deletedby-20250701.json");

    ImageList list = client.deletedBy("amazon", LocalDate.of(2025, 7, 1));

    assertEquals(List.of("suse-sles-12-sp5-v20220704-hvm-ssd-x86_64@ap-northeast-1"), names(list));
  }

  @Test
  void deletedBy_region_requestsRegionalDayRoute() {
    serve("/v1/amazon/regions.json", "amazon-regions.json");
    serve("/v1/amazon/ap-northeast-1/images/deletedby/20250701.json",
        "amazon-images-deletedby-20250701.json");

    ImageList list = client.deletedBy("amazon", "ap-northeast-1", LocalDate.of(2025, 7, 1));

    assertEquals(List.of("ap-northeast-1"), list.regions());
    assertEquals(1, list.images().size());
  }
}
