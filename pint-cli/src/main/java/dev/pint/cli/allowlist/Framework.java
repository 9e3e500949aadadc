package dev.pint.cli.allowlist;

import java.util.Map;
import java.util.Optional;

/**
 * The name the update infrastructure gives a provider's instances, used in the update-server
 * names that resolve only through an instance's {@code /etc/hosts}: {@code ec2} for Amazon gives
 * {@code smt-ec2.susecloud.net} and {@code registry-ec2.susecloud.net}.
 *
 * @param name the framework name, such as {@code ec2}, {@code azure} or {@code gce}
 */
public record Framework(String name) {
  /** The domain of every update-server name. */
  public static final String DOMAIN = "susecloud.net";

  private static final Map<String, String> BY_PROVIDER =
      Map.of("amazon", "ec2", "microsoft", "azure", "google", "gce");

  /** Returns the framework of a provider the update infrastructure serves, by its service name. */
  public static Optional<Framework> forProvider(String provider) {
    return Optional.ofNullable(BY_PROVIDER.get(provider)).map(Framework::new);
  }

  /** The update-server name, such as {@code smt-ec2.susecloud.net}. */
  public String updateServerName() {
    return "smt-" + name + "." + DOMAIN;
  }

  /** The container-registry name, such as {@code registry-ec2.susecloud.net}. */
  public String registryName() {
    return "registry-" + name + "." + DOMAIN;
  }

  /**
   * Returns the registry name that goes with an update-server name of the form {@code
   * smt-X.susecloud.net}, or empty for any other name.
   */
  public static Optional<String> registryNameFor(String updateServerName) {
    String prefix = "smt-";
    String suffix = "." + DOMAIN;
    if (!updateServerName.startsWith(prefix) || !updateServerName.endsWith(suffix)
        || updateServerName.length() <= prefix.length() + suffix.length()) {
      return Optional.empty();
    }
    return Optional.of("registry-" + updateServerName.substring(prefix.length()));
  }
}
