package dev.pint.cli;

/** Data from the service that the chosen output format cannot carry safely. Exit status 1. */
final class UnrepresentableDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnrepresentableDataException(String message) {
    super(message);
  }
}
