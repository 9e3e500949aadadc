package dev.pint.cli;

import java.util.ArrayList;
import java.util.List;

/** Splits {@code --region} values, which may be repeated and comma-separated. */
final class RegionOptions {
  private RegionOptions() {}

  /**
   * Returns the region names in order, each trimmed.
   *
   * @throws UsageException when a name is empty, as in {@code --region=us-east-1,}
   */
  static List<String> split(List<String> values) {
    List<String> names = new ArrayList<>();
    for (String value : values) {
      for (String name : value.split(",", -1)) {
        if (name.isBlank()) {
          throw new UsageException("invalid --region: empty region name in " + Quoting.quote(value));
        }
        names.add(name.strip());
      }
    }
    return names;
  }
}
