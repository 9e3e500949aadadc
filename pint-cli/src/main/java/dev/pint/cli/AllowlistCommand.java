package dev.pint.cli;

import dev.pint.PintClient;
import dev.pint.ServerList;
import dev.pint.ServerQuery;
import dev.pint.ServerType;
import dev.pint.cli.allowlist.Allowlist;
import dev.pint.cli.allowlist.AllowlistAssembler;
import dev.pint.cli.allowlist.AllowlistTarget;
import dev.pint.cli.allowlist.AllowlistTargets;
import dev.pint.cli.allowlist.GeneratedFile;
import dev.pint.cli.allowlist.IncompleteAllowlistException;
import dev.pint.cli.allowlist.RegionServerClientConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pint <provider> allowlist}: what instances of some regions must reach, as a target's files. */
@Command(name = "allowlist",
    header = "Write the addresses and names instances must reach, for a firewall, proxy or hosts file.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Covers every region server of the provider, the update servers of the regions given,"
          + " the smt-* and registry-* names, the metadata address 169.254.169.254 and"
          + " port 443 (and 80 with --port-80). Output is sorted, so two runs can be compared"
          + " with diff.",
    })
final class AllowlistCommand implements Callable<Integer> {
  @ParentCommand PintCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--region", paramLabel = "REGION", required = true,
      description = "The regions of the instances; comma-separated or repeated. Names are"
          + " matched as in 'servers'.")
  List<String> regions = new ArrayList<>();

  @Option(names = "--target", paramLabel = "TARGET", completionCandidates = AllowlistTargets.Names.class,
      description = "What to write: ${COMPLETION-CANDIDATES}. Default: plain.")
  String target = "plain";

  @Option(names = "--port-80", description = "Also allow port 80, which instances use unless"
      + " their httpsOnly setting is true.")
  boolean port80;

  @Option(names = "--config", paramLabel = "FILE", description = "Read httpsOnly from this"
      + " regionserverclnt.cfg: port 80 is allowed too unless the value is exactly 'true'.")
  @Nullable Path config;

  @Option(names = "--allow-empty", description = "Write the allowlist even when the provider"
      + " lists no region servers or a region has no update servers.")
  boolean allowEmpty;

  @Option(names = "--output-dir", paramLabel = "DIR", description = "Write each file of the"
      + " target into this existing directory, replacing files of the same name, instead of"
      + " printing them.")
  @Nullable Path outputDir;

  @Override
  public Integer call() {
    String provider = root.requireProvider(spec);
    AllowlistTarget chosen = AllowlistTargets.byName(target).orElseThrow(() -> new UsageException(
        "unknown --target " + Quoting.quote(target) + "; give one of "
            + String.join(", ", AllowlistTargets.names())));
    List<String> regionNames = RegionOptions.split(regions);
    if (outputDir != null && !Files.isDirectory(outputDir)) {
      throw new UsageException("--output-dir " + Quoting.quote(outputDir.toString())
          + " is not a directory; create it first");
    }
    boolean httpPort = port80 || (config != null && !readConfig(config).isHttpsOnly());

    ServerList allServers = root.client().servers(ServerQuery.of(provider));
    ServerList updateServers = root.client().servers(ServerQuery.of(provider)
        .withRegions(regionNames).withKind(ServerType.Kind.UPDATE_SERVER));
    Allowlist allowlist = AllowlistAssembler.assemble(allServers, updateServers, httpPort,
        PintClient.version());
    List<String> gaps = AllowlistAssembler.gaps(allowlist);
    if (!gaps.isEmpty() && !allowEmpty) {
      throw new IncompleteAllowlistException(provider, gaps);
    }
    List<GeneratedFile> files = chosen.render(allowlist);
    if (files.size() > 1 && outputDir == null) {
      List<String> names = new ArrayList<>();
      for (GeneratedFile file : files) {
        names.add(file.fileName());
      }
      throw new UsageException("target '" + chosen.name() + "' writes " + files.size() + " files ("
          + String.join(", ", names) + "), which cannot share stdout; give --output-dir DIR");
    }

    if (outputDir != null) {
      write(outputDir, files);
    } else {
      PrintWriter out = spec.commandLine().getOut();
      StringBuilder text = new StringBuilder();
      for (GeneratedFile file : files) {
        text.append(file.content());
      }
      out.print(text);
      out.flush();
    }
    if (!gaps.isEmpty()) {
      spec.commandLine().getErr().println("pint: warning: " + String.join("; ", gaps)
          + "; written anyway because of --allow-empty");
    }
    return ExitStatus.OK;
  }

  private static RegionServerClientConfig readConfig(Path path) {
    try {
      return RegionServerClientConfig.read(path);
    } catch (NoSuchFileException e) {
      throw new UsageException("--config " + Quoting.quote(path.toString())
          + " does not exist; give the path of regionserverclnt.cfg");
    } catch (IOException e) {
      throw new UsageException("cannot read --config " + Quoting.quote(path.toString()) + ": "
          + e.getMessage() + "; give the path of a readable regionserverclnt.cfg");
    }
  }

  /**
   * Writes every file to a temporary name first and renames them afterwards, so a failure while
   * writing leaves the files of the previous run in place.
   */
  private static void write(Path directory, List<GeneratedFile> files) {
    List<Path> temporary = new ArrayList<>();
    try {
      for (GeneratedFile file : files) {
        Path path = Files.createTempFile(directory, "." + file.fileName(), ".tmp");
        temporary.add(path);
        Files.writeString(path, file.content(), StandardCharsets.UTF_8);
        try {
          // Temporary files start as 0600; these are public data, and a web server may serve a PAC file.
          Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
          // Not a POSIX file system: keep its default permissions.
        }
      }
      for (int i = 0; i < files.size(); i++) {
        Files.move(temporary.get(i), directory.resolve(files.get(i).fileName()),
            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      for (Path path : temporary) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException ignored) {
          // The write error below is the one worth reporting.
        }
      }
      throw new UncheckedIOException("cannot write into --output-dir " + Quoting.quote(directory.toString())
          + ": " + e.getMessage() + "; check that the directory is writable", e);
    }
  }
}
