package dev.pint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import picocli.CommandLine.Help.Ansi;

/**
 * Prints {@code pint --help} and {@code pint --version} from text that {@link DocsGenerator}
 * rendered from the picocli model at build time, so these two need no command model at run time.
 * The texts are byte for byte what picocli prints for the same arguments; a test compares them.
 */
final class PrerenderedHelp {
  static final String PLAIN_HELP = "help.txt";
  static final String ANSI_HELP = "help-ansi.txt";
  static final String VERSION = "version.txt";

  private PrerenderedHelp() {}

  /**
   * Prints the prerendered output for {@code args}, if {@code args} is exactly one of the root
   * command's help or version options and the text was rendered.
   *
   * @return whether it printed; when false, nothing was written and picocli must run
   */
  static boolean print(String[] args, PrintStream out) {
    if (args.length != 1 || System.getProperty("picocli.usage.width") != null) {
      return false;
    }
    String resource = switch (args[0]) {
      // The same decision picocli makes for its own help: colours on a terminal, unless disabled.
      case "--help", "-h" -> Ansi.AUTO.enabled() ? ANSI_HELP : PLAIN_HELP;
      case "--version", "-V", "-v" -> VERSION;
      default -> null;
    };
    if (resource == null) {
      return false;
    }
    byte[] text;
    try (InputStream in = PrerenderedHelp.class.getResourceAsStream("prerendered/" + resource)) {
      if (in == null) {
        return false;
      }
      text = in.readAllBytes();
    } catch (IOException e) {
      return false;
    }
    out.write(text, 0, text.length);
    out.flush();
    return true;
  }
}
