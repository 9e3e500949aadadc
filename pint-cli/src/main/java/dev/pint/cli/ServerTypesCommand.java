package dev.pint.cli;

import dev.pint.ServerTypeName;
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

/** {@code pint <provider> server_types}: the server types the service lists. */
@Command(name = "server_types", header = "List the server types of a provider.",
    mixinStandardHelpOptions = true)
final class ServerTypesCommand implements Callable<Integer> {
  @ParentCommand PintCommand root;
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    String provider = root.requireProvider(spec);
    OutputFormat format = output.entryFormat("server_types");

    List<Map<String, @Nullable Object>> entries = new ArrayList<>();
    for (ServerTypeName type : root.clientForOneQuery().serverTypes(provider)) {
      entries.add(type.fields());
    }
    Listing.print(spec.commandLine().getOut(), format, "types", "type", entries);
    return ExitStatus.OK;
  }
}
