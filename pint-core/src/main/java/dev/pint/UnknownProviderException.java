package dev.pint;

import dev.pint.internal.ServerEntries;
import java.util.List;

/** The service does not know the provider asked for. */
public final class UnknownProviderException extends PintException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final List<String> knownProviders;

  public UnknownProviderException(String provider, List<String> knownProviders) {
    super("unknown provider " + ServerEntries.quote(provider) + "; known providers: "
        + quotedList(knownProviders));
    this.provider = provider;
    this.knownProviders = List.copyOf(knownProviders);
  }

  private static String quotedList(List<String> names) {
    List<String> quoted = new java.util.ArrayList<>();
    for (String name : names) {
      String text = ServerEntries.quote(name);
      quoted.add(text.substring(1, text.length() - 1));
    }
    return String.join(", ", quoted);
  }

  /** The provider name as given. */
  public String provider() {
    return provider;
  }

  /** The providers the service lists. */
  public List<String> knownProviders() {
    return knownProviders;
  }
}
