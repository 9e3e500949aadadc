package dev.pint.cli;

/** Entry point of the {@code pint} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // The JDK disables Basic authentication when it opens an HTTPS tunnel through a proxy, and
    // reads this setting once, before the first request. The client gives the credentials of a
    // proxy URL to that proxy alone, so allowing Basic sends them nowhere else. A value given
    // with -D on the command line is kept.
    if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
      System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
    }
    System.exit(Cli.execute(args, System.getenv()));
  }
}
