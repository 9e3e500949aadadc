package dev.pint.cli;

import dev.pint.Server;
import dev.pint.ServerType;
import dev.pint.internal.RegionMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pint [<provider>] diff OLD NEW}: the addresses added and removed between two server
 * lists. Its exit statuses follow diff(1), not the rest of pint: 0 no change, 1 changes, 2
 * trouble. {@link Cli} maps every failure of this command to 2.
 */
@Command(name = "diff",
    customSynopsis = {
      "Usage: pint [OPTIONS] [<provider>] diff [--region=R[,R...]]",
      "                  [--smt | --regionserver] OLD NEW",
    },
    synopsisHeading = "",
    header = "Compare two server lists and print the addresses added and removed.",
    mixinStandardHelpOptions = true,
    descriptionHeading = "%n",
    description = {
      "OLD and NEW are each a file saved with 'pint <provider> servers --json', or the word"
          + " live for the service's list now, which needs the provider before 'diff', as in"
          + " 'pint amazon diff saved.json live'. A file named live is given as ./live.",
      "",
      "Each line names the change (added or removed), the provider when one was given, the"
          + " region, the server type and the address. Only addresses are compared, so a"
          + " renamed server is no change. Nothing is printed when nothing changed.",
    },
    exitCodeListHeading = "%nExit status (as diff(1), unlike the other commands):%n",
    exitCodeList = {
      "0:no address was added or removed",
      "1:addresses were added or removed",
      "2:trouble: invalid usage, an unreadable or invalid file, or a service, network or data"
          + " failure",
    })
final class DiffCommand implements Callable<Integer> {
  /** The operand that stands for the service's list now rather than a file. */
  static final String LIVE = "live";

  @ParentCommand PintCommand root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier list: a file, or live.")
  String oldList;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later list: a file, or live.")
  String newList;

  @Option(names = "--region", paramLabel = "REGION",
      description = "Only these regions of both lists; comma-separated or repeated. A name is"
          + " matched exactly, else ignoring case, spaces, hyphens and underscores, against the"
          + " regions of either list. Default: every region.")
  List<String> regions = new ArrayList<>();

  @Option(names = "--smt", description = "Only update servers (SMT/RMT), of every variant.")
  boolean smt;

  @Option(names = "--regionserver", description = "Only region servers, of every variant.")
  boolean regionServer;

  @Override
  public Integer call() {
    @Nullable String provider = root.provider == null ? null : root.provider.toLowerCase(Locale.ROOT);
    if (smt && regionServer) {
      throw new UsageException("--smt and --regionserver are mutually exclusive; give at most one");
    }
    if (provider == null && (oldList.equals(LIVE) || newList.equals(LIVE))) {
      throw new UsageException("'live' needs a provider before 'diff', as in"
          + " 'pint amazon diff saved.json live'");
    }

    List<Server> oldServers = load(oldList, provider);
    List<Server> newServers = load(newList, provider);
    Set<String> selectedRegions = selectRegions(oldServers, newServers);
    ServerType.@Nullable Kind kind = smt ? ServerType.Kind.UPDATE_SERVER
        : regionServer ? ServerType.Kind.REGION_SERVER : null;
    List<AddressChanges.Change> changes = AddressChanges.between(
        select(oldServers, selectedRegions, kind), select(newServers, selectedRegions, kind));

    if (changes.isEmpty()) {
      return ExitStatus.OK;
    }
    spec.commandLine().getOut().print(TextTable.render(header(provider), rows(provider, changes)));
    spec.commandLine().getOut().flush();
    return ExitStatus.DIFFERENT;
  }

  private List<Server> load(String operand, @Nullable String provider) {
    if (operand.equals(LIVE)) {
      return root.client().servers(provider).servers();
    }
    return ServerListFile.read(Path.of(operand));
  }

  /** Resolves {@code --region} against the regions of both lists; empty means every region. */
  private Set<String> selectRegions(List<Server> oldServers, List<Server> newServers) {
    Set<String> known = new TreeSet<>();
    for (Server server : oldServers) {
      known.add(server.region());
    }
    for (Server server : newServers) {
      known.add(server.region());
    }

    Set<String> selected = new LinkedHashSet<>();
    for (String region : RegionOptions.split(regions)) {
      RegionMatcher.Match match = RegionMatcher.match(region, known);
      if (match instanceof RegionMatcher.Found found) {
        selected.add(found.region());
      } else if (match instanceof RegionMatcher.Ambiguous ambiguous) {
        throw new UsageException("region " + Quoting.quote(region) + " matches "
            + quoteAll(ambiguous.candidates()) + "; give the exact name");
      } else {
        List<String> suggestions = RegionMatcher.suggest(region, known);
        throw new UsageException("region " + Quoting.quote(region) + " is in neither list"
            + (suggestions.isEmpty() ? "" : "; did you mean " + quoteAll(suggestions) + "?"));
      }
    }
    return selected;
  }

  /** Quotes region names from the lists, which may contain control characters. */
  private static String quoteAll(List<String> names) {
    List<String> quoted = new ArrayList<>(names.size());
    for (String name : names) {
      quoted.add(Quoting.quote(name));
    }
    return String.join(", ", quoted);
  }

  private static List<Server> select(
      List<Server> servers, Set<String> regions, ServerType.@Nullable Kind kind) {
    List<Server> selected = new ArrayList<>();
    for (Server server : servers) {
      boolean regionKept = regions.isEmpty() || regions.contains(server.region());
      boolean kindKept = kind == null || server.type().kind() == kind;
      if (regionKept && kindKept) {
        selected.add(server);
      }
    }
    return selected;
  }

  private static List<String> header(@Nullable String provider) {
    return provider == null
        ? List.of("change", "region", "type", "address")
        : List.of("change", "provider", "region", "type", "address");
  }

  private static List<List<String>> rows(@Nullable String provider, List<AddressChanges.Change> changes) {
    List<List<String>> rows = new ArrayList<>(changes.size());
    for (AddressChanges.Change change : changes) {
      List<String> row = new ArrayList<>(change.row());
      if (provider != null) {
        row.add(1, provider);
      }
      rows.add(row);
    }
    return rows;
  }
}
