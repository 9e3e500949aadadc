package dev.pint.cli.doctor;

import java.nio.file.Path;

/** Maps paths on the checked instance to files under the root given with {@code --root}. */
final class Paths {
  private Paths() {}

  /**
   * Returns {@code instancePath}, an absolute path on the instance such as {@code /etc/hosts},
   * as a file under {@code root}.
   */
  static Path under(Path root, String instancePath) {
    String relative = instancePath;
    while (relative.startsWith("/")) {
      relative = relative.substring(1);
    }
    return relative.isEmpty() ? root : root.resolve(relative);
  }
}
