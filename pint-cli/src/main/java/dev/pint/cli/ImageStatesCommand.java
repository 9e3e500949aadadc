package dev.pint.cli;

import dev.pint.ImageState;
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

/** {@code pint image_states}: the states an image can be in. */
@Command(name = "image_states", header = "List the states an image can be in.",
    mixinStandardHelpOptions = true)
final class ImageStatesCommand implements Callable<Integer> {
  @ParentCommand PintCommand root;
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    root.rejectProvider(spec);
    OutputFormat format = output.entryFormat("image_states");

    List<Map<String, @Nullable Object>> entries = new ArrayList<>();
    for (ImageState state : root.clientForOneQuery().imageStates()) {
      entries.add(state.fields());
    }
    Listing.print(spec.commandLine().getOut(), format, "states", "state", entries);
    if (entries.isEmpty()) {
      spec.commandLine().getErr().println("pint: the service lists no image states");
    }
    return ExitStatus.OK;
  }
}
