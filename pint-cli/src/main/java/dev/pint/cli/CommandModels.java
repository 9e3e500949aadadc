package dev.pint.cli;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the picocli model of the commands from the code that {@link ModelGenerator} generated
 * at build time, which makes the same model as the annotations without reading them. Reading the
 * annotations cost about half of a query's start-up time (docs/performance.md).
 *
 * <p>Without the generated class, as when the sources are compiled by hand or in an IDE, it
 * builds the model from the annotations: the same model, only slower.
 */
final class CommandModels {
  private static final String GENERATED_CLASS = "dev.pint.cli." + ModelGenerator.CLASS_NAME;

  private static @Nullable Generated generated;
  private static boolean looked;
  private static boolean annotationsOnly;

  private CommandModels() {}

  /** Builds the command line of {@code command}, with every subcommand it has. */
  static CommandLine commandLine(Object command) {
    Generated models = generated();
    CommandSpec spec = models == null ? null : models.spec(command);
    return spec == null ? fromAnnotations(command) : new CommandLine(spec);
  }

  /**
   * Builds the command line of {@code root} with the subcommand {@code name} and, for every other
   * subcommand name, the placeholder of {@link Subcommands#addPlaceholder}.
   */
  static CommandLine commandLine(PintCommand root, String name) {
    Generated models = generated();
    if (models == null) {
      CommandLine commandLine = new CommandLine(root);
      Subcommands.addOnly(commandLine, name);
      return commandLine;
    }
    CommandLine commandLine = new CommandLine(models.root(root, List.of(name)));
    Subcommands.addPlaceholder(commandLine, name);
    return commandLine;
  }

  /**
   * Builds the command line of {@code command} from its annotations, and for {@link PintCommand}
   * with the subcommands of {@link Subcommands}: the model the generated code must equal.
   */
  static CommandLine fromAnnotations(Object command) {
    CommandLine commandLine = new CommandLine(command);
    if (command instanceof PintCommand) {
      Subcommands.addAll(commandLine);
    }
    return commandLine;
  }

  /** Returns whether the generated model is in use, rather than the annotations. */
  static boolean usesGeneratedModel() {
    return generated() != null;
  }

  /** Makes this class build every model from the annotations, for tests that compare the two. */
  static void useAnnotations(boolean annotations) {
    annotationsOnly = annotations;
  }

  /** Called by the generated class as it is loaded. */
  static void install(Generated models) {
    generated = models;
  }

  private static @Nullable Generated generated() {
    if (!looked) {
      try {
        // Loading it runs its static initialiser, which calls install, so no reflective call is needed.
        Class.forName(GENERATED_CLASS);
      } catch (ClassNotFoundException e) {
        // built without the generated sources: the annotations give the same model
      }
      looked = true;
    }
    return annotationsOnly ? null : generated;
  }

  /** The generated model, which {@link ModelGenerator} writes. */
  interface Generated {
    /** Builds the spec of the root command with the named subcommands, or all when null. */
    CommandSpec root(PintCommand command, @Nullable Collection<String> subcommands);

    /** Builds the spec of {@code command}, or returns null for a class it does not know. */
    @Nullable CommandSpec spec(Object command);
  }
}
