package dev.pint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the reliability cases of a test run: every test that carries, or sits in a class that
 * carries, one of the {@link ReliabilityTags}. It is registered through {@code
 * META-INF/services}, so it runs in every module whose test class path contains this module's test
 * classes, and writes nothing unless the system property {@code pint.reliability.tally} names a
 * file, which the build sets to {@code target/reliability/surefire.tsv}.
 *
 * <p>The file has one line per case and tab-separated columns: tag, test class, case name,
 * status ({@code passed}, {@code failed}, {@code aborted} or {@code skipped}) and what the case
 * yielded, as published with {@link Yields}. {@code .ci/ReliabilityFigures.java} turns the files
 * of all modules into the figures of {@code docs/reliability.md}.
 */
public final class ReliabilityTally implements TestExecutionListener {
  /** The system property naming the output file. */
  public static final String OUTPUT_PROPERTY = "pint.reliability.tally";

  private final Map<String, String> yields = new ConcurrentHashMap<>();
  private final Map<String, String> statuses = new ConcurrentHashMap<>();
  private volatile TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
    String text = entry.getKeyValuePairs().get(Yields.KEY);
    if (text != null) {
      yields.merge(test.getUniqueId(), text, (first, second) -> first + "; " + second);
    }
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    if (test.isTest()) {
      statuses.put(test.getUniqueId(), "skipped");
    } else if (plan != null) {
      for (TestIdentifier descendant : plan.getDescendants(test)) {
        if (descendant.isTest()) {
          statuses.put(descendant.getUniqueId(), "skipped");
        }
      }
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (test.isTest()) {
      statuses.put(test.getUniqueId(), switch (result.getStatus()) {
        case SUCCESSFUL -> "passed";
        case FAILED -> "failed";
        case ABORTED -> "aborted";
      });
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    String output = System.getProperty(OUTPUT_PROPERTY);
    if (output == null || output.isBlank()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, TestIdentifier> entry : tests(testPlan).entrySet()) {
      TestIdentifier test = entry.getValue();
      Set<String> tags = tags(testPlan, test);
      String status = statuses.get(entry.getKey());
      if (tags.isEmpty() || status == null) {
        continue;
      }
      String yielded = yields.getOrDefault(entry.getKey(), "");
      for (String tag : tags) {
        lines.add(String.join("\t", tag, className(testPlan, test), caseName(testPlan, test),
            status, yielded.replace('\t', ' ')));
      }
    }
    write(Path.of(output), lines);
  }

  private static Map<String, TestIdentifier> tests(TestPlan testPlan) {
    Map<String, TestIdentifier> tests = new LinkedHashMap<>();
    for (TestIdentifier root : testPlan.getRoots()) {
      for (TestIdentifier descendant : testPlan.getDescendants(root)) {
        if (descendant.isTest()) {
          tests.put(descendant.getUniqueId(), descendant);
        }
      }
    }
    return tests;
  }

  /** Returns the reliability tags of {@code test} and of the containers around it. */
  private static Set<String> tags(TestPlan testPlan, TestIdentifier test) {
    Set<String> tags = new TreeSet<>();
    for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = testPlan.getParent(at.get())) {
      for (TestTag tag : at.get().getTags()) {
        if (isReliabilityTag(tag.getName())) {
          tags.add(tag.getName());
        }
      }
    }
    return tags;
  }

  private static boolean isReliabilityTag(String name) {
    return name.equals(ReliabilityTags.FAULT) || name.equals(ReliabilityTags.HOSTILE)
        || name.equals(ReliabilityTags.CONCURRENCY) || name.equals(ReliabilityTags.PROPERTY)
        || name.equals(ReliabilityTags.EXIT_STATUS);
  }

  /** Returns the simple name of the class the test belongs to. */
  private static String className(TestPlan testPlan, TestIdentifier test) {
    for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = testPlan.getParent(at.get())) {
      if (at.get().getSource().orElse(null) instanceof ClassSource source) {
        return source.getJavaClass().getSimpleName();
      }
    }
    return "";
  }

  /**
   * Returns the display names from the test method down to the case, such as {@code
   * servers_fault STATUS_404}.
   */
  private static String caseName(TestPlan testPlan, TestIdentifier test) {
    List<String> names = new ArrayList<>();
    for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent(); at = testPlan.getParent(at.get())) {
      if (at.get().getSource().orElse(null) instanceof ClassSource
          || at.get().getParentId().isEmpty()) {
        break;
      }
      String name = at.get().getDisplayName();
      // "servers_fault(ServiceFault, TestReporter)" becomes "servers_fault", and "[3] STATUS_404"
      // becomes "STATUS_404": the figures name methods and cases, not parameter types or indexes.
      names.add(0, name.replaceFirst("^(\\w+)\\(.*\\)$", "$1").replaceFirst("^\\[\\d+\\] ", ""));
    }
    return Yields.normalize(String.join(" ", names));
  }

  private static void write(Path output, List<String> lines) {
    try {
      Files.createDirectories(output.toAbsolutePath().getParent());
      Files.write(output, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reliability tally " + output, e);
    }
  }
}
