package dev.pint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads fixtures (from pint-core's test jar) and golden files from the test class path. */
final class TestResources {
  private TestResources() {}

  static String fixture(String name) {
    return read("/fixtures/" + name);
  }

  static String golden(String name) {
    return read("/golden/" + name);
  }

  private static String read(String path) {
    try (InputStream in = TestResources.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
