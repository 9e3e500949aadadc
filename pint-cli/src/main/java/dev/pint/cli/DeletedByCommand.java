package dev.pint.cli;

import dev.pint.Image;
import dev.pint.ImageList;
import dev.pint.PintClient;
import dev.pint.internal.ServiceDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pint <provider> deletedby YYYYMMDD}: the deprecated images deleted by a day. */
@Command(name = "deletedby",
    header = "List the deprecated images that will be deleted by a day.",
    description = {
      "The service lists the deprecated images whose grace period ends before that day: two"
          + " years after deprecation for Amazon, six months for the other providers.",
    },
    mixinStandardHelpOptions = true)
final class DeletedByCommand implements Callable<Integer> {
  @ParentCommand PintCommand root;
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "YYYYMMDD", description = "The day, such as 20250131.")
  String day;

  @Option(names = "--region", paramLabel = "REGION",
      description = "Only this region, matched as for 'images'. Default: every region.")
  @Nullable String region;

  @Option(names = "--filter", paramLabel = "FILTER", description = ImagesCommand.FILTER_HELP)
  @Nullable String filter;

  @Override
  public Integer call() {
    String provider = root.requireProvider(spec);
    OutputFormat format = output.entryFormat("deletedby");
    LocalDate date = ServiceDates.parse(day).orElseThrow(() -> new UsageException("invalid day "
        + Quoting.quote(day) + ": give a day as YYYYMMDD, such as 20250131"));
    if (region != null && region.isBlank()) {
      throw new UsageException("invalid --region: the region name is empty");
    }
    Predicate<Map<String, @Nullable Object>> keep =
        FilterPhrases.parse(filter, ImagesCommand.FILTER_ATTRIBUTES);

    PintClient client = root.client();
    ImageList images = region == null
        ? client.deletedBy(provider, date)
        : client.deletedBy(provider, region, date);
    List<Map<String, @Nullable Object>> entries = new ArrayList<>();
    for (Image image : images.images()) {
      if (keep.test(image.fields())) {
        entries.add(image.fields());
      }
    }

    Listing.print(spec.commandLine().getOut(), format, "images", "image",
        ImagesCommand.COLUMNS, entries);
    if (entries.isEmpty()) {
      String where = images.regions().isEmpty() ? "" : " in " + images.regions().get(0);
      spec.commandLine().getErr().println("pint: no deprecated " + images.provider()
          + " images" + where + " will be deleted by " + day
          + (filter == null ? "" : " and match --filter " + Quoting.quote(filter)));
    }
    return ExitStatus.OK;
  }
}
