package dev.pint;

import java.util.Locale;
import java.util.Optional;

/**
 * The type of an update-infrastructure server, parsed from the service's {@code type} field:
 * {@code regionserver} or {@code smt}, optionally followed by a hyphen and a variant such as
 * {@code sles} or {@code sap}.
 *
 * @param kind region server or update server
 * @param variant the text after the first hyphen, or an empty string
 * @param raw the type exactly as the service sent it
 */
public record ServerType(Kind kind, String variant, String raw) {

  /** The two roles a server plays in registration. */
  public enum Kind {
    /** A region server, which an instance contacts first, by IP address. */
    REGION_SERVER("regionserver"),
    /** An update server (SMT or RMT), which serves the repositories of a region. */
    UPDATE_SERVER("smt");

    private final String serviceName;

    Kind(String serviceName) {
      this.serviceName = serviceName;
    }

    /** The name the service uses for this kind in types and URLs. */
    public String serviceName() {
      return serviceName;
    }
  }

  /**
   * Parses the service's {@code type} field.
   *
   * @return the type, or empty when the text names neither a region server nor an update server
   */
  public static Optional<ServerType> parse(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT);
    int hyphen = lower.indexOf('-');
    String base = hyphen < 0 ? lower : lower.substring(0, hyphen);
    String variant = hyphen < 0 ? "" : lower.substring(hyphen + 1);
    if (hyphen >= 0 && variant.isEmpty()) {
      return Optional.empty();
    }
    for (Kind kind : Kind.values()) {
      if (kind.serviceName.equals(base)) {
        return Optional.of(new ServerType(kind, variant, raw));
      }
    }
    return Optional.empty();
  }
}
