package dev.pint.cli;

import dev.pint.PintClient;
import dev.pint.internal.ServiceDates;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pint <provider> deletiondate IMAGE}: the day an image is deleted or is due to be.
 *
 * <p>The reference client has no such command, so the output follows the service's document,
 * {@code {"deletiondate":"yyyymmdd"}} with an empty string when the image has no deletion date.
 * Without an option the day alone is printed, in the form the {@code deletedby} command and the
 * date filters take, and nothing when there is none. {@code --json} prints the document as the
 * reference prints JSON; {@code --xml} prints the service's XML shape, one {@code deletiondate}
 * element, as the reference prints XML.
 */
@Command(name = "deletiondate",
    header = "Print the day an image is deleted or is due to be deleted.",
    description = {
      "Prints the day as YYYYMMDD: the deletion day of a deleted image, or the end of a"
          + " deprecated image's grace period (two years for Amazon, six months for the other"
          + " providers). An image that is neither deprecated nor deleted has no deletion date:"
          + " nothing is printed, or an empty value with --json or --xml.",
    },
    mixinStandardHelpOptions = true)
final class DeletionDateCommand implements Callable<Integer> {
  @ParentCommand PintCommand root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IMAGE", description = "The image name, exactly as listed.")
  String image;

  @Option(names = "--region", paramLabel = "REGION",
      description = "Look the image up in this region only, matched as for 'images'.")
  @Nullable String region;

  @Option(names = "--json", description = "Print {\"deletiondate\": \"YYYYMMDD\"} as JSON.")
  boolean json;

  @Option(names = "--xml", description = "Print <deletiondate>YYYYMMDD</deletiondate> as XML.")
  boolean xml;

  @Override
  public Integer call() {
    String provider = root.requireProvider(spec);
    if (json && xml) {
      throw new UsageException("--json and --xml are mutually exclusive; give at most one");
    }
    if (image.isBlank()) {
      throw new UsageException("invalid IMAGE: the image name is empty");
    }
    if (region != null && region.isBlank()) {
      throw new UsageException("invalid --region: the region name is empty");
    }

    PintClient client = root.client();
    Optional<LocalDate> date = region == null
        ? client.deletionDate(provider, image)
        : client.deletionDate(provider, region, image);
    String day = date.map(ServiceDates::format).orElse("");

    String document;
    if (json) {
      document = ReferenceJson.renderObject(Map.of("deletiondate", day));
    } else if (xml) {
      document = ReferenceXml.renderText("deletiondate", day);
    } else {
      document = day.isEmpty() ? "" : day + "\n";
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(document);
    out.flush();
    if (day.isEmpty()) {
      spec.commandLine().getErr().println("pint: image " + Quoting.quote(image)
          + " has no deletion date because it is neither deprecated nor deleted");
    }
    return ExitStatus.OK;
  }
}
