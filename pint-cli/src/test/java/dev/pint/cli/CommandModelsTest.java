package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParseResult;

/**
 * The model that {@link CommandModels} builds from the generated code must be the model that
 * picocli builds from the annotations: the same usage help, the same options and positional
 * parameters with the same attributes, and the same parse results and output.
 */
final class CommandModelsTest {
  private static final int WIDTH = 100;
  private static WireMockServer service;

  @BeforeAll
  static void startService() {
    service = ServiceFixture.start();
  }

  @AfterAll
  static void stopService() {
    service.stop();
  }

  @Test
  void commandLine_builtByMaven_usesGeneratedModel() {
    boolean generated = CommandModels.usesGeneratedModel();

    assertTrue(generated, "GeneratedModels is missing from the class path; run the Maven build");
  }

  @Test
  void generatedSource_currentAnnotations_matchesCompiledModel() throws IOException {
    String source = ModelGenerator.source();

    assertEquals(GeneratedModels.FINGERPRINT, ModelGenerator.fingerprint(source),
        "the annotations changed after GeneratedModels was generated; rebuild with Maven");
    Path written = Path.of("target/generated-sources/picocli-model/dev/pint/cli/GeneratedModels.java");
    assertEquals(source, Files.readString(written, StandardCharsets.UTF_8));
  }

  @Test
  void fingerprint_changedSource_differs() {
    String source = ModelGenerator.source();

    String changed = ModelGenerator.fingerprint(source.replace("\"--region\"", "\"--regions\""));

    assertNotEquals(GeneratedModels.FINGERPRINT, changed);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void usageHelp_eachCommand_matchesAnnotations(String name, Supplier<Object> command) {
    CommandLine annotated = CommandModels.fromAnnotations(command.get());
    CommandLine generated = CommandModels.commandLine(command.get());

    assertEquals(usageTexts(annotated), usageTexts(generated), name);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void arguments_eachCommand_matchAnnotations(String name, Supplier<Object> command) {
    CommandLine annotated = CommandModels.fromAnnotations(command.get());
    CommandLine generated = CommandModels.commandLine(command.get());

    assertSameLines(describeTree(annotated), describeTree(generated), name);
  }

  @Test
  void commandLine_oneSubcommand_keepsItsModel() {
    CommandLine annotated = CommandModels.fromAnnotations(new PintCommand(Map.of()));
    CommandLine generated = CommandModels.commandLine(new PintCommand(Map.of()), "servers");

    assertEquals(annotated.getSubcommands().keySet(), generated.getSubcommands().keySet());
    assertSameLines(describeTree(annotated.getSubcommands().get("servers")),
        describeTree(generated.getSubcommands().get("servers")), "servers");
    assertTrue(Subcommands.isPlaceholder(generated.getSubcommands().get("providers")));
    assertSameLines(describe(annotated.getCommandSpec()), describe(generated.getCommandSpec()), "pint");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "amazon servers --region us-east-1 --json",
    "amazon servers --region=us-east-1,eu-central-1 --format table",
    "amazon servers --region us-east-1 --region eu-central-1 --smt --xml",
    "amazon servers --format=CIDR --aggregate",
    "amazon servers --regionserver --filter type~region --format csv",
    "AMAZON regions --filter name~us",
    "providers --json",
    "amazon server_types",
    "image_states --json",
    "amazon images --active --json",
    "amazon images --region us-east-1 --format table",
    "--max-age 60 --no-cache amazon servers --json",
    "amazon servers --max-age 60 --refresh --json",
    "amazon servers --region",
    "amazon servers --bogus",
    "amazon servers --region us-east-1 extra",
    "amazon servers --format nope",
    "amazon servers --json --xml",
    "servers",
    "amazon",
    "",
    "amazon nosuch",
    "amazon deletiondate",
    "amazon allowlist",
    "diff only-one",
    "--max-age x providers",
    "--timeout 0 amazon servers",
    "doctor --region-server-port abc",
    "mirror",
    "--help",
    "-h",
    "servers --help",
    "amazon servers -h",
    "allowlist --help",
    "diff --help",
    "doctor --help",
    "mirror --help",
    "deletedby --help",
    "--version",
    "-v",
    "servers -V",
    "amazon images --version",
    "--help --version",
  })
  void execute_argumentTable_matchesAnnotations(String line) {
    String[] args = arguments(line);

    CliRun generated = CliRun.run(Map.of(), args);
    CliRun annotated;
    CommandModels.useAnnotations(true);
    try {
      annotated = CliRun.run(Map.of(), args);
    } finally {
      CommandModels.useAnnotations(false);
    }

    assertEquals(annotated.status(), generated.status(), line);
    assertEquals(annotated.out(), generated.out(), line);
    assertEquals(annotated.err(), generated.err(), line);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "amazon servers --region us-east-1 --region=eu-central-1 --smt --json",
    "--base-url http://127.0.0.1:1 --timeout 2 --max-age 5 --offline amazon images --deleted",
    "amazon servers --cacert /tmp/x.pem --proxy http://127.0.0.1:3128 --format IPS",
    "amazon allowlist --region us-east-1 --target hosts --port-80 --output-dir /tmp",
    "doctor --root /tmp --probe-timeout 1.5 --update-server-http-port 8080 --proxy-type squid",
    "diff old.json live --region us-east-1",
    "mirror /tmp/m --provider amazon --provider google",
    "amazon deletedby 20250131 --filter name~sles --format csv",
    "amazon servers --bogus",
    "amazon servers --format nope",
    "--max-age x providers",
    "amazon servers --region",
    "--help",
    "servers --version",
  })
  void parseArgs_argumentTable_matchesAnnotations(String line) {
    String[] args = arguments(line);

    String annotated = parse(CommandModels.fromAnnotations(new PintCommand(Map.of())), args);
    String generated = parse(CommandModels.commandLine(new PintCommand(Map.of())), args);

    assertEquals(annotated, generated, line);
  }

  /** Asserts equal lists, naming the first line that differs, since the lists are long. */
  private static void assertSameLines(List<String> expected, List<String> actual, String name) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), name + ", line " + i);
    }
    assertEquals(expected.size(), actual.size(), name + ", number of lines");
  }

  private String[] arguments(String line) {
    List<String> args = new ArrayList<>(List.of("--base-url", service.baseUrl()));
    if (!line.isEmpty()) {
      args.addAll(Arrays.asList(line.split(" ")));
    }
    return args.toArray(new String[0]);
  }

  /** The root with every subcommand, the root alone, and each subcommand on its own. */
  static Stream<org.junit.jupiter.params.provider.Arguments> commands() {
    List<org.junit.jupiter.params.provider.Arguments> commands = new ArrayList<>();
    commands.add(org.junit.jupiter.params.provider.Arguments.of("pint", (Supplier<Object>) () ->
        new PintCommand(Map.of())));
    CommandLine root = CommandModels.fromAnnotations(new PintCommand(Map.of()));
    for (Map.Entry<String, CommandLine> subcommand : root.getSubcommands().entrySet()) {
      Class<?> type = subcommand.getValue().getCommandSpec().userObject().getClass();
      commands.add(org.junit.jupiter.params.provider.Arguments.of(subcommand.getKey(),
          (Supplier<Object>) () -> newInstance(type)));
    }
    return commands.stream();
  }

  private static Object newInstance(Class<?> type) {
    try {
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static String parse(CommandLine commandLine, String[] args) {
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExpandAtFiles(false);
    StringBuilder result = new StringBuilder();
    try {
      ParseResult parsed = commandLine.parseArgs(args);
      for (CommandLine command : parsed.asCommandLineList()) {
        result.append("command ").append(command.getCommandName()).append('\n');
        ParseResult commandResult = command.getParseResult();
        for (ArgSpec argument : command.getCommandSpec().args()) {
          boolean matched = argument instanceof OptionSpec option
              ? commandResult.hasMatchedOption(option)
              : commandResult.hasMatchedPositional((PositionalParamSpec) argument);
          result.append("  ").append(argument).append(" = ").append(deepToString(argument.getValue()))
              .append(" matched ").append(matched)
              .append(" strings ").append(argument.stringValues()).append('\n');
        }
        result.append("  unmatched ").append(command.getUnmatchedArguments()).append('\n');
      }
      result.append("usage help ").append(commandLine.isUsageHelpRequested())
          .append(", version help ").append(commandLine.isVersionHelpRequested());
    } catch (CommandLine.ParameterException e) {
      result.append(e.getClass().getName()).append(": ").append(e.getMessage())
          .append(" in ").append(e.getCommandLine().getCommandName());
    }
    return result.toString();
  }

  private static List<String> usageTexts(CommandLine commandLine) {
    List<String> texts = new ArrayList<>();
    commandLine.setUsageHelpWidth(WIDTH);
    texts.add(commandLine.getUsageMessage(Ansi.OFF));
    for (CommandLine subcommand : commandLine.getSubcommands().values()) {
      texts.addAll(usageTexts(subcommand));
    }
    return texts;
  }

  private static List<String> describeTree(CommandLine commandLine) {
    List<String> lines = new ArrayList<>(describe(commandLine.getCommandSpec()));
    for (Map.Entry<String, CommandLine> subcommand : commandLine.getSubcommands().entrySet()) {
      lines.add("subcommand " + subcommand.getKey());
      lines.addAll(describeTree(subcommand.getValue()));
    }
    return lines;
  }

  /** Describes a command and its arguments through picocli's public getters, one fact a line. */
  private static List<String> describe(CommandSpec spec) {
    List<String> lines = new ArrayList<>();
    UsageMessageSpec usage = spec.usageMessage();
    lines.add("name " + spec.name() + ", qualified " + spec.qualifiedName() + ", aliases "
        + Arrays.toString(spec.aliases()));
    lines.add("user object " + spec.userObject().getClass().getName());
    lines.add("version " + Arrays.toString(spec.version()) + ", provider "
        + (spec.versionProvider() == null ? null : spec.versionProvider().getClass().getName()));
    lines.add("standard help options " + spec.mixinStandardHelpOptions() + ", mixins "
        + spec.mixins().keySet() + ", scope " + spec.scopeType() + ", inherited " + spec.inherited());
    lines.add("exit codes " + spec.exitCodeOnSuccess() + " " + spec.exitCodeOnUsageHelp() + " "
        + spec.exitCodeOnVersionHelp() + " " + spec.exitCodeOnInvalidInput() + " "
        + spec.exitCodeOnExecutionException());
    lines.add("separator " + spec.parser().separator() + ", help command " + spec.helpCommand()
        + ", interpolate " + spec.interpolateVariables() + ", resource bundle " + spec.resourceBundleBaseName());
    lines.add("header " + Arrays.toString(usage.header()) + " heading " + usage.headerHeading());
    lines.add("synopsis " + Arrays.toString(usage.customSynopsis()) + " heading " + usage.synopsisHeading()
        + " label " + usage.synopsisSubcommandLabel() + " abbreviate " + usage.abbreviateSynopsis()
        + " sort " + usage.sortSynopsis());
    lines.add("description " + Arrays.toString(usage.description()) + " heading " + usage.descriptionHeading());
    lines.add("lists " + usage.optionListHeading() + " / " + usage.parameterListHeading() + " / "
        + usage.commandListHeading() + " sort " + usage.sortOptions() + " marker " + usage.requiredOptionMarker()
        + " defaults " + usage.showDefaultValues() + " hidden " + usage.hidden() + " at-file "
        + usage.showAtFileInUsageHelp() + " end-of-options " + usage.showEndOfOptionsDelimiterInUsageHelp());
    lines.add("exit code list " + usage.exitCodeList() + " heading " + usage.exitCodeListHeading());
    lines.add("footer " + Arrays.toString(usage.footer()) + " heading " + usage.footerHeading());
    lines.add("width " + usage.width() + " auto " + usage.autoWidth());
    for (ArgSpec argument : spec.args()) {
      lines.add(describe(argument));
    }
    for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
      lines.add("mixin " + mixin.getKey() + " arguments " + mixin.getValue().args().size());
      for (ArgSpec argument : mixin.getValue().args()) {
        lines.add("  " + describe(argument));
      }
    }
    return lines;
  }

  @SuppressWarnings("deprecation") // OptionSpec.help(), which an annotation may still set
  private static String describe(ArgSpec argument) {
    List<String> facts = new ArrayList<>();
    if (argument instanceof OptionSpec option) {
      facts.add("option " + Arrays.toString(option.names()));
      facts.add("usage help " + option.usageHelp());
      facts.add("version help " + option.versionHelp());
      facts.add("help " + option.help());
      facts.add("order " + option.order());
      facts.add("negatable " + option.negatable());
      facts.add("fallback " + option.fallbackValue());
    } else {
      PositionalParamSpec positional = (PositionalParamSpec) argument;
      facts.add("positional " + positional.index() + " unspecified " + positional.index().isUnspecified());
    }
    facts.add("arity " + argument.arity() + " unspecified " + argument.arity().isUnspecified());
    facts.add("required " + argument.required());
    facts.add("label " + argument.paramLabel() + " hide syntax " + argument.hideParamSyntax());
    facts.add("description " + Arrays.toString(argument.description()) + " key " + argument.descriptionKey());
    facts.add("type " + argument.type().getName() + " auxiliary " + Arrays.toString(argument.auxiliaryTypes()));
    // Left out: getActualGenericTypeArguments(), which the builder leaves empty and picocli 4.7.7
    // reads only to check the type of an @Unmatched field while it reads annotations.
    CommandLine.Model.ITypeInfo type = argument.typeInfo();
    facts.add("type info " + type.getClassName() + " boolean " + type.isBoolean() + " multi " + type.isMultiValue()
        + " array " + type.isArray() + " collection " + type.isCollection() + " map " + type.isMap()
        + " enum " + type.isEnum() + " optional " + type.isOptional() + " constants " + type.getEnumConstantNames()
        + " auxiliary " + type.getAuxiliaryTypeInfos().size());
    facts.add("split " + argument.splitRegex() + " label " + argument.splitRegexSynopsisLabel());
    facts.add("hidden " + argument.hidden() + " inherited " + argument.inherited()
        + " scope " + argument.scopeType());
    facts.add("default " + argument.defaultValue() + " show " + argument.showDefaultValue()
        + " map fallback " + argument.mapFallbackValue());
    facts.add("initial " + argument.hasInitialValue() + " " + deepToString(argument.initialValue()));
    facts.add("value " + deepToString(argument.getValue()));
    facts.add("candidates " + candidates(argument.completionCandidates()));
    facts.add("converters " + argument.converters().length + " consumer " + argument.parameterConsumer()
        + " preprocessor " + argument.preprocessor().getClass().getName());
    facts.add("interactive " + argument.interactive() + " echo " + argument.echo() + " prompt " + argument.prompt());
    facts.add("to string " + argument);
    return String.join("\n  ", facts);
  }

  private static @Nullable List<String> candidates(@Nullable Iterable<String> candidates) {
    if (candidates == null) {
      return null;
    }
    List<String> list = new ArrayList<>();
    candidates.forEach(list::add);
    return list;
  }

  private static String deepToString(@Nullable Object value) {
    return value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value);
  }
}
