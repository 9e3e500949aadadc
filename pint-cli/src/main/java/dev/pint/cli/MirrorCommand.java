package dev.pint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pint mirror DIR}: a local copy for offline and reproducible runs. */
@Command(name = "mirror",
    header = "Copy what the other commands read into a folder, for --base-url DIR.",
    description = {
      "Writes v1/providers.json and, per provider, v1/<provider>/servers.json, regions.json and"
          + " servers/types.json as the service sent them, then manifest.json with each file's"
          + " source URL, fetch time and SHA-256. Region aliases that only the service's region"
          + " route knows are not in the copy.",
    },
    mixinStandardHelpOptions = true)
final class MirrorCommand implements Callable<Integer> {
  @ParentCommand PintCommand root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The folder to write; created if missing.")
  Path directory;

  @Option(names = "--provider", paramLabel = "PROVIDER",
      description = "Copy only this provider; repeat for more (default: every provider).")
  List<String> providers = new ArrayList<>();

  @Override
  public Integer call() {
    root.rejectProvider(spec);

    List<String> written = root.client().writeMirror(directory, providers);
    spec.commandLine().getOut().println("wrote " + written.size() + " files to " + directory
        + "; use them with --base-url " + directory);
    return ExitStatus.OK;
  }
}
