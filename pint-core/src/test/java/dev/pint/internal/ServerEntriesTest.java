package dev.pint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pint.MalformedDataException;
import dev.pint.Server;
import dev.pint.ServerType;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ServerEntriesTest {
  private static final URI URL = URI.create("http://127.0.0.1/v1/amazon/servers.json");

  private static Map<String, @Nullable Object> entry(String... keysAndValues) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      fields.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return fields;
  }

  private static String error(Map<String, @Nullable Object> fields) {
    return assertThrows(MalformedDataException.class, () -> ServerEntries.toServer(fields, 7, URL))
        .getMessage();
  }

  @Test
  void toServer_updateServer() {
    Server server = ServerEntries.toServer(entry("ip", "54.197.240.216", "ipv6", "",
        "name", "smt-ec2.susecloud.net", "region", "us-east-1", "type", "smt"), 0, URL);

    assertEquals("54.197.240.216", server.ipv4().getHostAddress());
    assertNull(server.ipv6());
    assertEquals("smt-ec2.susecloud.net", server.hostname());
    assertEquals("us-east-1", server.region());
    assertEquals(ServerType.Kind.UPDATE_SERVER, server.type().kind());
  }

  @Test
  void toServer_missingIpv6Field() {
    Server server = ServerEntries.toServer(
        entry("ip", "1.2.3.4", "name", "", "region", "r", "type", "regionserver"), 0, URL);

    assertNull(server.ipv6());
    assertEquals(ServerType.Kind.REGION_SERVER, server.type().kind());
  }

  @Test
  void toServer_nullIpv6IsAbsent() {
    Map<String, @Nullable Object> fields = entry("ip", "1.2.3.4", "region", "r", "type", "smt");
    fields.put("ipv6", null);

    assertNull(ServerEntries.toServer(fields, 0, URL).ipv6());
  }

  @Test
  void toServer_ipv6Only() {
    Server server = ServerEntries.toServer(
        entry("ip", "", "ipv6", "2600:1f18::5", "region", "r", "type", "smt"), 0, URL);

    assertNull(server.ipv4());
    assertEquals("2600:1f18::5", IpLiterals.toCanonical(server.ipv6()));
  }

  @Test
  void toServer_hostPrefixLengthIsDropped() {
    Server server = ServerEntries.toServer(entry("ip", "203.0.113.5/32",
        "ipv6", "2001:db8::5/128", "region", "r", "type", "smt"), 0, URL);

    assertEquals("203.0.113.5", server.ipv4().getHostAddress());
    assertEquals("2001:db8::5", IpLiterals.toCanonical(server.ipv6()));
  }

  @Test
  void toServer_rejectsNetworkPrefix() {
    assertEquals("malformed data from " + URL + ": server entry 7 is invalid: 'ip' '203.0.113.0/24'"
        + " is not an IPv4 address",
        error(entry("ip", "203.0.113.0/24", "region", "r", "type", "smt")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.3.4; rm -rf /", "smt-ec2.susecloud.net", "1.2.3.4\"", "$(id)"})
  void toServer_rejectsNonLiteralIp(String ip) {
    String message = error(entry("ip", ip, "region", "r", "type", "smt"));

    assertEquals("malformed data from " + URL + ": server entry 7 is invalid: 'ip' "
        + ServerEntries.quote(ip) + " is not an IPv4 address", message);
  }

  @Test
  void toServer_rejectsBothAddressesEmpty() {
    assertEquals("malformed data from " + URL
        + ": server entry 7 is invalid: it has neither an 'ip' nor an 'ipv6' address",
        error(entry("ip", "", "ipv6", "", "region", "r", "type", "smt")));
  }

  @Test
  void toServer_rejectsMissingRegion() {
    assertEquals("malformed data from " + URL
        + ": server entry 7 is invalid: 'region' is missing or empty",
        error(entry("ip", "1.2.3.4", "type", "smt")));
  }

  @Test
  void toServer_rejectsUnknownType() {
    assertEquals("malformed data from " + URL + ": server entry 7 is invalid: 'type' 'rmt'"
        + " is neither 'regionserver' nor 'smt', with or without a '-variant' suffix",
        error(entry("ip", "1.2.3.4", "region", "r", "type", "rmt")));
  }

  @Test
  void toServer_rejectsNonStringField() {
    Map<String, @Nullable Object> fields = entry("region", "r", "type", "smt");
    fields.put("ip", Collections.emptyList());

    assertEquals("malformed data from " + URL + ": server entry 7 is invalid: 'ip' is not a string",
        error(fields));
  }

  @Test
  void quote_escapesControlCharacters() {
    assertEquals("'a\\u001b[2Jb\\u000ac\\u0027'", ServerEntries.quote("a\u001b[2Jb\nc'"));
  }
}
