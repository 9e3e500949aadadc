package dev.pint.cli;

/** Entry point of the {@code pint} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (PrerenderedHelp.print(args, System.out)) {
      return;
    }
    System.exit(Cli.execute(args, System.getenv()));
  }
}
