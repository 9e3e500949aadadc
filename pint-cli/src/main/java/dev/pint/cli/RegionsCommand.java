package dev.pint.cli;

import dev.pint.Region;
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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pint <provider> regions}: the regions the service lists for a provider. */
@Command(name = "regions", header = "List a provider's regions, including regions with images only.",
    mixinStandardHelpOptions = true)
final class RegionsCommand implements Callable<Integer> {
  @ParentCommand PintCommand root;
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Option(names = "--filter", paramLabel = "FILTER",
      description = "Keep regions whose name matches: name~TEXT (contains), name!TEXT (does not"
          + " contain), name%%REGEX (matches from the start); case is ignored.")
  @Nullable String filter;

  @Override
  public Integer call() {
    String provider = root.requireProvider(spec);
    OutputFormat format = output.entryFormat("regions");
    Predicate<Map<String, @Nullable Object>> keep = FilterPhrases.parse(filter, Map.of("name", "~!%"));

    List<Map<String, @Nullable Object>> entries = new ArrayList<>();
    for (Region region : root.clientForOneQuery().regions(provider)) {
      if (keep.test(region.fields())) {
        entries.add(region.fields());
      }
    }
    Listing.print(spec.commandLine().getOut(), format, "regions", "region", entries);
    if (entries.isEmpty() && filter != null) {
      spec.commandLine().getErr().println("pint: no region matches --filter " + Quoting.quote(filter));
    }
    return ExitStatus.OK;
  }
}
