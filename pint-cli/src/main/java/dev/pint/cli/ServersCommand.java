package dev.pint.cli;

import dev.pint.Server;
import dev.pint.ServerList;
import dev.pint.ServerQuery;
import dev.pint.ServerType;
import java.io.PrintWriter;
import java.net.InetAddress;
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

/** {@code pint <provider> servers}: region servers and update servers. */
@Command(name = "servers", header = "List a provider's region servers and update servers.",
    mixinStandardHelpOptions = true)
final class ServersCommand implements Callable<Integer> {
  private static final Map<String, String> FILTER_ATTRIBUTES = filterAttributes();
  /** The fields of a server entry, which lead the table and CSV columns in this order. */
  private static final List<String> SERVER_COLUMNS = List.of("ip", "ipv6", "name", "region", "type");

  @ParentCommand PintCommand root;
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Option(names = "--region", paramLabel = "REGION",
      description = "Only these regions; comma-separated or repeated. A name is matched exactly,"
          + " else ignoring case, spaces, hyphens and underscores, else through the service's"
          + " region aliases. Default: every region.")
  List<String> regions = new ArrayList<>();

  @Option(names = "--smt", description = "Only update servers (SMT/RMT), of every variant.")
  boolean smt;

  @Option(names = "--regionserver", description = "Only region servers, of every variant.")
  boolean regionServer;

  @Option(names = "--aggregate",
      description = "With --format=cidr, merge adjacent addresses into the fewest prefixes"
          + " that cover exactly them.")
  boolean aggregate;

  @Option(names = "--filter", paramLabel = "FILTER",
      description = "Keep servers matching every comma-separated phrase: ip=ADDRESS,"
          + " name~TEXT, name!TEXT, name%%REGEX, type~TEXT, type!TEXT, type%%REGEX"
          + " (~ contains, ! does not contain, %% regular expression from the start;"
          + " case is ignored).")
  @Nullable String filter;

  @Override
  public Integer call() {
    String provider = root.requireProvider(spec);
    OutputFormat format = output.format();
    if (aggregate && format != OutputFormat.CIDR) {
      throw new UsageException("--aggregate applies only to --format=cidr");
    }
    if (smt && regionServer) {
      throw new UsageException("--smt and --regionserver are mutually exclusive; give at most one");
    }
    List<String> regionNames = RegionOptions.split(regions);
    Predicate<Map<String, @Nullable Object>> keep = FilterPhrases.parse(filter, FILTER_ATTRIBUTES);
    ServerType.Kind kind = smt ? ServerType.Kind.UPDATE_SERVER
        : regionServer ? ServerType.Kind.REGION_SERVER : null;

    ServerList servers = root.clientForOneQuery().servers(
        ServerQuery.of(provider).withRegions(regionNames).withKind(kind));
    List<Server> selected = new ArrayList<>();
    for (Server server : servers.servers()) {
      if (keep.test(server.fields())) {
        selected.add(server);
      }
    }

    print(format, selected);
    if (selected.isEmpty()) {
      spec.commandLine().getErr().println("pint: no servers match"
          + (regionNames.isEmpty() ? "" : " in " + String.join(", ", servers.regions()))
          + "; check --region, --smt, --regionserver and --filter");
    }
    return ExitStatus.OK;
  }

  private void print(OutputFormat format, List<Server> servers) {
    PrintWriter out = spec.commandLine().getOut();
    if (format.listsAddresses()) {
      List<InetAddress> addresses = new ArrayList<>();
      for (Server server : servers) {
        addresses.addAll(server.addresses());
      }
      out.print(format == OutputFormat.IPS
          ? AddressLines.render(addresses)
          : CidrBlocks.render(addresses, aggregate));
      out.flush();
      return;
    }

    List<Map<String, @Nullable Object>> entries = new ArrayList<>();
    for (Server server : servers) {
      entries.add(server.fields());
    }
    Listing.print(out, format, "servers", "server", SERVER_COLUMNS, entries);
  }

  private static Map<String, String> filterAttributes() {
    Map<String, String> attributes = new java.util.LinkedHashMap<>();
    attributes.put("ip", "=");
    attributes.put("name", "~!%");
    attributes.put("type", "~!%");
    return attributes;
  }
}
