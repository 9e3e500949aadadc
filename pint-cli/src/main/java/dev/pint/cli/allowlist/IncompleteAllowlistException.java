package dev.pint.cli.allowlist;

import java.util.List;

/**
 * An allowlist that would cut instances off: no region servers, or no update servers for a
 * requested region. Exit status 1, unless {@code --allow-empty} accepts it.
 */
public final class IncompleteAllowlistException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for an allowlist of {@code provider} with the gaps that {@link
   * AllowlistAssembler#gaps} found.
   */
  public IncompleteAllowlistException(String provider, List<String> gaps) {
    super("the allowlist would cut instances off: " + String.join("; ", gaps)
        + "; check 'pint " + provider + " servers', or give --allow-empty to write it anyway");
  }
}
