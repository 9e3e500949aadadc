package dev.pint.cli.allowlist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import inet.ipaddr.IPAddress;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The whole allowlist as one JSON object. JSON has no comments, so the header is the {@code
 * comment} member, first, followed by the values the other targets print as comments.
 */
public final class JsonTarget implements AllowlistTarget {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public String name() {
    return "json";
  }

  @Override
  public String description() {
    return "the whole allowlist as a JSON object";
  }

  @Override
  public List<GeneratedFile> render(Allowlist allowlist) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.setPrettyPrinter(prettyPrinter());
      json.writeStartObject();
      json.writeStringField("comment", Header.lines(allowlist, name()).get(0));
      json.writeStringField("provider", allowlist.provider());
      writeStrings(json, "regions", allowlist.regions());
      json.writeArrayFieldStart("ports");
      for (int port : allowlist.ports()) {
        json.writeNumber(port);
      }
      json.writeEndArray();
      json.writeStringField("source", allowlist.source().toString());
      json.writeStringField("fetchedAt", allowlist.fetchedAt().truncatedTo(ChronoUnit.SECONDS).toString());
      json.writeStringField("toolVersion", allowlist.toolVersion());
      json.writeStringField("metadataAddress", IpAddresses.text(allowlist.metadataAddress()));
      writeStrings(json, "names", allowlist.names());
      writeAddresses(json, "regionServers", allowlist.regionServers());
      json.writeObjectFieldStart("updateServers");
      for (Map.Entry<String, List<IPAddress>> entry : allowlist.updateServers().entrySet()) {
        writeAddresses(json, entry.getKey(), entry.getValue());
      }
      json.writeEndObject();
      writeAddresses(json, "addresses", allowlist.addresses());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string failed", e);
    }
    return List.of(new GeneratedFile("pint-" + allowlist.provider() + ".json", text + "\n"));
  }

  private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void writeAddresses(JsonGenerator json, String field, List<IPAddress> addresses)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (IPAddress address : addresses) {
      json.writeString(IpAddresses.text(address));
    }
    json.writeEndArray();
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }
}
