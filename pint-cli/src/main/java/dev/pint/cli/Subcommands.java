package dev.pint.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The subcommands of {@code pint}, in the order that help, completion and man pages list them.
 *
 * <p>They are registered here rather than in {@code @Command(subcommands = ...)} on {@link
 * PintCommand}, because picocli builds the model of every listed class. Each name must equal the
 * {@code name} of its class's {@code @Command}.
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

  /** Adds every subcommand to {@code root}. */
  static void addAll(CommandLine root) {
    for (Subcommand subcommand : ALL) {
      root.addSubcommand(subcommand.name(), subcommand.type());
    }
  }
}
