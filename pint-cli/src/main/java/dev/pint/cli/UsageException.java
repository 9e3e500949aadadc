package dev.pint.cli;

/** An invalid command line found after parsing, such as a bad filter phrase. Exit status 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
