package dev.pint.cli;

import dev.pint.Server;
import dev.pint.internal.IpLiterals;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The addresses added to and removed from a server list, per region and server type. Only
 * addresses count: a server whose name changed but whose address did not is no change.
 */
final class AddressChanges {
  private AddressChanges() {}

  /** One address of one region and type, as {@code pint diff} compares them. */
  record Entry(String region, String type, InetAddress address) {}

  /** An address that is in one list and not in the other. */
  record Change(boolean added, Entry entry) {
    /** Returns the change as a table row: added or removed, region, type, canonical address. */
    List<String> row() {
      return List.of(added ? "added" : "removed", entry.region(), entry.type(),
          IpLiterals.toCanonical(entry.address()));
    }
  }

  /** Orders entries by region, type and address, IPv4 before IPv6. */
  private static final Comparator<Entry> ENTRY_ORDER = Comparator
      .comparing(Entry::region)
      .thenComparing(Entry::type)
      .thenComparing(Entry::address, AddressOrder.NUMERIC);

  /**
   * Compares two lists, returning the changes sorted by region, type and address. Types are compared as the service spells them
   * ({@code smt}, {@code smt-sles}).
   */
  static List<Change> between(Collection<Server> oldServers, Collection<Server> newServers) {
    Set<Entry> oldEntries = entries(oldServers);
    Set<Entry> newEntries = entries(newServers);

    List<Change> changes = new ArrayList<>();
    for (Entry entry : oldEntries) {
      if (!newEntries.contains(entry)) {
        changes.add(new Change(false, entry));
      }
    }
    for (Entry entry : newEntries) {
      if (!oldEntries.contains(entry)) {
        changes.add(new Change(true, entry));
      }
    }
    changes.sort(Comparator.comparing(Change::entry, ENTRY_ORDER));
    return changes;
  }

  private static Set<Entry> entries(Collection<Server> servers) {
    Set<Entry> entries = new TreeSet<>(ENTRY_ORDER);
    for (Server server : servers) {
      for (InetAddress address : server.addresses()) {
        entries.add(new Entry(server.region(), server.type().raw(), address));
      }
    }
    return entries;
  }
}
