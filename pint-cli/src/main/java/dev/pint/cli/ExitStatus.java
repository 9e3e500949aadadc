package dev.pint.cli;

/** The exit statuses of {@code pint}, as documented in the README and in {@code --help}. */
final class ExitStatus {
  /** The command succeeded; an empty list for a known region is a success. */
  static final int OK = 0;
  /** The service, the network or the data failed. {@code diff} uses it for changes. */
  static final int FAILURE = 1;
  /** The command line is invalid, or names a provider, region or image the service does not know. */
  static final int USAGE = 2;

  /** {@code diff} found added or removed addresses; diff(1) uses 1 for this too. */
  static final int DIFFERENT = 1;
  /** {@code diff} could not compare: any failure, usage errors included, as diff(1) has it. */
  static final int TROUBLE = 2;

  private ExitStatus() {}
}
