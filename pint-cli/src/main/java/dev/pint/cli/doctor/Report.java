package dev.pint.cli.doctor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The checks of one {@code pint doctor} run, rendered as text for people or JSON for scripts.
 *
 * <p>In the text form each check takes one line, {@code STATUS  name  summary}, followed by its
 * details and its fix, each indented.
 */
public final class Report {
  private static final int NAME_WIDTH = 20;

  private final List<Check> checks;

  Report(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  /** Returns the checks, in the order they ran. */
  public List<Check> checks() {
    return checks;
  }

  /** Returns whether any check found a problem, which makes the exit status 1. */
  public boolean hasProblem() {
    return count(Check.Status.PROBLEM) > 0;
  }

  private long count(Check.Status status) {
    return checks.stream().filter(check -> check.status() == status).count();
  }

  /** Renders the report as text, ending with a line that counts problems and warnings. */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (Check check : checks) {
      text.append(String.format(Locale.ROOT, "%-8s %-" + NAME_WIDTH + "s %s\n",
          check.status(), check.name(), check.summary()));
      for (String detail : check.details()) {
        text.append("         ").append(detail).append("\n");
      }
      if (!check.fix().isEmpty()) {
        text.append("         fix: ").append(check.fix().get(0)).append("\n");
        for (String line : check.fix().subList(1, check.fix().size())) {
          text.append("              ").append(line).append("\n");
        }
      }
    }
    text.append(plural(count(Check.Status.PROBLEM), "problem")).append(", ")
        .append(plural(count(Check.Status.WARNING), "warning")).append("\n");
    return text.toString();
  }

  /** Returns {@code count} and {@code noun}, with an s unless the count is 1: {@code 2 warnings}. */
  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /**
   * Renders the report as a JSON document: {@code problems} and {@code warnings} counts and a
   * {@code checks} array whose items have {@code name}, {@code status}, {@code summary}, {@code
   * details} and {@code fix}.
   */
  public String json() {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeNumberField("problems", count(Check.Status.PROBLEM));
      json.writeNumberField("warnings", count(Check.Status.WARNING));
      json.writeArrayFieldStart("checks");
      for (Check check : checks) {
        json.writeStartObject();
        json.writeStringField("name", check.name());
        json.writeStringField("status", check.status().name());
        json.writeStringField("summary", check.summary());
        writeArray(json, "details", check.details());
        writeArray(json, "fix", check.fix());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string failed", e);
    }
    return out + "\n";
  }

  private static void writeArray(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
