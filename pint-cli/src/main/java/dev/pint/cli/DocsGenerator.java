package dev.pint.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Renders, at build time, everything that is derived from the picocli model: the texts {@link
 * PrerenderedHelp} prints, the bash and zsh completion script and the man pages' AsciiDoc
 * sources. The build runs it after compiling; it is not part of the command.
 *
 * <p>Arguments: the classes folder, the completion folder and the man-page source folder.
 */
public final class DocsGenerator {
  private DocsGenerator() {}

  public static void main(String[] args) throws IOException {
    Path classes = Path.of(args[0]);
    Path completion = Path.of(args[1]);
    Path manSources = Path.of(args[2]);

    Path prerendered = classes.resolve("dev/pint/cli/prerendered");
    Files.createDirectories(prerendered);
    write(prerendered.resolve(PrerenderedHelp.PLAIN_HELP), output(Ansi.OFF, "--help"));
    write(prerendered.resolve(PrerenderedHelp.ANSI_HELP), output(Ansi.ON, "--help"));
    write(prerendered.resolve(PrerenderedHelp.VERSION), output(Ansi.OFF, "--version"));

    Files.createDirectories(completion);
    write(completion.resolve("pint.bash"), AutoComplete.bash("pint", model(Ansi.OFF)));

    Files.createDirectories(manSources);
    writeManPages(model(Ansi.OFF), "pint", manSources);
  }

  /** Runs the command as {@code pint} does and returns what it printed on standard output. */
  static String output(Ansi ansi, String... args) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = model(ansi);
    commandLine.setOut(new PrintWriter(out));
    int status = commandLine.execute(args);
    if (status != ExitStatus.OK) {
      throw new IllegalStateException("pint " + String.join(" ", args) + " exited " + status);
    }
    return out.toString();
  }

  private static CommandLine model(Ansi ansi) {
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
    CommandLine commandLine = Cli.commandLine(Map.of(), sink, sink);
    commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
    return commandLine;
  }

  private static void writeManPages(CommandLine command, String fileName, Path folder)
      throws IOException {
    // A man page's DESCRIPTION comes from the description; commands with a header only would get
    // an empty section. This model writes man pages alone, so the help text stays as it is.
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    if (usage.description().length == 0) {
      usage.description(usage.header());
    }
    StringWriter page = new StringWriter();
    try (PrintWriter writer = new PrintWriter(page)) {
      ManPageGenerator.writeSingleManPage(writer, command.getCommandSpec());
    }
    write(folder.resolve(fileName + ".adoc"), page.toString());
    for (Map.Entry<String, CommandLine> subcommand : command.getSubcommands().entrySet()) {
      writeManPages(subcommand.getValue(), fileName + "-" + subcommand.getKey(), folder);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
