package dev.pint.cli;

import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
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
 *
 * <p>It takes the place of the model's execution strategy, which picocli calls once parsing
 * succeeded, and of its parameter exception handler, which picocli calls for a usage error from
 * parsing or from a command that runs. picocli prints any other exception from parsing itself,
 * as the full model would, so such a run counts as done.
 */
final class OneSubcommandRun implements IExecutionStrategy, IParameterExceptionHandler {
  private final IExecutionStrategy execution;
  private final IParameterExceptionHandler usageError;
  /** Whether the subcommand began to run, after which a usage error is its own. */
  private boolean started;
  /** Whether the full model must run instead; nothing was printed then. */
  private boolean declined;

  private OneSubcommandRun(IExecutionStrategy execution, IParameterExceptionHandler usageError) {
    this.execution = execution;
    this.usageError = usageError;
  }

  /**
   * Runs {@code args} on {@code commandLine} as {@link CommandLine#execute} does and returns the
   * exit status, or returns empty, having printed nothing and run no command, when the full
   * model must run instead.
   */
  static OptionalInt run(CommandLine commandLine, String[] args) {
    OneSubcommandRun run = new OneSubcommandRun(
        commandLine.getExecutionStrategy(), commandLine.getParameterExceptionHandler());
    commandLine.setExecutionStrategy(run);
    commandLine.setParameterExceptionHandler(run);

    int status = commandLine.execute(args);
    return run.declined ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** Runs the parsed command with the model's own strategy, unless the full model must run. */
  @Override
  public int execute(ParseResult parseResult) {
    if (!runsAlone(parseResult)) {
      declined = true;
      return ExitStatus.USAGE; // ignored
    }
    started = true;
    return execution.execute(parseResult);
  }

  /** Declines a usage error from parsing, and reports one from the running command as usual. */
  @Override
  public int handleParseException(ParameterException e, String[] args) throws Exception {
    if (!started) {
      declined = true;
      return ExitStatus.USAGE; // ignored
    }
    return usageError.handleParseException(e, args);
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
