package dev.pint.cli;

import dev.pint.Image;
import dev.pint.ImageList;
import dev.pint.ImageQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pint <provider> images}: the images SUSE publishes in a provider's cloud. */
@Command(name = "images", header = "List the images SUSE publishes for a provider.",
    mixinStandardHelpOptions = true)
final class ImagesCommand implements Callable<Integer> {
  /** The filter attributes of image lists and their operators, as the reference accepts them. */
  static final Map<String, String> FILTER_ATTRIBUTES = filterAttributes();

  /**
   * The first table and CSV columns, which every provider's images have; provider-specific
   * fields such as {@code id}, {@code region}, {@code urn} or {@code project} follow.
   */
  static final List<String> COLUMNS =
      List.of("name", "state", "publishedon", "deprecatedon", "deletedon", "replacementname");

  /** Help text of {@code --filter} for image lists. */
  static final String FILTER_HELP = "Keep images matching every comma-separated phrase:"
      + " id=ID, replacementid=ID, name~TEXT, name!TEXT, name%%REGEX, replacementname~TEXT,"
      + " replacementname!TEXT, replacementname%%REGEX, and publishedon, deprecatedon or"
      + " deletedon followed by <, = or > and a day as YYYYMMDD (~ contains, ! does not contain,"
      + " %% regular expression from the start, all ignoring case; an image without the date"
      + " never matches a date phrase).";

  @ParentCommand PintCommand root;
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Option(names = "--active", description = "Only images that are actively maintained.")
  boolean active;

  @Option(names = "--inactive",
      description = "Only inactive images, which receive only critical updates and are not yet"
          + " deprecated.")
  boolean inactive;

  @Option(names = "--deprecated",
      description = "Only deprecated images, which are scheduled for deletion.")
  boolean deprecated;

  @Option(names = "--deleted", description = "Only deleted images.")
  boolean deleted;

  @Option(names = "--region", paramLabel = "REGION",
      description = "Only these regions; comma-separated or repeated. A name is matched exactly,"
          + " else ignoring case, spaces, hyphens and underscores, against 'pint <provider>"
          + " regions'. Default: every region.")
  List<String> regions = new ArrayList<>();

  @Option(names = "--filter", paramLabel = "FILTER", description = FILTER_HELP)
  @Nullable String filter;

  @Override
  public Integer call() {
    String provider = root.requireProvider(spec);
    OutputFormat format = output.entryFormat("images");
    String state = state();
    List<String> regionNames = RegionOptions.split(regions);
    Predicate<Map<String, @Nullable Object>> keep = FilterPhrases.parse(filter, FILTER_ATTRIBUTES);

    ImageList images = root.clientForOneQuery().images(
        ImageQuery.of(provider).withRegions(regionNames).withState(state));
    List<Map<String, @Nullable Object>> entries = new ArrayList<>();
    for (Image image : images.images()) {
      if (keep.test(image.fields())) {
        entries.add(image.fields());
      }
    }

    Listing.print(spec.commandLine().getOut(), format, "images", "image", COLUMNS, entries);
    if (entries.isEmpty()) {
      spec.commandLine().getErr().println(emptyHint(images, state));
    }
    return ExitStatus.OK;
  }

  /** Returns the state option given, or null; several are a usage error. */
  private @Nullable String state() {
    List<String> states = new ArrayList<>();
    if (active) {
      states.add("active");
    }
    if (inactive) {
      states.add("inactive");
    }
    if (deprecated) {
      states.add("deprecated");
    }
    if (deleted) {
      states.add("deleted");
    }
    if (states.size() > 1) {
      throw new UsageException("--active, --inactive, --deprecated and --deleted are mutually"
          + " exclusive, but --" + String.join(" and --", states) + " were given; give at most one");
    }
    return states.isEmpty() ? null : states.get(0);
  }

  private String emptyHint(ImageList images, @Nullable String state) {
    List<String> given = new ArrayList<>();
    if (state != null) {
      given.add("--" + state);
    }
    if (!regions.isEmpty()) {
      given.add("--region");
    }
    if (filter != null) {
      given.add("--filter");
    }
    String where = images.regions().isEmpty() ? "" : " in " + String.join(", ", images.regions());
    if (given.isEmpty()) {
      return "pint: the service lists no images for " + images.provider();
    }
    return "pint: no " + images.provider() + " images match" + where + "; check "
        + joinWithAnd(given);
  }

  /** Joins {@code words} as "a", "a and b" or "a, b and c". */
  static String joinWithAnd(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " and "
        + words.get(words.size() - 1);
  }

  private static Map<String, String> filterAttributes() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("id", "=");
    attributes.put("replacementid", "=");
    attributes.put("name", "~!%");
    attributes.put("replacementname", "~!%");
    attributes.put("publishedon", "<=>");
    attributes.put("deprecatedon", "<=>");
    attributes.put("deletedon", "<=>");
    return attributes;
  }
}
