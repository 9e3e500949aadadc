package dev.pint.cli;

/** The exit statuses of {@code pint}, as documented in the README and in {@code --help}. */
final class ExitStatus {
  /** The command succeeded; an empty list for a known region is a success. */
  static final int OK = 0;
  /** The service, the network or the data failed. {@code diff} also uses it for "changed". */
  static final int FAILURE = 1;
  /** The command line is invalid, or names a provider, region or image the service does not know. */
  static final int USAGE = 2;

  private ExitStatus() {}
}
