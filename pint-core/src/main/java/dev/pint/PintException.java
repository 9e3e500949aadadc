package dev.pint;

/**
 * Base type of every failure this library reports. Unchecked, because a caller can rarely do more
 * than report it; subclasses tell the cases apart.
 */
public abstract class PintException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PintException(String message) {
    super(message);
  }

  PintException(String message, Throwable cause) {
    super(message, cause);
  }
}
