package dev.pint.testing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates an Amazon image list in the service's {@code {"images":[...]}} shape, as large as
 * asked, for tests and benchmarks of parsing and filtering. The output depends only on the size
 * asked for, so two runs produce the same bytes.
 *
 * <pre>{@code
 * ImageListGenerator.Result list = ImageListGenerator.amazon(ImageListGenerator.SERVICE_LIMIT_BYTES);
 * stubFor(get("/v1/amazon/images.json").willReturn(ok().withBody(list.json())));
 * }</pre>
 *
 * <p>The list looks like the live one: compact JSON as the service writes it, newest publication
 * first, every release of every product in every region with its own {@code ami-} id. The newest
 * release of each product is {@code active}, the next two are {@code inactive}, and older ones
 * are {@code deprecated} on the day their successor was published, with the newest image of the
 * same product, architecture and region as replacement. Nothing is {@code deleted}, as in the
 * service's list without a state. The ten newest releases have a {@code changeinfo} URL; older
 * ones have none, so entries differ in their fields.
 */
public final class ImageListGenerator {
  /** The size above which the service trims image lists for clients that accept no compression. */
  public static final int SERVICE_LIMIT_BYTES = 5_000_000;

  /** The publication day of the newest release. */
  public static final LocalDate NEWEST_RELEASE = LocalDate.of(2024, 4, 9);

  /** Days between two releases of a product. */
  public static final int RELEASE_INTERVAL_DAYS = 14;

  /** The regions every image is published in, 28 of them. */
  public static final List<String> REGIONS = List.of(
      "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1",
      "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1",
      "eu-south-1", "eu-south-2", "me-south-1", "me-central-1", "af-south-1", "il-central-1",
      "ap-east-1", "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2",
      "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4");

  /** Product name prefixes, each published for x86_64 and, where the product has one, arm64. */
  private static final List<Product> PRODUCTS = List.of(
      new Product("suse-sles-15-sp5", true),
      new Product("suse-sles-15-sp5-byos", true),
      new Product("suse-sles-sap-15-sp5", false),
      new Product("suse-sles-sap-15-sp5-byos", false),
      new Product("suse-sles-15-sp5-chost-byos", true),
      new Product("suse-sles-12-sp5", false),
      new Product("suse-manager-server-4-3-byos", false),
      new Product("suse-manager-proxy-4-3-byos", false));

  private static final int RELEASES_WITH_CHANGEINFO = 10;
  private static final int INACTIVE_RELEASES = 2;

  private ImageListGenerator() {}

  /**
   * The generated document.
   *
   * @param json the document as UTF-8 bytes
   * @param imageCount how many images it lists
   */
  public record Result(byte[] json, int imageCount) {}

  /**
   * Generates a list of at least {@code minimumBytes}; it ends after the entry that reaches that
   * size, so it is at most one entry (about 400 bytes) larger.
   */
  public static Result amazon(int minimumBytes) {
    Random random = new Random(minimumBytes);
    Map<String, String> newestIds = new HashMap<>();
    StringBuilder json = new StringBuilder(minimumBytes + 1024).append("{\"images\":[");
    int count = 0;

    for (int release = 0; json.length() < minimumBytes; release++) {
      LocalDate publishedOn = NEWEST_RELEASE.minusDays((long) release * RELEASE_INTERVAL_DAYS);
      LocalDate successorOn = publishedOn.plusDays(RELEASE_INTERVAL_DAYS);
      for (Product product : PRODUCTS) {
        for (String arch : product.arm64 ? List.of("x86_64", "arm64") : List.of("x86_64")) {
          for (String region : REGIONS) {
            if (json.length() >= minimumBytes) {
              return finish(json, count);
            }
            String key = product.prefix + "/" + arch + "/" + region;
            String id = amiId(random);
            if (release == 0) {
              newestIds.put(key, id);
            }
            String name = imageName(product.prefix, publishedOn, arch);
            String newestName = imageName(product.prefix, NEWEST_RELEASE, arch);
            boolean deprecated = release > INACTIVE_RELEASES;
            String state = "inactive";
            if (release == 0) {
              state = "active";
            } else if (deprecated) {
              state = "deprecated";
            }

            json.append(count == 0 ? "{" : ",{");
            field(json, "name", name).append(',');
            field(json, "state", state).append(',');
            field(json, "replacementname", deprecated ? newestName : "").append(',');
            field(json, "replacementid", deprecated ? newestIds.get(key) : "").append(',');
            field(json, "publishedon", yyyymmdd(publishedOn)).append(',');
            field(json, "deprecatedon", deprecated ? yyyymmdd(successorOn) : "").append(',');
            field(json, "deletedon", "").append(',');
            field(json, "region", region).append(',');
            field(json, "id", id);
            if (release < RELEASES_WITH_CHANGEINFO) {
              json.append(',');
              field(json, "changeinfo",
                  "https://publiccloudimagechangeinfo.suse.com/amazon/" + name + "/");
            }
            json.append('}');
            count++;
          }
        }
      }
    }
    return finish(json, count);
  }

  private static Result finish(StringBuilder json, int count) {
    json.append("]}");
    return new Result(json.toString().getBytes(StandardCharsets.UTF_8), count);
  }

  private static StringBuilder field(StringBuilder json, String name, String value) {
    return json.append('"').append(name).append("\":\"").append(value).append('"');
  }

  private static String imageName(String prefix, LocalDate publishedOn, String arch) {
    return prefix + "-v" + yyyymmdd(publishedOn) + "-hvm-ssd-" + arch;
  }

  private static String amiId(Random random) {
    StringBuilder id = new StringBuilder("ami-");
    for (int i = 0; i < 17; i++) {
      id.append(Character.forDigit(random.nextInt(16), 16));
    }
    return id.toString();
  }

  private static String yyyymmdd(LocalDate date) {
    return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  private record Product(String prefix, boolean arm64) {}
}
