package dev.pint.cli;

import java.io.PrintWriter;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Routes {@link System.Logger} records to the command's stderr as {@code pint: warning: ...} or
 * {@code pint: debug: ...} lines, without loading {@code java.util.logging}.
 *
 * <p>Installed through {@code META-INF/services/java.lang.System$LoggerFinder}. Records of
 * {@code dev.pint} loggers are shown from WARNING up, or from DEBUG up with {@code --verbose} or
 * {@code --debug}. Other loggers, such as the JDK's HTTP client, are shown only from WARNING up,
 * because their DEBUG output can contain request headers with proxy credentials.
 */
public final class CliLogging extends System.LoggerFinder {
  /** The finder the command gives the library directly; the JDK makes its own through the service. */
  static final CliLogging FINDER = new CliLogging();

  private static volatile Settings settings = new Settings(null, Level.WARNING, false);

  /** The sink and threshold of the running command. */
  private record Settings(@Nullable PrintWriter err, Level threshold, boolean stackTraces) {}

  /** Sends records to {@code err}, from WARNING up, until {@link #reset()}. */
  static void install(PrintWriter err) {
    settings = new Settings(err, Level.WARNING, false);
  }

  /** Shows DEBUG records too; with {@code stackTraces}, also the stack traces of records. */
  static void verbose(boolean stackTraces) {
    Settings current = settings;
    settings = new Settings(current.err(), Level.DEBUG, stackTraces);
  }

  static void reset() {
    settings = new Settings(null, Level.WARNING, false);
  }

  @Override
  public Logger getLogger(String name, Module module) {
    return new StderrLogger(name, name.startsWith("dev.pint."));
  }

  private static final class StderrLogger implements Logger {
    private final String name;
    private final boolean ours;

    StderrLogger(String name, boolean ours) {
      this.name = name;
      this.ours = ours;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isLoggable(Level level) {
      if (level == Level.OFF || level == Level.ALL) {
        return false;
      }
      Level threshold = ours ? settings.threshold() : Level.WARNING;
      return level.getSeverity() >= threshold.getSeverity();
    }

    @Override
    public void log(Level level, @Nullable ResourceBundle bundle, @Nullable String message,
        @Nullable Throwable thrown) {
      if (isLoggable(level)) {
        write(level, String.valueOf(message), thrown);
      }
    }

    @Override
    public void log(Level level, @Nullable ResourceBundle bundle, @Nullable String format,
        @Nullable Object... params) {
      if (isLoggable(level)) {
        String text = params == null || params.length == 0 || format == null
            ? String.valueOf(format)
            : MessageFormat.format(format, params);
        write(level, text, null);
      }
    }

    @Override
    public void log(Level level, Supplier<String> supplier) {
      if (isLoggable(level)) {
        write(level, supplier.get(), null);
      }
    }

    private void write(Level level, String message, @Nullable Throwable thrown) {
      Settings current = settings;
      PrintWriter err = current.err() != null
          ? current.err()
          : new PrintWriter(System.err, true);
      String label = level.getSeverity() >= Level.ERROR.getSeverity() ? "error"
          : level.getSeverity() >= Level.WARNING.getSeverity() ? "warning"
          : level.getSeverity() >= Level.INFO.getSeverity() ? "info"
          : "debug";
      err.println("pint: " + label + ": " + (ours ? "" : name + ": ") + message);
      if (thrown != null && current.stackTraces()) {
        thrown.printStackTrace(err);
      }
      err.flush();
    }
  }
}
