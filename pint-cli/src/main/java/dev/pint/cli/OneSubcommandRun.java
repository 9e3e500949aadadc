package dev.pint.cli;

import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Runs arguments on a model from {@link Subcommands#addOnly}, or declines when the model with
 * every subcommand could behave differently.
 *
 * <p>The root command parses the same in both models, because the placeholder accepts the other
 * subcommand names, and the subcommand that runs is built from the same class in both. The
 * models differ in the root's help text, which lists every subcommand, and in the placeholder.
 * So the model runs only when parsing succeeded, a real subcommand matched and no help or
 * version was requested anywhere. Errors, help and version are rare, so the fallback costs
 * little.
 */
final class OneSubcommandRun {
  /** The subcommand began to run, so a usage error now is its own. */
  private boolean started;
  /** The full model must run instead; nothing was printed. */
  private boolean declined;

  private OneSubcommandRun() {}

  /**
   * Executes {@code args} on {@code commandLine} as {@link CommandLine#execute} does, or returns
   * empty, having printed nothing and run no command, when the full model must run instead.
   */
  static OptionalInt execute(CommandLine commandLine, String[] args) {
    OneSubcommandRun run = new OneSubcommandRun();
    IExecutionStrategy execution = commandLine.getExecutionStrategy();
    IParameterExceptionHandler usageError = commandLine.getParameterExceptionHandler();
    // picocli calls the strategy once parsing succeeded, and the handler for a ParameterException
    // from parsing or from a command that runs. The status returned on declining is ignored.
    // picocli prints any other exception from parsing itself, as the full model would, so such a
    // run counts as done.
    commandLine.setExecutionStrategy(parseResult -> {
      if (!runsAlone(parseResult)) {
        run.declined = true;
        return ExitStatus.USAGE;
      }
      run.started = true;
      return execution.execute(parseResult);
    });
    commandLine.setParameterExceptionHandler((e, arguments) -> {
      if (!run.started) {
        run.declined = true;
        return ExitStatus.USAGE;
      }
      return usageError.handleParseException(e, arguments);
    });

    int status = commandLine.execute(args);
    return run.declined ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** Returns whether {@code parseResult} runs a real subcommand and requests no help or version. */
  private static boolean runsAlone(ParseResult parseResult) {
    ParseResult subcommand = parseResult.subcommand();
    if (subcommand == null || Subcommands.isPlaceholder(subcommand.commandSpec().commandLine())) {
      return false;
    }
    for (CommandLine parsed : parseResult.asCommandLineList()) {
      if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()
          || parsed.getCommandSpec().helpCommand()) {
        return false;
      }
    }
    return true;
  }
}
