package dev.pint.cli;

import dev.pint.AmbiguousRegionException;
import dev.pint.PintException;
import dev.pint.UnknownImageException;
import dev.pint.UnknownProviderException;
import dev.pint.UnknownRegionException;
import dev.pint.cli.allowlist.IncompleteAllowlistException;
import dev.pint.internal.Loggers;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Builds the command line and runs it: errors become one line on stderr starting with {@code
 * pint: }, and an exit status from {@link ExitStatus}.
 */
final class Cli {
  private Cli() {}

  /** Runs {@code pint} with the process's standard streams. */
  static int execute(String[] args, Map<String, String> environment) {
    return execute(args, environment, System.out, System.err);
  }

  /** Runs {@code pint} writing UTF-8 to {@code out} and {@code err}, as tests do. */
  static int execute(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    return run(args, environment, out, err, /* fullModel= */ false).status();
  }

  /** The exit status of one run, and the command line that ran it. */
  record Run(int status, CommandLine commandLine) {}

  /**
   * Runs {@code pint} writing UTF-8 to {@code out} and {@code err}. With {@code fullModel} it
   * always builds the model with every subcommand, so tests can compare the two ways of running.
   */
  static Run run(String[] args, Map<String, String> environment, PrintStream out,
      PrintStream err, boolean fullModel) {
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(
        new TerminalSafeWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8)), true);
    CliLogging.install(errWriter);
    // The library's loggers then skip the JDK's service lookup, which would find this finder.
    Loggers.useFinder(CliLogging.FINDER);
    try {
      Run run = run(args, environment, outWriter, errWriter, fullModel);

      outWriter.flush();
      if (run.status() == ExitStatus.OK && (outWriter.checkError() || out.checkError())) {
        errWriter.println("pint: cannot write the output (disk full, or the reader closed the"
            + " pipe?); nothing complete was written");
        return new Run(ExitStatus.FAILURE, run.commandLine());
      }
      return run;
    } finally {
      CliLogging.reset();
      outWriter.flush();
      errWriter.flush();
    }
  }

  /**
   * Runs {@code args} on the model with only the subcommand they name, unless {@link
   * OneSubcommandRun} declines, and then on a new model with every subcommand. A run needs the
   * model of one subcommand, and each costs time to build.
   */
  private static Run run(String[] args, Map<String, String> environment, PrintWriter out,
      PrintWriter err, boolean fullModel) {
    // picocli's trace on stderr would show the smaller model, and a fallback would trace twice.
    boolean full = fullModel || System.getProperty("picocli.trace") != null;
    Optional<String> named = full ? Optional.empty() : Subcommands.firstNamed(args);
    if (named.isPresent()) {
      CommandLine oneSubcommand = commandLine(environment, out, err, named.get());
      OptionalInt status = OneSubcommandRun.run(oneSubcommand, args);
      if (status.isPresent()) {
        return new Run(status.getAsInt(), oneSubcommand);
      }
    }
    CommandLine everySubcommand = commandLine(environment, out, err);
    return new Run(everySubcommand.execute(args), everySubcommand);
  }

  /** Builds the command line with every subcommand, writing to {@code out} and {@code err}. */
  static CommandLine commandLine(Map<String, String> environment, PrintWriter out, PrintWriter err) {
    return commandLine(environment, out, err, null);
  }

  /**
   * Builds the command line with the subcommand {@code name} only (see {@link CommandModels}),
   * or with every subcommand when {@code name} is null.
   */
  private static CommandLine commandLine(Map<String, String> environment, PrintWriter out,
      PrintWriter err, @Nullable String name) {
    PintCommand root = new PintCommand(environment);
    CommandLine commandLine = name == null
        ? CommandModels.commandLine(root)
        : CommandModels.commandLine(root, name);
    configure(commandLine, root, out, err);
    return commandLine;
  }

  /** Applies pint's settings to {@code commandLine} and the subcommands it has by now. */
  private static void configure(CommandLine commandLine, PintCommand root, PrintWriter out,
      PrintWriter err) {
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    // "@file" arguments would let a region list come from any readable file by accident.
    commandLine.setExpandAtFiles(false);
    commandLine.setParameterExceptionHandler(Cli::handleUsageError);
    commandLine.setExecutionExceptionHandler(
        (e, line, parseResult) -> handleFailure(e, line, root.debug()));
    shareVersion(commandLine);
    shareSynopsis(commandLine);
  }

  /**
   * Gives each subcommand its lines of the root command's synopsis, which show where the provider
   * goes. picocli's own synopsis would read {@code pint servers [OPTIONS]}, a command line that
   * fails.
   */
  private static void shareSynopsis(CommandLine root) {
    Map<String, List<String>> synopses = new HashMap<>();
    List<String> current = new ArrayList<>();
    for (String line : root.getCommandSpec().usageMessage().customSynopsis()) {
      String text = line.strip();
      if (text.startsWith("pint ")) {
        current = new ArrayList<>();
        synopses.put(commandName(text), current);
        current.add(text);
      } else {
        // A continuation line keeps its indentation, which lines it up after "Usage: ".
        current.add(line);
      }
    }
    for (Map.Entry<String, CommandLine> subcommand : root.getSubcommands().entrySet()) {
      List<String> synopsis = synopses.get(subcommand.getKey());
      if (synopsis != null && !Subcommands.isPlaceholder(subcommand.getValue())) {
        subcommand.getValue().getCommandSpec().usageMessage()
            .customSynopsis(synopsis.toArray(new String[0]));
      }
    }
  }

  /** Returns the subcommand of a synopsis line: its first word that is no option or parameter. */
  private static String commandName(String synopsisLine) {
    for (String word : synopsisLine.split(" ")) {
      if (!word.isEmpty() && !word.equals("pint") && word.charAt(0) != '['
          && word.charAt(0) != '<') {
        return word;
      }
    }
    return "";
  }

  /** Lets {@code --version} print the version on every subcommand too. */
  private static void shareVersion(CommandLine commandLine) {
    for (CommandLine subcommand : commandLine.getSubcommands().values()) {
      subcommand.getCommandSpec().versionProvider(new PintCommand.VersionProvider());
      shareVersion(subcommand);
    }
  }

  private static int handleUsageError(ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("pint: " + e.getMessage() + "; see 'pint --help'");
    return ExitStatus.USAGE;
  }

  private static int handleFailure(Exception e, CommandLine commandLine, boolean stackTrace) {
    PrintWriter err = commandLine.getErr();
    int status = commandLine.getCommand() instanceof DiffCommand
        ? handleDiffFailure(e, err)
        : report(e, err);
    if (stackTrace) {
      e.printStackTrace(err);
    }
    return status;
  }

  private static int report(Exception e, PrintWriter err) {
    if (e instanceof UnknownProviderException
        || e instanceof UnknownRegionException
        || e instanceof AmbiguousRegionException
        || e instanceof UnknownImageException
        || e instanceof UsageException
        || e instanceof IllegalArgumentException) {
      err.println("pint: " + e.getMessage());
      return ExitStatus.USAGE;
    }
    if (e instanceof PintException
        || e instanceof UnrepresentableDataException
        || e instanceof IncompleteAllowlistException
        || e instanceof UncheckedIOException) {
      err.println("pint: " + e.getMessage());
      return ExitStatus.FAILURE;
    }
    err.println("pint: internal error: " + e + "; please report it");
    return ExitStatus.FAILURE;
  }

  /** Reports a failure of {@code diff}, whose every failure exits with 2 because 1 means "changed". */
  private static int handleDiffFailure(Exception e, PrintWriter err) {
    boolean expected = e instanceof PintException
        || e instanceof UsageException
        || e instanceof IllegalArgumentException
        || e instanceof ServerListFile.ServerListFileException;
    err.println(expected ? "pint: " + e.getMessage() : "pint: internal error: " + e + "; please report it");
    return ExitStatus.TROUBLE;
  }
}
