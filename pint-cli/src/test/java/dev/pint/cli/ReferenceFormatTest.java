package dev.pint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pint.internal.JsonDocuments;
import dev.pint.testing.ImageListGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares ReferenceJson and ReferenceXml with Python's json module and lxml, which the
 * reference client uses, on the same documents. Needs Debian's python3-lxml.
 */
final class ReferenceFormatTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("src/test/python/reference_format.py");

  @BeforeAll
  static void requirePythonWithLxml() throws Exception {
    boolean available = Files.isExecutable(PYTHON)
        && new ProcessBuilder(PYTHON.toString(), "-c", "import lxml.etree").start().waitFor() == 0;
    if ("true".equals(System.getenv("CI"))) {
      assertEquals(true, available, "CI needs /usr/bin/python3 with python3-lxml (.ci/install-deps)");
    }
    assumeTrue(available, "needs /usr/bin/python3 with python3-lxml");
  }

  private static String python(String format, String listName, String entryName, String document)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), format, listName, entryName)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(document.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(30, TimeUnit.SECONDS);
    return process.exitValue() == 0 ? out : "exit " + process.exitValue();
  }

  private static List<Map<String, @Nullable Object>> parse(String document, String listName) {
    return JsonDocuments.readList(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)),
        listName, URI.create("test:" + listName));
  }

  private static void assertSameAsReference(String document) throws Exception {
    List<Map<String, @Nullable Object>> entries = parse(document, "servers");

    assertEquals(python("json", "servers", "server", document), ReferenceJson.render("servers", entries));
    assertEquals(python("xml", "servers", "server", document),
        ReferenceXml.render("servers", "server", entries));
  }

  @ParameterizedTest
  @ValueSource(strings = {"amazon-servers.json", "microsoft-servers.json", "google-servers.json",
      "providers.json", "microsoft-regions.json", "amazon-types.json", "image-states.json",
      "amazon-images.json", "amazon-images-deleted.json", "microsoft-images.json",
      "microsoft-westus-images.json", "google-images.json"})
  void fixtures_sameAsReference(String fixture) throws Exception {
    String document = TestResources.fixture(fixture);
    String listName = document.substring(2, document.indexOf('"', 2));
    String entryName = listName.substring(0, listName.length() - 1);
    List<Map<String, @Nullable Object>> entries = parse(document, listName);

    assertEquals(python("json", listName, entryName, document), ReferenceJson.render(listName, entries));
    assertEquals(python("xml", listName, entryName, document),
        ReferenceXml.render(listName, entryName, entries));
  }

  @Test
  void generatedImageList_sameAsReference() throws Exception {
    String document = new String(
        ImageListGenerator.amazon(ImageListGenerator.SERVICE_LIMIT_BYTES).json(), StandardCharsets.UTF_8);
    List<Map<String, @Nullable Object>> entries = parse(document, "images");

    assertEquals(python("json", "images", "image", document), ReferenceJson.render("images", entries));
    assertEquals(python("xml", "images", "image", document),
        ReferenceXml.render("images", "image", entries));
  }

  @Test
  void emptyList_sameAsReference() throws Exception {
    assertSameAsReference("{\"servers\": []}");
  }

  @Test
  void escapedCharacters_sameAsReference() throws Exception {
    assertSameAsReference("{\"servers\": [{\"name\": \"a&b<c>d\\\"e'f\\\\g\", "
        + "\"region\": \"line\\nbreak\\ttab\\rreturn\", \"type\": \"smt\"}]}");
  }

  @Test
  void nonAsciiText_sameAsReference() throws Exception {
    assertSameAsReference("{\"servers\": [{\"region\": \"S\u00e3o Paulo \u6771\u4eac \ud83d\ude80\","
        + " \"name\": \"\u007f\u0085\u2028\u00a0\", \"type\": \"smt\"}]}");
  }

  @Test
  void unusualKeys_sameAsReference() throws Exception {
    assertSameAsReference("{\"servers\": [{\"zeta\": \"1\", \"Alpha\": \"2\", \"_x\": \"3\","
        + " \"\u00e9t\u00e9\": \"4\", \"a-b.c\": \"5\", \"ip\": \"1.2.3.4\"}]}");
  }

  @Test
  void duplicateKeys_sameAsReference() throws Exception {
    assertSameAsReference("{\"servers\": [{\"ip\": \"1.1.1.1\", \"name\": \"n\", \"ip\": \"2.2.2.2\"}]}");
  }

  @Test
  void nonStringJsonValues_sameAsReferenceJson() throws Exception {
    String document = "{\"servers\": [{\"ip\": \"1.2.3.4\", \"port\": 443, \"ok\": true,"
        + " \"none\": null, \"list\": [1, \"a\", {\"b\": []}], \"obj\": {}, \"big\": 123456789012345678901234567890}]}";

    assertEquals(python("json", "servers", "server", document),
        ReferenceJson.render("servers", parse(document, "servers")));
  }

  @Test
  void controlCharacter_rejectedLikeReference() throws Exception {
    String document = "{\"servers\": [{\"region\": \"a\\u0007b\", \"type\": \"smt\"}]}";

    assertEquals("exit 1", python("xml", "servers", "server", document));
    assertThrows(UnrepresentableDataException.class,
        () -> ReferenceXml.render("servers", "server", parse(document, "servers")));
    assertEquals(python("json", "servers", "server", document),
        ReferenceJson.render("servers", parse(document, "servers")));
  }

  @Test
  void invalidAttributeName_rejectedLikeReference() throws Exception {
    String document = "{\"servers\": [{\"1ip\": \"1.2.3.4\"}]}";

    assertEquals("exit 1", python("xml", "servers", "server", document));
    assertThrows(UnrepresentableDataException.class,
        () -> ReferenceXml.render("servers", "server", parse(document, "servers")));
  }
}
