package dev.pint.testing;

/**
 * The JUnit tags of the reliability suite. {@link ReliabilityTally} counts the tests that carry
 * them, and {@code docs/reliability.md} reports the counts.
 */
public final class ReliabilityTags {
  /** A network or service failure: refused, reset, slow, an error status or a broken body. */
  public static final String FAULT = "fault";
  /** Data from the service that is invalid, odd or hostile, with its decided outcome. */
  public static final String HOSTILE = "hostile";
  /** Threads or processes that share a client or a cache. */
  public static final String CONCURRENCY = "concurrency";
  /** A property checked on many generated inputs. */
  public static final String PROPERTY = "property";
  /** The exit status of a command for success, failure or invalid usage. */
  public static final String EXIT_STATUS = "exit-status";

  private ReliabilityTags() {}
}
