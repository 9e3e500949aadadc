package dev.pint.cli;

/** Data from the service that the chosen output format cannot carry safely. Exit status 1. */
public final class UnrepresentableDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnrepresentableDataException(String message) {
    super(message);
  }
}
