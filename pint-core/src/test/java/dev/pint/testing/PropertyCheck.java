package dev.pint.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.TestReporter;

/**
 * Checks a property on generated inputs: a small property-based test runner for JUnit Jupiter.
 *
 * <p>Each try draws its input from a {@link SplittableRandom} seeded with the run's seed and the
 * try's number, so a failure names the seed and try that reproduce it. The seed is {@value
 * #DEFAULT_SEED} unless the system property {@code pint.property.seed} sets another, so CI runs
 * the same inputs every time and a developer can explore new ones with {@code
 * -Dpint.property.seed=N}. It does not shrink a failing input: the message shows the input as
 * generated, cut to {@value #MAX_DESCRIPTION} characters.
 */
public final class PropertyCheck {
  /** The seed used unless {@code pint.property.seed} is set. */
  public static final long DEFAULT_SEED = 20_261_204L;

  private static final int MAX_DESCRIPTION = 2_000;

  private PropertyCheck() {}

  /** Returns the seed of this run. */
  public static long seed() {
    return Long.getLong("pint.property.seed", DEFAULT_SEED);
  }

  /**
   * Generates {@code tries} inputs with {@code generator} and checks {@code property} on each,
   * then publishes the number of inputs and the seed through {@link Yields}.
   *
   * @throws AssertionError for the first input that fails, naming the seed, the try and the input
   */
  public static <T> void forAll(TestReporter reporter, int tries,
      Function<SplittableRandom, T> generator, Consumer<? super T> property) {
    long seed = seed();
    for (int attempt = 0; attempt < tries; attempt++) {
      T input = generator.apply(random(seed, attempt));
      try {
        property.accept(input);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("property failed on try " + attempt + " of " + tries
            + " with -Dpint.property.seed=" + seed + "; input: " + describe(input), e);
      }
    }
    Yields.publish(reporter, "holds for " + tries + " generated inputs (seed " + seed + ")");
  }

  /** Returns the random source of try {@code attempt} of a run with {@code seed}. */
  public static SplittableRandom random(long seed, int attempt) {
    return new SplittableRandom(seed * 1_000_003L + attempt);
  }

  private static String describe(Object input) {
    String text = String.valueOf(input);
    return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "...";
  }
}
