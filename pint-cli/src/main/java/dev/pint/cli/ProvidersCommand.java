package dev.pint.cli;

import dev.pint.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pint providers}: the providers the service covers. */
@Command(name = "providers", header = "List the cloud providers the service covers.",
    mixinStandardHelpOptions = true)
final class ProvidersCommand implements Callable<Integer> {
  @ParentCommand PintCommand root;
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    root.rejectProvider(spec);
    OutputFormat format = output.entryFormat("providers");

    List<Map<String, @Nullable Object>> entries = new ArrayList<>();
    for (Provider provider : root.clientForOneQuery().providers()) {
      entries.add(provider.fields());
    }
    Listing.print(spec.commandLine().getOut(), format, "providers", "provider", entries);
    return ExitStatus.OK;
  }
}
