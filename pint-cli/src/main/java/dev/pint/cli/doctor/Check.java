package dev.pint.cli.doctor;

import java.util.List;

/**
 * The outcome of one step of the diagnosis.
 *
 * @param name the step, such as {@code hosts}; stable, so scripts can select it in the JSON
 * @param status how the step went
 * @param summary one line saying what was found
 * @param details further facts, one per line, such as each address and its outcome
 * @param fix the change that fixes a warning or problem, one line each, printed as it should be
 *     typed or pasted; empty when there is nothing to change
 */
public record Check(String name, Status status, String summary, List<String> details, List<String> fix) {

  /** How a step went, from best to worst. */
  public enum Status {
    OK,
    /** The step could not run because an earlier step failed or lacked data. */
    SKIPPED,
    /** Registration may work, but something is off or could not be confirmed. */
    WARNING,
    /** Registration fails, or would fail, because of what this step found. */
    PROBLEM
  }

  public Check {
    details = List.copyOf(details);
    fix = List.copyOf(fix);
  }

  static Check ok(String name, String summary, List<String> details) {
    return new Check(name, Status.OK, summary, details, List.of());
  }

  static Check skipped(String name, String reason) {
    return new Check(name, Status.SKIPPED, reason, List.of(), List.of());
  }
}
