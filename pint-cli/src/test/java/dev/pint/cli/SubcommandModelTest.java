package dev.pint.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.pint.testing.PropertyCheck;
import dev.pint.testing.ReliabilityTags;
import dev.pint.testing.Yields;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Checks that running on the model with one subcommand gives exactly the stdout, stderr and exit
 * status that the model with every subcommand gives, on a table of hard cases and on generated
 * argument vectors. Both runs of a case start from the same fresh folder and the same loopback
 * service.
 */
@Tag(ReliabilityTags.PROPERTY)
final class SubcommandModelTest {
  private static final int TRIES = 300;
  private static final String IMAGE = "suse-sles-15-sp6-v20260101-hvm-ssd-x86_64";
  /** The amazon servers on loopback only, because {@code doctor} connects to each. */
  private static final String LOOPBACK_SERVERS = "{\"servers\":["
      + "{\"ip\":\"127.0.0.21\",\"ipv6\":\"\",\"name\":\"smt-ec2.susecloud.net\","
      + "\"region\":\"us-east-1\",\"type\":\"smt-sles\"},"
      + "{\"ip\":\"127.0.0.22\",\"ipv6\":\"\",\"name\":\"\",\"region\":\"us-east-1\","
      + "\"type\":\"regionserver\"},"
      + "{\"ip\":\"127.0.0.23\",\"ipv6\":\"::1\",\"name\":\"smt-ec2.susecloud.net\","
      + "\"region\":\"eu-central-1\",\"type\":\"smt-sles\"}]}";
  private static final String SAVED_SERVERS = "{\"servers\":["
      + "{\"ip\":\"127.0.0.21\",\"ipv6\":\"\",\"name\":\"smt-ec2.susecloud.net\","
      + "\"region\":\"us-east-1\",\"type\":\"smt-sles\"},"
      + "{\"ip\":\"127.0.0.29\",\"ipv6\":\"\",\"name\":\"\",\"region\":\"us-east-1\","
      + "\"type\":\"regionserver\"}]}";

  /** Times in milliseconds, which --verbose logs and doctor reports, differ from run to run. */
  private static final Pattern MILLISECONDS = Pattern.compile("\\b\\d+ ms\\b");
  /** The time a list was fetched, which allowlist headers and doctor fixes show. */
  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
  /** Stack frames, which --debug prints and which show the path through Cli. */
  private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\t(at |\\.\\.\\. ).*\\R");

  private static WireMockServer service;
  private static Path work;
  private static Map<String, String> environment;
  private static String serviceUrl;
  private static String metadataUrl;

  @BeforeAll
  static void startService() throws IOException {
    service = new WireMockServer(
        WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    service.start();
    Map<String, String> documents = new HashMap<>(ServiceFixture.DOCUMENTS);
    documents.put("/v1/amazon/servers.json", LOOPBACK_SERVERS);
    for (Map.Entry<String, String> document : documents.entrySet()) {
      service.stubFor(get(urlEqualTo(document.getKey())).willReturn(aResponse()
          .withHeader("Content-Type", "application/json")
          .withBody(document.getValue())));
    }
    serviceUrl = "http://127.0.0.1:" + service.port();
    // WireMock returns 404 for a path without a stub, so doctor's metadata requests fail at once.
    metadataUrl = serviceUrl + "/metadata";

    work = Files.createTempDirectory("pint-subcommand-model");
    environment = Map.of(
        "PINT_BASE_URL", serviceUrl,
        "HOME", work.resolve("home").toString(),
        "XDG_CACHE_HOME", work.resolve("cache").toString());
  }

  @AfterAll
  static void stopService() throws IOException {
    service.stop();
    deleteTree(work);
  }

  @Test
  void subcommands_matchCommandAnnotations() {
    List<String> names = new ArrayList<>();
    for (Subcommands.Subcommand subcommand : Subcommands.ALL) {
      names.add(subcommand.name());

      assertEquals(subcommand.name(), subcommand.type().getAnnotation(Command.class).name(),
          subcommand.type().getName());
    }

    assertEquals(names.size(), new HashSet<>(names).size(), names.toString());
    assertEquals(names, List.copyOf(fullModel().getSubcommands().keySet()));
  }

  @Test
  void query_buildsOnlyItsSubcommand() {
    Cli.Run run = run(false, "--no-cache", "amazon", "servers", "--region", "us-east-1", "--json");

    assertEquals(ExitStatus.OK, run.status());
    assertEquals(List.of(ServersCommand.class), realSubcommands(run.commandLine()));
    Set<CommandLine> built = new HashSet<>(run.commandLine().getSubcommands().values());
    assertEquals(2, built.size(), "servers and the placeholder for the other names");
  }

  @Test
  void everySubcommand_runsAlone() {
    for (Subcommands.Subcommand subcommand : Subcommands.ALL) {
      String[] args = validArguments(subcommand.name()).get(0).toArray(String[]::new);

      Cli.Run run = run(false, args);

      assertEquals(List.of(subcommand.type()), realSubcommands(run.commandLine()),
          String.join(" ", args));
    }
  }

  @Test
  void helpAndErrors_useFullModel() {
    List<List<String>> cases = List.of(
        List.of("amazon", "servers", "--help"),
        List.of("--help", "amazon", "servers"),
        List.of("amazon", "servers", "--version"),
        List.of("amazon", "servrs"),
        List.of("amazon", "servers", "--no-such-option"),
        List.of("--base-url=providers", "amazon", "servers"),
        List.of("amazon", "--", "servers"));
    for (List<String> args : cases) {
      Cli.Run run = run(false, args.toArray(String[]::new));

      assertEquals(Subcommands.ALL.size(), realSubcommands(run.commandLine()).size(),
          String.join(" ", args));
    }
  }

  @Test
  void oneSubcommandModel_tableCases(TestReporter reporter) {
    int alone = 0;
    List<List<String>> cases = tableCases();
    for (List<String> args : cases) {
      alone += assertSameOutcome(args) ? 1 : 0;
    }

    Yields.publish(reporter, cases.size() + " cases, " + alone + " ran on one subcommand");
  }

  @Test
  void oneSubcommandModel_generatedCases(TestReporter reporter) {
    int[] alone = {0};

    PropertyCheck.forAll(reporter, TRIES, SubcommandModelTest::generatedArguments,
        args -> alone[0] += assertSameOutcome(args) ? 1 : 0);

    Yields.publish(reporter, alone[0] + " of " + TRIES + " generated cases ran on one subcommand");
    assertTrue(alone[0] >= TRIES / 10, "too few generated cases ran on one subcommand: " + alone[0]);
  }

  /**
   * Runs {@code args} on both models from the same fresh state, asserts the same outcome, and
   * returns whether the run without {@code fullModel} used the model with one subcommand.
   */
  private static boolean assertSameOutcome(List<String> args) {
    String[] array = args.toArray(String[]::new);
    Outcome full = outcome(true, array);
    Outcome alone = outcome(false, array);

    String description = "pint " + describe(args);
    assertEquals(full.status(), alone.status(), description + "\n" + full + "\n" + alone);
    assertEquals(full.out(), alone.out(), description);
    assertEquals(full.err(), alone.err(), description);
    return realSubcommands(alone.commandLine()).size() == 1;
  }

  private record Outcome(int status, String out, String err, CommandLine commandLine) {
    @Override
    public String toString() {
      return "exit " + status + "\nstdout: " + out + "\nstderr: " + err;
    }
  }

  private static Outcome outcome(boolean fullModel, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Cli.Run run;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      run = run(fullModel, outStream, errStream, args);
    }
    return new Outcome(run.status(), normalized(out.toString(StandardCharsets.UTF_8)),
        normalized(err.toString(StandardCharsets.UTF_8)), run.commandLine());
  }

  private static Cli.Run run(boolean fullModel, String... args) {
    PrintStream sink = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    return run(fullModel, sink, sink, args);
  }

  /** Runs {@code args} in a work folder laid out anew, so both runs of a case see the same state. */
  private static Cli.Run run(boolean fullModel, PrintStream out, PrintStream err, String... args) {
    try {
      deleteTree(work);
      Files.createDirectories(work.resolve("home"));
      Files.createDirectories(work.resolve("cache"));
      Files.createDirectories(work.resolve("root"));
      Files.createDirectories(work.resolve("out"));
      Files.writeString(work.resolve("saved.json"), SAVED_SERVERS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Cli.run(args, environment, out, err, fullModel);
  }

  private static String normalized(String text) {
    String result = STACK_FRAME.matcher(text).replaceAll("");
    result = MILLISECONDS.matcher(result).replaceAll("N ms");
    return INSTANT.matcher(result).replaceAll("INSTANT");
  }

  /** Returns the classes of the subcommands of {@code commandLine} that are not placeholders. */
  private static List<Class<?>> realSubcommands(CommandLine commandLine) {
    List<Class<?>> types = new ArrayList<>();
    for (CommandLine subcommand : new java.util.LinkedHashSet<>(commandLine.getSubcommands().values())) {
      if (!Subcommands.isPlaceholder(subcommand)) {
        types.add(subcommand.getCommand().getClass());
      }
    }
    return types;
  }

  private static CommandLine fullModel() {
    java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
    return Cli.commandLine(Map.of(), sink, sink);
  }

  private static String describe(List<String> args) {
    List<String> quoted = new ArrayList<>();
    for (String arg : args) {
      quoted.add(arg.isEmpty() || arg.contains(" ") ? "'" + arg + "'" : arg);
    }
    return String.join(" ", quoted);
  }

  /**
   * Returns argument vectors that run each subcommand successfully, the first being the plainest.
   * Every {@code doctor} vector names a loopback metadata URL and an empty instance root.
   */
  private static List<List<String>> validArguments(String subcommand) {
    String saved = work.resolve("saved.json").toString();
    String out = work.resolve("out").toString();
    return switch (subcommand) {
      case "providers" -> List.of(
          List.of("providers"), List.of("providers", "--json"), List.of("providers", "--format", "csv"));
      case "regions" -> List.of(
          List.of("amazon", "regions"), List.of("amazon", "regions", "--json"),
          List.of("amazon", "regions", "--filter", "name~us"));
      case "server_types" -> List.of(
          List.of("amazon", "server_types"), List.of("amazon", "server_types", "--xml"));
      case "servers" -> List.of(
          List.of("amazon", "servers"),
          List.of("amazon", "servers", "--region", "us-east-1", "--json"),
          List.of("amazon", "servers", "--region=us-east-1,eu-central-1", "--smt"),
          List.of("amazon", "servers", "--regionserver", "--format=table"),
          List.of("amazon", "servers", "--format", "cidr", "--aggregate"),
          List.of("amazon", "servers", "--filter", "name~smt", "--format=ips"),
          List.of("Amazon", "servers", "--region", "us-east-1"));
      case "diff" -> List.of(
          List.of("amazon", "diff", saved, "live"), List.of("diff", saved, saved),
          List.of("amazon", "diff", "--smt", "live", saved),
          List.of("amazon", "diff", "--region", "us-east-1", "--", saved, "live"));
      case "image_states" -> List.of(
          List.of("image_states"), List.of("image_states", "--json"));
      case "images" -> List.of(
          List.of("amazon", "images"), List.of("amazon", "images", "--active", "--json"),
          List.of("amazon", "images", "--region", "us-east-1", "--filter", "name~sles"));
      case "deletiondate" -> List.of(
          List.of("amazon", "deletiondate", IMAGE), List.of("amazon", "deletiondate", IMAGE, "--json"));
      case "deletedby" -> List.of(
          List.of("amazon", "deletedby", "20270101"), List.of("amazon", "deletedby", "20270101", "--xml"));
      case "allowlist" -> List.of(
          List.of("amazon", "allowlist", "--region", "us-east-1", "--allow-empty"),
          List.of("amazon", "allowlist", "--region=us-east-1", "--target", "nftables", "--allow-empty"),
          List.of("amazon", "allowlist", "--region", "us-east-1", "--port-80", "--allow-empty",
              "--output-dir", out));
      case "mirror" -> List.of(
          List.of("mirror", out), List.of("mirror", "--provider", "amazon", out));
      case "doctor" -> List.of(
          concat(List.of("doctor"), doctorFixture()),
          concat(List.of("doctor", "--provider", "amazon", "--region", "us-east-1", "--json"),
              doctorFixture()));
      default -> throw new AssertionError(subcommand);
    };
  }

  /**
   * Returns hand-written cases: each valid vector with cache, logging and base URL options, then
   * for each subcommand the forms around help, version, {@code --}, option values equal to
   * subcommand names, misspellings and empty arguments, then single cases of other errors.
   */
  private static List<List<String>> tableCases() {
    List<List<String>> cases = new ArrayList<>();
    for (Subcommands.Subcommand subcommand : Subcommands.ALL) {
      for (List<String> args : validArguments(subcommand.name())) {
        cases.add(args);
        cases.add(concat(List.of("--no-cache"), args));
        cases.add(concat(args, List.of("--no-cache", "--verbose")));
        cases.add(concat(args, List.of("--base-url=" + serviceUrl)));
      }

      String name = subcommand.name();
      List<List<String>> forms = new ArrayList<>();
      forms.add(List.of(name));
      forms.add(List.of("amazon", name));
      forms.add(List.of(name, "amazon"));
      forms.add(List.of("amazon", name, "extra", "positional"));
      forms.add(List.of("nosuchprovider", name));
      forms.add(List.of("amazon", name, "--help"));
      forms.add(List.of("amazon", name, "-h"));
      forms.add(List.of("--help", "amazon", name));
      forms.add(List.of("amazon", "--help", name));
      forms.add(List.of("amazon", name, "--version"));
      forms.add(List.of("amazon", name, "-V"));
      forms.add(List.of("-v", name));

      forms.add(List.of("amazon", name, "--no-such-option"));
      forms.add(List.of("--no-such-option", "amazon", name));
      // An option value equal to a subcommand name is rejected, attached or not.
      forms.add(List.of("--base-url", name, "amazon", "servers"));
      forms.add(List.of("--base-url=" + name, "amazon", "servers"));
      forms.add(List.of("--timeout=" + name, "providers"));
      forms.add(List.of("amazon", "servers", "--base-url=" + name));
      forms.add(List.of("amazon", "servers", "--region", name));
      forms.add(List.of("amazon", "servers", name));

      forms.add(List.of("amazon", "--", name));
      forms.add(List.of("--", "amazon", name));
      forms.add(List.of("amazon", name, "--"));

      forms.add(List.of(name.toUpperCase(java.util.Locale.ROOT)));
      forms.add(List.of("amazon", name.substring(0, name.length() - 1)));
      forms.add(List.of("amazon", name + "s"));

      forms.add(List.of("amazon", "", name));
      forms.add(List.of("", name));
      forms.add(List.of("amazon", name, ""));

      for (List<String> form : forms) {
        // Without these, doctor would read this machine's files and ask the link-local address,
        // and mirror could write into the current folder.
        cases.add(switch (name) {
          case "doctor" -> concat(form, doctorFixture());
          case "mirror" -> concat(form, List.of(work.resolve("out").toString()));
          default -> form;
        });
      }
    }

    cases.add(List.of());
    cases.add(List.of(""));
    cases.add(List.of("amazon"));
    cases.add(List.of("--"));
    cases.add(List.of("-h"));
    cases.add(List.of("--help"));
    cases.add(List.of("--version"));
    cases.add(List.of("-V"));
    cases.add(List.of("-v"));
    cases.add(List.of("help"));
    cases.add(List.of("help", "servers"));
    cases.add(List.of("amazon", "help", "servers"));
    cases.add(List.of("@args.txt", "servers"));

    cases.add(List.of("--no-cache", "--no-cache", "amazon", "servers"));
    cases.add(List.of("amazon", "servers", "--region", "us-east-1", "--region", "eu-central-1"));
    cases.add(List.of("amazon", "servers", "--json", "--json"));
    cases.add(List.of("amazon", "servers", "--json", "--xml"));
    cases.add(List.of("amazon", "servers", "--smt", "--regionserver"));
    cases.add(List.of("amazon", "servers", "--region", "us-esat-1"));
    cases.add(List.of("amazon", "servers", "--format", "nonsense"));
    cases.add(List.of("amazon", "servers", "--timeout", "0"));
    cases.add(List.of("--timeout", "abc", "amazon", "servers"));
    cases.add(List.of("--max-age", "-1", "amazon", "servers"));
    cases.add(List.of("--refresh", "--offline", "amazon", "servers"));
    cases.add(List.of("--offline", "amazon", "servers"));
    cases.add(List.of("--base-url", "", "amazon", "servers"));
    cases.add(List.of("--debug", "amazon", "servers", "--region", "us-esat-1"));
    cases.add(List.of("amazon", "servers", "--debug", "--verbose", "--format", "ips"));
    cases.add(List.of("--proxy", "servers", "amazon", "servers"));
    cases.add(List.of("--cacert", "/no/such/file.pem", "amazon", "servers"));

    cases.add(List.of("providers", "amazon", "servers"));
    cases.add(List.of("amazon", "servers", "providers"));
    cases.add(List.of("amazon", "servers", "servers"));
    cases.add(List.of("amazon", "providers"));
    cases.add(List.of("amazon", "mirror", work.resolve("out").toString()));
    cases.add(List.of("amazon", "deletiondate", "no-such-image"));
    cases.add(List.of("amazon", "deletedby", "notadate"));
    cases.add(List.of("amazon", "allowlist"));
    cases.add(List.of("amazon", "allowlist", "--region", "us-east-1", "--target", "nosuch"));
    cases.add(List.of("amazon", "diff", "live"));
    cases.add(List.of("diff", "live", "live"));
    cases.add(List.of("amazon", "diff", "/no/such/file.json", "live"));
    cases.add(concat(List.of("doctor", "--region", "us-east-1"), doctorFixture()));
    cases.add(List.of("doctor", "--root", "/no/such/root", "--metadata-url", metadataUrl));

    for (List<String> args : cases) {
      assertTrue(staysInWorkFolder(args), describe(args));
    }
    return cases;
  }

  /** Tokens that generated cases insert: options, values, names and near-misses of names. */
  private static final List<String> NOISE = List.of(
      "--help", "-h", "--version", "-V", "-v", "--", "", " ", "amazon", "AMAZON", "nosuch",
      "--no-cache", "--refresh", "--offline", "--verbose", "--json", "--xml", "--format=csv",
      "--format", "--region", "--region=us-east-1", "us-east-1", "--smt", "--regionserver",
      "--base-url", "--base-url=servers", "--base-url=providers", "--timeout", "--timeout=2",
      "--max-age=0", "--no-such-option", "-x", "servrs", "Servers", "server", "image-states",
      "help", "live", "extra", "=", "-", "--=", "--region=", "@x");

  /**
   * Generates an argument vector: a valid one for a random subcommand, with up to four random
   * edits. An edit inserts a noise token, a subcommand name or an option with a subcommand name
   * as its value, or it deletes, repeats or swaps tokens. When the edits would let {@code doctor}
   * or {@code mirror} leave the work folder or loopback, the valid vector is returned unedited.
   */
  private static List<String> generatedArguments(SplittableRandom random) {
    List<String> names = new ArrayList<>();
    for (Subcommands.Subcommand subcommand : Subcommands.ALL) {
      names.add(subcommand.name());
    }
    String subcommand = names.get(random.nextInt(names.size()));
    List<List<String>> valid = validArguments(subcommand);
    List<String> base = new ArrayList<>(valid.get(random.nextInt(valid.size())));
    if (random.nextBoolean()) {
      base.add(0, "--no-cache");
    }
    if (random.nextInt(4) == 0) {
      base.add(random.nextInt(base.size() + 1), "--base-url=" + serviceUrl);
    }

    List<String> args = new ArrayList<>(base);
    int edits = random.nextInt(5);
    for (int i = 0; i < edits; i++) {
      edit(random, args, names);
    }
    return staysInWorkFolder(args) ? args : base;
  }

  /** Returns the options that keep {@code doctor} on loopback and off this machine's files. */
  private static List<String> doctorFixture() {
    return List.of("--root", work.resolve("root").toString(), "--metadata-url", metadataUrl,
        "--probe-timeout", "0.5");
  }

  /**
   * Returns whether a run of {@code args} stays on loopback and in the work folder: {@code
   * doctor} must use the loopback metadata URL and the empty instance root (or a root that does
   * not exist), and {@code mirror}
   * must write into the work folder. Parsing with the full model shows which command runs with
   * which values, and arguments that do not parse run nothing.
   */
  private static boolean staysInWorkFolder(List<String> args) {
    CommandLine.ParseResult parsed;
    try {
      parsed = fullModel().parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      return true;
    }
    if (!parsed.hasSubcommand()) {
      return true;
    }
    Object command = parsed.subcommand().commandSpec().userObject();
    if (command instanceof DoctorCommand doctor) {
      // A root that is no folder is rejected before anything is read or asked.
      return metadataUrl.equals(String.valueOf(doctor.metadataUrl))
          && (work.resolve("root").equals(doctor.rootDirectory)
              || !Files.exists(doctor.rootDirectory));
    }
    if (command instanceof MirrorCommand mirror) {
      return work.resolve("out").equals(mirror.directory);
    }
    return true;
  }

  private static void edit(SplittableRandom random, List<String> args, List<String> names) {
    int position = random.nextInt(args.size() + 1);
    switch (random.nextInt(6)) {
      case 0 -> args.add(position, NOISE.get(random.nextInt(NOISE.size())));
      case 1 -> args.add(position, names.get(random.nextInt(names.size())));
      case 2 -> args.add(position, (random.nextBoolean() ? "--base-url=" : "--timeout=")
          + names.get(random.nextInt(names.size())));
      case 3 -> {
        if (!args.isEmpty()) {
          args.remove(random.nextInt(args.size()));
        }
      }
      case 4 -> {
        if (!args.isEmpty()) {
          args.add(position, args.get(random.nextInt(args.size())));
        }
      }
      default -> {
        if (args.size() >= 2) {
          int other = random.nextInt(args.size());
          int index = Math.min(position, args.size() - 1);
          String moved = args.get(index);
          args.set(index, args.get(other));
          args.set(other, moved);
        }
      }
    }
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!file.equals(root)) {
          Files.delete(file);
        }
      }
    }
  }
}
