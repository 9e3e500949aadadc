package dev.pint.bench;

import java.nio.charset.StandardCharsets;

/**
 * Made-up service documents of realistic size: names, regions and addresses are invented, the
 * addresses taken from the documentation ranges of RFC 5737 and RFC 3849.
 */
final class Lists {
  private Lists() {}

  /** The largest server list the service published in April 2024 had 202 servers in 68 regions. */
  static final int LARGEST_SERVERS = 202;
  static final int LARGEST_REGIONS = 68;

  /** Returns {@code {"servers":[...]}} with {@code count} update servers in {@code regions}. */
  static byte[] servers(int count, int regions) {
    StringBuilder json = new StringBuilder("{\"servers\":[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"ip\":\"").append(address(i)).append("\",\"ipv6\":\"")
          .append(i % 5 == 0 ? "2001:db8::" + Integer.toHexString(i + 1) : "")
          .append("\",\"name\":\"smt-azure.susecloud.net\",\"region\":\"").append(region(i % regions))
          .append("\",\"type\":\"").append(i % 2 == 0 ? "smt" : "smt-sles").append("\"}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Returns a region name of the list, such as {@code europe-north-1}. */
  static String region(int index) {
    String[] areas = {"europe", "asia", "america", "africa", "oceania", "middleeast"};
    String[] sides = {"north", "south", "east", "west", "central"};
    return areas[index % areas.length] + "-" + sides[(index / areas.length) % sides.length]
        + "-" + (index / (areas.length * sides.length) + 1);
  }

  private static String address(int i) {
    String[] prefixes = {"192.0.2.", "198.51.100.", "203.0.113."};
    return prefixes[i / 254] + (i % 254 + 1);
  }
}
