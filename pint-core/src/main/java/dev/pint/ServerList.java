package dev.pint;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Servers of one provider, with where and when they were fetched.
 *
 * @param provider the provider name as sent to the service (lower case)
 * @param regions the region names the query resolved to, as the service spells them; empty when
 *     the query covered every region
 * @param source the URL of the list the servers were taken from
 * @param fetchedAt when the service sent that list
 * @param servers the servers, in the order of the service's list
 */
public record ServerList(
    String provider, List<String> regions, URI source, Instant fetchedAt, List<Server> servers) {

  public ServerList {
    regions = List.copyOf(regions);
    servers = List.copyOf(servers);
  }
}
