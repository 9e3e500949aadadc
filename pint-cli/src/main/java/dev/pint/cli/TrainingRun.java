package dev.pint.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Runs pint's common paths once in one process, for the launcher to record the classes they
 * load in a class-data-sharing archive or an ahead-of-time cache. Not a command for users.
 *
 * <p>Queries go to a server of its own on the loopback interface, which returns a few made-up
 * servers, so nothing leaves the machine. Whatever pint writes to disk goes to a temporary folder
 * that is deleted afterwards.
 */
public final class TrainingRun {
  private TrainingRun() {}

  public static void main(String[] args) throws IOException {
    Path home = Files.createTempDirectory("pint-training");
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), /* backlog= */ 0);
    server.createContext("/v1/", TrainingRun::answer);
    server.start();
    try {
      String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
      Map<String, String> environment = Map.of(
          "PINT_BASE_URL", baseUrl, "HOME", home.toString(), "XDG_CACHE_HOME", home.toString());
      for (List<String> command : commands()) {
        run(environment, command);
      }
    } finally {
      server.stop(/* delay= */ 0);
      try (Stream<Path> files = Files.walk(home)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private static List<List<String>> commands() {
    List<List<String>> commands = new ArrayList<>();
    commands.add(List.of("--help"));
    commands.add(List.of("--version"));
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
    CommandLine model = Cli.commandLine(Map.of(), sink, sink);
    for (String subcommand : model.getSubcommands().keySet()) {
      commands.add(List.of(subcommand, "--help"));
    }
    commands.add(List.of("providers", "--json"));
    commands.add(List.of("amazon", "regions"));
    commands.add(List.of("amazon", "server_types", "--json"));
    commands.add(List.of("amazon", "servers", "--region", "us-east-1", "--json"));
    commands.add(List.of("amazon", "servers", "--region=us-east-1,eu-west-1", "--smt"));
    commands.add(List.of("amazon", "servers", "--regionserver", "--filter", "name~smt"));
    commands.add(List.of("amazon", "servers", "--region", "us-esat-1"));
    commands.add(List.of("amazon", "servers", "--no-such-option"));
    return commands;
  }

  private static void run(Map<String, String> environment, List<String> command) {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    Cli.execute(command.toArray(String[]::new), environment, sink, sink);
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = switch (path) {
      case "/v1/providers.json" -> "{\"providers\":[{\"name\":\"amazon\"},{\"name\":\"google\"}]}";
      case "/v1/amazon/servers.json" -> servers();
      case "/v1/amazon/regions.json" ->
          "{\"regions\":[{\"name\":\"eu-west-1\"},{\"name\":\"us-east-1\"}]}";
      case "/v1/amazon/servers/types.json" ->
          "{\"types\":[{\"name\":\"regionserver\"},{\"name\":\"smt\"}]}";
      default -> null;
    };
    byte[] bytes = (body == null ? "{\"error\":\"not found\"}" : body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String servers() {
    StringBuilder json = new StringBuilder("{\"servers\":[");
    String[] regions = {"eu-west-1", "us-east-1"};
    for (int i = 0; i < regions.length; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"ip\":\"192.0.2.").append(10 + i).append("\",\"ipv6\":\"2001:db8::")
          .append(i + 1).append("\",\"name\":\"smt-ec2.susecloud.net\",\"region\":\"")
          .append(regions[i]).append("\",\"type\":\"smt\"},")
          .append("{\"ip\":\"198.51.100.").append(10 + i).append("\",\"ipv6\":\"\",\"name\":\"\",")
          .append("\"region\":\"").append(regions[i]).append("\",\"type\":\"regionserver\"}");
    }
    return json.append("]}").toString();
  }
}
