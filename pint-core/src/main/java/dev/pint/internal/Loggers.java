package dev.pint.internal;

import java.lang.System.Logger;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * Gives the library's classes their {@link System.Logger}, looked up on first use.
 *
 * <p>{@link System#getLogger} finds the logger finder through a service loader and reads the
 * JDK's security properties on its first call, about 10 ms of a short-lived process. A logger
 * made here costs nothing until something is logged, and the pint command hands over its own
 * finder with {@link #useFinder} so that no lookup happens at all.
 */
public final class Loggers {
  private static volatile System.@Nullable LoggerFinder finder;

  private Loggers() {}

  /** Makes loggers that are still unresolved come from {@code finder}, not the JDK's lookup. */
  public static void useFinder(System.LoggerFinder finder) {
    Loggers.finder = finder;
  }

  /** Returns the logger named after {@code owner}, resolved when it is first used. */
  static Logger of(Class<?> owner) {
    return new DeferredLogger(owner);
  }

  private static final class DeferredLogger implements Logger {
    private final Class<?> owner;
    private volatile @Nullable Logger delegate;

    DeferredLogger(Class<?> owner) {
      this.owner = owner;
    }

    private Logger delegate() {
      Logger logger = delegate;
      if (logger == null) {
        System.LoggerFinder chosen = finder;
        logger = chosen != null
            ? chosen.getLogger(owner.getName(), owner.getModule())
            : System.getLogger(owner.getName());
        delegate = logger;
      }
      return logger;
    }

    @Override
    public String getName() {
      return owner.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
      return delegate().isLoggable(level);
    }

    @Override
    public void log(Level level, @Nullable ResourceBundle bundle, @Nullable String message,
        @Nullable Throwable thrown) {
      delegate().log(level, bundle, message, thrown);
    }

    @Override
    public void log(Level level, @Nullable ResourceBundle bundle, @Nullable String format,
        @Nullable Object... params) {
      delegate().log(level, bundle, format, params);
    }
  }
}
