package dev.pint.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Generates server lists as the service's JSON parses: entries of ordered fields whose values are
 * JSON values. Addresses, regions and types are valid, so the client accepts every entry, while
 * names, regions and unknown fields carry text a terminal or a parser could trip on: quotes,
 * backslashes, control characters, escape sequences, non-ASCII letters and characters outside
 * the Basic Multilingual Plane.
 */
public final class ServerListGenerator {
  /** Region names that differ only in case, spaces, hyphens or underscores, as Azure's do. */
  private static final List<String> REGIONS = List.of("us-east-1", "US East 1", "eu-central-1",
      "Germany Central", "germanycentral", "germany_central", "westus", "West US", "ap-south-1",
      "région-α", "北京", "r\u001b[2Jx", "line\nbreak");

  private static final List<String> TYPES =
      List.of("regionserver", "smt", "smt-sles", "smt-sap", "regionserver-sap", "SMT", "RegionServer-HPC");

  private static final String[] FRAGMENTS = {"smt-ec2.susecloud.net", " ", "'", "\"", "\\", "$(id)",
      "`id`", ";", "\n", "\r", "\t", "\u0000", "\u0007", "\u001b[31m", "\u001b]0;title\u0007",
      "\u009b", "\u007f", "\u202e", "\u200b", "é", "ß", "Ω", "中", "😀", "&amp;", "<x/>", ",", "%"};

  private ServerListGenerator() {}

  /** Returns up to {@code maxSize} valid server entries. */
  public static List<Map<String, @Nullable Object>> serverEntries(SplittableRandom random, int maxSize) {
    int size = random.nextInt(maxSize + 1);
    List<Map<String, @Nullable Object>> entries = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      entries.add(serverEntry(random));
    }
    return entries;
  }

  /**
   * Returns one valid server entry: an IPv4 address, an IPv6 address or both (the IPv4 one at
   * times with the host prefix {@code /32}, the IPv6 field at times absent), a name, a region, a
   * type, and at times unknown fields.
   */
  public static Map<String, @Nullable Object> serverEntry(SplittableRandom random) {
    Map<String, @Nullable Object> entry = new LinkedHashMap<>();
    int addresses = random.nextInt(3);
    boolean hasIpv4 = addresses != 1;
    boolean hasIpv6 = addresses != 0;
    entry.put("ip", hasIpv4 ? ipv4(random) + (random.nextInt(8) == 0 ? "/32" : "") : "");
    if (hasIpv6 || random.nextBoolean()) {
      entry.put("ipv6", hasIpv6 ? ipv6(random) : "");
    }
    entry.put("name", random.nextInt(3) == 0 ? "" : text(random, 6));
    entry.put("region", pick(random, REGIONS));
    entry.put("type", pick(random, TYPES));
    if (random.nextInt(4) == 0) {
      entry.put("unknown-" + random.nextInt(3), jsonValue(random, 2));
    }
    return entry;
  }

  /** Returns a dotted-quad IPv4 address from a documentation or private range. */
  public static String ipv4(SplittableRandom random) {
    String[] prefixes = {"192.0.2.", "198.51.100.", "203.0.113.", "10.1."};
    String prefix = prefixes[random.nextInt(prefixes.length)];
    return prefix.equals("10.1.")
        ? prefix + random.nextInt(256) + "." + random.nextInt(256)
        : prefix + random.nextInt(256);
  }

  /** Returns an IPv6 address under 2001:db8::/32 in full, compressed or upper-case form. */
  public static String ipv6(SplittableRandom random) {
    int a = random.nextInt(0x10000);
    int b = random.nextInt(0x10000);
    return switch (random.nextInt(3)) {
      case 0 -> String.format(Locale.ROOT, "2001:db8:%x::%x", a, b);
      case 1 -> String.format(Locale.ROOT, "2001:0db8:%04x:0000:0000:0000:0000:%04x", a, b);
      default -> String.format(Locale.ROOT, "2001:DB8:%X:0:0:0:0:%X", a, b);
    };
  }

  /** Returns text of up to {@code maxFragments} pieces, each plain or hostile. */
  public static String text(SplittableRandom random, int maxFragments) {
    StringBuilder text = new StringBuilder();
    int fragments = random.nextInt(maxFragments + 1);
    for (int i = 0; i < fragments; i++) {
      switch (random.nextInt(4)) {
        case 0 -> text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 1 -> text.append((char) random.nextInt(0x20, 0x7f));
        case 2 -> text.appendCodePoint(random.nextInt(0xa0, 0xd800));
        default -> text.append("host").append(random.nextInt(100));
      }
    }
    return text.toString();
  }

  /**
   * Returns a JSON value as {@link dev.pint.internal.JsonDocuments} parses it: a string, a
   * {@link BigInteger}, a {@link BigDecimal} with digits after the point, a boolean, null, or up
   * to {@code depth} levels of lists and objects.
   */
  public static @Nullable Object jsonValue(SplittableRandom random, int depth) {
    int kinds = depth > 0 ? 8 : 6;
    return switch (random.nextInt(kinds)) {
      case 0, 1 -> text(random, 4);
      case 2 -> BigInteger.valueOf(random.nextLong()).multiply(BigInteger.valueOf(random.nextInt(3) - 1));
      case 3 -> BigDecimal.valueOf(random.nextInt(-100_000, 100_000), 1 + random.nextInt(4));
      case 4 -> random.nextBoolean();
      case 5 -> null;
      case 6 -> {
        List<@Nullable Object> list = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
          list.add(jsonValue(random, depth - 1));
        }
        yield list;
      }
      default -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
          map.put(text(random, 2), jsonValue(random, depth - 1));
        }
        yield map;
      }
    };
  }

  private static <T> T pick(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
