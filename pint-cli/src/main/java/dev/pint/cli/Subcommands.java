package dev.pint.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The subcommands of {@code pint}, in the order that help, completion and man pages list them.
 *
 * <p>They are registered here rather than in {@code @Command(subcommands = ...)} on {@link
 * PintCommand}, because picocli builds the model of every listed class, and a query needs only
 * one. Each name must equal the {@code name} of its class's {@code @Command}; a test checks that.
 */
final class Subcommands {
  /** A subcommand's name and its annotated class. */
  record Subcommand(String name, Class<?> type) {}

  static final List<Subcommand> ALL = List.of(
      new Subcommand("providers", ProvidersCommand.class),
      new Subcommand("regions", RegionsCommand.class),
      new Subcommand("server_types", ServerTypesCommand.class),
      new Subcommand("servers", ServersCommand.class),
      new Subcommand("diff", DiffCommand.class),
      new Subcommand("image_states", ImageStatesCommand.class),
      new Subcommand("images", ImagesCommand.class),
      new Subcommand("deletiondate", DeletionDateCommand.class),
      new Subcommand("deletedby", DeletedByCommand.class),
      new Subcommand("allowlist", AllowlistCommand.class),
      new Subcommand("mirror", MirrorCommand.class),
      new Subcommand("doctor", DoctorCommand.class));

  private Subcommands() {}

  /**
   * Returns the first argument that equals a subcommand name, which picocli runs unless parsing
   * fails. pint enables no abbreviated, aliased or case-insensitive subcommand names, so picocli
   * matches names exactly. Arguments after the end-of-options delimiter {@code --} do not count,
   * because the root command takes them as positional parameters.
   */
  static Optional<String> firstNamed(String[] args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return Optional.empty();
      }
      for (Subcommand subcommand : ALL) {
        if (subcommand.name().equals(arg)) {
          return Optional.of(arg);
        }
      }
    }
    return Optional.empty();
  }

  /** Adds every subcommand to {@code root}. */
  static void addAll(CommandLine root) {
    for (Subcommand subcommand : ALL) {
      root.addSubcommand(subcommand.name(), subcommand.type());
    }
  }

  /** Adds the subcommand {@code name} to {@code root}, and the placeholder of {@link #addPlaceholder}. */
  static void addOnly(CommandLine root, String name) {
    for (Subcommand subcommand : ALL) {
      if (subcommand.name().equals(name)) {
        root.addSubcommand(name, subcommand.type());
      }
    }
    addPlaceholder(root, name);
  }

  /**
   * Adds one placeholder, with no options of its own, that takes every subcommand name but
   * {@code name}.
   *
   * <p>The placeholder keeps the root command's parsing the same as with every subcommand,
   * because picocli rejects an option value that equals a subcommand name, such as {@code
   * --base-url=providers}, and starts a subcommand at the first argument that is one.
   */
  static void addPlaceholder(CommandLine root, String name) {
    List<String> others = new ArrayList<>();
    for (Subcommand subcommand : ALL) {
      if (!subcommand.name().equals(name)) {
        others.add(subcommand.name());
      }
    }
    if (!others.isEmpty()) {
      CommandLine placeholder = new CommandLine(CommandSpec.create());
      root.addSubcommand(others.get(0), placeholder,
          others.subList(1, others.size()).toArray(new String[0]));
    }
  }

  /** Returns whether {@code subcommand} is the placeholder that {@link #addPlaceholder} adds. */
  static boolean isPlaceholder(CommandLine subcommand) {
    return subcommand.getCommandSpec().userObject() == null;
  }
}
