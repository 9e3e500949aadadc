package dev.pint;

import java.util.List;

/** The service does not know the provider asked for. */
public final class UnknownProviderException extends PintException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final List<String> knownProviders;

  public UnknownProviderException(String provider, List<String> knownProviders) {
    super("unknown provider '" + provider + "'; known providers: " + String.join(", ", knownProviders));
    this.provider = provider;
    this.knownProviders = List.copyOf(knownProviders);
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
